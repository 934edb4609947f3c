/**
 * The base year of one group for one parameter vector: the per-group constants the year step uses
 * (batch.ts), the exit hazard at T0 and the calibration of omitted fields (docs/model.md, "New need"
 * and "Tenure and turnover"). Called once per group and draw, so it may branch freely.
 */
import { F, NF } from './params.ts';
import { DEMAND_PREVALENCE, DEMAND_RATE, DEMAND_REFUGEES, TENURE_BOTID, TENURE_LEASE, type Prepared } from './prepare.ts';

/** Per-group constants, k[(g * K + c) * B + b]. */
export const K = 11;
export const K_BOT = 0, K_NONRENEW = 1, K_EXIT = 2, K_X = 3, K_W = 4, K_RATE = 5, K_TREND = 6, K_S0 = 7, K_S1 = 8, K_FACTOR = 9, K_TRENDCUM = 10;

export function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

/** Value of a per-group field for draw b: its slot, or `fallback` when the field has none. */
function sv(P: Float64Array, B: number, slot: number, b: number, fallback: number): number {
	return slot >= 0 ? (P[slot * B + b] as number) : fallback;
}

/**
 * Writes group g's constants for draw b into k, its new need at T0 into A[g * B + b] and the
 * calibrated value (rate per 1000 or share %, NaN if none) into calibrated[g * B + b]; returns the
 * exit hazard at T0 (X(0) = H(0) × hazard).
 */
export function groupStart(
	prep: Prepared,
	g: number,
	P: Float64Array,
	B: number,
	b: number,
	k: Float64Array,
	calibrated: Float64Array,
	A: Float64Array
): number {
	const gs = prep.layout.groupSlot;
	const gsb = g * NF;
	const slot = (f: number): number => gs[gsb + f] as number;
	const kb = g * K * B + b;
	const tk = prep.tenureKind[g];
	const i0 = g * prep.n;
	const h0 = prep.H0[g] as number;
	const q0 = prep.Q0[g] as number;
	const pop0 = prep.bandPop[i0] as number;
	let haz: number;
	if (tk === TENURE_BOTID) {
		const bot = Math.max(sv(P, B, slot(F.botid), b, 1), 1e-9);
		k[kb + K_BOT * B] = bot;
		haz = Math.min(1, 1 / bot);
	} else if (tk === TENURE_LEASE) {
		const nonRenew = 1 - clamp(sv(P, B, slot(F.renewal), b, 0) / 100, 0, 0.99);
		k[kb + K_NONRENEW * B] = nonRenew;
		haz = nonRenew / (prep.leaseYears[g] as number);
	} else {
		const e = clamp(sv(P, B, slot(F.exitPct), b, 0) / 100, 1e-9, 1);
		k[kb + K_EXIT * B] = e;
		haz = e;
	}
	k[kb + K_X * B] = sv(P, B, slot(F.turnover), b, 0) / 100;
	k[kb + K_W * B] = clamp(sv(P, B, slot(F.attrition), b, 0) / 100, 0, 1);
	const x0 = h0 * haz;
	let cal = NaN;
	let a0: number;
	const dk = prep.demandKind[g];
	if (dk === DEMAND_RATE) {
		let rate = sv(P, B, slot(F.rate), b, NaN);
		if (rate !== rate) {
			rate = pop0 > 0 ? (x0 / pop0) * 1000 : 0;
			cal = rate;
		}
		k[kb + K_RATE * B] = rate;
		k[kb + K_TREND * B] = Math.max(0, 1 + sv(P, B, slot(F.trend), b, 0) / 100);
		k[kb + K_TRENDCUM * B] = 1;
		a0 = (rate * pop0) / 1000;
	} else if (dk === DEMAND_PREVALENCE) {
		let s0 = sv(P, B, slot(F.share), b, NaN) / 100;
		if (s0 !== s0) {
			s0 = pop0 > 0 ? (h0 + q0) / pop0 : 0;
			cal = s0 * 100;
		}
		k[kb + K_S0 * B] = s0;
		k[kb + K_S1 * B] = sv(P, B, slot(F.targetShare), b, s0 * 100) / 100;
		a0 = x0;
	} else if (dk === DEMAND_REFUGEES) {
		const factor = clamp(sv(P, B, slot(F.shareNeeding), b, 0) / 100, 0, 1) / Math.max(sv(P, B, slot(F.personsPerHousehold), b, 1), 1e-9);
		k[kb + K_FACTOR * B] = factor;
		a0 = (prep.series[i0] as number) * factor;
	} else {
		a0 = prep.series[i0] as number;
	}
	calibrated[g * B + b] = cal;
	A[g * B + b] = a0;
	return haz;
}
