import { describe, expect, it } from 'vitest';
import { MC_SERIES, monteCarloSteps, runMonteCarlo, runMonteCarloAsync, runProjection } from '#lib/core/engine/index.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { PERCENTILES, type MonteCarloResult, type ProjectionResult } from '#lib/core/model/result.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { exampleInput } from './fixtures.ts';

/** Removes every spread: the Monte Carlo must then reproduce the deterministic run exactly. */
function withoutSpread(input: EngineInput): EngineInput {
	const strip = (x: unknown): void => {
		if (!x || typeof x !== 'object') return;
		const o = x as Record<string, unknown>;
		if ('spread' in o && 'value' in o) delete (o as unknown as Uncertain).spread;
		for (const v of Object.values(o)) strip(v);
	};
	const copy = structuredClone(input);
	strip(copy.scenario);
	return copy;
}

function deterministicSeries(r: ProjectionResult, key: string): Float64Array {
	const [head, field] = key.split('.') as [string, string];
	const src = head === 'total' ? r.total : r.groups[head as (typeof GROUP_IDS)[number]];
	return (src as unknown as Record<string, Float64Array>)[field] as Float64Array;
}

describe('runMonteCarlo', () => {
	it('reports the agreed keys', () => {
		const mc = runMonteCarlo(exampleInput(), { draws: 50 }) as MonteCarloResult;
		const keys = ['total.requiredStock', 'total.gap', 'total.need', 'total.waiting', 'total.tenants', 'total.moveIns'];
		for (const g of GROUP_IDS) keys.push(`${g}.need`, `${g}.requiredStock`, `${g}.waiting`);
		expect(Object.keys(mc.bands).sort()).toEqual([...keys].sort());
		expect([...MC_SERIES].sort()).toEqual([...keys].sort());
		expect(mc.years).toHaveLength(31);
		expect(mc.draws).toBe(50);
		expect(mc.seed).toBe(20241);
	});

	it.each(['need', 'capacity'] as const)('zero uncertainty: every percentile equals the deterministic run exactly (%s)', (mode) => {
		const input = withoutSpread(exampleInput(mode));
		const det = runProjection(input);
		const mc = runMonteCarlo(input, { draws: 64 }) as MonteCarloResult;
		for (const key of MC_SERIES) {
			const d = deterministicSeries(det, key);
			for (const p of PERCENTILES) expect(Array.from(mc.bands[key]?.[p] ?? [])).toEqual(Array.from(d));
		}
		for (let t = 0; t < det.years.length; t++) {
			expect(mc.probRequiredExceedsPlanned[t]).toBe((det.total.gap[t] as number) > 0 ? 1 : 0);
		}
	});

	it.each(['need', 'capacity'] as const)('requiredOnly gets exactly the required-stock bands of a full run (%s)', (mode) => {
		const input = exampleInput(mode);
		const full = runMonteCarlo(input, { draws: 500 }) as MonteCarloResult;
		const part = runMonteCarlo(input, { draws: 500, requiredOnly: true }) as MonteCarloResult;
		expect(Object.keys(part.bands)).toEqual(['total.requiredStock']);
		expect(part.bands['total.requiredStock']).toEqual(full.bands['total.requiredStock']);
		expect(part.probRequiredExceedsPlanned).toEqual(full.probRequiredExceedsPlanned);
		// Required stock alone in several passes (the years split by a small buffer cap) is the same too.
		const passes = runMonteCarlo(input, { draws: 500, requiredOnly: true, maxBufferBytes: 500 * 8 * 4 }) as MonteCarloResult;
		expect(passes.bands['total.requiredStock']).toEqual(full.bands['total.requiredStock']);
		expect(passes.probRequiredExceedsPlanned).toEqual(full.probRequiredExceedsPlanned);
	});

	it('same seed → identical bands; different seed → different bands', () => {
		const input = exampleInput('capacity');
		const a = runMonteCarlo(input, { draws: 300 }) as MonteCarloResult;
		const b = runMonteCarlo(input, { draws: 300 }) as MonteCarloResult;
		const c = runMonteCarlo(input, { draws: 300, seed: 7 }) as MonteCarloResult;
		expect(a).toEqual(b);
		expect(Array.from(c.bands['total.requiredStock']?.[50] ?? [])).not.toEqual(Array.from(a.bands['total.requiredStock']?.[50] ?? []));
	});

	it('percentile bands are ordered and the probability lies in [0, 1]', () => {
		const mc = runMonteCarlo(exampleInput('need'), { draws: 500 }) as MonteCarloResult;
		for (const key of MC_SERIES) {
			const b = mc.bands[key];
			for (let t = 0; t < mc.years.length; t++) {
				for (let k = 1; k < PERCENTILES.length; k++) {
					expect(b?.[PERCENTILES[k - 1] as 5][t] as number).toBeLessThanOrEqual((b?.[PERCENTILES[k] as 5][t] as number) + 1e-9);
				}
			}
		}
		for (const x of mc.probRequiredExceedsPlanned) expect(x >= 0 && x <= 1).toBe(true);
		// uncertainty widens the fan in later years
		const req = mc.bands['total.requiredStock'];
		expect((req?.[90][30] as number) - (req?.[10][30] as number)).toBeGreaterThan((req?.[90][1] as number) - (req?.[10][1] as number));
	});

	it('several passes (small buffer) give the same bands as one pass', () => {
		const input = exampleInput('capacity', 12);
		const one = runMonteCarlo(input, { draws: 400 }) as MonteCarloResult;
		const many = runMonteCarlo(input, { draws: 400, maxBufferBytes: 400 * 13 * 8 * 3 }) as MonteCarloResult;
		expect(many).toEqual(one);
	});

	it('draws and seed default from the scenario; chunking does not change the result', () => {
		const input = exampleInput('need', 5);
		input.scenario.monteCarlo = { seed: 99, draws: 120 };
		const a = runMonteCarlo(input, {}) as MonteCarloResult;
		const b = runMonteCarlo(input, { chunkSize: 7 }) as MonteCarloResult;
		expect(a.draws).toBe(120);
		expect(a.seed).toBe(99);
		expect(b).toEqual(a);
	});

	it('can be cancelled between chunks (null) and run asynchronously', async () => {
		let calls = 0;
		const cancelled = runMonteCarlo(exampleInput(), { draws: 5000, chunkSize: 100, shouldCancel: () => ++calls > 3 });
		expect(cancelled).toBeNull();
		expect(calls).toBe(4);
		const input = exampleInput('need', 8);
		const sync = runMonteCarlo(input, { draws: 300, chunkSize: 50 });
		let progress = 0;
		const async = await runMonteCarloAsync(input, { draws: 300, chunkSize: 50, onProgress: (d) => (progress = d) });
		expect(async).toEqual(sync);
		expect(progress).toBe(300);
		const stop = await runMonteCarloAsync(input, { draws: 300, chunkSize: 50, shouldCancel: () => true });
		expect(stop).toBeNull();
	});
});

describe('runMonteCarlo options', () => {
	it('rejects draws outside 1–200 000 with a Norwegian message', () => {
		expect(() => runMonteCarlo(exampleInput(), { draws: 0 })).toThrow(/trekninger/);
		expect(() => runMonteCarlo(exampleInput(), { draws: 200_001 })).toThrow(/trekninger/);
	});

	it('runs that overlap (interleaved steps) or follow each other give the same bands as runs alone', () => {
		const a = exampleInput('capacity', 10);
		const b = exampleInput('need', 10);
		const aloneA = runMonteCarlo(a, { draws: 500 }) as MonteCarloResult;
		const aloneB = runMonteCarlo(b, { draws: 500 }) as MonteCarloResult;
		// same size in a row: the second run reuses the first one's buffer
		expect(runMonteCarlo(b, { draws: 500 })).toEqual(aloneB);
		const itA = monteCarloSteps(a, { draws: 500, chunkSize: 100 });
		const itB = monteCarloSteps(b, { draws: 500, chunkSize: 100 });
		let ra: IteratorResult<void, MonteCarloResult> = itA.next();
		let rb: IteratorResult<void, MonteCarloResult> = itB.next();
		while (!ra.done || !rb.done) {
			if (!ra.done) ra = itA.next();
			if (!rb.done) rb = itB.next();
		}
		expect(ra.value).toEqual(aloneA);
		expect(rb.value).toEqual(aloneB);
	});
});
