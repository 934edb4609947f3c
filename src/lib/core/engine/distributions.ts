/**
 * Sampling of uncertain assumptions by inverse CDF (one uniform per assumption and draw).
 */
import type { Spread } from '#lib/core/model/uncertain.ts';

/** z such that Φ(z) = 0.9: P10–P90 of a normal is μ ± Z90·σ. */
export const Z90 = 1.2815515655446004;

/**
 * Inverse CDF of Triangular(low, mode, high) at u ∈ (0, 1). Clamped to [low, high]: for a range
 * of denormal width the products underflow and the square root can overshoot (a fast-check run
 * found −4.7e-163 for low 0, high 1.6e-162), and a stock must never be drawn negative.
 */
export function triangularInv(u: number, low: number, mode: number, high: number): number {
	const width = high - low;
	if (width <= 0) return mode;
	const fc = (mode - low) / width;
	const x = u < fc ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
	return x < low ? low : x > high ? high : x;
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9,
 * ample for percentiles of planning assumptions).
 */
export function normalInv(p: number): number {
	const a1 = -39.69683028665376, a2 = 220.9460984245205, a3 = -275.9285104469687;
	const a4 = 138.357751867269, a5 = -30.66479806614716, a6 = 2.506628277459239;
	const b1 = -54.47609879822406, b2 = 161.5858368580409, b3 = -155.6989798598866;
	const b4 = 66.80131188771972, b5 = -13.28068155288572;
	const c1 = -0.007784894002430293, c2 = -0.3223964580411365, c3 = -2.400758277161838;
	const c4 = -2.549732539343734, c5 = 4.374664141464968, c6 = 2.938163982698783;
	const d1 = 0.007784695709041462, d2 = 0.3224671290700398, d3 = 2.445134137142996;
	const d4 = 3.754408661907416;
	const pLow = 0.02425;
	if (p < pLow) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
	}
	if (p <= 1 - pLow) {
		const q = p - 0.5;
		const r = q * q;
		return ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) /
			(((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1);
	}
	const q = Math.sqrt(-2 * Math.log(1 - p));
	return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
}

/** Lognormal parameters from P10 and P90: μ = (ln p10 + ln p90)/2, σ = (ln p90 − ln p10)/(2·Z90). */
export function lognormalParams(p10: number, p90: number): { mu: number; sigma: number } {
	const l10 = Math.log(p10);
	const l90 = Math.log(p90);
	return { mu: (l10 + l90) / 2, sigma: (l90 - l10) / (2 * Z90) };
}

/**
 * A spread's sampler, prepared once per assumption: triangular (a, b, c) = (low, mode, high), or
 * lognormal (a, b) = (μ, σ) from P10/P90. The Monte Carlo keeps these per slot in typed arrays.
 */
export const SAMPLER_TRIANGULAR = 0, SAMPLER_LOGNORMAL = 1;
export interface Sampler {
	kind: typeof SAMPLER_TRIANGULAR | typeof SAMPLER_LOGNORMAL;
	a: number;
	b: number;
	c: number;
}

export function samplerOf(spread: Spread, value: number): Sampler {
	if (spread.kind === 'triangular') return { kind: SAMPLER_TRIANGULAR, a: spread.low, b: value, c: spread.high };
	const { mu, sigma } = lognormalParams(spread.p10, spread.p90);
	return { kind: SAMPLER_LOGNORMAL, a: mu, b: sigma, c: 0 };
}

/** Draw at uniform u from a prepared sampler (see `samplerOf`). */
export function sampleWith(kind: number, a: number, b: number, c: number, u: number): number {
	return kind === SAMPLER_TRIANGULAR ? triangularInv(u, a, b, c) : Math.exp(a + b * normalInv(u));
}

/** Draw from a spread at uniform u; `value` is the triangular mode. */
export function sampleSpread(spread: Spread, value: number, u: number): number {
	const s = samplerOf(spread, value);
	return sampleWith(s.kind, s.a, s.b, s.c, u);
}
