/**
 * The planner's calibration choices per group, resolved against the base data (docs/model.md,
 * "Calibration on observed flows" and "The waiting list at the start").
 */
import type { GroupAssumptions } from '#lib/core/model/assumptions.ts';
import type { GroupBase } from '#lib/core/model/base-data.ts';

/** What the observed new tenants calibrate, in force (requested and possible): GroupAssumptions.observedFlowUse. */
export const FLOW_NONE = 0, FLOW_INFLOW = 1, FLOW_TENURE = 2;

/**
 * The observed-flow calibration in force for a group: 'inflow' needs the rate driver (the other
 * drivers give the inflow themselves) and observed new tenants; 'tenure' needs observed new
 * tenants > 0 and tenants > 0. Otherwise FLOW_NONE, with the reason as a warning.
 */
export function observedFlowFor(
	ga: GroupAssumptions,
	gb: GroupBase
): { use: number; problem?: { code: string; message: string } } {
	const want = ga.observedFlowUse ?? 'none';
	if (want === 'none') return { use: FLOW_NONE };
	const observed = gb.newTenantsLastYear;
	const what = want === 'inflow' ? 'nytt behov' : 'botiden';
	if (observed === undefined || observed <= 0 || (want === 'tenure' && gb.tenants <= 0)) {
		return {
			use: FLOW_NONE,
			problem: {
				code: 'observed-flow-missing',
				message:
					`Nye leietakere i basisåret skal kalibrere ${what}, men ` +
					(observed === undefined ? 'tallet mangler i grunnlagsdataene' : observed <= 0 ? 'tallet er 0' : 'gruppen har ingen leietakere') +
					'. Beregningen bruker forutsetningene som de er.'
			}
		};
	}
	if (want === 'inflow' && ga.demand.kind !== 'rate') {
		return {
			use: FLOW_NONE,
			problem: {
				code: 'observed-flow-not-applicable',
				message:
					'Nye leietakere i basisåret kan bare kalibrere nytt behov når det beregnes med en rate per 1000 innbyggere; ' +
					'med denne driveren gir forutsetningene nytt behov selv, og de observerte tallene brukes ikke.'
			}
		};
	}
	return { use: want === 'inflow' ? FLOW_INFLOW : FLOW_TENURE };
}

/**
 * Whether the waiting list at T0 is part of the lasting need. Absent: the behaviour before the
 * choice existed, lasting for the prevalence driver (its share counts tenants + waiting), a one-off
 * backlog for the others.
 */
export function waitingIsLasting(ga: GroupAssumptions): boolean {
	return (ga.waitingAtStart ?? (ga.demand.kind === 'prevalence' ? 'lasting' : 'backlog')) === 'lasting';
}

