/**
 * Indicators derived from a deterministic run (kernel.ts). The Monte Carlo derives the few series
 * it reports (montecarlo.ts, deriveGroup/deriveTotals) draw by draw in its own loops over a
 * [series][year][draw] buffer, for speed, calling the same `required` and summing group totals
 * from 0 in group order as here, so a zero-spread run reproduces these numbers bit for bit (tested).
 */
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { CalibrationNote, GroupSeries, ProjectionResult, SegmentSeries, TotalSeries } from '#lib/core/model/result.ts';
import type { Workspace } from './kernel.ts';
import { FLOW_INFLOW, FLOW_TENURE } from './calibration-choices.ts';
import { DEMAND_PREVALENCE, DEMAND_RATE, G, TENURE_EXIT, TENURE_LEASE, type Prepared } from './prepare.ts';

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

/**
 * Required stock for a need (or for the households outside the groups): need / (1 − vacancy),
 * `usable` = 1 − vacancy. The one formula: derive.ts and the Monte Carlo's derivation both call it.
 */
export function required(need: number, usable: number): number {
	return need / usable;
}

/**
 * Total required stock at index t: Σ over groups, in group order, of required stock, then the
 * dwellings the households outside the five groups occupy, at the same vacancy:
 * R = (Σ need + O) / (1 − v). (montecarlo.ts deriveTotals adds in the same order.)
 */
export function totalRequired(prep: Prepared, ws: Workspace, t: number): number {
	const n = prep.n;
	const usable = 1 - ws.v;
	let r = 0;
	for (let g = 0; g < G; g++) r += required((ws.H[g * n + t] as number) + (ws.Q[g * n + t] as number), usable);
	return r + required(prep.otherTotal, usable);
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
		const gid = GROUP_IDS[g] as GroupId;
		const label = GROUP_LABELS[gid];
		const i0 = g * prep.n;
		const h0 = ws.H[i0] as number;
		const q0 = ws.Q[i0] as number;
		const ten0 = ws.TEN[i0] as number;
		if (prep.flowUse[g] === FLOW_TENURE) notes.push(tenureNote(prep, g, gid, label, ten0));
		const value = ws.calibrated[g] as number;
		if (value !== value) continue;
		if (prep.demandKind[g] === DEMAND_RATE) {
			const from =
				prep.flowUse[g] === FLOW_INFLOW
					? `de observerte nye leietakerne i basisåret (${fmt(prep.I0[g] as number, 0)})`
					: prep.waitLasting[g]
						? `dagens utflytting regnet av leietakere og ventende (${fmt(h0 + q0, 0)} ÷ botid ${fmt(ten0, 1)} år), ` +
							'så ventelisten er en varig del av behovet'
						: `dagens utflytting (${fmt(h0, 0)} leietakere ÷ botid ${fmt(ten0, 1)} år), så ventelisten i basisåret ` +
							'er et engangsetterslep som får bolig én gang';
			notes.push({
				group: gid,
				field: 'demand.ratePer1000',
				value,
				explanation:
					`Raten for ${label} er ikke oppgitt og er kalibrert til ${fmt(value, 3)} per 1000 innbyggere: ` +
					`da blir nytt behov i basisåret (${fmt(ws.A[i0] as number, 1)} husstander) lik ${from}.`
			});
		} else if (prep.demandKind[g] === DEMAND_PREVALENCE) {
			notes.push({
				group: gid,
				field: 'demand.sharePct',
				value,
				explanation:
					`Andelen for ${label} er ikke oppgitt og er kalibrert til ${fmt(value, 2)} %: ` +
					(prep.waitLasting[g]
						? `dagens behov (${fmt(h0 + q0, 0)} leietakere og ventende) `
						: `dagens leietakere (${fmt(h0, 0)}; ventelisten er et engangsetterslep) `) +
					`delt på befolkningen i aldersgruppen i basisåret (${fmt(prep.bandPop[i0] as number, 0)}).`
			});
		}
	}
	return notes;
}

/** The tenure that observedFlowUse 'tenure' calibrated (the same in every draw). */
function tenureNote(prep: Prepared, g: number, gid: GroupId, label: string, ten0: number): CalibrationNote {
	const h0 = prep.H0[g] as number;
	const i0 = prep.I0[g] as number;
	const tk = prep.tenureKind[g];
	const basis = `${fmt(h0, 0)} leietakere ÷ ${fmt(i0, 0)} nye leietakere i basisåret`;
	if (tk === TENURE_LEASE) {
		const renewal = (1 - (prep.leaseYears[g] as number) / ten0) * 100;
		return {
			group: gid,
			field: 'tenure.renewalPct',
			value: renewal,
			explanation: `Andelen fornyede kontrakter for ${label} er kalibrert til ${fmt(renewal, 1)} %: da blir gjennomsnittlig botid ${fmt(ten0, 1)} år = ${basis}.`
		};
	}
	if (tk === TENURE_EXIT) {
		return {
			group: gid,
			field: 'tenure.pctPerYear',
			value: 100 / ten0,
			explanation: `Årlig avgang for ${label} er kalibrert til ${fmt(100 / ten0, 1)} %: ${fmt(i0, 0)} nye leietakere i basisåret ÷ ${fmt(h0, 0)} leietakere.`
		};
	}
	return {
		group: gid,
		field: 'tenure.years',
		value: ten0,
		explanation: `Botiden for ${label} er kalibrert til ${fmt(ten0, 1)} år = ${basis}.`
	};
}

export function buildResult(prep: Prepared, ws: Workspace, segmentNames: readonly { id: string; name: string }[] = []): ProjectionResult {
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
			s.requiredStock[t] = required(h + q, 1 - v);
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
			// Actual vacancy, never below 0: a stock cut below occupancy shows 0 % and a
			// 'stock-below-occupancy' warning in that year (docs/model.md, "Two modes").
			const vac = t === 0 ? prep.vacantBase : stock - h - prep.otherTotal;
			total.vacancyPct[t] = stock > 0 && vac > 0 ? (vac / stock) * 100 : 0;
		} else {
			total.vacancyPct[t] = v * 100;
		}
		total.turnoverAllDwellingsPct[t] = ratioPct(mi, stock);
		total.botidAllDwellings[t] = ratioYears(stock, mi);
	}
	const result: ProjectionResult = {
		baseYear: prep.baseYear,
		years,
		mode: prep.capacity ? 'capacity' : 'need',
		groups,
		total,
		calibration: calibrationNotes(prep, ws)
	};
	if (prep.capacity) result.segments = segmentSeries(prep, ws, segmentNames);
	return result;
}

/** Capacity mode: planned dwellings, occupied and free dwellings per segment and year. */
function segmentSeries(prep: Prepared, ws: Workspace, names: readonly { id: string; name: string }[]): SegmentSeries[] {
	const n = prep.n;
	return names.map(({ id, name }, s) => {
		const dwellings = prep.segStock.slice(s * n, (s + 1) * n);
		const occupied = ws.segOcc.slice(s * n, (s + 1) * n);
		const free = new Float64Array(n);
		for (let t = 0; t < n; t++) {
			const f = (dwellings[t] as number) - (occupied[t] as number);
			free[t] = f > 0 ? f : 0;
		}
		return { id, name, dwellings, occupied, free };
	});
}
