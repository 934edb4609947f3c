import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBucketScratch, percentilesByBuckets, percentilesBySelect, percentilesBySort } from '#lib/core/engine/percentiles.ts';
import { PERCENTILES } from '#lib/core/model/result.ts';

/** Reference: Hyndman–Fan type 7 on a sorted copy. */
function reference(xs: number[], ps: readonly number[]): number[] {
	const s = [...xs].sort((a, b) => a - b);
	return ps.map((p) => {
		const h = (s.length - 1) * (p / 100);
		const lo = Math.floor(h);
		const a = s[lo] as number;
		const b = s[Math.min(lo + 1, s.length - 1)] as number;
		return h === lo || a === b ? a : a + (h - lo) * (b - a);
	});
}

const run = (f: typeof percentilesBySort, xs: number[]) => {
	const out = new Float64Array(PERCENTILES.length);
	f(Float64Array.from(xs), PERCENTILES, out);
	return Array.from(out);
};

describe('percentiles (type 7)', () => {
	it('known values', () => {
		const xs = Array.from({ length: 101 }, (_, i) => 100 - i);
		expect(run(percentilesBySort, xs)).toEqual([5, 10, 25, 50, 75, 90, 95]);
		expect(run(percentilesBySelect, [1, 2])).toEqual([1.05, 1.1, 1.25, 1.5, 1.75, 1.9, 1.95]);
		expect(run(percentilesByBuckets, [7])).toEqual([7, 7, 7, 7, 7, 7, 7]);
		expect(run(percentilesByBuckets, [3, 3, 3, 3])).toEqual([3, 3, 3, 3, 3, 3, 3]);
	});

	it('sort, selection and buckets all equal the reference (ties, spikes, negatives)', () => {
		const values = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, 1, 2, 1e9));
		fc.assert(
			fc.property(fc.array(values, { minLength: 1, maxLength: 3000 }), (xs) => {
				const ref = reference(xs, PERCENTILES);
				const norm = (a: number[]) => a.map((x) => (Object.is(x, -0) ? 0 : x));
				expect(norm(run(percentilesBySort, xs))).toEqual(norm(ref));
				expect(norm(run(percentilesBySelect, xs))).toEqual(norm(ref));
				expect(norm(run(percentilesByBuckets, xs))).toEqual(norm(ref));
			}),
			{ numRuns: 150 }
		);
	});

	it('buckets reuse scratch and leave the input untouched', () => {
		const xs = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 100);
		const copy = xs.slice();
		const scratch = createBucketScratch(5000);
		const out = new Float64Array(7);
		percentilesByBuckets(xs, PERCENTILES, out, scratch);
		expect(xs).toEqual(copy);
		expect(Array.from(out)).toEqual(reference(Array.from(xs), PERCENTILES));
	});

	it('buckets: clumps at the minimum and at the maximum (draws with nobody waiting, capped values)', () => {
		const scratch = createBucketScratch(10000);
		const out = new Float64Array(7);
		for (const [atMin, atMax] of [[0.6, 0], [0.04, 0], [0.3, 0.3], [0, 0.6], [0.5, 0.5]] as const) {
			const xs = Float64Array.from({ length: 10000 }, (_, i) => {
				const u = ((i * 7919) % 10000) / 10000;
				return u < atMin ? 0 : u >= 1 - atMax ? 50 : 1 + 40 * Math.abs(Math.sin(i));
			});
			percentilesByBuckets(xs, PERCENTILES, out, scratch);
			expect(Array.from(out)).toEqual(reference(Array.from(xs), PERCENTILES));
		}
	});
});
