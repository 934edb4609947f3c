/**
 * Engine benchmark (`npm run bench`): Monte Carlo end to end (validation, sampling, simulation of
 * 5 groups × 30 years, percentiles of every reported series, probability of exceeding the planned
 * stock) on the realistic fixture, in both modes.
 *
 * Prints one line per case: `bench engine draws=<N> groups=5 years=30 mode=<m> ms=<median of 5> heapMB=<peak>`
 * and one line with draws per second (10 000 draws, median run).
 *
 * Timing: median of 5 runs after a warm-up, nothing else in the loop.
 * Peak heap: a separate run after a forced GC; process.memoryUsage() is sampled after every chunk
 * of 1000 draws and after each percentile pass (onProgress); heapMB is the largest
 * heapUsed + arrayBuffers seen (JS heap plus typed-array backing stores, which live outside the
 * JS heap), in MiB.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runMonteCarlo } from '#lib/core/engine/index.ts';
import { exampleInput } from '../unit/engine/fixtures.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const RUNS = 5;
const memNow = (): number => {
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
};

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] as number;
}

const perSecond: Record<string, number> = {};
for (const draws of [1000, 10000, 100000]) {
	for (const mode of ['need', 'capacity'] as const) {
		const input = exampleInput(mode, 30);
		runMonteCarlo(input, { draws: Math.min(draws, 2000) }); // warm up the JIT
		// Timing runs: nothing else in the loop (memoryUsage() itself costs time).
		gc();
		const times: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			const t0 = performance.now();
			const res = runMonteCarlo(input, { draws });
			times.push(performance.now() - t0);
			if (!res) throw new Error('cancelled');
		}
		// One more run for the peak: sampled after every chunk and percentile pass.
		gc();
		let peak = memNow();
		runMonteCarlo(input, { draws, onProgress: () => (peak = Math.max(peak, memNow())) });
		peak = Math.max(peak, memNow());
		const ms = median(times);
		if (draws === 10000) perSecond[mode] = Math.round((draws / ms) * 1000);
		console.log(`bench engine draws=${draws} groups=5 years=30 mode=${mode} ms=${ms.toFixed(1)} heapMB=${(peak / 1048576).toFixed(1)}`);
	}
}
console.log(`bench engine drawsPerSecond need=${perSecond.need} capacity=${perSecond.capacity} (10000 draws end to end, median of ${RUNS})`);
