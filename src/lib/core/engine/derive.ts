/**
 * Indicators derived from a deterministic run (kernel.ts). The Monte Carlo derives the few series
 * it reports (montecarlo.ts, deriveGroup/deriveTotals) draw by draw in its own loops, for speed,
 * with the same formulas in the same order: `required` (need ÷ (1 − v)) and group totals summed
 * from 0 in group order, so a zero-spread run reproduces these numbers bit for bit (tested).
 */
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { CalibrationNote, GroupSeries, ProjectionResult, TotalSeries } from '#lib/core/model/result.ts';
import type { Workspace } from './kernel.ts';
import { DEMAND_PREVALENCE, DEMAND_RATE, G, type Prepared } from './prepare.ts';

/** Ratios in years (botid, waiting time) are capped here when the denominator is (near) zero. */
export const YEARS_CAP = 100;

export function ratioYears(num: number, den: number): number {
	if (num <= 0) return 0;
	if (den <= 0) return YEARS_CAP;
	const r = num / den;
	return r > YEARS_CAP ? YEARS_CAP : r;
}

export function ratioPct(num: number, den: number): number {
	return den > 0 ? (num / den) * 100 : 0;
}

/** Required stock for a need: need / (1 − vacancy). */
export function required(need: number, v: number): number {
	return need / (1 - v);
}

/** Σ over groups, in group order, of required stock at index t. */
export function totalRequired(prep: Prepared, ws: Workspace, t: number): number {
	const n = prep.n;
	let r = 0;
	for (let g = 0; g < G; g++) r += required((ws.H[g * n + t] as number) + (ws.Q[g * n + t] as number), ws.v);
	return r;
}

export function totalOf(arr: Float64Array, n: number, t: number): number {
	let s = 0;
	for (let g = 0; g < G; g++) s += arr[g * n + t] as number;
	return s;
}

function emptyGroupSeries(n: number): GroupSeries {
	const f = (): Float64Array => new Float64Array(n);
	return {
		tenants: f(),
		waiting: f(),
		need: f(),
		newNeed: f(),
		moveIns: f(),
		exits: f(),
		waitingAttrition: f(),
		requiredStock: f(),
		turnoverPct: f(),
		botidEstimated: f(),
		meanTenure: f(),
		waitingTimeYears: f()
	};
}

function fmt(x: number, digits: number): string {
	return x.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function calibrationNotes(prep: Prepared, ws: Workspace): CalibrationNote[] {
	const notes: CalibrationNote[] = [];
	for (let g = 0; g < G; g++) {
		const value = ws.calibrated[g] as number;
		if (value !== value) continue;
		const gid = GROUP_IDS[g] as GroupId;
		const label = GROUP_LABELS[gid];
		const i0 = g * prep.n;
		if (prep.demandKind[g] === DEMAND_RATE) {
			notes.push({
				group: gid,
				field: 'demand.ratePer1000',
				value,
				explanation:
					`Raten for ${label} er ikke oppgitt og er kalibrert til ${fmt(value, 3)} per 1000 innbyggere: ` +
					`da blir nytt behov i basisåret (${fmt(ws.A[i0] as number, 1)} husstander) lik dagens utflytting ` +
					`(${fmt(ws.H[i0] as number, 0)} leietakere ÷ botid ${fmt(ws.TEN[i0] as number, 1)} år), ` +
					`så et uendret scenario bare endrer seg med befolkningen.`
			});
		} else if (prep.demandKind[g] === DEMAND_PREVALENCE) {
			notes.push({
				group: gid,
				field: 'demand.sharePct',
				value,
				explanation:
					`Andelen for ${label} er ikke oppgitt og er kalibrert til ${fmt(value, 2)} %: ` +
					`dagens behov (${fmt((ws.H[i0] as number) + (ws.Q[i0] as number), 0)} leietakere og ventende) ` +
					`delt på befolkningen i aldersgruppen i basisåret (${fmt(prep.bandPop[i0] as number, 0)}).`
			});
		}
	}
	return notes;
}

export function buildResult(prep: Prepared, ws: Workspace): ProjectionResult {
	const n = prep.n;
	const v = ws.v;
	const years = Array.from({ length: n }, (_, t) => prep.baseYear + t);
	const groups = {} as Record<GroupId, GroupSeries>;
	const total: TotalSeries = {
		...emptyGroupSeries(n),
		plannedStock: new Float64Array(n),
		gap: new Float64Array(n),
		gapCumulative: new Float64Array(n),
		vacancyPct: new Float64Array(n),
		turnoverAllDwellingsPct: new Float64Array(n),
		botidAllDwellings: new Float64Array(n)
	};
	for (let g = 0; g < G; g++) {
		const s = emptyGroupSeries(n);
		for (let t = 0; t < n; t++) {
			const i = g * n + t;
			const h = ws.H[i] as number;
			const q = ws.Q[i] as number;
			const mi = ws.I[i] as number;
			s.tenants[t] = h;
			s.waiting[t] = q;
			s.need[t] = h + q;
			s.newNeed[t] = ws.A[i] as number;
			s.moveIns[t] = mi;
			s.exits[t] = ws.X[i] as number;
			s.waitingAttrition[t] = ws.W[i] as number;
			s.requiredStock[t] = required(h + q, v);
			s.turnoverPct[t] = ratioPct(mi, h);
			s.botidEstimated[t] = ratioYears(h, mi);
			s.meanTenure[t] = ws.TEN[i] as number;
			s.waitingTimeYears[t] = ratioYears(q, mi);
		}
		groups[GROUP_IDS[g] as GroupId] = s;
	}
	let maxGap = 0;
	for (let t = 0; t < n; t++) {
		const h = totalOf(ws.H, n, t);
		const q = totalOf(ws.Q, n, t);
		const mi = totalOf(ws.I, n, t);
		const stock = prep.stock[t] as number;
		total.tenants[t] = h;
		total.waiting[t] = q;
		total.need[t] = h + q;
		total.newNeed[t] = totalOf(ws.A, n, t);
		total.moveIns[t] = mi;
		total.exits[t] = totalOf(ws.X, n, t);
		total.waitingAttrition[t] = totalOf(ws.W, n, t);
		const req = totalRequired(prep, ws, t);
		total.requiredStock[t] = req;
		total.turnoverPct[t] = ratioPct(mi, h);
		total.botidEstimated[t] = ratioYears(h, mi);
		// Mean tenure over all groups: tenants ÷ exits at the tenure in force (harmonic, weighted by tenants).
		let hazW = 0;
		let tenSum = 0;
		for (let g = 0; g < G; g++) {
			const ten = ws.TEN[g * n + t] as number;
			hazW += (ws.H[g * n + t] as number) / ten;
			tenSum += ten;
		}
		total.meanTenure[t] = h > 0 && hazW > 0 ? h / hazW : tenSum / G;
		total.waitingTimeYears[t] = ratioYears(q, mi);
		total.plannedStock[t] = stock;
		const gap = req - stock;
		total.gap[t] = gap;
		if (gap > maxGap) maxGap = gap;
		total.gapCumulative[t] = maxGap;
		if (prep.capacity) {
			const vac = t === 0 ? prep.vacantBase : stock - h - prep.otherTotal;
			total.vacancyPct[t] = stock > 0 && vac > 0 ? (vac / stock) * 100 : 0;
		} else {
			total.vacancyPct[t] = v * 100;
		}
		total.turnoverAllDwellingsPct[t] = ratioPct(mi, stock);
		total.botidAllDwellings[t] = ratioYears(stock, mi);
	}
	return {
		baseYear: prep.baseYear,
		years,
		mode: prep.capacity ? 'capacity' : 'need',
		groups,
		total,
		calibration: calibrationNotes(prep, ws)
	};
}
