/**
 * Percentiles of Monte Carlo draws.
 *
 * Interpolation rule: Hyndman & Fan type 7 (linear between order statistics; the default of
 * Excel's PERCENTIL.INK/PERCENTILE.INC, NumPy and R): h = (n − 1)·p, value = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
 * When every draw is equal, the result is exactly that value (x + 0·0), so a zero-spread run's
 * P50 equals the deterministic run bit for bit.
 *
 * Two implementations with identical results: `percentilesBySort` (Float64Array.prototype.sort,
 * native numeric sort) and `percentilesBySelect` (in-place quickselect for the needed ranks, in
 * ascending order, each search starting where the previous rank was fixed). The Monte Carlo uses
 * selection, which measured faster (see docs/model.md, "Speed"). Both reorder `xs` in place.
 */

/** Type-7 positions for the given percentiles (0–100) and n draws. */
function positions(ps: readonly number[], n: number): { lo: Int32Array; frac: Float64Array } {
	const lo = new Int32Array(ps.length);
	const frac = new Float64Array(ps.length);
	for (let i = 0; i < ps.length; i++) {
		const h = (n - 1) * ((ps[i] as number) / 100);
		const f = Math.floor(h);
		lo[i] = f;
		frac[i] = h - f;
	}
	return { lo, frac };
}

function interpolate(lowV: number, highV: number, frac: number): number {
	return frac === 0 || lowV === highV ? lowV : lowV + frac * (highV - lowV);
}

export function percentilesBySort(xs: Float64Array, ps: readonly number[], out: Float64Array): void {
	const n = xs.length;
	xs.sort();
	const { lo, frac } = positions(ps, n);
	for (let i = 0; i < ps.length; i++) {
		const k = lo[i] as number;
		out[i] = interpolate(xs[k] as number, xs[Math.min(k + 1, n - 1)] as number, frac[i] as number);
	}
}

/** Rearranges xs[left..right] so that xs[k] is the k-th smallest (Hoare partition, median of 3). */
function select(xs: Float64Array, left: number, right: number, k: number): void {
	while (right > left) {
		if (right - left < 16) {
			// insertion sort for small ranges
			for (let i = left + 1; i <= right; i++) {
				const v = xs[i] as number;
				let j = i - 1;
				while (j >= left && (xs[j] as number) > v) {
					xs[j + 1] = xs[j] as number;
					j--;
				}
				xs[j + 1] = v;
			}
			return;
		}
		const mid = (left + right) >>> 1;
		// median of three as pivot
		let a = xs[left] as number, b = xs[mid] as number, c = xs[right] as number;
		if (a > b) { const t = a; a = b; b = t; }
		if (b > c) { const t = b; b = c; c = t; if (a > b) { const t2 = a; a = b; b = t2; } }
		const pivot = b;
		let i = left, j = right;
		while (i <= j) {
			while ((xs[i] as number) < pivot) i++;
			while ((xs[j] as number) > pivot) j--;
			if (i <= j) {
				const t = xs[i] as number;
				xs[i] = xs[j] as number;
				xs[j] = t;
				i++;
				j--;
			}
		}
		// now xs[left..j] ≤ pivot ≤ xs[i..right], and xs[j+1..i-1] == pivot
		if (k <= j) right = j;
		else if (k >= i) left = i;
		else return;
	}
}

export function percentilesBySelect(xs: Float64Array, ps: readonly number[], out: Float64Array): void {
	const n = xs.length;
	const { lo, frac } = positions(ps, n);
	// ps ascending ⇒ ranks ascending; after fixing rank k, everything right of k is ≥ xs[k].
	let from = 0;
	for (let i = 0; i < ps.length; i++) {
		const k = lo[i] as number;
		if (k >= from) select(xs, from, n - 1, k);
		const lowV = xs[k] as number;
		let highV = lowV;
		const f = frac[i] as number;
		if (f !== 0 && k + 1 < n) {
			// the (k+1)-th smallest is the minimum of the part right of k
			highV = Infinity;
			for (let j = k + 1; j < n; j++) {
				const v = xs[j] as number;
				if (v < highV) highV = v;
			}
		}
		out[i] = interpolate(lowV, highV, f);
		from = k + 1;
	}
}
