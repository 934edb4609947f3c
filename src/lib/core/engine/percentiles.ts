/**
 * Percentiles of Monte Carlo draws.
 *
 * Interpolation rule: Hyndman & Fan type 7 (linear between order statistics; the default of
 * Excel's PERCENTIL.INK/PERCENTILE.INC, NumPy and R): h = (n − 1)·p, value = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
 * When every draw is equal, the result is exactly that value (x + 0·0), so a zero-spread run's
 * P50 equals the deterministic run bit for bit.
 *
 * Three implementations with identical results: `percentilesBySort` (Float64Array.prototype.sort,
 * native numeric sort), `percentilesBySelect` (in-place quickselect for the needed ranks) and
 * `percentilesByBuckets` (bucket selection, O(n), does not reorder its input). The Monte Carlo uses
 * the buckets, which measured fastest (docs/model.md, "Speed"); sort and select remain as the
 * reference the tests compare the buckets with. Sort and select reorder `xs` in place.
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

/** Selects all `ranks[a..b]` (ascending) inside xs[lo..hi]: middle rank first, then both halves. */
function multiSelect(xs: Float64Array, lo: number, hi: number, ranks: Int32Array, a: number, b: number): void {
	if (a > b || lo >= hi) return;
	const mid = (a + b) >>> 1;
	const k = ranks[mid] as number;
	select(xs, lo, hi, k);
	multiSelect(xs, lo, k - 1, ranks, a, mid - 1);
	multiSelect(xs, k + 1, hi, ranks, mid + 1, b);
}

export function percentilesBySelect(xs: Float64Array, ps: readonly number[], out: Float64Array): void {
	const n = xs.length;
	if (n === 0) return;
	const { lo, frac } = positions(ps, n);
	// Ranks needed: ⌊h⌋ and, where interpolating, ⌊h⌋ + 1; ascending and unique.
	const ranks = new Int32Array(2 * ps.length);
	let m = 0;
	for (let i = 0; i < ps.length; i++) {
		const k = lo[i] as number;
		for (const r of (frac[i] as number) !== 0 && k + 1 < n ? [k, k + 1] : [k]) {
			if (m === 0 || r > (ranks[m - 1] as number)) ranks[m++] = r;
		}
	}
	multiSelect(xs, 0, n - 1, ranks, 0, m - 1);
	for (let i = 0; i < ps.length; i++) {
		const k = lo[i] as number;
		out[i] = interpolate(xs[k] as number, xs[Math.min(k + 1, n - 1)] as number, frac[i] as number);
	}
}

/** Bucket holding rank r: the largest b with counts[b] ≤ r (never an empty bucket). */
function bucketOf(counts: Int32Array, last: number, r: number): number {
	let a = 0;
	let z = last;
	while (a < z) {
		const m = (a + z + 1) >>> 1;
		if ((counts[m] as number) <= r) a = m;
		else z = m - 1;
	}
	return a;
}

/** Reusable scratch for `percentilesByBuckets`. */
export interface BucketScratch {
	counts: Int32Array;
	gathered: Float64Array;
	bucket: Uint16Array;
	mark: Uint8Array;
	fill: Int32Array;
	/** Ranks needed inside one large bucket. */
	need: Int32Array;
	/** Type-7 positions, cached for the last (ps, n). */
	posFor: readonly number[] | null;
	posN: number;
	lo: Int32Array;
	frac: Float64Array;
}

export function createBucketScratch(n: number): BucketScratch {
	const buckets = bucketCount(n);
	return {
		counts: new Int32Array(buckets + 2),
		gathered: new Float64Array(n),
		bucket: new Uint16Array(n),
		mark: new Uint8Array(buckets + 1),
		fill: new Int32Array(buckets + 1),
		need: new Int32Array(0),
		posFor: null,
		posN: -1,
		lo: new Int32Array(0),
		frac: new Float64Array(0)
	};
}

/** About 16 values per bucket (at most 2^16 − 1 buckets and one for the maximum: indices are stored as Uint16). */
function bucketCount(n: number): number {
	return Math.max(64, Math.min(65535, n >>> 4));
}

/**
 * Sorts g[from..to) ascending in place (insertion sort, for small ranges), ordering −0 before +0
 * as Float64Array.prototype.sort does.
 */
function sortSmall(g: Float64Array, from: number, to: number): void {
	for (let i = from + 1; i < to; i++) {
		const v = g[i] as number;
		let j = i - 1;
		for (;;) {
			if (j < from) break;
			const u = g[j] as number;
			if (u > v || (u === v && v === 0 && 1 / v < 0 && 1 / u > 0)) {
				g[j + 1] = u;
				j--;
			} else break;
		}
		g[j + 1] = v;
	}
}

/**
 * Percentiles by bucket selection, O(n): one pass for min/max, one to count values per bucket
 * (equal-width buckets between min and max; bucket index is monotone in the value, so bucket order
 * is value order), one to gather only the buckets that hold a needed rank, then a sort of those
 * few small buckets. Same result as sorting (the k-th smallest value is unique). Does not
 * reorder `xs`.
 */
export function percentilesByBuckets(
	xs: Float64Array,
	ps: readonly number[],
	out: Float64Array,
	scratch?: BucketScratch,
	/** min and max of xs when the caller already knows them (saves a pass). */
	known?: { min: number; max: number }
): void {
	const n = xs.length;
	if (n === 0) return;
	let min = Infinity;
	let max = -Infinity;
	if (known) {
		min = known.min;
		max = known.max;
	} else {
		for (let i = 0; i < n; i++) {
			const v = xs[i] as number;
			if (v < min) min = v;
			if (v > max) max = v;
		}
	}
	if (min === max) {
		for (let i = 0; i < ps.length; i++) out[i] = min;
		return;
	}
	// B equal-width buckets over [min, max), plus bucket B for the values equal to max
	const B = bucketCount(n);
	const sc = scratch && scratch.counts.length >= B + 2 && scratch.gathered.length >= n ? scratch : createBucketScratch(n);
	if (sc.posFor !== ps || sc.posN !== n) {
		const pos = positions(ps, n);
		sc.lo = pos.lo;
		sc.frac = pos.frac;
		sc.need = new Int32Array(2 * ps.length);
		sc.posFor = ps;
		sc.posN = n;
	}
	const lo = sc.lo;
	const frac = sc.frac;
	const bk = sc.bucket;
	const counts = sc.counts;
	counts.fill(0, 0, B + 2);
	const scale = B / (max - min);
	const last = B;
	for (let i = 0; i < n; i++) {
		// (x − min)·scale ∈ [0, B], so truncation is floor; monotone in x
		const b = (((xs[i] as number) - min) * scale) | 0;
		bk[i] = b;
		counts[b + 1] = (counts[b + 1] as number) + 1;
	}
	// counts[b] becomes the number of values in buckets < b (start rank of bucket b)
	for (let b = 1; b <= B + 1; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
	// Values equal to the minimum are counted apart when a needed rank lies in the first bucket:
	// draws often clump there (nobody waiting), and those ranks need no sorting.
	let atMin = 0;
	let lowest = n;
	for (let i = 0; i < ps.length; i++) if ((lo[i] as number) < lowest) lowest = lo[i] as number;
	if (lowest < (counts[1] as number)) {
		for (let i = 0; i < n; i++) if ((xs[i] as number) === min) atMin++;
	}
	const mark = sc.mark;
	mark.fill(0, 0, B + 1);
	for (let i = 0; i < ps.length; i++) {
		const k = lo[i] as number;
		const k2 = k + 1 < n ? k + 1 : n - 1;
		if (k >= atMin) mark[bucketOf(counts, last, k)] = 1;
		if (k2 >= atMin) mark[bucketOf(counts, last, k2)] = 1;
	}
	// gather marked buckets into their own ranges of `gathered` (positions = start ranks)
	const g = sc.gathered;
	const fill = sc.fill;
	for (let b = 0; b <= B; b++) if (mark[b] === 1) fill[b] = counts[b] as number;
	for (let i = 0; i < n; i++) {
		const b = bk[i] as number;
		if (mark[b] === 1) {
			const at = fill[b] as number;
			g[at] = xs[i] as number;
			fill[b] = at + 1;
		}
	}
	// Within each marked bucket, fix the needed ranks: small buckets are sorted, large ones (values
	// clumped together, e.g. many draws with nobody waiting) get quickselect for just those ranks.
	const need = sc.need;
	for (let b = 0; b <= B; b++) {
		if (mark[b] !== 1) continue;
		const from = counts[b] as number;
		const to = counts[b + 1] as number;
		if (to - from <= 64) {
			sortSmall(g, from, to);
			continue;
		}
		let m = 0;
		for (let i = 0; i < ps.length; i++) {
			const k = lo[i] as number;
			for (let r = k; r <= Math.min(k + 1, n - 1); r++) {
				if (r >= atMin && r >= from && r < to && (m === 0 || r > (need[m - 1] as number))) need[m++] = r;
			}
		}
		multiSelect(g, from, to - 1, need, 0, m - 1);
	}
	for (let i = 0; i < ps.length; i++) {
		const k = lo[i] as number;
		const k2 = Math.min(k + 1, n - 1);
		const a = k < atMin ? min : (g[k] as number);
		const b = k2 < atMin ? min : (g[k2] as number);
		out[i] = interpolate(a, b, frac[i] as number);
	}
}
