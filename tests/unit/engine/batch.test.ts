/**
 * The year step (batch.ts) must give, draw by draw, exactly the same numbers in a batch of 13 or 64
 * draws (the Monte Carlo, partial last batches included) as in a batch of one with every series
 * recorded (kernel.ts: the deterministic run and sensitivity): tenants and waiting per group and
 * year, the total move-ins (summed as derive.ts does) and the vacancy target.
 */
import { describe, expect, it } from 'vitest';
import { createBatchWorkspace, simulateBatch } from '#lib/core/engine/batch.ts';
import { createWorkspace, simulate } from '#lib/core/engine/kernel.ts';
import { pointValues } from '#lib/core/engine/params.ts';
import { G, prepare } from '#lib/core/engine/prepare.ts';
import { totalOf } from '#lib/core/engine/derive.ts';
import { sfc32 } from '#lib/core/engine/prng.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { exampleInput } from './fixtures.ts';

/** Each slot between 0 and 2.5 × its value (so shortages, surpluses, zero and capped rates all occur). */
function randomVectors(base: Float64Array, count: number, seed: number): Float64Array[] {
	const rng = sfc32(seed);
	return Array.from({ length: count }, () => base.map((x) => x * 2.5 * rng.next()));
}

function compare(input: EngineInput, draws: number, B: number): void {
	const prep = prepare(input);
	const base = pointValues(prep.layout);
	const ws = createWorkspace(prep);
	const bw = createBatchWorkspace(prep, B);
	const n = prep.n;
	const vectors = randomVectors(base, draws, draws + B);
	vectors[0] = base;
	for (let d0 = 0; d0 < draws; d0 += B) {
		const nb = Math.min(B, draws - d0);
		for (let b = 0; b < nb; b++) {
			const p = vectors[d0 + b] as Float64Array;
			for (let j = 0; j < p.length; j++) bw.P[j * B + b] = p[j] as number;
		}
		simulateBatch(prep, bw, nb);
		for (let b = 0; b < nb; b++) {
			simulate(prep, vectors[d0 + b] as Float64Array, ws);
			expect(bw.v[b]).toBe(ws.v);
			expect(bw.usable[b]).toBe(1 - ws.v);
			for (let t = 0; t < n; t++) {
				for (let g = 0; g < G; g++) {
					expect(bw.H[(g * n + t) * B + b]).toBe(ws.H[g * n + t]);
					expect(bw.Q[(g * n + t) * B + b]).toBe(ws.Q[g * n + t]);
				}
				expect(bw.SI[t * B + b]).toBe(totalOf(ws.I, n, t));
			}
		}
	}
}

describe('batch kernel = scalar kernel, draw by draw (bit for bit)', () => {
	it.each(['need', 'capacity'] as const)('realistic fixture, %s mode, partial last batch', (mode) => {
		compare(exampleInput(mode, 30), 150, 64);
	});

	it('priority allocation, short horizon, odd batch size', () => {
		const input = exampleInput('capacity', 7);
		input.scenario.allocation = { kind: 'priority', order: ['eldre', 'rop'] };
		compare(input, 90, 13);
	});

	it('scarce stock (rationing) and no tenants at the start', () => {
		const input = exampleInput('capacity', 12);
		input.base.segments = input.base.segments.map((s) => ({ ...s, dwellings: Math.round(s.dwellings / 3) }));
		input.base.vacant = 0;
		input.base.groups.andre = { tenants: 0, waiting: 40 };
		compare(input, 70, 64);
	});
});
