import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { triangularInv } from '#lib/core/engine/distributions.ts';

describe('triangular sampling', () => {
	it('stays inside [low, high] even for ranges of denormal width (regression: −4.7e-163)', () => {
		for (const u of [1e-9, 0.1, 0.5, 0.9, 0.999999]) {
			const x = triangularInv(u, 0, 0, 1.586280878985136e-162);
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(1.586280878985136e-162);
		}
		expect(triangularInv(0.3, 0, 0, 5e-324)).toBeGreaterThanOrEqual(0);
	});

	it('never leaves its range (property)', () => {
		fc.assert(
			fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (low, width, m, u) => {
				const high = low + width;
				const mode = low + m * (high - low);
				const x = triangularInv(u, low, mode, high);
				return x >= low && x <= high;
			}),
			{ seed: 20261121, numRuns: 2000 }
		);
	});
});
