import { describe, expect, it } from 'vitest';
import { sfc32 } from '#lib/core/engine/prng.ts';
import { lognormalParams, normalInv, sampleSpread, triangularInv, Z90 } from '#lib/core/engine/distributions.ts';

describe('sfc32', () => {
	it('is reproducible per seed, differs between seeds, stays inside (0, 1)', () => {
		const a = sfc32(42);
		const b = sfc32(42);
		const c = sfc32(43);
		const xa = Array.from({ length: 1000 }, () => a.next());
		const xb = Array.from({ length: 1000 }, () => b.next());
		const xc = Array.from({ length: 1000 }, () => c.next());
		expect(xa).toEqual(xb);
		expect(xa).not.toEqual(xc);
		for (const x of xa) expect(x > 0 && x < 1).toBe(true);
		const mean = xa.reduce((s, x) => s + x, 0) / xa.length;
		expect(mean).toBeGreaterThan(0.45);
		expect(mean).toBeLessThan(0.55);
	});
});

describe('distributions', () => {
	it('normalInv matches known quantiles', () => {
		expect(normalInv(0.5)).toBeCloseTo(0, 8);
		expect(normalInv(0.9)).toBeCloseTo(Z90, 8);
		expect(normalInv(0.1)).toBeCloseTo(-Z90, 8);
		expect(normalInv(0.975)).toBeCloseTo(1.959963985, 7);
		expect(normalInv(0.001)).toBeCloseTo(-3.090232306, 6);
	});

	it('triangular inverse CDF: ends, mode and mean', () => {
		expect(triangularInv(1e-12, 2, 5, 11)).toBeCloseTo(2, 4);
		expect(triangularInv(1 - 1e-12, 2, 5, 11)).toBeCloseTo(11, 4);
		expect(triangularInv(3 / 9, 2, 5, 11)).toBeCloseTo(5, 12);
		expect(triangularInv(0.3, 4, 4, 4)).toBe(4);
		const rng = sfc32(1);
		let sum = 0;
		for (let i = 0; i < 20000; i++) sum += sampleSpread({ kind: 'triangular', low: 2, high: 11 }, 5, rng.next());
		expect(sum / 20000).toBeCloseTo((2 + 5 + 11) / 3, 1);
	});

	it('P10–P90 lognormal: the given percentiles come back', () => {
		const { mu, sigma } = lognormalParams(4, 9);
		expect(Math.exp(mu)).toBeCloseTo(6, 12);
		expect(sigma).toBeCloseTo((Math.log(9) - Math.log(4)) / (2 * 1.2815515655446004), 15);
		expect(sampleSpread({ kind: 'p10p90', p10: 4, p90: 9 }, 6, 0.1)).toBeCloseTo(4, 6);
		expect(sampleSpread({ kind: 'p10p90', p10: 4, p90: 9 }, 6, 0.9)).toBeCloseTo(9, 6);
		const rng = sfc32(3);
		const xs = Array.from({ length: 20000 }, () => sampleSpread({ kind: 'p10p90', p10: 4, p90: 9 }, 6, rng.next())).sort((a, b) => a - b);
		expect(xs[2000] as number).toBeCloseTo(4, 0);
		expect(xs[18000] as number).toBeCloseTo(9, 0);
	});
});
