/**
 * Monte Carlo: each draw samples every uncertain assumption once (one uniform each, in slot order)
 * and runs all groups and years with it. Draws are simulated 64 at a time by the batch kernel
 * (batch.ts). Tenants and waiting per group and the total move-ins are stored in one Float64Array
 * laid out [series][year][draw]; the reported series are derived from them year by year and their
 * percentiles come from bucket selection per (series, year).
 *
 * A run that wants only total required stock (`requiredOnly`, the headless runner) stores just that
 * total per draw and year, summed while each batch is copied: one series instead of 11.
 *
 * Memory: the buffer needs 11 series × years × draws × 8 bytes. When that exceeds `maxBufferBytes`
 * (default 180 MiB) the draws are simulated again for the next batch of years: the PRNG is
 * re-seeded, so every pass sees exactly the same draws. 10 000 draws fit in one pass; 100 000
 * draws × 31 years take two.
 */
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { PERCENTILES, type MonteCarloResult, type Percentile } from '#lib/core/model/result.ts';
import { isUncertain } from '#lib/core/model/uncertain.ts';
import { sampleWith, samplerOf } from './distributions.ts';
import { createBatchWorkspace, simulateBatch, type BatchWorkspace } from './batch.ts';
import { required } from './derive.ts';
import { pointValues } from './params.ts';
import { createBucketScratch, percentilesByBuckets, type BucketScratch } from './percentiles.ts';
import { G, prepare, type Prepared } from './prepare.ts';
import { sfc32, type Prng } from './prng.ts';
import { EngineInputError, monteCarloIssues, validateInput } from './validate.ts';

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
	/**
	 * Only total required stock gets bands (and P(required > planned), part of every result): the
	 * headless runner reports no other band, and deriving and sorting the other 20 series per year
	 * was about a third of its time. Its bands are identical to a full run's.
	 */
	requiredOnly?: boolean;
}

/**
 * Reported series (the keys of MonteCarloResult.bands, besides total.gap), in report order. Only
 * tenants H and waiting Q per group, the total move-ins and the vacancy are stored per draw; the
 * reported series are derived from them per year just before their percentiles, with the same
 * arithmetic as derive.ts (bit-identical):
 *   <g>.need = H + Q, <g>.requiredStock = (H + Q) / (1 − v), <g>.waiting = Q,
 *   total.requiredStock = Σ_g required + O / (1 − v) (O: households outside the groups),
 *   total.tenants = Σ H, total.waiting = Σ Q,
 *   total.need = Σ H + Σ Q, total.moveIns = Σ I (stored), total.gap = total.requiredStock − stock.
 */
const TOTAL_KEYS = ['requiredStock', 'need', 'waiting', 'tenants', 'moveIns'] as const;
const GROUP_KEYS = ['need', 'requiredStock', 'waiting'] as const;
const REPORTED: readonly string[] = [
	...TOTAL_KEYS.map((field) => `total.${field}`),
	...GROUP_IDS.flatMap((gid: GroupId) => GROUP_KEYS.map((field) => `${gid}.${field}`))
];
/** Default cap on the draw buffer: 100 000 draws × 31 years then take two passes (≈ 134 MiB). */
export const DEFAULT_MAX_BUFFER_BYTES = 180 * 1024 * 1024;

/** Draws simulated together (batch.ts) before they are copied into the [series][year][draw] buffer. */
const BLOCK = 64;

/** Stored series per draw and year: H and Q of each group (2g, 2g + 1), then Σ I. */
const NSTORED = 2 * G + 1;
const S_MOVEINS = 2 * G;

/** The keys of MonteCarloResult.bands. */
export const MC_SERIES: readonly string[] = ['total.gap', ...REPORTED];

/**
 * Copies the stored rows of years t0 … t0 + ny − 1 of a batch of `nb` draws (starting at draw d0)
 * into the [series][year in pass][draw] buffer, keeping the running min and max of the rows whose
 * percentiles are taken as stored (waiting, move-ins).
 */
function flushBatch(
	bw: BatchWorkspace,
	n: number,
	t0: number,
	ny: number,
	buf: Float64Array,
	draws: number,
	d0: number,
	nb: number,
	rowMin: Float64Array,
	rowMax: Float64Array
): void {
	const B = bw.B;
	for (let row = 0; row < NSTORED * ny; row++) {
		const s = (row / ny) | 0;
		const t = t0 + row - s * ny;
		const src = s === S_MOVEINS ? bw.SI : s & 1 ? bw.Q : bw.H;
		const from = s === S_MOVEINS ? t * B : ((s >> 1) * n + t) * B;
		const to = row * draws + d0;
		if (src === bw.H) {
			// tenants are never reported as they are, so their min and max are not needed
			for (let j = 0; j < nb; j++) buf[to + j] = src[from + j] as number;
			continue;
		}
		let lo = rowMin[row] as number;
		let hi = rowMax[row] as number;
		for (let j = 0; j < nb; j++) {
			const x = src[from + j] as number;
			buf[to + j] = x;
			if (x < lo) lo = x;
			if (x > hi) hi = x;
		}
		rowMin[row] = lo;
		rowMax[row] = hi;
	}
}

/**
 * For a run that wants only total required stock: the total of years t0 … t0 + ny − 1 of a batch
 * of `nb` draws (starting at draw d0) into row y of the buffer, with the running min and max per
 * row. The same operations in the same order as deriveGroup and deriveTotals (0, plus each
 * group's (H + Q) ÷ (1 − v) in group order, plus the other households' O ÷ (1 − v), otherReq), so the
 * values are bit-identical to a full run's.
 */
function flushRequired(
	bw: BatchWorkspace,
	n: number,
	t0: number,
	ny: number,
	buf: Float64Array,
	draws: number,
	d0: number,
	nb: number,
	otherReq: Float64Array,
	rowMin: Float64Array,
	rowMax: Float64Array
): void {
	const B = bw.B;
	const { H, Q, usable } = bw;
	for (let y = 0; y < ny; y++) {
		const t = t0 + y;
		const to = y * draws + d0;
		let lo = rowMin[y] as number;
		let hi = rowMax[y] as number;
		for (let b = 0; b < nb; b++) {
			const u = usable[b] as number;
			let sum = 0;
			for (let g = 0; g < G; g++) {
				const i = (g * n + t) * B + b;
				sum = sum + required((H[i] as number) + (Q[i] as number), u);
			}
			const x = sum + (otherReq[d0 + b] as number);
			buf[to + b] = x;
			if (x < lo) lo = x;
			if (x > hi) hi = x;
		}
		rowMin[y] = lo;
		rowMax[y] = hi;
	}
}

/** Draws whose value exceeds `limit`. */
function countAbove(xs: Float64Array, limit: number): number {
	let over = 0;
	for (let d = 0; d < xs.length; d++) if ((xs[d] as number) > limit) over++;
	return over;
}

/** Samples every uncertain slot once for draw b of the batch (one uniform each, in slot order). */
function sampleDraw(
	P: Float64Array,
	B: number,
	b: number,
	idx: Int32Array,
	kind: Uint8Array,
	a: Float64Array,
	bb: Float64Array,
	c: Float64Array,
	rng: Prng
): void {
	for (let u = 0; u < idx.length; u++) {
		P[(idx[u] as number) * B + b] = sampleWith(kind[u] as number, a[u] as number, bb[u] as number, c[u] as number, rng.next());
	}
}

/**
 * The draw buffer of the last finished run, kept for the next run of the same size: reusing it
 * saves mapping and zeroing fresh pages and the garbage collections they trigger when runs follow
 * each other (editing an assumption reruns the Monte Carlo). Only buffers up to SPARE_MAX_BYTES
 * are kept (10 000 draws × 31 years ≈ 26 MiB), so a large run's memory is released when it ends.
 * A run takes the buffer out while it works, so two runs never share it.
 */
let spare: Float64Array | null = null;
const SPARE_MAX_BYTES = 64 * 1024 * 1024;

function takeBuffer(length: number): Float64Array {
	const b = spare;
	spare = null;
	return b !== null && b.length === length ? b : new Float64Array(length);
}

function keepBuffer(buf: Float64Array): void {
	if (buf.byteLength <= SPARE_MAX_BYTES) spare = buf;
}

/** Scratch rows (one value per draw) for the series derived in the percentile pass. */
interface DerivedRows {
	need: Float64Array;
	req: Float64Array;
	totReq: Float64Array;
	totH: Float64Array;
	totQ: Float64Array;
	totNeed: Float64Array;
	/** Min and max of derived rows. */
	mm: Float64Array;
}

type Bands = Record<Percentile, Float64Array>;

/**
 * One series' bands while the run works: row k holds percentile PERCENTILES[k] per year. An array
 * rather than the result's object keyed 5, 10, … 95, whose sparse integer keys make every store a
 * keyed element access (bandsAt had ≈ 3 % self time in a need-mode profile); the result objects
 * are built once at the end.
 */
type PercentileRows = Float64Array[];

/** Percentiles of `xs` (min and max known) into rows[·][t]. */
function bandsAt(xs: Float64Array, min: number, max: number, rows: PercentileRows, t: number, out: Float64Array, scratch: BucketScratch, known: { min: number; max: number }): void {
	known.min = min;
	known.max = max;
	percentilesByBuckets(xs, PERCENTILES, out, scratch, known);
	for (let k = 0; k < rows.length; k++) (rows[k] as Float64Array)[t] = out[k] as number;
}

function toBands(rows: PercentileRows): Bands {
	const b = {} as Bands;
	PERCENTILES.forEach((p, k) => (b[p] = rows[k] as Float64Array));
	return b;
}

/** What a run needs to sample a draw: the sampler parameters per uncertain slot (distributions.ts, samplerOf), in typed arrays. */
interface Sampler {
	/** Slot index of each uncertain slot, in slot order (the order the PRNG stream is drawn in). */
	idx: Int32Array;
	kind: Uint8Array;
	a: Float64Array;
	b: Float64Array;
	c: Float64Array;
}

/**
 * Fills every draw of the batch with the point values, which slots without spread keep in every
 * draw, and returns the sampler of the uncertain slots.
 */
function createSampler(prep: Prepared, bw: BatchWorkspace): Sampler {
	const slots = prep.layout.slots;
	const base = pointValues(prep.layout);
	for (let j = 0; j < base.length; j++) bw.P.fill(base[j] as number, j * bw.B, (j + 1) * bw.B);
	const uncertain: number[] = [];
	slots.forEach((s, i) => {
		if (isUncertain(s.u)) uncertain.push(i);
	});
	const sampler: Sampler = {
		idx: Int32Array.from(uncertain),
		kind: new Uint8Array(uncertain.length),
		a: new Float64Array(uncertain.length),
		b: new Float64Array(uncertain.length),
		c: new Float64Array(uncertain.length)
	};
	uncertain.forEach((si, u) => {
		const slot = slots[si];
		const sp = slot?.u.spread;
		if (!slot || !sp) return;
		const sm = samplerOf(sp, slot.u.value);
		sampler.kind[u] = sm.kind;
		sampler.a[u] = sm.a;
		sampler.b[u] = sm.b;
		sampler.c[u] = sm.c;
	});
	return sampler;
}

/**
 * How the years are split into passes: as few passes as the buffer cap allows, years spread evenly
 * over them.
 */
function planPasses(n: number, nStored: number, draws: number, maxBytes: number): { passes: number; yearsPerPass: number } {
	const maxYearsPerPass = Math.max(1, Math.min(n, Math.floor(maxBytes / (nStored * draws * 8))));
	const passes = Math.ceil(n / maxYearsPerPass);
	return { passes, yearsPerPass: Math.ceil(n / passes) };
}

/** The state of a run: its settings, the prepared input, and the buffers it fills pass by pass. */
interface Run {
	draws: number;
	seed: number;
	chunk: number;
	requiredOnly: boolean;
	/** The years are done in `passes` passes of up to `yearsPerPass` years (planPasses). */
	passes: number;
	yearsPerPass: number;
	prep: Prepared;
	bw: BatchWorkspace;
	sampler: Sampler;
	/** The stored rows of the years of one pass, [series][year in pass][draw]; one row per year when requiredOnly. */
	buf: Float64Array;
	rowMin: Float64Array;
	rowMax: Float64Array;
	/** 1 − v per draw (v = the draw's vacancy target), for required = need / (1 − v). */
	omv: Float64Array;
	/** O ÷ (1 − v) per draw: the households outside the groups (the same in every year), divided once. */
	otherReq: Float64Array;
	/** Draws whose required stock exceeds the planned stock, per year (a share once the run ends). */
	exceed: Float64Array;
	/** Bands per reported series while the run works; only total.requiredStock when requiredOnly. */
	bands: Record<string, PercentileRows>;
	/** The bands of each group's series, [g][GROUP_KEYS index], looked up once (empty when requiredOnly). */
	groupBands: PercentileRows[][];
	percentiles: PercentileWork;
}

/** Scratch of the percentile pass. */
interface PercentileWork {
	rows: DerivedRows;
	out: Float64Array;
	scratch: BucketScratch;
	known: { min: number; max: number };
}

function startRun(input: EngineInput, opts: MonteCarloOptions): Run {
	const issues = validateInput(input);
	if (issues.length > 0) throw new EngineInputError(issues);
	const draws = opts.draws ?? input.scenario.monteCarlo.draws;
	const seed = opts.seed ?? input.scenario.monteCarlo.seed;
	const settingIssues = monteCarloIssues(draws, seed);
	if (settingIssues.length > 0) throw new EngineInputError(settingIssues);
	const requiredOnly = opts.requiredOnly === true;
	const prep = prepare(input);
	const bw = createBatchWorkspace(prep, BLOCK);
	const n = prep.n;
	const nStored = requiredOnly ? 1 : NSTORED;
	const { passes, yearsPerPass } = planPasses(n, nStored, draws, opts.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES);
	const bands: Record<string, PercentileRows> = {};
	for (const key of requiredOnly ? ['total.requiredStock'] : REPORTED) bands[key] = PERCENTILES.map(() => new Float64Array(n));
	return {
		draws,
		seed,
		chunk: Math.max(1, Math.floor(opts.chunkSize ?? 1000)),
		requiredOnly,
		passes,
		yearsPerPass,
		prep,
		bw,
		sampler: createSampler(prep, bw),
		buf: takeBuffer(nStored * yearsPerPass * draws),
		rowMin: new Float64Array(nStored * yearsPerPass),
		rowMax: new Float64Array(nStored * yearsPerPass),
		omv: new Float64Array(draws),
		otherReq: new Float64Array(draws),
		exceed: new Float64Array(n),
		bands,
		groupBands: requiredOnly ? [] : GROUP_IDS.map((gid) => GROUP_KEYS.map((f) => bands[`${gid}.${f}`] as PercentileRows)),
		percentiles: {
			rows: {
				need: new Float64Array(draws),
				req: new Float64Array(draws),
				totReq: new Float64Array(draws),
				totH: new Float64Array(draws),
				totQ: new Float64Array(draws),
				totNeed: new Float64Array(draws),
				mm: new Float64Array(8)
			},
			out: new Float64Array(PERCENTILES.length),
			scratch: createBucketScratch(draws),
			known: { min: 0, max: 0 }
		}
	};
}

/**
 * The Monte Carlo as a generator: yields after each chunk of draws, returns the result.
 * `runMonteCarlo` and `runMonteCarloAsync` drive it.
 */
export function* monteCarloSteps(input: EngineInput, opts: MonteCarloOptions = {}): Generator<void, MonteCarloResult, void> {
	const run = startRun(input, opts);
	const { draws, prep, passes, yearsPerPass } = run;
	const n = prep.n;
	const totalWork = draws * passes;
	try {
		for (let pass = 0; pass < passes; pass++) {
			const t0 = pass * yearsPerPass;
			const ny = Math.min(yearsPerPass, n - t0);
			yield* simulatePass(run, t0, ny, pass * draws, totalWork, opts.onProgress);
			opts.onProgress?.((pass + 1) * draws, totalWork);
			for (let y = 0; y < ny; y++) {
				if (run.requiredOnly) requiredPercentilesOfYear(run, y, t0 + y);
				else percentilesOfYear(run, ny, y, t0 + y);
			}
			if (pass + 1 < passes) yield;
		}
	} finally {
		keepBuffer(run.buf);
	}
	return resultOf(run);
}

/**
 * Simulates every draw for the years t0 … t0 + ny − 1 and stores them in the buffer: batches of up
 * to BLOCK draws that never straddle a chunk boundary; yields after each chunk but the last. The
 * PRNG is seeded afresh, so every pass sees exactly the same draws.
 */
function* simulatePass(run: Run, t0: number, ny: number, doneBefore: number, totalWork: number, onProgress: MonteCarloOptions['onProgress']): Generator<void, void, void> {
	const { draws, chunk, prep, bw, sampler, buf, rowMin, rowMax, omv, otherReq } = run;
	const n = prep.n;
	const rng = sfc32(run.seed);
	rowMin.fill(Infinity);
	rowMax.fill(-Infinity);
	for (let d = 0; d < draws; ) {
		const nb = Math.min(BLOCK, draws - d, chunk - (d % chunk));
		for (let b = 0; b < nb; b++) sampleDraw(bw.P, BLOCK, b, sampler.idx, sampler.kind, sampler.a, sampler.b, sampler.c, rng);
		simulateBatch(prep, bw, nb);
		for (let b = 0; b < nb; b++) {
			omv[d + b] = bw.usable[b] as number;
			otherReq[d + b] = required(prep.otherTotal, bw.usable[b] as number);
		}
		if (run.requiredOnly) flushRequired(bw, n, t0, ny, buf, draws, d, nb, otherReq, rowMin, rowMax);
		else flushBatch(bw, n, t0, ny, buf, draws, d, nb, rowMin, rowMax);
		d += nb;
		if (d % chunk === 0 && d < draws) {
			onProgress?.(doneBefore + d, totalWork);
			yield;
		}
	}
}

/**
 * The result: the share of draws over the planned stock, the bands in report order, and
 * total.gap = total.requiredStock − planned stock, draw by draw; planned stock is the same in
 * every draw, so its percentiles are those of required stock minus the stock.
 */
function resultOf(run: Run): MonteCarloResult {
	const { draws, prep, exceed, bands } = run;
	const n = prep.n;
	for (let t = 0; t < n; t++) exceed[t] = (exceed[t] as number) / draws;
	const ordered: Record<string, Bands> = {};
	const req = bands['total.requiredStock'] as PercentileRows;
	ordered['total.requiredStock'] = toBands(req);
	if (!run.requiredOnly) {
		const gap = req.map((r) => {
			const b = new Float64Array(n);
			for (let t = 0; t < n; t++) b[t] = (r[t] as number) - (prep.stock[t] as number);
			return b;
		});
		ordered['total.gap'] = toBands(gap);
		for (const key of REPORTED) if (!(key in ordered)) ordered[key] = toBands(bands[key] as PercentileRows);
	}
	return {
		draws,
		seed: run.seed,
		years: Array.from({ length: n }, (_, t) => prep.baseYear + t),
		bands: ordered,
		probRequiredExceedsPlanned: exceed
	};
}

/** requiredOnly: the percentiles of total required stock of year t (row y of the pass) and the draws over the planned stock. */
function requiredPercentilesOfYear(run: Run, y: number, t: number): void {
	const { draws, buf, rowMin, rowMax, percentiles: w } = run;
	const row = buf.subarray(y * draws, (y + 1) * draws);
	run.exceed[t] = countAbove(row, run.prep.stock[t] as number);
	bandsAt(row, rowMin[y] as number, rowMax[y] as number, run.bands['total.requiredStock'] as PercentileRows, t, w.out, w.scratch, w.known);
}

/**
 * Derives the reported series of year t (index y in the pass) from the stored rows and takes
 * their percentiles; counts the draws whose required stock exceeds the planned stock.
 */
function percentilesOfYear(run: Run, ny: number, y: number, t: number): void {
	const { draws, buf, rowMin, rowMax, omv, otherReq, bands } = run;
	const { rows, out, scratch, known } = run.percentiles;
	const { need, req, totReq, totH, totQ, totNeed, mm } = rows;
	// Totals start at 0 and add the groups in group order, as derive.ts does (0 + r is bit-identical).
	totReq.fill(0, 0, draws);
	totH.fill(0, 0, draws);
	totQ.fill(0, 0, draws);
	for (let g = 0; g < G; g++) {
		const hRow = (2 * g * ny + y) * draws;
		const qRow = hRow + ny * draws;
		const [needBands, reqBands, waitingBands] = run.groupBands[g] as [PercentileRows, PercentileRows, PercentileRows];
		deriveGroup(buf, hRow, qRow, omv, need, req, totReq, totH, totQ, draws, mm);
		bandsAt(need, mm[0] as number, mm[1] as number, needBands, t, out, scratch, known);
		bandsAt(req, mm[2] as number, mm[3] as number, reqBands, t, out, scratch, known);
		const qi = (2 * g + 1) * ny + y;
		bandsAt(buf.subarray(qRow, qRow + draws), rowMin[qi] as number, rowMax[qi] as number, waitingBands, t, out, scratch, known);
	}
	run.exceed[t] = deriveTotals(totReq, totH, totQ, totNeed, otherReq, run.prep.stock[t] as number, draws, mm);
	bandsAt(totReq, mm[0] as number, mm[1] as number, bands['total.requiredStock'] as PercentileRows, t, out, scratch, known);
	bandsAt(totNeed, mm[6] as number, mm[7] as number, bands['total.need'] as PercentileRows, t, out, scratch, known);
	bandsAt(totQ, mm[4] as number, mm[5] as number, bands['total.waiting'] as PercentileRows, t, out, scratch, known);
	bandsAt(totH, mm[2] as number, mm[3] as number, bands['total.tenants'] as PercentileRows, t, out, scratch, known);
	const ii = S_MOVEINS * ny + y;
	const iRow = ii * draws;
	bandsAt(buf.subarray(iRow, iRow + draws), rowMin[ii] as number, rowMax[ii] as number, bands['total.moveIns'] as PercentileRows, t, out, scratch, known);
}

// The loops below are small functions of their own: called many times per run, they are
// optimized as whole functions early (one big function with these loops inside, called once per
// year, ran on-stack-replaced code that was thrown away at every exit: slow first runs).

/**
 * need = H + Q and required = need / (1 − v) of one group, draw by draw, min and max of each into
 * mm[0…3], and the group added to the totals (Σ over groups in group order, starting from 0, as
 * derive.ts); the caller zeroes the totals first.
 */
function deriveGroup(
	buf: Float64Array,
	hRow: number,
	qRow: number,
	omv: Float64Array,
	need: Float64Array,
	req: Float64Array,
	totReq: Float64Array,
	totH: Float64Array,
	totQ: Float64Array,
	draws: number,
	mm: Float64Array
): void {
	let nMin = Infinity, nMax = -Infinity, rMin = Infinity, rMax = -Infinity;
	for (let d = 0; d < draws; d++) {
		const h = buf[hRow + d] as number;
		const q = buf[qRow + d] as number;
		const nd = h + q;
		const r = required(nd, omv[d] as number);
		need[d] = nd;
		req[d] = r;
		totReq[d] = (totReq[d] as number) + r;
		totH[d] = (totH[d] as number) + h;
		totQ[d] = (totQ[d] as number) + q;
		if (nd < nMin) nMin = nd;
		if (nd > nMax) nMax = nd;
		if (r < rMin) rMin = r;
		if (r > rMax) rMax = r;
	}
	mm[0] = nMin;
	mm[1] = nMax;
	mm[2] = rMin;
	mm[3] = rMax;
}

/**
 * total.requiredStock gets the dwellings of the households outside the groups, otherReq = O ÷ (1 − v),
 * added last (as derive.ts totalRequired); total.need = ΣH + ΣQ draw by draw; min and max of
 * required, tenants, waiting and need into mm[0…7]; returns the number of draws whose required
 * stock exceeds `stock`.
 */
function deriveTotals(
	totReq: Float64Array,
	totH: Float64Array,
	totQ: Float64Array,
	totNeed: Float64Array,
	otherReq: Float64Array,
	stock: number,
	draws: number,
	mm: Float64Array
): number {
	let over = 0;
	let rMin = Infinity, rMax = -Infinity, hMin = Infinity, hMax = -Infinity, qMin = Infinity, qMax = -Infinity, nMin = Infinity, nMax = -Infinity;
	for (let d = 0; d < draws; d++) {
		const r = (totReq[d] as number) + (otherReq[d] as number);
		totReq[d] = r;
		const h = totH[d] as number;
		const q = totQ[d] as number;
		const nd = h + q;
		totNeed[d] = nd;
		if (r > stock) over++;
		if (r < rMin) rMin = r;
		if (r > rMax) rMax = r;
		if (h < hMin) hMin = h;
		if (h > hMax) hMax = h;
		if (q < qMin) qMin = q;
		if (q > qMax) qMax = q;
		if (nd < nMin) nMin = nd;
		if (nd > nMax) nMax = nd;
	}
	mm[0] = rMin;
	mm[1] = rMax;
	mm[2] = hMin;
	mm[3] = hMax;
	mm[4] = qMin;
	mm[5] = qMax;
	mm[6] = nMin;
	mm[7] = nMax;
	return over;
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

