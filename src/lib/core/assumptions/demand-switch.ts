/**
 * Switching how new need is modelled for a group, keeping the projection continuous where it can:
 * rate and prevalence start calibrated (from today's tenants), the refugee series and the manual
 * series start from the group's current inflow. The planner then edits the new driver.
 */
import type { DemandDriver } from '../model/assumptions.ts';
import type { GroupId } from '../model/groups.ts';
import type { AgeBand } from '../model/population.ts';

/** Suggested age bands (model.md): ROP and funksjon 18–66, andre 18+, eldre 80+. */
export const SUGGESTED_BANDS: Readonly<Record<GroupId, AgeBand>> = {
	rop: { from: 18, to: 66 },
	funksjon: { from: 18, to: 66 },
	eldre: { from: 80 },
	flyktning: { from: 18 },
	andre: { from: 18 }
};

export const DEMAND_KIND_LABELS: Readonly<Record<DemandDriver['kind'], string>> = {
	rate: 'Rate per 1 000 innbyggere i en aldersgruppe',
	prevalence: 'Andel av en aldersgruppe',
	refugees: 'Bosetting av flyktninger',
	manual: 'Tall per år (manuelt)'
};

/**
 * The driver of `kind` to switch to. `earlier` is the group's driver of that kind from before an
 * earlier switch (the editor remembers it): switching away and back then restores every field the
 * planner had set (a trend of 1,0 stays 1,0), taking the age band from the current driver if it has one.
 */
export function switchDemand(
	current: DemandDriver,
	kind: DemandDriver['kind'],
	ctx: { group: GroupId; baseYear: number; currentInflow: number },
	earlier?: DemandDriver
): DemandDriver {
	if (current.kind === kind) return current;
	const band = current.kind === 'rate' || current.kind === 'prevalence' ? current.band : SUGGESTED_BANDS[ctx.group];
	if (earlier?.kind === kind) {
		return earlier.kind === 'rate' || earlier.kind === 'prevalence' ? { ...earlier, band } : earlier;
	}
	const inflow = Math.max(0, Math.round(ctx.currentInflow * 10) / 10);
	switch (kind) {
		case 'rate':
			return { kind, band, trendPctPerYear: { value: 0 } };
		case 'prevalence':
			return { kind, band };
		case 'refugees': {
			const share = 65;
			const perHousehold = 2.4;
			return {
				kind,
				settledPerYear: { [String(ctx.baseYear + 1)]: Math.round((inflow * perHousehold) / (share / 100)) },
				shareNeedingPct: { value: share },
				personsPerHousehold: { value: perHousehold }
			};
		}
		case 'manual':
			return { kind, perYear: { [String(ctx.baseYear + 1)]: inflow } };
	}
}
