/**
 * Monte Carlo: each draw samples every uncertain assumption once (one uniform each, in slot order)
 * and runs all groups and years with it. Reported series are stored in one Float64Array laid out
 * [series][year][draw]; percentiles come from in-place selection per (series, year).
 *
 * Memory: the buffer needs series × years × draws × 8 bytes. When that exceeds `maxBufferBytes`
 * (default 180 MiB) the draws are simulated again for the next batch of series: the PRNG is
 * re-seeded, so every pass sees exactly the same draws. 10 000 draws fit in one pass; 100 000
 * draws × 31 years take three.
 */
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { PERCENTILES, type MonteCarloResult, type Percentile } from '#lib/core/model/result.ts';
import { isUncertain } from '#lib/core/model/uncertain.ts';
import { required } from './derive.ts';
import { lognormalParams, normalInv, triangularInv } from './distributions.ts';
import { createWorkspace, simulate, type Workspace } from './kernel.ts';
import { pointValues } from './params.ts';
import { createBucketScratch, percentilesByBuckets } from './percentiles.ts';
import { G, prepare, type Prepared } from './prepare.ts';
import { sfc32, type Prng } from './prng.ts';
import { EngineInputError, MAX_DRAWS, validateInput } from './validate.ts';

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
	/** Cap on the draw buffer; above it, series are done in several passes. Default 180 MiB. */
	maxBufferBytes?: number;
}

/** Series simulated and stored per draw. total.gap is derived: gap = required − planned stock (a constant per year). */
const TOTAL_KEYS = ['requiredStock', 'need', 'waiting', 'tenants', 'moveIns'] as const;
const GROUP_KEYS = ['need', 'requiredStock', 'waiting'] as const;
/** Default cap on the draw buffer: 100 000 draws × 31 years then take three passes (≈ 166 MiB). */
export const DEFAULT_MAX_BUFFER_BYTES = 180 * 1024 * 1024;

/** Draws per block before they are copied into the [series][year][draw] buffer. */
const BLOCK = 64;

interface SeriesSpec {
	key: string;
}

/** Stored series, in the order extractRow writes them. */
const STORED: readonly SeriesSpec[] = [
	...TOTAL_KEYS.map((field): SeriesSpec => ({ key: `total.${field}` })),
	...GROUP_IDS.flatMap((gid: GroupId) => GROUP_KEYS.map((field): SeriesSpec => ({ key: `${gid}.${field}` })))
];

/** The keys of MonteCarloResult.bands. */
export const MC_SERIES: readonly string[] = ['total.gap', ...STORED.map((s) => s.key)];

/** Per-group required stock of the current year, scratch for extract. */
const groupReq = new Float64Array(G);

/**
 * Writes the stored series `first … first + count − 1` of the current draw into the block buffer
 * ([series][year][draw in block], draw `d`), with the same arithmetic as derive.ts, and counts the
 * years in which required stock exceeds planned stock.
 */
function extract(
	prep: Prepared,
	ws: Workspace,
	block: Float64Array,
	d: number,
	first: number,
	count: number,
	exceed: Float64Array | null
): void {
	const n = prep.n;
	const { H, Q, I } = ws;
	const v = ws.v;
	const stride = n * BLOCK; // distance between series in the block
	for (let t = 0; t < n; t++) {
		// Same operations in the same order as derive.ts (totalRequired, totalOf): bit-identical.
		let req = 0;
		let sumH = 0;
		let sumQ = 0;
		let sumI = 0;
		for (let g = 0; g < G; g++) {
			const j = g * n + t;
			const h = H[j] as number;
			const q = Q[j] as number;
			const r = required(h + q, v);
			groupReq[g] = r;
			req += r;
			sumH += h;
			sumQ += q;
			sumI += I[j] as number;
		}
		if (exceed !== null && req > (prep.stock[t] as number)) exceed[t] = (exceed[t] as number) + 1;
		// series src lands at ((src − first)·n + t)·BLOCK + d when first ≤ src < first + count
		const base = t * BLOCK + d - first * stride;
		let src = 0;
		if (src - first >>> 0 < count) block[base + src * stride] = req;
		src++;
		if (src - first >>> 0 < count) block[base + src * stride] = sumH + sumQ;
		src++;
		if (src - first >>> 0 < count) block[base + src * stride] = sumQ;
		src++;
		if (src - first >>> 0 < count) block[base + src * stride] = sumH;
		src++;
		if (src - first >>> 0 < count) block[base + src * stride] = sumI;
		src++;
		for (let g = 0; g < G; g++) {
			const j = g * n + t;
			const h = H[j] as number;
			const q = Q[j] as number;
			if (src - first >>> 0 < count) block[base + src * stride] = h + q;
			src++;
			if (src - first >>> 0 < count) block[base + src * stride] = groupReq[g] as number;
			src++;
			if (src - first >>> 0 < count) block[base + src * stride] = q;
			src++;
		}
	}
}

/**
 * Copies a block of `count` draws (starting at draw d0) into the [series][year][draw] buffer,
 * keeping each row's running min and max for the percentile pass.
 */
function flushBlock(
	buf: Float64Array,
	block: Float64Array,
	rows: number,
	draws: number,
	d0: number,
	count: number,
	rowMin: Float64Array,
	rowMax: Float64Array
): void {
	for (let row = 0; row < rows; row++) {
		const from = row * BLOCK;
		const to = row * draws + d0;
		let lo = rowMin[row] as number;
		let hi = rowMax[row] as number;
		for (let j = 0; j < count; j++) {
			const x = block[from + j] as number;
			buf[to + j] = x;
			if (x < lo) lo = x;
			if (x > hi) hi = x;
		}
		rowMin[row] = lo;
		rowMax[row] = hi;
	}
}

/** Samples every uncertain slot once for this draw (one uniform each, in slot order). */
function sampleDraw(
	p: Float64Array,
	idx: Int32Array,
	kind: Uint8Array,
	a: Float64Array,
	b: Float64Array,
	c: Float64Array,
	rng: Prng
): void {
	for (let u = 0; u < idx.length; u++) {
		const x = rng.next();
		p[idx[u] as number] =
			kind[u] === 0 ? triangularInv(x, a[u] as number, b[u] as number, c[u] as number) : Math.exp((a[u] as number) + (b[u] as number) * normalInv(x));
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
	if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) {
		throw new EngineInputError([
			{ path: 'scenario.monteCarlo.draws', message: `Antall trekninger må være et helt tall mellom 1 og ${MAX_DRAWS.toLocaleString('nb-NO')}.` }
		]);
	}
	if (!Number.isFinite(seed)) {
		throw new EngineInputError([{ path: 'scenario.monteCarlo.seed', message: 'Startverdien (seed) må være et helt tall.' }]);
	}
	const chunk = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
	const maxBytes = opts.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;

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

	// Sampler parameters per uncertain slot: triangular (low, mode, high) or lognormal (μ, σ).
	const sKind = new Uint8Array(uncertain.length);
	const sA = new Float64Array(uncertain.length);
	const sB = new Float64Array(uncertain.length);
	const sC = new Float64Array(uncertain.length);
	uncertain.forEach((si, u) => {
		const slot = slots[si];
		const sp = slot?.u.spread;
		if (!slot || !sp) return;
		if (sp.kind === 'triangular') {
			sA[u] = sp.low;
			sB[u] = slot.u.value;
			sC[u] = sp.high;
		} else {
			const { mu, sigma } = lognormalParams(sp.p10, sp.p90);
			sKind[u] = 1;
			sA[u] = mu;
			sB[u] = sigma;
		}
	});
	const uncertainIdx = Int32Array.from(uncertain);
	const nSeries = STORED.length;
	const perSeries = n * draws;
	// As few passes as the cap allows, with the series spread evenly over them.
	const maxPerPass = Math.max(1, Math.min(nSeries, Math.floor(maxBytes / (perSeries * 8))));
	const passes = Math.ceil(nSeries / maxPerPass);
	const seriesPerPass = Math.ceil(nSeries / passes);
	const buf = new Float64Array(seriesPerPass * perSeries);
	const block = new Float64Array(seriesPerPass * n * BLOCK);
	const rowMin = new Float64Array(seriesPerPass * n);
	const rowMax = new Float64Array(seriesPerPass * n);
	const known = { min: 0, max: 0 };
	const exceed = new Float64Array(n);
	const bands: Record<string, Record<Percentile, Float64Array>> = {};
	const out = new Float64Array(PERCENTILES.length);
	const scratch = createBucketScratch(draws);
	const totalWork = draws * passes;
	let done = 0;

	for (let pass = 0; pass < passes; pass++) {
		const first = pass * seriesPerPass;
		const specs = STORED.slice(first, first + seriesPerPass);
		const rng = sfc32(seed);
		rowMin.fill(Infinity);
		rowMax.fill(-Infinity);
		for (let d = 0; d < draws; d++) {
			for (let j = 0; j < base.length; j++) p[j] = base[j] as number;
			sampleDraw(p, uncertainIdx, sKind, sA, sB, sC, rng);
			simulate(prep, p, ws);
			const inBlock = d % BLOCK;
			extract(prep, ws, block, inBlock, first, specs.length, pass === 0 ? exceed : null);
			if (inBlock === BLOCK - 1 || d === draws - 1) flushBlock(buf, block, specs.length * n, draws, d - inBlock, inBlock + 1, rowMin, rowMax);
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
				known.min = rowMin[s * n + t] as number;
				known.max = rowMax[s * n + t] as number;
				percentilesByBuckets(buf.subarray(off, off + draws), PERCENTILES, out, scratch, known);
				for (let k = 0; k < PERCENTILES.length; k++) b[PERCENTILES[k] as Percentile][t] = out[k] as number;
			}
			bands[spec.key] = b;
		}
		if (pass + 1 < passes) yield;
	}
	for (let t = 0; t < n; t++) exceed[t] = (exceed[t] as number) / draws;
	// total.gap = total.requiredStock − planned stock, draw by draw; planned stock is the same in
	// every draw, so its percentiles are those of required stock minus the stock.
	const req = bands['total.requiredStock'] as Record<Percentile, Float64Array>;
	const gap = {} as Record<Percentile, Float64Array>;
	for (const pc of PERCENTILES) {
		const b = new Float64Array(n);
		for (let t = 0; t < n; t++) b[t] = (req[pc][t] as number) - (prep.stock[t] as number);
		gap[pc] = b;
	}
	const ordered: Record<string, Record<Percentile, Float64Array>> = { 'total.requiredStock': req, 'total.gap': gap };
	for (const spec of STORED) if (!(spec.key in ordered)) ordered[spec.key] = bands[spec.key] as Record<Percentile, Float64Array>;
	return {
		draws,
		seed,
		years: Array.from({ length: n }, (_, t) => prep.baseYear + t),
		bands: ordered,
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

