/**
 * The simulation kernel: the one implementation of the model's year step (docs/model.md, "Order of
 * events within a year"). It runs a batch of B parameter vectors (draws) at once; every quantity is
 * an array over the draws of the batch, [row * B + draw]. The deterministic run and each
 * sensitivity case are a batch of one (kernel.ts), the Monte Carlo runs batches of 64.
 * The branches on tenure model, demand driver and allocation rule are taken once per group and year
 * instead of once per draw, and the per-draw loops are short and branch-light.
 *
 * Year t (1…horizon), per group, in this order:
 *  1. exits X(t) from the tenants at the start of the year (tenure model, turnover target applied);
 *  2. new need A(t) (demand driver);
 *  3. candidates P = Q(t−1) + A(t);
 *  4. move-ins I(t): need mode I = P; capacity mode: free usable dwellings allocated
 *     (earmarked segments to their groups first, then the shared pool, by the allocation rule);
 *  5. waiting-list attrition W(t) = (P − I)·w, Q(t) = (P − I) − W(t);
 *  6. H(t) = H(t−1) − X(t) + I(t).
 *
 * Always kept per year: tenants H and waiting Q per group and the total move-ins ΣI, laid out
 * [row][year][draw in batch], so a year's values for the batch are contiguous and go straight into
 * the Monte Carlo's [series][year][draw] buffer. With a `Recording` (the deterministic run) the
 * flows, the tenure in force and the occupancy per segment are kept too, for derive.ts.
 */
import { DEMAND_PREVALENCE, DEMAND_RATE, DEMAND_REFUGEES, G, TENURE_BOTID, TENURE_LEASE, type Prepared } from './prepare.ts';
import { clamp, groupStart, K, K_BOT, K_EXIT, K_FACTOR, K_NONRENEW, K_RATE, K_S0, K_S1, K_TREND, K_TRENDCUM, K_W, K_X } from './group-start.ts';

export interface BatchWorkspace {
	/** Draws per batch (capacity). */
	B: number;
	/** Parameter vectors, [slot * B + b]. */
	P: Float64Array;
	/** Tenants, [(g * n + t) * B + b]. */
	H: Float64Array;
	/** Waiting, [(g * n + t) * B + b]. */
	Q: Float64Array;
	/** Σ over groups of move-ins, [t * B + b]. */
	SI: Float64Array;
	/** Vacancy target in use per draw. */
	v: Float64Array;
	/** 1 − v per draw. */
	usable: Float64Array;
	X: Float64Array;
	k: Float64Array;
	cohort: Float64Array;
	occ: Float64Array;
	free: Float64Array;
	rem: Float64Array;
	alloc: Float64Array;
	keep: Float64Array;
	/** New need A of the current year per group, [g * B + b]. */
	A: Float64Array;
	/** Exit hazard (botid, exit rate) or non-renewal share (lease) of the current year, [g * B + b]. */
	hz: Float64Array;
	/** Calibrated rate per 1000 or share % per group, NaN where nothing was calibrated, [g * B + b]. */
	calibrated: Float64Array;
	/** Full series for derive.ts; null in the Monte Carlo (it needs only H, Q and ΣI). */
	rec: Recording | null;
}

/** Every flow per group and year, [(g * n + t) * B + b], and the occupancy per segment (capacity mode). */
export interface Recording {
	A: Float64Array;
	I: Float64Array;
	X: Float64Array;
	W: Float64Array;
	/** Mean tenure in force, years. */
	TEN: Float64Array;
	/** Capacity mode: dwellings occupied in segment s at the end of year t (groups and others), [(s * n + t) * B + b]. */
	segOcc: Float64Array;
}

export function createBatchWorkspace(prep: Prepared, B: number, record = false): BatchWorkspace {
	const n = prep.n;
	const series = (): Float64Array => new Float64Array(G * n * B);
	return {
		B,
		P: new Float64Array(prep.layout.slots.length * B),
		H: new Float64Array(G * n * B),
		Q: new Float64Array(G * n * B),
		SI: new Float64Array(n * B),
		v: new Float64Array(B),
		usable: new Float64Array(B),
		X: new Float64Array(G * B),
		k: new Float64Array(G * K * B),
		cohort: new Float64Array(Math.max(1, prep.cohortTotal) * B),
		occ: new Float64Array(G * prep.nSeg * B),
		free: new Float64Array(prep.nSeg * B),
		rem: new Float64Array(G * B),
		alloc: new Float64Array(G * B),
		keep: new Float64Array(G * B),
		A: new Float64Array(G * B),
		hz: new Float64Array(G * B),
		calibrated: new Float64Array(G * B),
		rec: record
			? { A: series(), I: series(), X: series(), W: series(), TEN: series(), segOcc: new Float64Array(prep.nSeg * n * B) }
			: null
	};
}

/**
 * Runs draws 0 … nb − 1 of the batch (parameter vectors in bw.P) through all groups and years: the
 * base year, then steps 1–6 of every later year, one function per step. The steps are separate
 * functions called once per year (a few hundred calls per batch of 64 draws, no measurable cost),
 * and each keeps its per-draw loops inside its branches on tenure model, driver and rule.
 */
export function simulateBatch(prep: Prepared, bw: BatchWorkspace, nb: number): void {
	startBatch(prep, bw, nb);
	for (let t = 1; t < prep.n; t++) {
		exits(prep, bw, nb, t);
		newNeed(prep, bw, nb, t);
		if (prep.capacity) {
			freeRoom(prep, bw, nb, t);
			allocate(prep, bw, nb);
		}
		waitingAndTenants(prep, bw, nb, t);
		if (bw.rec && prep.capacity) recordSegments(prep, bw, bw.rec, t, nb);
	}
}

/** The vacancy target per draw, the per-group constants (groupStart) and the base year (index 0). */
function startBatch(prep: Prepared, bw: BatchWorkspace, nb: number): void {
	const n = prep.n;
	const B = bw.B;
	const { P, H, Q, SI, v, usable, k, cohort, occ, A, hz, calibrated, rec } = bw;
	const vs = prep.layout.vacancySlot;
	for (let b = 0; b < nb; b++) {
		const vb = clamp((P[vs * B + b] as number) / 100, 0, 0.95);
		v[b] = vb;
		usable[b] = 1 - vb;
	}
	for (let g = 0; g < G; g++) {
		groupStart(prep, g, P, B, nb, k, calibrated, A, hz);
		const i0 = g * n;
		const gb = g * B;
		const h0 = prep.H0[g] as number;
		const q0 = prep.Q0[g] as number;
		const nt = prep.I0[g] as number;
		for (let b = 0; b < nb; b++) {
			const x0 = h0 * (hz[gb + b] as number);
			H[i0 * B + b] = h0;
			Q[i0 * B + b] = q0;
			// Base-year move-ins: the observed new tenants, else the steady state (= exits).
			const i0v = nt === nt ? nt : x0;
			SI[b] = g === 0 ? 0 + i0v : (SI[b] as number) + i0v;
		}
		if (rec) {
			const kw = (g * K + K_W) * B;
			for (let b = 0; b < nb; b++) {
				const r = i0 * B + b;
				const haz = hz[gb + b] as number;
				rec.A[r] = A[gb + b] as number;
				rec.I[r] = nt === nt ? nt : h0 * haz;
				rec.X[r] = h0 * haz;
				rec.W[r] = q0 * (k[kw + b] as number);
				rec.TEN[r] = 1 / haz;
			}
		}
		if (prep.tenureKind[g] === TENURE_LEASE) {
			const L = prep.leaseYears[g] as number;
			const off = prep.cohortOffset[g] as number;
			for (let b = 0; b < nb; b++) for (let c = 0; c < L; c++) cohort[(off + c) * B + b] = h0 / L;
		}
	}
	if (prep.capacity) {
		const init = prep.initOcc;
		for (let j = 0; j < init.length; j++) {
			const x = init[j] as number;
			for (let b = 0; b < nb; b++) occ[j * B + b] = x;
		}
		if (rec) recordSegments(prep, bw, rec, 0, nb);
	}
}

/** The turnover target's factor on the exit hazard in a year of phase `ph`: 1 + change × phase, at least 0.01. */
function turnoverFactor(change: number, ph: number): number {
	const f = 1 + change * ph;
	return f < 0.01 ? 0.01 : f;
}

/** The first slot of year t's lease cohorts: a ring, so ageing moves the head, not the values (see exits). */
function cohortHead(offset: number, L: number, t: number): number {
	return offset + ((L - (t % L)) % L);
}

/** Step 1 of year t: exits X and the hazard in force hz per group, from the tenants at the start of the year. */
function exits(prep: Prepared, bw: BatchWorkspace, nb: number, t: number): void {
	const n = prep.n;
	const B = bw.B;
	const { H, X, k, hz, cohort } = bw;
	const kStride = K * B;
	for (let g = 0; g < G; g++) {
		const kb = g * kStride;
		const i = g * n + t;
		const hp = (i - 1) * B; // previous year's row of H
		const gb = g * B;
		const ph = prep.turnPhase[i] as number;
		const kx = kb + K_X * B;
		const tk = prep.tenureKind[g];
		if (tk === TENURE_BOTID) {
			const kbot = kb + K_BOT * B;
			for (let b = 0; b < nb; b++) {
				const hPrev = H[hp + b] as number;
				const haz = Math.min(1, turnoverFactor(k[kx + b] as number, ph) / (k[kbot + b] as number));
				hz[gb + b] = haz;
				let x = hPrev * haz;
				if (x > hPrev) x = hPrev;
				X[gb + b] = x;
			}
		} else if (tk === TENURE_LEASE) {
			const knr = kb + K_NONRENEW * B;
			// The L cohorts are a ring: cohort c of year t is at (head + c) mod L with head = −t mod L, so
			// ageing by one year moves the head instead of the values; the oldest cohort's slot
			// becomes the new youngest.
			const head = cohortHead(prep.cohortOffset[g] as number, prep.leaseYears[g] as number, t) * B;
			for (let b = 0; b < nb; b++) {
				const hPrev = H[hp + b] as number;
				const nr = Math.min(1, (k[knr + b] as number) * turnoverFactor(k[kx + b] as number, ph));
				hz[gb + b] = nr;
				const ending = cohort[head + b] as number;
				let x = ending * nr;
				cohort[head + b] = ending - x; // renewed leases start a new term
				if (x > hPrev) x = hPrev;
				X[gb + b] = x;
			}
		} else {
			const ke = kb + K_EXIT * B;
			for (let b = 0; b < nb; b++) {
				const hPrev = H[hp + b] as number;
				const haz = Math.min(1, (k[ke + b] as number) * turnoverFactor(k[kx + b] as number, ph));
				hz[gb + b] = haz;
				let x = hPrev * haz;
				if (x > hPrev) x = hPrev;
				X[gb + b] = x;
			}
		}
	}
}

/** Steps 2–3 of year t: new need A per group (its driver) and the candidates P = Q(t − 1) + A, kept in rem. */
function newNeed(prep: Prepared, bw: BatchWorkspace, nb: number, t: number): void {
	const n = prep.n;
	const B = bw.B;
	const { H, Q, X, k, A, rem } = bw;
	const kStride = K * B;
	for (let g = 0; g < G; g++) {
		const kb = g * kStride;
		const i = g * n + t;
		const hp = (i - 1) * B; // previous year's row of H and Q
		const gb = g * B;
		const dk = prep.demandKind[g];
		const pop = prep.bandPop[i] as number;
		if (dk === DEMAND_RATE) {
			const kc = kb + K_TRENDCUM * B, kt = kb + K_TREND * B, kr = kb + K_RATE * B;
			for (let b = 0; b < nb; b++) {
				// rate(t) = rate × trend^t, kept as a running product
				const cum = (k[kc + b] as number) * (k[kt + b] as number);
				k[kc + b] = cum;
				const a = ((k[kr + b] as number) * cum * pop) / 1000;
				A[gb + b] = a;
				rem[gb + b] = (Q[hp + b] as number) + a;
			}
		} else if (dk === DEMAND_PREVALENCE) {
			const sp = prep.sharePhase[i] as number;
			const k0 = kb + K_S0 * B, k1 = kb + K_S1 * B;
			for (let b = 0; b < nb; b++) {
				const s0 = k[k0 + b] as number;
				const share = s0 + ((k[k1 + b] as number) - s0) * sp;
				const qPrev = Q[hp + b] as number;
				let a = share * pop - ((H[hp + b] as number) - (X[gb + b] as number)) - qPrev;
				if (a < 0) a = 0;
				A[gb + b] = a;
				rem[gb + b] = qPrev + a;
			}
		} else {
			// Refugees: the settlement series × the factor; manual: the series as entered.
			const s = prep.series[i] as number;
			const kf = kb + K_FACTOR * B;
			const refugees = dk === DEMAND_REFUGEES;
			for (let b = 0; b < nb; b++) {
				const a = refugees ? s * (k[kf + b] as number) : s;
				A[gb + b] = a;
				rem[gb + b] = (Q[hp + b] as number) + a;
			}
		}
	}
}

/**
 * Step 4, capacity mode, first half: the tenants who stay reduce each group's occupancy in its
 * segments; the free usable room per segment follows. Per segment: the other households, plus each
 * member group's tenants who stay (in group order, segMemG), then the free usable room. The first
 * and last member are special-cased so that the sum starts from the other households without a
 * separate pass.
 */
function freeRoom(prep: Prepared, bw: BatchWorkspace, nb: number, t: number): void {
	const n = prep.n;
	const B = bw.B;
	const nSeg = prep.nSeg;
	const { H, X, usable, occ, free, alloc, keep } = bw;
	const { otherOcc, segStock, segMemOff, segMemG } = prep;
	for (let g = 0; g < G; g++) {
		const hp = (g * n + t - 1) * B;
		const gb = g * B;
		for (let b = 0; b < nb; b++) {
			const hPrev = H[hp + b] as number;
			keep[gb + b] = hPrev > 0 ? (hPrev - (X[gb + b] as number)) / hPrev : 1;
			alloc[gb + b] = 0;
		}
	}
	for (let s = 0; s < nSeg; s++) {
		const o = otherOcc[s] as number;
		const st = segStock[s * n + t] as number;
		const fs = s * B;
		const m0 = segMemOff[s] as number;
		const m1 = segMemOff[s + 1] as number;
		if (m1 === m0) {
			for (let b = 0; b < nb; b++) {
				const fr = st * (usable[b] as number) - o;
				free[fs + b] = fr > 0 ? fr : 0;
			}
			continue;
		}
		for (let m = m0; m < m1; m++) {
			const g = segMemG[m] as number;
			const ob = (g * nSeg + s) * B;
			const kg = g * B;
			if (m === m0 && m === m1 - 1) {
				for (let b = 0; b < nb; b++) {
					const x = (occ[ob + b] as number) * (keep[kg + b] as number);
					occ[ob + b] = x;
					const fr = st * (usable[b] as number) - (o + x);
					free[fs + b] = fr > 0 ? fr : 0;
				}
			} else if (m === m0) {
				for (let b = 0; b < nb; b++) {
					const x = (occ[ob + b] as number) * (keep[kg + b] as number);
					occ[ob + b] = x;
					free[fs + b] = o + x;
				}
			} else if (m === m1 - 1) {
				for (let b = 0; b < nb; b++) {
					const x = (occ[ob + b] as number) * (keep[kg + b] as number);
					occ[ob + b] = x;
					const fr = st * (usable[b] as number) - ((free[fs + b] as number) + x);
					free[fs + b] = fr > 0 ? fr : 0;
				}
			} else {
				for (let b = 0; b < nb; b++) {
					const x = (occ[ob + b] as number) * (keep[kg + b] as number);
					occ[ob + b] = x;
					free[fs + b] = (free[fs + b] as number) + x;
				}
			}
		}
	}
}

/**
 * Step 4, capacity mode, second half: the free room allocated to the candidates, earmarked segments
 * first, then the shared pool (segOrder), by the allocation rule. Move-ins accumulate in alloc,
 * the candidates left in rem.
 */
function allocate(prep: Prepared, bw: BatchWorkspace, nb: number): void {
	const B = bw.B;
	const nSeg = prep.nSeg;
	const { occ, free, rem, alloc } = bw;
	const { segOrder, segMemOff, segMemG, segMember, order } = prep;
	for (let so = 0; so < nSeg; so++) {
		const s = segOrder[so] as number;
		const fs = s * B;
		if (prep.proportional) {
			// In proportion to the remaining candidates (all move in if there is room for all).
			const m0 = segMemOff[s] as number;
			const m1 = segMemOff[s + 1] as number;
			for (let b = 0; b < nb; b++) {
				const amount = free[fs + b] as number;
				if (amount <= 0) continue;
				let total = 0;
				for (let m = m0; m < m1; m++) total += rem[(segMemG[m] as number) * B + b] as number;
				if (total <= 0) continue;
				if (amount >= total) {
					for (let m = m0; m < m1; m++) {
						const g = segMemG[m] as number;
						const r = rem[g * B + b] as number;
						rem[g * B + b] = 0;
						alloc[g * B + b] = (alloc[g * B + b] as number) + r;
						const o = (g * nSeg + s) * B + b;
						occ[o] = (occ[o] as number) + r;
					}
				} else {
					const share = amount / total;
					for (let m = m0; m < m1; m++) {
						const g = segMemG[m] as number;
						const r = rem[g * B + b] as number;
						const take = r * share;
						rem[g * B + b] = r - take;
						alloc[g * B + b] = (alloc[g * B + b] as number) + take;
						const o = (g * nSeg + s) * B + b;
						occ[o] = (occ[o] as number) + take;
					}
				}
			}
		} else {
			// Priority: to member groups in `order`, each up to its candidates.
			for (let b = 0; b < nb; b++) {
				const amount = free[fs + b] as number;
				if (amount <= 0) continue;
				let left = amount;
				for (let oi = 0; oi < G && left > 0; oi++) {
					const g = order[oi] as number;
					if (segMember[s * G + g] !== 1) continue;
					const r = rem[g * B + b] as number;
					const take = r < left ? r : left;
					rem[g * B + b] = r - take;
					left -= take;
					alloc[g * B + b] = (alloc[g * B + b] as number) + take;
					const o = (g * nSeg + s) * B + b;
					occ[o] = (occ[o] as number) + take;
				}
			}
		}
	}
}

/**
 * Steps 5–6 of year t: waiting-list attrition and the waiting list Q, the tenants H, the new lease
 * cohort and the total move-ins ΣI; with a Recording, the year's flows and tenure in force.
 */
function waitingAndTenants(prep: Prepared, bw: BatchWorkspace, nb: number, t: number): void {
	const n = prep.n;
	const B = bw.B;
	const capacity = prep.capacity;
	const { H, Q, SI, X, k, cohort, rem, alloc, A, hz, rec } = bw;
	const sit = t * B;
	for (let g = 0; g < G; g++) {
		const i = g * n + t;
		const hi = i * B;
		const hp = hi - B;
		const gb = g * B;
		const kw = (g * K + K_W) * B;
		const lease = prep.tenureKind[g] === TENURE_LEASE;
		const L = prep.leaseYears[g] as number;
		const head = lease ? cohortHead(prep.cohortOffset[g] as number, L, t) * B : 0;
		if (capacity) {
			for (let b = 0; b < nb; b++) {
				const rest = rem[gb + b] as number;
				const attr = rest * (k[kw + b] as number);
				Q[hi + b] = rest - attr;
			}
		} else {
			// Need mode: every candidate moved in (rem holds the move-ins), so nobody waits and
			// attrition is 0 (step 5 with P − I = 0).
			for (let b = 0; b < nb; b++) Q[hi + b] = 0;
		}
		const moveIn = capacity ? alloc : rem;
		for (let b = 0; b < nb; b++) H[hi + b] = (H[hp + b] as number) - (X[gb + b] as number) + (moveIn[gb + b] as number);
		if (lease) for (let b = 0; b < nb; b++) cohort[head + b] = (cohort[head + b] as number) + (moveIn[gb + b] as number);
		if (g === 0) for (let b = 0; b < nb; b++) SI[sit + b] = 0 + (moveIn[gb + b] as number);
		else for (let b = 0; b < nb; b++) SI[sit + b] = (SI[sit + b] as number) + (moveIn[gb + b] as number);
		if (rec) {
			for (let b = 0; b < nb; b++) {
				const r = hi + b;
				rec.A[r] = A[gb + b] as number;
				rec.I[r] = moveIn[gb + b] as number;
				rec.X[r] = X[gb + b] as number;
				rec.W[r] = capacity ? (rem[gb + b] as number) * (k[kw + b] as number) : 0;
				rec.TEN[r] = lease ? L / (hz[gb + b] as number) : 1 / (hz[gb + b] as number);
			}
		}
	}
}

/** Occupied dwellings per segment at the end of year t: the other households, then each member group. */
function recordSegments(prep: Prepared, bw: BatchWorkspace, rec: Recording, t: number, nb: number): void {
	const B = bw.B;
	const n = prep.n;
	const nSeg = prep.nSeg;
	for (let s = 0; s < nSeg; s++) {
		const r = (s * n + t) * B;
		for (let b = 0; b < nb; b++) {
			let o = prep.otherOcc[s] as number;
			for (let m = prep.segMemOff[s] as number; m < (prep.segMemOff[s + 1] as number); m++) {
				o += bw.occ[((prep.segMemG[m] as number) * nSeg + s) * B + b] as number;
			}
			rec.segOcc[r + b] = o;
		}
	}
}
