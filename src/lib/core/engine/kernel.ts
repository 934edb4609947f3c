/**
 * The simulation kernel: one run of all groups and years for one parameter vector.
 * Pure arithmetic on typed arrays; no allocation per run (the workspace is reused across draws).
 *
 * Year t (1…horizon), per group, in this order:
 *  1. exits X(t) from the tenants at the start of the year (tenure model, turnover target applied);
 *  2. new need A(t) (demand driver);
 *  3. candidates P = Q(t−1) + A(t);
 *  4. move-ins I(t): need mode I = P; capacity mode: free usable dwellings allocated
 *     (earmarked segments to their groups first, then the shared pool, by the allocation rule);
 *  5. waiting-list attrition W(t) = (P − I)·w, Q(t) = (P − I) − W(t);
 *  6. H(t) = H(t−1) − X(t) + I(t).
 */
import { F, NF } from './params.ts';
import {
	DEMAND_MANUAL,
	DEMAND_PREVALENCE,
	DEMAND_RATE,
	DEMAND_REFUGEES,
	G,
	TENURE_BOTID,
	TENURE_LEASE,
	type Prepared
} from './prepare.ts';

export interface Workspace {
	H: Float64Array;
	Q: Float64Array;
	A: Float64Array;
	I: Float64Array;
	X: Float64Array;
	W: Float64Array;
	/** Mean tenure in force, years. */
	TEN: Float64Array;
	/** Vacancy target in use (fraction). */
	v: number;
	/** Calibrated values per group (rate per 1000 or share %), NaN if not calibrated. */
	calibrated: Float64Array;
	// scratch
	occ: Float64Array;
	cohort: Float64Array;
	free: Float64Array;
	rem: Float64Array;
	alloc: Float64Array;
	keep: Float64Array;
	k: Float64Array;
}

/** Per-group constants in ws.k, [g * K + c]. */
const K = 11;
const K_BOT = 0, K_NONRENEW = 1, K_EXIT = 2, K_X = 3, K_W = 4, K_RATE = 5, K_TREND = 6, K_S0 = 7, K_S1 = 8, K_FACTOR = 9, K_TRENDCUM = 10;

export function createWorkspace(prep: Prepared): Workspace {
	const size = G * prep.n;
	return {
		H: new Float64Array(size),
		Q: new Float64Array(size),
		A: new Float64Array(size),
		I: new Float64Array(size),
		X: new Float64Array(size),
		W: new Float64Array(size),
		TEN: new Float64Array(size),
		v: 0,
		calibrated: new Float64Array(G),
		occ: new Float64Array(G * prep.nSeg),
		cohort: new Float64Array(Math.max(1, prep.cohortTotal)),
		free: new Float64Array(prep.nSeg),
		rem: new Float64Array(G),
		alloc: new Float64Array(G),
		keep: new Float64Array(G),
		k: new Float64Array(G * K)
	};
}

function slotValue(gs: Int32Array, p: Float64Array, g: number, f: number, fallback: number): number {
	const i = gs[g * NF + f] as number;
	return i >= 0 ? (p[i] as number) : fallback;
}

function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

/** Turnover factor 1 + x·phase, never below 0.01 (validation keeps x > −100 %). */
function turnoverFactor(x: number, ph: number): number {
	const f = 1 + x * ph;
	return f < 0.01 ? 0.01 : f;
}

/** Priority rule: free dwellings of segment `s` go to member groups in `order`, each up to its candidates. */
function distributeByPriority(
	member: Uint8Array,
	order: Int32Array,
	rem: Float64Array,
	alloc: Float64Array,
	occ: Float64Array,
	nSeg: number,
	s: number,
	amount: number
): void {
	let left = amount;
	for (let o = 0; o < G && left > 0; o++) {
		const g = order[o] as number;
		if (member[s * G + g] !== 1) continue;
		const r = rem[g] as number;
		const take = r < left ? r : left;
		rem[g] = r - take;
		left -= take;
		alloc[g] = (alloc[g] as number) + take;
		occ[g * nSeg + s] = (occ[g * nSeg + s] as number) + take;
	}
}

export function simulate(prep: Prepared, p: Float64Array, ws: Workspace): void {
	const n = prep.n;
	const gs = prep.layout.groupSlot;
	const { H, Q, A, I, X, W, TEN, k } = ws;
	const v = clamp((p[prep.layout.vacancySlot] as number) / 100, 0, 0.95);
	ws.v = v;
	const nSeg = prep.nSeg;

	// Per-group constants and the base year (index 0).
	for (let g = 0; g < G; g++) {
		const kb = g * K;
		const tk = prep.tenureKind[g];
		let haz: number;
		if (tk === TENURE_BOTID) {
			const bot = Math.max(slotValue(gs, p, g, F.botid, 1), 1e-9);
			k[kb + K_BOT] = bot;
			haz = Math.min(1, 1 / bot);
		} else if (tk === TENURE_LEASE) {
			const nonRenew = 1 - clamp(slotValue(gs, p, g, F.renewal, 0) / 100, 0, 0.99);
			k[kb + K_NONRENEW] = nonRenew;
			haz = nonRenew / (prep.leaseYears[g] as number);
		} else {
			const e = clamp(slotValue(gs, p, g, F.exitPct, 0) / 100, 1e-9, 1);
			k[kb + K_EXIT] = e;
			haz = e;
		}
		k[kb + K_X] = slotValue(gs, p, g, F.turnover, 0) / 100;
		const w = clamp(slotValue(gs, p, g, F.attrition, 0) / 100, 0, 1);
		k[kb + K_W] = w;
		const i0 = g * n;
		const h0 = prep.H0[g] as number;
		const q0 = prep.Q0[g] as number;
		const pop0 = prep.bandPop[i0] as number;
		const x0 = h0 * haz;
		H[i0] = h0;
		Q[i0] = q0;
		X[i0] = x0;
		W[i0] = q0 * w;
		TEN[i0] = 1 / haz;
		const nt = prep.I0[g] as number;
		I[i0] = nt === nt ? nt : x0;
		ws.calibrated[g] = NaN;
		const dk = prep.demandKind[g];
		if (dk === DEMAND_RATE) {
			let rate = slotValue(gs, p, g, F.rate, NaN);
			if (rate !== rate) {
				rate = pop0 > 0 ? (x0 / pop0) * 1000 : 0;
				ws.calibrated[g] = rate;
			}
			k[kb + K_RATE] = rate;
			k[kb + K_TREND] = Math.max(0, 1 + slotValue(gs, p, g, F.trend, 0) / 100);
			k[kb + K_TRENDCUM] = 1;
			A[i0] = (rate * pop0) / 1000;
		} else if (dk === DEMAND_PREVALENCE) {
			let s0 = slotValue(gs, p, g, F.share, NaN) / 100;
			if (s0 !== s0) {
				s0 = pop0 > 0 ? (h0 + q0) / pop0 : 0;
				ws.calibrated[g] = s0 * 100;
			}
			k[kb + K_S0] = s0;
			k[kb + K_S1] = slotValue(gs, p, g, F.targetShare, s0 * 100) / 100;
			A[i0] = x0;
		} else if (dk === DEMAND_REFUGEES) {
			const factor = clamp(slotValue(gs, p, g, F.shareNeeding, 0) / 100, 0, 1) / Math.max(slotValue(gs, p, g, F.personsPerHousehold, 1), 1e-9);
			k[kb + K_FACTOR] = factor;
			A[i0] = (prep.series[i0] as number) * factor;
		} else {
			A[i0] = prep.series[i0] as number;
		}
		if (tk === TENURE_LEASE) {
			const L = prep.leaseYears[g] as number;
			const off = prep.cohortOffset[g] as number;
			for (let c = 0; c < L; c++) ws.cohort[off + c] = h0 / L;
		}
	}
	if (prep.capacity) {
		const occ = ws.occ;
		const init = prep.initOcc;
		for (let j = 0; j < init.length; j++) occ[j] = init[j] as number;
	}

	const bandPop = prep.bandPop, series = prep.series, turnPhase = prep.turnPhase, sharePhase = prep.sharePhase;
	const tenureKind = prep.tenureKind, demandKind = prep.demandKind, leaseYears = prep.leaseYears, cohortOffset = prep.cohortOffset;
	const cohort = ws.cohort, rem = ws.rem, alloc = ws.alloc, occ = ws.occ, free = ws.free;
	const capacity = prep.capacity, proportional = prep.proportional, order = prep.order;
	const segMember = prep.segMember, segShared = prep.segShared, segStock = prep.segStock, otherOcc = prep.otherOcc;
	const segOrder = prep.segOrder, segMemOff = prep.segMemOff, segMemG = prep.segMemG;
	const memberOcc = prep.memberOcc, memberSeg = prep.memberSeg, memberGroup = prep.memberGroup, keep = ws.keep;
	for (let t = 1; t < n; t++) {
		// 1–3: exits, new need, candidates
		for (let g = 0; g < G; g++) {
			const kb = g * K;
			const i = g * n + t;
			const hPrev = H[i - 1] as number;
			const f = turnoverFactor(k[kb + K_X] as number, turnPhase[i] as number);
			const tk = tenureKind[g];
			let x: number;
			if (tk === TENURE_BOTID) {
				const haz = Math.min(1, f / (k[kb + K_BOT] as number));
				x = hPrev * haz;
				TEN[i] = 1 / haz;
			} else if (tk === TENURE_LEASE) {
				const L = leaseYears[g] as number;
				const off = cohortOffset[g] as number;
				const nr = Math.min(1, (k[kb + K_NONRENEW] as number) * f);
				const ending = cohort[off + L - 1] as number;
				x = ending * nr;
				for (let c = L - 1; c > 0; c--) cohort[off + c] = cohort[off + c - 1] as number;
				cohort[off] = ending - x; // renewed leases start a new term
				TEN[i] = L / nr;
			} else {
				const haz = Math.min(1, (k[kb + K_EXIT] as number) * f);
				x = hPrev * haz;
				TEN[i] = 1 / haz;
			}
			if (x > hPrev) x = hPrev;
			X[i] = x;
			const dk = demandKind[g];
			let a: number;
			if (dk === DEMAND_RATE) {
				// rate(t) = rate × trend^t, kept as a running product
				const cum = (k[kb + K_TRENDCUM] as number) * (k[kb + K_TREND] as number);
				k[kb + K_TRENDCUM] = cum;
				a = ((k[kb + K_RATE] as number) * cum * (bandPop[i] as number)) / 1000;
			} else if (dk === DEMAND_PREVALENCE) {
				const s0 = k[kb + K_S0] as number;
				const share = s0 + ((k[kb + K_S1] as number) - s0) * (sharePhase[i] as number);
				a = share * (bandPop[i] as number) - (hPrev - x) - (Q[i - 1] as number);
				if (a < 0) a = 0;
			} else if (dk === DEMAND_REFUGEES) {
				a = (series[i] as number) * (k[kb + K_FACTOR] as number);
			} else {
				a = series[i] as number;
			}
			A[i] = a;
			rem[g] = (Q[i - 1] as number) + a;
			alloc[g] = 0;
		}

		// 4: move-ins
		if (capacity) {
			// Exits leave every segment in proportion to where the group lives. A group never
			// occupies a segment it may not live in, so only (group, segment) member pairs are visited.
			for (let g = 0; g < G; g++) {
				const i = g * n + t;
				const hPrev = H[i - 1] as number;
				keep[g] = hPrev > 0 ? (hPrev - (X[i] as number)) / hPrev : 1;
			}
			const usable = 1 - v;
			for (let s = 0; s < nSeg; s++) free[s] = otherOcc[s] as number;
			for (let j = 0; j < memberOcc.length; j++) {
				const o = memberOcc[j] as number;
				const x = (occ[o] as number) * (keep[memberGroup[j] as number] as number);
				occ[o] = x;
				const s = memberSeg[j] as number;
				free[s] = (free[s] as number) + x;
			}
			for (let s = 0; s < nSeg; s++) {
				const fr = (segStock[s * n + t] as number) * usable - (free[s] as number);
				free[s] = fr > 0 ? fr : 0;
			}
			// Earmarked segments first, then the shared pool.
			for (let so = 0; so < nSeg; so++) {
				const s = segOrder[so] as number;
				const amount = free[s] as number;
				if (amount <= 0) continue;
				if (proportional) {
					// In proportion to the remaining candidates (all move in if there is room for all).
					const m0 = segMemOff[s] as number;
					const m1 = segMemOff[s + 1] as number;
					let total = 0;
					for (let m = m0; m < m1; m++) total += rem[segMemG[m] as number] as number;
					if (total <= 0) continue;
					if (amount >= total) {
						for (let m = m0; m < m1; m++) {
							const g = segMemG[m] as number;
							const r = rem[g] as number;
							rem[g] = 0;
							alloc[g] = (alloc[g] as number) + r;
							occ[g * nSeg + s] = (occ[g * nSeg + s] as number) + r;
						}
					} else {
						const share = amount / total;
						for (let m = m0; m < m1; m++) {
							const g = segMemG[m] as number;
							const r = rem[g] as number;
							const take = r * share;
							rem[g] = r - take;
							alloc[g] = (alloc[g] as number) + take;
							occ[g * nSeg + s] = (occ[g * nSeg + s] as number) + take;
						}
					}
				} else {
					distributeByPriority(segMember, order, rem, alloc, occ, nSeg, s, amount);
				}
			}
		} else {
			for (let g = 0; g < G; g++) {
				alloc[g] = rem[g] as number;
				rem[g] = 0;
			}
		}

		// 5–6: waiting list and tenants
		for (let g = 0; g < G; g++) {
			const i = g * n + t;
			const moveIns = alloc[g] as number;
			I[i] = moveIns;
			const rest = rem[g] as number;
			const attr = rest * (k[g * K + K_W] as number);
			W[i] = attr;
			Q[i] = rest - attr;
			H[i] = (H[i - 1] as number) - (X[i] as number) + moveIns;
			if (tenureKind[g] === TENURE_LEASE) {
				const off = cohortOffset[g] as number;
				cohort[off] = (cohort[off] as number) + moveIns;
			}
		}
	}
}
