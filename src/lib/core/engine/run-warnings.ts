/**
 * Warnings that need a finished deterministic run (docs/model.md, "Warnings"). Warnings that need
 * only the input come from prepare.ts; every warning is a ResultWarning with a stable code.
 */
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { ResultWarning } from '#lib/core/model/result.ts';
import { FLOW_INFLOW, FLOW_TENURE } from './calibration-choices.ts';
import type { Workspace } from './kernel.ts';
import { DEMAND_RATE, G, type Prepared } from './prepare.ts';
import { driverSeries, heldJump } from './series-rules.ts';

/** Botid and observed new tenants "disagree" when their steady states differ by more than this share. */
export const OBSERVED_FLOW_TOLERANCE = 0.1;

function fmt(x: number, digits = 0): string {
	return x.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function runWarnings(input: EngineInput, prep: Prepared, ws: Workspace): ResultWarning[] {
	return [...observedFlowMismatch(prep, ws), ...heldSeries(input, prep), ...stockBelowOccupancy(input, prep, ws)];
}

/**
 * The tenure gives exits X(0) = H(0) ÷ botid a year, the steady state of today's tenants; the
 * observed new tenants I(0), if they went on, would give a steady state I(0) × botid. When the two
 * differ by more than OBSERVED_FLOW_TOLERANCE (and the tenure is not calibrated from I(0)), say so.
 * Only for the rate driver: there the inflow is (or could be) calibrated to a steady level. With
 * the refugee and manual drivers the planner's series gives the inflow year by year, and with the
 * prevalence driver the share does, so last year's flow says nothing about a steady state.
 */
function observedFlowMismatch(prep: Prepared, ws: Workspace): ResultWarning[] {
	const out: ResultWarning[] = [];
	for (let g = 0; g < G; g++) {
		const observed = prep.I0[g] as number;
		const h0 = prep.H0[g] as number;
		if (observed !== observed || h0 <= 0 || prep.demandKind[g] !== DEMAND_RATE || prep.flowUse[g] === FLOW_TENURE) continue;
		const i0 = g * prep.n;
		const exits = ws.X[i0] as number;
		const botid = ws.TEN[i0] as number;
		if (exits <= 0 || Math.abs(observed - exits) <= OBSERVED_FLOW_TOLERANCE * exits) continue;
		const gid = GROUP_IDS[g] as GroupId;
		const toward = observed * botid;
		const moves = toward > h0 ? 'vokser' : 'synker';
		const head = `${GROUP_LABELS[gid]}: botid ${fmt(botid, 1)} år gir ${fmt(exits)} nye leieforhold i året, men ${fmt(observed)} er observert`;
		const message =
			prep.flowUse[g] === FLOW_INFLOW
				? `${head}: da ${moves} behovet mot ${fmt(toward)} (i dag ${fmt(h0)} leietakere).`
				: `${head}. Beregningen bruker ikke de observerte tallene; fortsatte ${fmt(observed)} nye leietakere i året, ` +
					`ville behovet ${moves === 'vokser' ? 'vokse' : 'synke'} mot ${fmt(toward)} (i dag ${fmt(h0)} leietakere). ` +
					'Velg om de observerte tallene skal kalibrere nytt behov eller botiden, eller sjekk botiden.';
		out.push({ code: 'observed-flow-mismatch', group: gid, year: prep.baseYear, message });
	}
	return out;
}

/** A refugee or manual series whose last value, after a jump, is held for many years. */
function heldSeries(input: EngineInput, prep: Prepared): ResultWarning[] {
	const out: ResultWarning[] = [];
	const lastYear = prep.baseYear + prep.horizon;
	GROUP_IDS.forEach((gid) => {
		const d = input.scenario.groups[gid].demand;
		if (d.kind !== 'refugees' && d.kind !== 'manual') return;
		const jump = heldJump(driverSeries(d), d.afterLastYear, lastYear);
		if (!jump) return;
		const what = d.kind === 'refugees' ? 'bosatte personer' : 'nye husstander';
		out.push({
			code: 'series-held-after-jump',
			group: gid,
			year: jump.lastYear + 1,
			message:
				`${GROUP_LABELS[gid]}: ${fmt(jump.last, 1)} ${what} i ${jump.lastYear} mot ${fmt(jump.prev, 1)} i ${jump.prevYear}, ` +
				`og ${fmt(jump.last, 1)} gjentas hvert år ${jump.lastYear + 1}–${lastYear} (${jump.heldYears} år). ` +
				'Velg hva serien skal gjøre etter siste år: holde siste verdi, null eller en trend.'
		});
	});
	return out;
}

/**
 * Capacity mode: a planned cut that leaves a segment with fewer dwellings than households living
 * there, in the year of the cut. Tenants are never displaced, so move-ins stop until exits make room.
 */
function stockBelowOccupancy(input: EngineInput, prep: Prepared, ws: Workspace): ResultWarning[] {
	const out: ResultWarning[] = [];
	if (!prep.capacity) return out;
	const n = prep.n;
	for (let s = 0; s < prep.nSeg; s++) {
		for (let t = 1; t < n; t++) {
			const stock = prep.segStock[s * n + t] as number;
			const occupied = ws.segOcc[s * n + t] as number;
			if (stock >= (prep.segStock[s * n + t - 1] as number) || occupied <= stock + 1e-9) continue;
			const year = prep.baseYear + t;
			const name = input.base.segments[s]?.name ?? '';
			out.push({
				code: 'stock-below-occupancy',
				year,
				message:
					`${name}: i ${year} gir planen ${fmt(stock)} boliger, men ${fmt(occupied, 1)} husstander bor der. ` +
					'Ingen blir flyttet ut: det blir ingen innflytting der før utflytting gir plass, og ledigheten vises som 0 %.'
			});
		}
	}
	return out;
}
