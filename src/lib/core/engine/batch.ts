/**
 * The simulation kernel for a batch of Monte Carlo draws at once: the same model and the same
 * floating-point operations in the same order as `simulate` in kernel.ts (so every draw's result is
 * bit-identical to a `simulate` run with its parameter vector; tested), but every quantity is an
 * array over the draws of the batch, [row * B + draw]. The branches on tenure model, demand driver
 * and allocation rule are taken once per group and year instead of once per draw, and the per-draw
 * loops are short and branch-light.
 *
 * Only what the Monte Carlo reports is kept per year: tenants H and waiting Q per group and the
 * total move-ins ΣI, laid out [row][year][draw in batch], so a year's values for the batch are
 * contiguous and go straight into the [series][year][draw] buffer.
 */
import { F, NF } from './params.ts';
import { DEMAND_PREVALENCE, DEMAND_RATE, DEMAND_REFUGEES, G, TENURE_BOTID, TENURE_LEASE, type Prepared } from './prepare.ts';

/** Per-group constants, row g * K + c. */
const K = 11;
const K_BOT = 0, K_NONRENEW = 1, K_EXIT = 2, K_X = 3, K_W = 4, K_RATE = 5, K_TREND = 6, K_S0 = 7, K_S1 = 8, K_FACTOR = 9, K_TRENDCUM = 10;

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
}

export function createBatchWorkspace(prep: Prepared, B: number): BatchWorkspace {
	const n = prep.n;
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
		keep: new Float64Array(G * B)
	};
}

function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

/** Value of a per-group field for draw b: its slot, or `fallback` when the field has none. */
function sv(P: Float64Array, B: number, slot: number, b: number, fallback: number): number {
	return slot >= 0 ? (P[slot * B + b] as number) : fallback;
}

/**
 * Runs draws 0 … nb − 1 of the batch (parameter vectors in bw.P) through all groups and years.
 * Same model as kernel.ts `simulate`; see there for the order of events.
 */
export function simulateBatch(prep: Prepared, bw: BatchWorkspace, nb: number): void {
	const n = prep.n;
	const B = bw.B;
	const gs = prep.layout.groupSlot;
	const { P, H, Q, SI, v, usable, X, k, cohort, occ, free, rem, alloc, keep } = bw;
	const nSeg = prep.nSeg;
	const vs = prep.layout.vacancySlot;
	for (let b = 0; b < nb; b++) {
		const vb = clamp((P[vs * B + b] as number) / 100, 0, 0.95);
		v[b] = vb;
		usable[b] = 1 - vb;
	}

	// Per-group constants and the base year (index 0).
	for (let g = 0; g < G; g++) {
		const kb = g * K * B;
		const tk = prep.tenureKind[g];
		const dk = prep.demandKind[g];
		const gsb = g * NF;
		const sBot = gs[gsb + F.botid] as number, sRenewal = gs[gsb + F.renewal] as number, sExit = gs[gsb + F.exitPct] as number;
		const sTurn = gs[gsb + F.turnover] as number, sAttr = gs[gsb + F.attrition] as number;
		const sRate = gs[gsb + F.rate] as number, sTrend = gs[gsb + F.trend] as number;
		const sShare = gs[gsb + F.share] as number, sTarget = gs[gsb + F.targetShare] as number;
		const sNeeding = gs[gsb + F.shareNeeding] as number, sPph = gs[gsb + F.personsPerHousehold] as number;
		const i0 = g * n;
		const h0 = prep.H0[g] as number;
		const q0 = prep.Q0[g] as number;
		const pop0 = prep.bandPop[i0] as number;
		const nt = prep.I0[g] as number;
		const L = prep.leaseYears[g] as number;
		const off = prep.cohortOffset[g] as number;
		for (let b = 0; b < nb; b++) {
			let haz: number;
			if (tk === TENURE_BOTID) {
				const bot = Math.max(sv(P, B, sBot, b, 1), 1e-9);
				k[kb + K_BOT * B + b] = bot;
				haz = Math.min(1, 1 / bot);
			} else if (tk === TENURE_LEASE) {
				const nonRenew = 1 - clamp(sv(P, B, sRenewal, b, 0) / 100, 0, 0.99);
				k[kb + K_NONRENEW * B + b] = nonRenew;
				haz = nonRenew / L;
			} else {
				const e = clamp(sv(P, B, sExit, b, 0) / 100, 1e-9, 1);
				k[kb + K_EXIT * B + b] = e;
				haz = e;
			}
			k[kb + K_X * B + b] = sv(P, B, sTurn, b, 0) / 100;
			k[kb + K_W * B + b] = clamp(sv(P, B, sAttr, b, 0) / 100, 0, 1);
			const x0 = h0 * haz;
			H[i0 * B + b] = h0;
			Q[i0 * B + b] = q0;
			const i0v = nt === nt ? nt : x0;
			SI[b] = g === 0 ? 0 + i0v : (SI[b] as number) + i0v;
			if (dk === DEMAND_RATE) {
				let rate = sv(P, B, sRate, b, NaN);
				if (rate !== rate) rate = pop0 > 0 ? (x0 / pop0) * 1000 : 0;
				k[kb + K_RATE * B + b] = rate;
				k[kb + K_TREND * B + b] = Math.max(0, 1 + sv(P, B, sTrend, b, 0) / 100);
				k[kb + K_TRENDCUM * B + b] = 1;
			} else if (dk === DEMAND_PREVALENCE) {
				let s0 = sv(P, B, sShare, b, NaN) / 100;
				if (s0 !== s0) s0 = pop0 > 0 ? (h0 + q0) / pop0 : 0;
				k[kb + K_S0 * B + b] = s0;
				k[kb + K_S1 * B + b] = sv(P, B, sTarget, b, s0 * 100) / 100;
			} else if (dk === DEMAND_REFUGEES) {
				k[kb + K_FACTOR * B + b] = clamp(sv(P, B, sNeeding, b, 0) / 100, 0, 1) / Math.max(sv(P, B, sPph, b, 1), 1e-9);
			}
			if (tk === TENURE_LEASE) {
				for (let c = 0; c < L; c++) cohort[(off + c) * B + b] = h0 / L;
			}
		}
	}
	const capacity = prep.capacity;
	if (capacity) {
		const init = prep.initOcc;
		for (let j = 0; j < init.length; j++) {
			const x = init[j] as number;
			for (let b = 0; b < nb; b++) occ[j * B + b] = x;
		}
	}

	const bandPop = prep.bandPop, series = prep.series, turnPhase = prep.turnPhase, sharePhase = prep.sharePhase;
	const tenureKind = prep.tenureKind, demandKind = prep.demandKind, leaseYears = prep.leaseYears, cohortOffset = prep.cohortOffset;
	const proportional = prep.proportional, order = prep.order, segMember = prep.segMember, segStock = prep.segStock, otherOcc = prep.otherOcc;
	const segOrder = prep.segOrder, segMemOff = prep.segMemOff, segMemG = prep.segMemG;
	for (let t = 1; t < n; t++) {
		// 1–3: exits, new need, candidates
		for (let g = 0; g < G; g++) {
			const kb = g * K * B;
			const i = g * n + t;
			const hp = (i - 1) * B; // previous year's row of H and Q
			const gb = g * B;
			const ph = turnPhase[i] as number;
			const kx = kb + K_X * B;
			const tk = tenureKind[g];
			if (tk === TENURE_BOTID) {
				const kbot = kb + K_BOT * B;
				for (let b = 0; b < nb; b++) {
					const hPrev = H[hp + b] as number;
					let f = 1 + (k[kx + b] as number) * ph;
					if (f < 0.01) f = 0.01;
					const haz = Math.min(1, f / (k[kbot + b] as number));
					let x = hPrev * haz;
					if (x > hPrev) x = hPrev;
					X[gb + b] = x;
				}
			} else if (tk === TENURE_LEASE) {
				const L = leaseYears[g] as number;
				const off = cohortOffset[g] as number;
				const knr = kb + K_NONRENEW * B;
				// The L cohorts are a ring: cohort c of year t is at (head + c) mod L with head = −t mod L, so
				// ageing by one year moves the head instead of the values; the oldest cohort's slot
				// becomes the new youngest.
				const head = (off + ((L - (t % L)) % L)) * B;
				for (let b = 0; b < nb; b++) {
					const hPrev = H[hp + b] as number;
					let f = 1 + (k[kx + b] as number) * ph;
					if (f < 0.01) f = 0.01;
					const nr = Math.min(1, (k[knr + b] as number) * f);
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
					let f = 1 + (k[kx + b] as number) * ph;
					if (f < 0.01) f = 0.01;
					const haz = Math.min(1, (k[ke + b] as number) * f);
					let x = hPrev * haz;
					if (x > hPrev) x = hPrev;
					X[gb + b] = x;
				}
			}
			const dk = demandKind[g];
			const pop = bandPop[i] as number;
			if (dk === DEMAND_RATE) {
				const kc = kb + K_TRENDCUM * B, kt = kb + K_TREND * B, kr = kb + K_RATE * B;
				for (let b = 0; b < nb; b++) {
					// rate(t) = rate × trend^t, kept as a running product
					const cum = (k[kc + b] as number) * (k[kt + b] as number);
					k[kc + b] = cum;
					rem[gb + b] = (Q[hp + b] as number) + ((k[kr + b] as number) * cum * pop) / 1000;
				}
			} else if (dk === DEMAND_PREVALENCE) {
				const sp = sharePhase[i] as number;
				const k0 = kb + K_S0 * B, k1 = kb + K_S1 * B;
				for (let b = 0; b < nb; b++) {
					const s0 = k[k0 + b] as number;
					const share = s0 + ((k[k1 + b] as number) - s0) * sp;
					const qPrev = Q[hp + b] as number;
					let a = share * pop - ((H[hp + b] as number) - (X[gb + b] as number)) - qPrev;
					if (a < 0) a = 0;
					rem[gb + b] = qPrev + a;
				}
			} else if (dk === DEMAND_REFUGEES) {
				const s = series[i] as number;
				const kf = kb + K_FACTOR * B;
				for (let b = 0; b < nb; b++) rem[gb + b] = (Q[hp + b] as number) + s * (k[kf + b] as number);
			} else {
				const a = series[i] as number;
				for (let b = 0; b < nb; b++) rem[gb + b] = (Q[hp + b] as number) + a;
			}
		}

		// 4: move-ins
		if (capacity) {
			for (let g = 0; g < G; g++) {
				const hp = (g * n + t - 1) * B;
				const gb = g * B;
				for (let b = 0; b < nb; b++) {
					const hPrev = H[hp + b] as number;
					keep[gb + b] = hPrev > 0 ? (hPrev - (X[gb + b] as number)) / hPrev : 1;
					alloc[gb + b] = 0;
				}
			}
			// Per segment: the other households, plus each member group's tenants who stay, then the
			// free usable room. Same order of additions as kernel.ts (segMemG lists each segment's members
			// in group order, as memberOcc does).
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
			// Earmarked segments first, then the shared pool.
			for (let so = 0; so < nSeg; so++) {
				const s = segOrder[so] as number;
				const fs = s * B;
				if (proportional) {
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

		// 5–6: waiting list and tenants
		const sit = t * B;
		for (let g = 0; g < G; g++) {
			const i = g * n + t;
			const hi = i * B;
			const hp = hi - B;
			const gb = g * B;
			const kw = g * K * B + K_W * B;
			const lease = tenureKind[g] === TENURE_LEASE;
			const L = leaseYears[g] as number;
			const head = lease ? ((cohortOffset[g] as number) + ((L - (t % L)) % L)) * B : 0;
			if (capacity) {
				for (let b = 0; b < nb; b++) {
					const rest = rem[gb + b] as number;
					const attr = rest * (k[kw + b] as number);
					Q[hi + b] = rest - attr;
				}
			} else {
				for (let b = 0; b < nb; b++) {
					const rest = 0;
					const attr = rest * (k[kw + b] as number);
					Q[hi + b] = rest - attr;
				}
			}
			const moveIn = capacity ? alloc : rem;
			for (let b = 0; b < nb; b++) H[hi + b] = (H[hp + b] as number) - (X[gb + b] as number) + (moveIn[gb + b] as number);
			if (lease) for (let b = 0; b < nb; b++) cohort[head + b] = (cohort[head + b] as number) + (moveIn[gb + b] as number);
			if (g === 0) for (let b = 0; b < nb; b++) SI[sit + b] = 0 + (moveIn[gb + b] as number);
			else for (let b = 0; b < nb; b++) SI[sit + b] = (SI[sit + b] as number) + (moveIn[gb + b] as number);
		}
	}
}
