/**
 * Everything that does not depend on uncertain assumptions, computed once per run (not per draw):
 * population per age band and year, yearly series, phase-in factors, stock per segment and year,
 * initial placement of tenants in segments.
 */
import { GROUP_IDS, GROUP_LABELS } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { ageBandTotal, type PopulationSeries } from '#lib/core/model/population.ts';
import type { ResultWarning } from '#lib/core/model/result.ts';
import { observedFlowFor, waitingIsLasting } from './calibration-choices.ts';
import { otherHouseholdsAtStart } from './other-households.ts';
import { buildLayout, type ParamLayout } from './params.ts';
import { seriesValue } from './series-rules.ts';

export const G = GROUP_IDS.length;

export const DEMAND_RATE = 0, DEMAND_PREVALENCE = 1, DEMAND_REFUGEES = 2, DEMAND_MANUAL = 3;
export const TENURE_BOTID = 0, TENURE_LEASE = 1, TENURE_EXIT = 2;


export interface Prepared {
	baseYear: number;
	horizon: number;
	/** Years in the result: horizon + 1 (index 0 = T0). */
	n: number;
	capacity: boolean;
	layout: ParamLayout;
	/** Population in the group's age band, [g * n + t]. */
	bandPop: Float64Array;
	/** Refugees: persons settled; manual: households; [g * n + t]. */
	series: Float64Array;
	demandKind: Int8Array;
	tenureKind: Int8Array;
	leaseYears: Int32Array;
	cohortOffset: Int32Array;
	cohortTotal: number;
	/** Phase of the turnover target 0…1, [g * n + t] (0 when there is no target). */
	turnPhase: Float64Array;
	/** Phase of the prevalence share from sharePct to targetSharePct, [g * n + t]. */
	sharePhase: Float64Array;
	H0: Float64Array;
	Q0: Float64Array;
	/** newTenantsLastYear, or NaN when not given. */
	I0: Float64Array;
	/** FLOW_NONE, FLOW_INFLOW or FLOW_TENURE per group (see observedFlowFor). */
	flowUse: Int8Array;
	/** 1 if the waiting list at T0 is part of the lasting need (waitingAtStart, with its default). */
	waitLasting: Uint8Array;
	nSeg: number;
	segShared: Uint8Array;
	/** segMember[s * G + g] = 1 if group g may live in segment s. */
	segMember: Uint8Array;
	/** Dwellings per segment at the end of year t, [s * n + t]. */
	segStock: Float64Array;
	stock: Float64Array;
	/** Dwellings occupied by households outside the five groups, per segment (constant). */
	otherOcc: Float64Array;
	otherTotal: number;
	/** Tenants at T0 placed in segments, [g * nSeg + s]. */
	initOcc: Float64Array;
	/** Segments in allocation order: earmarked first, then the shared pool (each in input order). */
	segOrder: Int32Array;
	/** Member groups of segment s: segMemG[segMemOff[s] … segMemOff[s + 1]), ascending. */
	segMemOff: Int32Array;
	segMemG: Int32Array;
	proportional: boolean;
	/** Allocation order for the priority rule (group indices). */
	order: Int32Array;
	vacantBase: number;
	warnings: ResultWarning[];
}

function phase(t: number, baseYear: number, byYear: number): number {
	const span = byYear - baseYear;
	if (span <= 0) return 1;
	return Math.min(1, t / span);
}

export function prepare(input: EngineInput): Prepared {
	const { base, scenario: sc } = input;
	const n = sc.horizonYears + 1;
	const warnings: ResultWarning[] = [];
	const groups = prepareGroups(input, n, warnings);
	const segments = prepareSegments(input, n);
	const others = otherHouseholds(input, groups.H0, segments, n, warnings);
	return {
		baseYear: base.baseYear,
		horizon: sc.horizonYears,
		n,
		capacity: sc.mode === 'capacity',
		layout: buildLayout(sc, base),
		...groups,
		...segments,
		...others,
		initOcc: placeTenantsAtStart(input, groups.H0, segments, others.otherOcc, n, warnings),
		...allocationOrder(input, segments),
		vacantBase: base.vacant,
		warnings
	};
}

type PreparedGroups = Pick<
	Prepared,
	| 'bandPop'
	| 'series'
	| 'demandKind'
	| 'tenureKind'
	| 'leaseYears'
	| 'cohortOffset'
	| 'cohortTotal'
	| 'turnPhase'
	| 'sharePhase'
	| 'H0'
	| 'Q0'
	| 'I0'
	| 'flowUse'
	| 'waitLasting'
>;

/** Per group: the base year's tenants and flows, the driver's yearly input and phases, the tenure model. */
function prepareGroups(input: EngineInput, n: number, warnings: ResultWarning[]): PreparedGroups {
	const { base, population: pop, scenario: sc } = input;
	const baseYear = base.baseYear;
	const horizon = sc.horizonYears;
	const popIndex = populationIndex(pop, baseYear, horizon, warnings);
	const p: PreparedGroups = {
		bandPop: new Float64Array(G * n),
		series: new Float64Array(G * n),
		demandKind: new Int8Array(G),
		tenureKind: new Int8Array(G),
		leaseYears: new Int32Array(G),
		cohortOffset: new Int32Array(G),
		cohortTotal: 0,
		turnPhase: new Float64Array(G * n),
		sharePhase: new Float64Array(G * n),
		H0: new Float64Array(G),
		Q0: new Float64Array(G),
		I0: new Float64Array(G),
		flowUse: new Int8Array(G),
		waitLasting: new Uint8Array(G)
	};
	GROUP_IDS.forEach((gid, g) => {
		const ga = sc.groups[gid];
		const gb = base.groups[gid];
		p.H0[g] = gb.tenants;
		p.Q0[g] = gb.waiting;
		p.I0[g] = gb.newTenantsLastYear ?? NaN;
		const flow = observedFlowFor(ga, gb);
		p.flowUse[g] = flow.use;
		if (flow.problem) warnings.push({ code: flow.problem.code, group: gid, message: flow.problem.message });
		p.waitLasting[g] = waitingIsLasting(ga) ? 1 : 0;
		const d = ga.demand;
		for (let t = 0; t < n; t++) {
			const year = baseYear + t;
			const i = g * n + t;
			if (d.kind === 'rate' || d.kind === 'prevalence') p.bandPop[i] = ageBandTotal(pop, d.band, popIndex(year));
			if (d.kind === 'refugees') p.series[i] = seriesValue(d.settledPerYear, year, d.afterLastYear);
			if (d.kind === 'manual') p.series[i] = seriesValue(d.perYear, year, d.afterLastYear);
			if (d.kind === 'prevalence') {
				p.sharePhase[i] = d.targetSharePct === undefined ? 0 : phase(t, baseYear, d.targetYear ?? baseYear + horizon);
			}
			if (ga.turnoverTarget) p.turnPhase[i] = phase(t, baseYear, ga.turnoverTarget.byYear);
		}
		p.demandKind[g] =
			d.kind === 'rate' ? DEMAND_RATE : d.kind === 'prevalence' ? DEMAND_PREVALENCE : d.kind === 'refugees' ? DEMAND_REFUGEES : DEMAND_MANUAL;
		const tn = ga.tenure;
		p.tenureKind[g] = tn.kind === 'botid' ? TENURE_BOTID : tn.kind === 'lease' ? TENURE_LEASE : TENURE_EXIT;
		if (tn.kind === 'lease') {
			p.leaseYears[g] = tn.leaseYears;
			p.cohortOffset[g] = p.cohortTotal;
			p.cohortTotal += tn.leaseYears;
		}
	});
	return p;
}

/**
 * The population's index of a year: years before the series use its first year, years after it
 * its last (held flat, with a warning when the horizon reaches past it).
 */
function populationIndex(pop: PopulationSeries, baseYear: number, horizon: number, warnings: ResultWarning[]): (year: number) => number {
	const popStart = pop.years[0] ?? baseYear;
	const popLast = pop.years[pop.years.length - 1] ?? baseYear;
	if (baseYear + horizon > popLast) {
		warnings.push({
			code: 'population-held-flat',
			year: popLast + 1,
			message: `Befolkningsdata går bare til ${popLast}. For årene ${popLast + 1}–${baseYear + horizon} brukes befolkningen i ${popLast} uendret.`
		});
	}
	return (year) => Math.min(Math.max(year, popStart), popLast) - popStart;
}

type PreparedSegments = Pick<Prepared, 'nSeg' | 'segShared' | 'segMember' | 'segStock' | 'stock'>;

/** Stock per segment and year: changes in year y count in the stock at the end of y and can be let during y. */
function prepareSegments(input: EngineInput, n: number): PreparedSegments {
	const { base, scenario: sc } = input;
	const segs = base.segments;
	const nSeg = segs.length;
	const segShared = new Uint8Array(nSeg);
	const segMember = new Uint8Array(nSeg * G);
	const segStock = new Float64Array(nSeg * n);
	const stock = new Float64Array(n);
	const segIndex = new Map<string, number>();
	segs.forEach((s, si) => {
		segIndex.set(s.id, si);
		segShared[si] = s.groups === 'all' ? 1 : 0;
		GROUP_IDS.forEach((gid, g) => {
			segMember[si * G + g] = s.groups === 'all' || s.groups.includes(gid) ? 1 : 0;
		});
	});
	const delta = new Float64Array(nSeg * n);
	for (const c of sc.stockChanges) {
		const si = segIndex.get(c.segmentId);
		const t = c.year - base.baseYear;
		if (si === undefined || t < 1 || t >= n) continue;
		delta[si * n + t] = (delta[si * n + t] as number) + c.count;
	}
	for (let si = 0; si < nSeg; si++) {
		let s = segs[si]?.dwellings ?? 0;
		for (let t = 0; t < n; t++) {
			s += delta[si * n + t] as number;
			segStock[si * n + t] = s;
			stock[t] = (stock[t] as number) + s;
		}
	}
	return { nSeg, segShared, segMember, segStock, stock };
}

/**
 * Households outside the five groups (e.g. staff housing) = stock − vacant − tenants at T0, held
 * constant, spread over the segments in proportion to their size.
 */
function otherHouseholds(
	input: EngineInput,
	H0: Float64Array,
	segments: PreparedSegments,
	n: number,
	warnings: ResultWarning[]
): Pick<Prepared, 'otherTotal' | 'otherOcc'> {
	const { base, scenario: sc } = input;
	const { nSeg, segStock, stock } = segments;
	let sumH0 = 0;
	for (let g = 0; g < G; g++) sumH0 += H0[g] as number;
	const stock0 = stock[0] ?? 0;
	let otherTotal = otherHouseholdsAtStart(base);
	if (otherTotal < 0) {
		if (sc.mode === 'capacity') {
			warnings.push({
				code: 'tenants-exceed-stock-at-start',
				year: base.baseYear,
				message: `Leietakere (${Math.round(sumH0)}) og ledige boliger (${Math.round(base.vacant)}) er til sammen flere enn boligene i basisåret (${Math.round(stock0)}).`
			});
		}
		otherTotal = 0;
	}
	const otherOcc = new Float64Array(nSeg);
	for (let si = 0; si < nSeg; si++) {
		otherOcc[si] = stock0 > 0 ? (otherTotal * (segStock[si * n] as number)) / stock0 : 0;
	}
	return { otherTotal, otherOcc };
}

/**
 * Places today's tenants in segments, [g * nSeg + s]: earmarked segments first (shared in
 * proportion to tenants), the rest in the shared pool, weighted by each shared segment's free room
 * at T0 (or its size if none is free).
 */
function placeTenantsAtStart(
	input: EngineInput,
	H0: Float64Array,
	segments: PreparedSegments,
	otherOcc: Float64Array,
	n: number,
	warnings: ResultWarning[]
): Float64Array {
	const { nSeg, segShared, segMember, segStock } = segments;
	const initOcc = new Float64Array(G * nSeg);
	const left = Float64Array.from(H0);
	for (let si = 0; si < nSeg; si++) {
		if (segShared[si]) continue;
		let cap = Math.max(0, (segStock[si * n] as number) - (otherOcc[si] as number));
		let want = 0;
		for (let g = 0; g < G; g++) if (segMember[si * G + g]) want += left[g] as number;
		if (want <= 0) continue;
		const share = Math.min(1, cap / want);
		for (let g = 0; g < G; g++) {
			if (!segMember[si * G + g]) continue;
			const take = (left[g] as number) * share;
			initOcc[g * nSeg + si] = take;
			left[g] = (left[g] as number) - take;
			cap -= take;
		}
	}
	const sharedW = new Float64Array(nSeg);
	let sharedRoom = 0;
	let sharedStock = 0;
	for (let si = 0; si < nSeg; si++) {
		if (!segShared[si]) continue;
		sharedRoom += Math.max(0, (segStock[si * n] as number) - (otherOcc[si] as number));
		sharedStock += segStock[si * n] as number;
	}
	for (let si = 0; si < nSeg; si++) {
		if (!segShared[si]) continue;
		const room = Math.max(0, (segStock[si * n] as number) - (otherOcc[si] as number));
		sharedW[si] = sharedRoom > 0 ? room / sharedRoom : sharedStock > 0 ? (segStock[si * n] as number) / sharedStock : 0;
	}
	let roomLeft = sharedRoom;
	for (let g = 0; g < G; g++) {
		const rest = left[g] as number;
		if (rest <= 0) continue;
		let placed = false;
		for (let si = 0; si < nSeg; si++) {
			const w = sharedW[si] as number;
			if (w <= 0) continue;
			initOcc[g * nSeg + si] = (initOcc[g * nSeg + si] as number) + rest * w;
			placed = true;
		}
		if (!placed) {
			// No shared pool: keep them in the first segment they may live in (over-occupied).
			for (let si = 0; si < nSeg; si++) {
				if (segMember[si * G + g]) {
					initOcc[g * nSeg + si] = (initOcc[g * nSeg + si] as number) + rest;
					placed = true;
					break;
				}
			}
		}
		if (input.scenario.mode === 'capacity' && (!placed || roomLeft < rest - 1e-9)) {
			const gid = GROUP_IDS[g] as (typeof GROUP_IDS)[number];
			warnings.push({
				code: 'tenants-do-not-fit-at-start',
				year: input.base.baseYear,
				group: gid,
				message: `Leietakerne i ${GROUP_LABELS[gid]} får ikke plass i boligene de kan bo i i basisåret.`
			});
		}
		roomLeft = Math.max(0, roomLeft - rest);
	}
	return initOcc;
}

/**
 * What the allocation step walks: segments in allocation order (earmarked first, then the shared
 * pool), each segment's member groups, and the groups in the priority rule's order (the listed
 * ones first, then the rest in group order).
 */
function allocationOrder(input: EngineInput, segments: PreparedSegments): Pick<Prepared, 'segOrder' | 'segMemOff' | 'segMemG' | 'proportional' | 'order'> {
	const { nSeg, segShared, segMember } = segments;
	const allocation = input.scenario.allocation;
	const segOrder: number[] = [];
	for (let si = 0; si < nSeg; si++) if (!segShared[si]) segOrder.push(si);
	for (let si = 0; si < nSeg; si++) if (segShared[si]) segOrder.push(si);
	const segMemOff = new Int32Array(nSeg + 1);
	const segMemG: number[] = [];
	for (let si = 0; si < nSeg; si++) {
		segMemOff[si] = segMemG.length;
		for (let g = 0; g < G; g++) if (segMember[si * G + g]) segMemG.push(g);
	}
	segMemOff[nSeg] = segMemG.length;
	const orderList: number[] = [];
	for (const gid of allocation.order ?? []) {
		const g = GROUP_IDS.indexOf(gid);
		if (g >= 0 && !orderList.includes(g)) orderList.push(g);
	}
	for (let g = 0; g < G; g++) if (!orderList.includes(g)) orderList.push(g);
	return {
		segOrder: Int32Array.from(segOrder),
		segMemOff,
		segMemG: Int32Array.from(segMemG),
		proportional: allocation.kind !== 'priority',
		order: Int32Array.from(orderList)
	};
}
