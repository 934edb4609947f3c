/**
 * A numeric assumption that may be uncertain.
 *
 * `value` is always what the deterministic run uses (for a triangular distribution, the most
 * likely value; for a P10–P90 range, normally the median √(p10·p90), but the planner may enter
 * another). Monte Carlo draws from `spread` when present; without it the number is fixed.
 *
 * Kept as plain JSON (no classes) so it can be stored in IndexedDB, posted to the worker and
 * written to the shared file unchanged.
 */
export type Spread =
	/** Triangular(low, value, high): low ≤ value ≤ high. */
	| { kind: 'triangular'; low: number; high: number }
	/** Lognormal with the given 10th and 90th percentiles: 0 < p10 ≤ p90. For positive quantities. */
	| { kind: 'p10p90'; p10: number; p90: number };

export interface Uncertain {
	value: number;
	spread?: Spread;
}

export function fixed(value: number): Uncertain {
	return { value };
}

export function triangular(low: number, value: number, high: number): Uncertain {
	return { value, spread: { kind: 'triangular', low, high } };
}

export function p10p90(p10: number, p90: number, value = Math.sqrt(p10 * p90)): Uncertain {
	return { value, spread: { kind: 'p10p90', p10, p90 } };
}

export function isUncertain(u: Uncertain): boolean {
	if (!u.spread) return false;
	return u.spread.kind === 'triangular' ? u.spread.low !== u.spread.high : u.spread.p10 !== u.spread.p90;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A new most-likely value. A range that no longer contains it moves with it, keeping its relative
 * width (6 with 4,5–8 → 2 with 1,5–2,667): the planner changed the estimate, not the uncertainty.
 * `moved` tells the UI to say so.
 */
export function withValue(u: Uncertain, v: number): { value: Uncertain; moved: boolean } {
	const s = u.spread;
	if (s?.kind === 'triangular' && (v < s.low || v > s.high)) {
		const k = u.value !== 0 ? v / u.value : 1;
		const [a, b] = u.value !== 0 ? [s.low * k, s.high * k].sort((x, y) => x - y) : [v, v];
		return { value: { value: v, spread: { kind: 'triangular', low: Math.min(round3(a!), v), high: Math.max(round3(b!), v) } }, moved: true };
	}
	if (s?.kind === 'p10p90' && (v < s.p10 || v > s.p90) && u.value > 0 && v > 0) {
		const k = v / u.value;
		return { value: { value: v, spread: { kind: 'p10p90', p10: round3(s.p10 * k), p90: round3(s.p90 * k) } }, moved: true };
	}
	return { value: { ...u, value: v }, moved: false };
}
