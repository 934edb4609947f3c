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
