/**
 * Monte Carlo: each draw samples every uncertain assumption once (one uniform each, in slot order)
 * and runs all groups and years with it. Reported series are stored in one Float64Array laid out
 * [series][year][draw]; percentiles come from in-place selection per (series, year).
 *
 * Memory: the buffer needs series × years × draws × 8 bytes. When that exceeds `maxBufferBytes`
 * (default 160 MB) the draws are simulated again for the next batch of series: the PRNG is
 * re-seeded, so every pass sees exactly the same draws. 10 000 draws fit in one pass; 100 000
 * draws × 31 years take four.
 */
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { PERCENTILES, type MonteCarloResult, type Percentile } from '#lib/core/model/result.ts';
import { isUncertain } from '#lib/core/model/uncertain.ts';
import { required, totalOf, totalRequired } from './derive.ts';
import { sampleSpread } from './distributions.ts';
import { createWorkspace, simulate, type Workspace } from './kernel.ts';
import { pointValues } from './params.ts';
import { percentilesBySelect } from './percentiles.ts';
import { prepare, type Prepared } from './prepare.ts';
import { sfc32 } from './prng.ts';
import { EngineInputError, validateInput } from './validate.ts';

export interface MonteCarloOptions {
	/** Default: input.scenario.monteCarlo.draws. */
	draws?: number;
	/** Default: input.scenario.monteCarlo.seed. */
	seed?: number;
	/** Checked between chunks; returning true stops the run (the result is then null). */
	shouldCancel?: () => boolean;
	/** Draws per chunk between cancellation checks / yields. Default 1000. */
	chunkSize?: number;
	/** Called after each chunk with draws done so far (over all passes) and the total. */
	onProgress?: (done: number, total: number) => void;
	/** Cap on the draw buffer; above it, series are done in several passes. Default 160 MB. */
	maxBufferBytes?: number;
}

const TOTAL_KEYS = ['requiredStock', 'gap', 'need', 'waiting', 'tenants', 'moveIns', 'exits'] as const;
const GROUP_KEYS = ['need', 'requiredStock', 'waiting', 'tenants', 'moveIns'] as const;

type SeriesSpec = { key: string; total: true; field: (typeof TOTAL_KEYS)[number] } | { key: string; total: false; g: number; field: (typeof GROUP_KEYS)[number] };

/** The keys of MonteCarloResult.bands, in order. */
export const MC_SERIES: readonly SeriesSpec[] = [
	...TOTAL_KEYS.map((field): SeriesSpec => ({ key: `total.${field}`, total: true, field })),
	...GROUP_IDS.flatMap((gid: GroupId, g) => GROUP_KEYS.map((field): SeriesSpec => ({ key: `${gid}.${field}`, total: false, g, field })))
];

function seriesValue(spec: SeriesSpec, prep: Prepared, ws: Workspace, t: number): number {
	const n = prep.n;
	if (spec.total) {
		switch (spec.field) {
			case 'requiredStock':
				return totalRequired(prep, ws, t);
			case 'gap':
				return totalRequired(prep, ws, t) - (prep.stock[t] as number);
			case 'need':
				return totalOf(ws.H, n, t) + totalOf(ws.Q, n, t);
			case 'waiting':
				return totalOf(ws.Q, n, t);
			case 'tenants':
				return totalOf(ws.H, n, t);
			case 'moveIns':
				return totalOf(ws.I, n, t);
			case 'exits':
				return totalOf(ws.X, n, t);
		}
	}
	const i = spec.g * n + t;
	switch (spec.field) {
		case 'need':
			return (ws.H[i] as number) + (ws.Q[i] as number);
		case 'requiredStock':
			return required((ws.H[i] as number) + (ws.Q[i] as number), ws.v);
		case 'waiting':
			return ws.Q[i] as number;
		case 'tenants':
			return ws.H[i] as number;
		case 'moveIns':
			return ws.I[i] as number;
	}
}

/**
 * The Monte Carlo as a generator: yields after each chunk of draws, returns the result.
 * `runMonteCarlo` and `runMonteCarloAsync` drive it.
 */
export function* monteCarloSteps(input: EngineInput, opts: MonteCarloOptions = {}): Generator<void, MonteCarloResult, void> {
	const issues = validateInput(input);
	if (issues.length > 0) throw new EngineInputError(issues);
	const draws = opts.draws ?? input.scenario.monteCarlo.draws;
	const seed = opts.seed ?? input.scenario.monteCarlo.seed;
	if (!Number.isInteger(draws) || draws < 1) {
		throw new EngineInputError([{ path: 'scenario.monteCarlo.draws', message: 'Antall trekninger må være et helt tall på minst 1.' }]);
	}
	const chunk = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
	const maxBytes = opts.maxBufferBytes ?? 160 * 1024 * 1024;

	const prep = prepare(input);
	const ws = createWorkspace(prep);
	const n = prep.n;
	const slots = prep.layout.slots;
	const base = pointValues(prep.layout);
	const p = new Float64Array(base.length);
	const uncertain: number[] = [];
	slots.forEach((s, i) => {
		if (isUncertain(s.u)) uncertain.push(i);
	});

	const nSeries = MC_SERIES.length;
	const perSeries = n * draws;
	const seriesPerPass = Math.max(1, Math.min(nSeries, Math.floor(maxBytes / (perSeries * 8))));
	const passes = Math.ceil(nSeries / seriesPerPass);
	const buf = new Float64Array(seriesPerPass * perSeries);
	const exceed = new Float64Array(n);
	const bands: Record<string, Record<Percentile, Float64Array>> = {};
	const out = new Float64Array(PERCENTILES.length);
	const totalWork = draws * passes;
	let done = 0;

	for (let pass = 0; pass < passes; pass++) {
		const first = pass * seriesPerPass;
		const specs = MC_SERIES.slice(first, first + seriesPerPass);
		const rng = sfc32(seed);
		for (let d = 0; d < draws; d++) {
			p.set(base);
			for (let u = 0; u < uncertain.length; u++) {
				const si = uncertain[u] as number;
				const slot = slots[si];
				if (slot?.u.spread) p[si] = sampleSpread(slot.u.spread, slot.u.value, rng.next());
			}
			simulate(prep, p, ws);
			for (let s = 0; s < specs.length; s++) {
				const spec = specs[s] as SeriesSpec;
				const off = s * perSeries + d;
				for (let t = 0; t < n; t++) buf[off + t * draws] = seriesValue(spec, prep, ws, t);
			}
			if (pass === 0) {
				for (let t = 0; t < n; t++) if (totalRequired(prep, ws, t) > (prep.stock[t] as number)) exceed[t] = (exceed[t] as number) + 1;
			}
			if ((d + 1) % chunk === 0 && d + 1 < draws) {
				done += chunk;
				opts.onProgress?.(done, totalWork);
				yield;
			}
		}
		done = (pass + 1) * draws;
		opts.onProgress?.(done, totalWork);
		for (let s = 0; s < specs.length; s++) {
			const spec = specs[s] as SeriesSpec;
			const b = {} as Record<Percentile, Float64Array>;
			for (const pc of PERCENTILES) b[pc] = new Float64Array(n);
			for (let t = 0; t < n; t++) {
				const off = s * perSeries + t * draws;
				percentilesBySelect(buf.subarray(off, off + draws), PERCENTILES, out);
				for (let k = 0; k < PERCENTILES.length; k++) b[PERCENTILES[k] as Percentile][t] = out[k] as number;
			}
			bands[spec.key] = b;
		}
		if (pass + 1 < passes) yield;
	}
	for (let t = 0; t < n; t++) exceed[t] = (exceed[t] as number) / draws;
	return {
		draws,
		seed,
		years: Array.from({ length: n }, (_, t) => prep.baseYear + t),
		bands,
		probRequiredExceedsPlanned: exceed
	};
}

/** Runs the Monte Carlo synchronously; null if `shouldCancel` returned true. */
export function runMonteCarlo(input: EngineInput, opts: MonteCarloOptions = {}): MonteCarloResult | null {
	const it = monteCarloSteps(input, opts);
	for (;;) {
		const r = it.next();
		if (r.done) return r.value;
		if (opts.shouldCancel?.()) {
			it.return(undefined as never);
			return null;
		}
	}
}

/**
 * As runMonteCarlo, but awaits `yieldTo` between chunks (default: a macrotask via setTimeout 0)
 * so a worker can receive a cancel message while it runs.
 */
export async function runMonteCarloAsync(
	input: EngineInput,
	opts: MonteCarloOptions & { yieldTo?: () => Promise<void> } = {}
): Promise<MonteCarloResult | null> {
	const pause = opts.yieldTo ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
	const it = monteCarloSteps(input, opts);
	for (;;) {
		const r = it.next();
		if (r.done) return r.value;
		await pause();
		if (opts.shouldCancel?.()) {
			it.return(undefined as never);
			return null;
		}
	}
}

