/**
 * Engine benchmark (`npm run bench`): Monte Carlo end to end (validation, sampling, simulation of
 * 5 groups × 30 years, percentiles of every reported series, probability of exceeding the planned
 * stock) on the realistic fixture, in both modes.
 *
 * Prints one line per case: `bench engine draws=<N> groups=5 years=30 mode=<m> ms=<median of 5> heapMB=<peak> load1=<…>`
 * and one line with draws per second (10 000 draws, median run).
 *
 * Timing: median of 5 runs after a warm-up, nothing else in the loop.
 * Peak heap: a separate run after a forced GC; process.memoryUsage() is sampled after every chunk
 * of 1000 draws and after each percentile pass (onProgress); heapMB is the largest
 * heapUsed + arrayBuffers seen (JS heap plus typed-array backing stores, which live outside the
 * JS heap), in MiB.
 *
 * Before/after in one run (`npm run bench:engine -- --compare <checkout> [--only-compare]`, where
 * <checkout> is another checkout of this repository with its node_modules, e.g. /work/wt/before):
 * the engine of another checkout of this repository is loaded beside this one and both run the
 * same input at 10 000 draws, alternating run by run (so a load spike from other work on the
 * machine hits both alike), median of `--runs` (default 15) each. Prints per mode
 *   bench engine compare draws=10000 mode=<m> before=<ms> after=<ms> ratio=<after ÷ before> cpuBefore=… cpuAfter=… cpuRatio=… load1=<…>
 * (cpu…: the main thread's CPU time per run, median; on a loaded machine it varies far less than
 * the wall time, which includes the time other processes had the core)
 * with same=yes when both engines give every number identical (a checkout of the same model: the
 * speed work must not change one), same=no when the model changed between them (as since /work/wt/before).
 * `--only-compare` skips the ordinary lines.
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isDeepStrictEqual } from 'node:util';
import { runMonteCarlo } from '#lib/core/engine/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { MonteCarloResult } from '#lib/core/model/result.ts';
import { exampleInput } from '../unit/engine/fixtures.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const { values: opts } = parseArgs({
	options: { compare: { type: 'string' }, runs: { type: 'string' }, 'only-compare': { type: 'boolean' } },
	strict: true
});

const RUNS = 5;
const load1 = (): string => loadavg()[0]!.toFixed(1);
const memNow = (): number => {
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
};

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] as number;
}

if (!opts['only-compare']) {
	const perSecond: Record<string, number> = {};
	for (const draws of [1000, 10000, 100000]) {
		for (const mode of ['need', 'capacity'] as const) {
			const input = exampleInput(mode, 30);
			runMonteCarlo(input, { draws: Math.min(draws, 2000) }); // warm up the JIT
			// Timing runs: nothing else in the loop (memoryUsage() itself costs time).
			gc();
			const load = load1();
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
			console.log(`bench engine draws=${draws} groups=5 years=30 mode=${mode} ms=${ms.toFixed(1)} heapMB=${(peak / 1048576).toFixed(1)} load1=${load}`);
		}
	}
	console.log(`bench engine drawsPerSecond need=${perSecond.need} capacity=${perSecond.capacity} (10000 draws end to end, median of ${RUNS})`);
}

if (opts.compare !== undefined) {
	type Run = (input: EngineInput, o: { draws: number }) => MonteCarloResult | null;
	const url = pathToFileURL(resolve(opts.compare, 'src/lib/core/engine/index.ts')).href;
	const before = ((await import(url)) as { runMonteCarlo: Run }).runMonteCarlo;
	const runs = Number(opts.runs ?? 15);
	const draws = 10000;
	for (const mode of ['need', 'capacity'] as const) {
		const input = exampleInput(mode, 30);
		const a = before(input, { draws });
		const b = runMonteCarlo(input, { draws });
		const same = isDeepStrictEqual(a, b) ? 'yes' : 'no';
		gc();
		const load = load1();
		const tBefore: number[] = [];
		const tAfter: number[] = [];
		const cBefore: number[] = [];
		const cAfter: number[] = [];
		for (let r = 0; r < runs; r++) {
			// Alternate which engine goes first, so neither always runs right after the other's garbage.
			const pairs = [[before, tBefore, cBefore], [runMonteCarlo, tAfter, cAfter]] as const;
			for (const [run, times, cpu] of r % 2 === 0 ? pairs : [pairs[1], pairs[0]]) {
				const c0 = process.threadCpuUsage();
				const t0 = performance.now();
				run(input, { draws });
				times.push(performance.now() - t0);
				const c = process.threadCpuUsage(c0);
				cpu.push((c.user + c.system) / 1000);
			}
		}
		const mb = median(tBefore);
		const ma = median(tAfter);
		const cb = median(cBefore);
		const ca = median(cAfter);
		console.log(
			`bench engine compare draws=${draws} mode=${mode} before=${mb.toFixed(1)} after=${ma.toFixed(1)} ratio=${(ma / mb).toFixed(2)} ` +
				`cpuBefore=${cb.toFixed(1)} cpuAfter=${ca.toFixed(1)} cpuRatio=${(ca / cb).toFixed(2)} runs=${runs} same=${same} load1=${load}`
		);
	}
}
