/**
 * Monte Carlo: each draw samples every uncertain assumption once (one uniform each, in slot order)
 * and runs all groups and years with it. Draws are simulated 64 at a time by the batch kernel
 * (batch.ts). Tenants and waiting per group and the total move-ins are stored in one Float64Array
 * laid out [series][year][draw]; the reported series are derived from them year by year and their
 * percentiles come from bucket selection per (series, year).
 *
 * A run that wants only total required stock (`series`, the headless runner) stores just that
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
	/**
	 * Only these keys of MC_SERIES get bands (default: all). The headless runner reports total
	 * required stock and P(required > planned) only; deriving and sorting the other 20 series per
	 * year was about a third of its time. The bands computed are identical to a full run's.
	 */
	series?: readonly string[];
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
	const wanted = wantedSeries(opts.series);
	const chunk = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
	const maxBytes = opts.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;

	const prep = prepare(input);
	const bw = createBatchWorkspace(prep, BLOCK);
	const n = prep.n;
	const slots = prep.layout.slots;
	const base = pointValues(prep.layout);
	// Slots without spread keep their value in every draw of the batch.
	for (let j = 0; j < base.length; j++) bw.P.fill(base[j] as number, j * BLOCK, (j + 1) * BLOCK);
	const uncertain: number[] = [];
	slots.forEach((s, i) => {
		if (isUncertain(s.u)) uncertain.push(i);
	});

	// Sampler parameters per uncertain slot (distributions.ts, samplerOf), in typed arrays.
	const sKind = new Uint8Array(uncertain.length);
	const sA = new Float64Array(uncertain.length);
	const sB = new Float64Array(uncertain.length);
	const sC = new Float64Array(uncertain.length);
	uncertain.forEach((si, u) => {
		const slot = slots[si];
		const sp = slot?.u.spread;
		if (!slot || !sp) return;
		const sm = samplerOf(sp, slot.u.value);
		sKind[u] = sm.kind;
		sA[u] = sm.a;
		sB[u] = sm.b;
		sC[u] = sm.c;
	});
	const uncertainIdx = Int32Array.from(uncertain);
	// Passes split the years: as few passes as the cap allows, years spread evenly over them.
	// Only total required stock wanted (the runner): one stored row per year, the total itself,
	// summed while the batch is copied, instead of H and Q of every group and ΣI.
	const requiredOnly = [...wanted].every((k) => k === 'total.requiredStock' || k === 'total.gap');
	const nStored = requiredOnly ? 1 : NSTORED;
	const perYear = nStored * draws * 8;
	const maxYearsPerPass = Math.max(1, Math.min(n, Math.floor(maxBytes / perYear)));
	const passes = Math.ceil(n / maxYearsPerPass);
	const yearsPerPass = Math.ceil(n / passes);
	const buf = takeBuffer(nStored * yearsPerPass * draws);
	const rowMin = new Float64Array(nStored * yearsPerPass);
	const rowMax = new Float64Array(nStored * yearsPerPass);
	/** 1 − v per draw (v = the draw's vacancy target), for required = need / (1 − v). */
	const omv = new Float64Array(draws);
	/** O ÷ (1 − v) per draw: the households outside the groups (the same in every year), divided once. */
	const otherReq = new Float64Array(draws);
	const rows: DerivedRows = {
		need: new Float64Array(draws),
		req: new Float64Array(draws),
		totReq: new Float64Array(draws),
		totH: new Float64Array(draws),
		totQ: new Float64Array(draws),
		totNeed: new Float64Array(draws),
		mm: new Float64Array(8)
	};
	const known = { min: 0, max: 0 };
	const exceed = new Float64Array(n);
	const bands: Record<string, PercentileRows> = {};
	for (const key of REPORTED) if (wanted.has(key)) bands[key] = PERCENTILES.map(() => new Float64Array(n));
	// null where a group's series is not wanted
	const groupBands = GROUP_IDS.map((gid) => GROUP_KEYS.map((f) => bands[`${gid}.${f}`] ?? null));
	// ΣH and ΣQ per draw are only needed for these totals; without them a group adds just its required stock.
	const withTotalsHQ = wanted.has('total.need') || wanted.has('total.waiting') || wanted.has('total.tenants');
	const out = new Float64Array(PERCENTILES.length);
	const scratch = createBucketScratch(draws);
	const totalWork = draws * passes;
	let done = 0;

	try {
		for (let pass = 0; pass < passes; pass++) {
			const t0 = pass * yearsPerPass;
			const ny = Math.min(yearsPerPass, n - t0);
			const rng = sfc32(seed);
			rowMin.fill(Infinity);
			rowMax.fill(-Infinity);
			// Batches of up to BLOCK draws that never straddle a chunk boundary.
			for (let d = 0; d < draws; ) {
				const nb = Math.min(BLOCK, draws - d, chunk - (d % chunk));
				for (let b = 0; b < nb; b++) sampleDraw(bw.P, BLOCK, b, uncertainIdx, sKind, sA, sB, sC, rng);
				simulateBatch(prep, bw, nb);
				for (let b = 0; b < nb; b++) {
					omv[d + b] = bw.usable[b] as number;
					otherReq[d + b] = required(prep.otherTotal, bw.usable[b] as number);
				}
				if (requiredOnly) flushRequired(bw, n, t0, ny, buf, draws, d, nb, otherReq, rowMin, rowMax);
				else flushBatch(bw, n, t0, ny, buf, draws, d, nb, rowMin, rowMax);
				d += nb;
				if (d % chunk === 0 && d < draws) {
					done += chunk;
					opts.onProgress?.(done, totalWork);
					yield;
				}
			}
			done = (pass + 1) * draws;
			opts.onProgress?.(done, totalWork);
			for (let y = 0; y < ny; y++) {
				if (requiredOnly) {
					const row = buf.subarray(y * draws, (y + 1) * draws);
					exceed[t0 + y] = countAbove(row, prep.stock[t0 + y] as number);
					bandsAt(row, rowMin[y] as number, rowMax[y] as number, bands['total.requiredStock'] as PercentileRows, t0 + y, out, scratch, known);
				} else percentilesOfYear(prep, buf, draws, ny, y, t0 + y, rowMin, rowMax, omv, otherReq, rows, bands, groupBands, withTotalsHQ, exceed, out, scratch, known);
			}
			if (pass + 1 < passes) yield;
		}
	} finally {
		keepBuffer(buf);
	}
	for (let t = 0; t < n; t++) exceed[t] = (exceed[t] as number) / draws;
	// total.gap = total.requiredStock − planned stock, draw by draw; planned stock is the same in
	// every draw, so its percentiles are those of required stock minus the stock.
	const ordered: Record<string, Bands> = {};
	const req = bands['total.requiredStock'];
	if (req) {
		if (wanted.has('total.requiredStock')) ordered['total.requiredStock'] = toBands(req);
		if (wanted.has('total.gap')) {
			const gap = req.map((r) => {
				const b = new Float64Array(n);
				for (let t = 0; t < n; t++) b[t] = (r[t] as number) - (prep.stock[t] as number);
				return b;
			});
			ordered['total.gap'] = toBands(gap);
		}
	}
	for (const key of REPORTED) if (!(key in ordered) && wanted.has(key)) ordered[key] = toBands(bands[key] as PercentileRows);
	return {
		draws,
		seed,
		years: Array.from({ length: n }, (_, t) => prep.baseYear + t),
		bands: ordered,
		probRequiredExceedsPlanned: exceed
	};
}

/**
 * The series whose bands are computed: `series` (checked against MC_SERIES), or all. total.gap is
 * total.requiredStock minus the stock, so wanting the gap computes required stock too.
 */
function wantedSeries(series: readonly string[] | undefined): Set<string> {
	if (series === undefined) return new Set(MC_SERIES);
	const unknown = series.filter((k) => !MC_SERIES.includes(k));
	if (unknown.length > 0) throw new Error(`Unknown Monte Carlo series: ${unknown.join(', ')}`);
	const wanted = new Set(series);
	if (wanted.has('total.gap')) wanted.add('total.requiredStock');
	return wanted;
}

/**
 * Derives the reported series of year t (index y in the pass) from the stored rows and takes
 * the percentiles of those that have bands; counts the draws whose required stock exceeds the
 * planned stock (always: probRequiredExceedsPlanned is part of every result).
 */
function percentilesOfYear(
	prep: Prepared,
	buf: Float64Array,
	draws: number,
	ny: number,
	y: number,
	t: number,
	rowMin: Float64Array,
	rowMax: Float64Array,
	omv: Float64Array,
	otherReq: Float64Array,
	rows: DerivedRows,
	bands: Record<string, PercentileRows>,
	groupBands: (PercentileRows | null)[][],
	withTotalsHQ: boolean,
	exceed: Float64Array,
	out: Float64Array,
	scratch: BucketScratch,
	known: { min: number; max: number }
): void {
	const { need, req, totReq, totH, totQ, totNeed, mm } = rows;
	// Totals start at 0 and add the groups in group order, as derive.ts does (0 + r is bit-identical).
	totReq.fill(0, 0, draws);
	totH.fill(0, 0, draws);
	totQ.fill(0, 0, draws);
	for (let g = 0; g < G; g++) {
		const hRow = (2 * g * ny + y) * draws;
		const qRow = hRow + ny * draws;
		const gb = groupBands[g] as (PercentileRows | null)[];
		const needBands = gb[0] ?? null, reqBands = gb[1] ?? null, waitingBands = gb[2] ?? null;
		if (!needBands && !reqBands && !withTotalsHQ) {
			addRequired(buf, hRow, qRow, omv, totReq, draws);
			if (!waitingBands) continue;
		} else deriveGroup(buf, hRow, qRow, omv, need, req, totReq, totH, totQ, draws, mm);
		if (needBands) bandsAt(need, mm[0] as number, mm[1] as number, needBands, t, out, scratch, known);
		if (reqBands) bandsAt(req, mm[2] as number, mm[3] as number, reqBands, t, out, scratch, known);
		const qi = (2 * g + 1) * ny + y;
		if (waitingBands) bandsAt(buf.subarray(qRow, qRow + draws), rowMin[qi] as number, rowMax[qi] as number, waitingBands, t, out, scratch, known);
	}
	exceed[t] = deriveTotals(totReq, totH, totQ, totNeed, otherReq, prep.stock[t] as number, draws, mm);
	const { 'total.requiredStock': bReq, 'total.need': bNeed, 'total.waiting': bWaiting, 'total.tenants': bTenants, 'total.moveIns': bMoveIns } = bands;
	if (bReq) bandsAt(totReq, mm[0] as number, mm[1] as number, bReq, t, out, scratch, known);
	if (bNeed) bandsAt(totNeed, mm[6] as number, mm[7] as number, bNeed, t, out, scratch, known);
	if (bWaiting) bandsAt(totQ, mm[4] as number, mm[5] as number, bWaiting, t, out, scratch, known);
	if (bTenants) bandsAt(totH, mm[2] as number, mm[3] as number, bTenants, t, out, scratch, known);
	const ii = S_MOVEINS * ny + y;
	const iRow = ii * draws;
	if (bMoveIns) bandsAt(buf.subarray(iRow, iRow + draws), rowMin[ii] as number, rowMax[ii] as number, bMoveIns, t, out, scratch, known);
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
 * Only a group's required stock added to the total (same arithmetic as deriveGroup), when neither
 * its own series nor ΣH, ΣQ are wanted.
 */
function addRequired(buf: Float64Array, hRow: number, qRow: number, omv: Float64Array, totReq: Float64Array, draws: number): void {
	for (let d = 0; d < draws; d++) {
		totReq[d] = (totReq[d] as number) + required((buf[hRow + d] as number) + (buf[qRow + d] as number), omv[d] as number);
	}
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

