/**
 * The headless runner's logic, separated from process wiring (project.ts) so it can be tested:
 *   npm run project -- FIL… | MAPPE… [valg]
 * Runs every notebook of the given files, folders and backups with the app's engine, writes the
 * yearly results (stdout, or one file per notebook with --ut) and a summary across kommuner ×
 * scenarios (--sammendrag). A file that cannot be run is reported and skipped.
 * Exit codes: 0 all ran; 1 some file, notebook or scenario failed (the rest was written);
 * 2 usage error, or nothing at all could be run.
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { projectionColumns } from '#lib/core/export/columns.ts';
import { toCsv, projectionToCsv, type CsvCell } from '#lib/core/export/csv.ts';
import { projectionWorkbook } from '#lib/core/export/workbook.ts';
import { notebookExportContext, PROBABILITY_HEADER } from '#lib/core/export/scenario-table.ts';
import { resultWarnings } from '#lib/core/export/warnings.ts';
import { summaryCsv, summaryWorkbook, type SummaryItem } from '#lib/core/export/summary.ts';
import { slugify } from '#lib/core/format/index.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';
import type { PlanBudget } from '#lib/core/plan/budget.ts';
import { planKeyFigures } from '#lib/core/plan/key-figures.ts';
import { expandInputs, fsErrorMessage } from './read-input.ts';
import { runFile, type FileOutcome, type NotebookOutcome, type RunOptions } from './run-file.ts';
import { describeOverrides } from '#lib/core/scenarios/difference-text.ts';
import type { WorkerReply, WorkerRequest } from './project-worker.ts';
import { workerScript } from './worker-script.ts';

export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** stderr is a terminal: show a progress line while many files run. */
	progress?: boolean;
	/** The run's date (written into the files); default now. */
	now?: Date;
}

export const USAGE = `Bruk: npm run project -- <fil eller mappe> [flere filer eller mapper …] [valg]

Kjører notatbøkene i lagrede filer (.boligbehov.json, også sikkerhetskopier med flere notatbøker)
med samme beregningsmotor som appen. En mappe betyr alle .json-filer i den og undermappene.
En fil som ikke kan kjøres, meldes og hoppes over.

Valg:
  --scenario <navn|id>    bare dette scenarioet (standard: alle)
  --notebook <id|tittel>  bare denne notatboken i en sikkerhetskopi (standard: alle)
  --format csv|json|xlsx  format for årlige resultater (standard: csv med semikolon og desimalkomma);
                          xlsx krever --ut
  --ut <mappe>            skriv årlige resultater til én fil per notatbok i mappen
                          (csv: én fil per scenario) i stedet for til skjermen
  --sammendrag <fil>      skriv et sammendrag på tvers av kommuner og scenarioer
                          (.csv eller .xlsx): behov, nødvendig og planlagt bestand, avvik,
                          sannsynlighet for at nødvendig bestand er større enn planlagt,
                          netto investering i økonomiplanperioden og til året, årlig
                          nettokostnad (tiltaksplanen, faste kroner i basisåret), advarsler
  --år <år,år,…>          år i sammendraget (standard: basisår + 4 og basisår + 10); også --aar
  --draws N               Monte Carlo-trekk per scenario (standard: scenarioets egen innstilling;
                          0: ingen Monte Carlo og ingen sannsynligheter)
  --tråder N              antall tråder (standard: antall kjerner); også --traader
  --bom                   skriv UTF-8 BOM først i CSV på skjermen (for Excel)
  --help                  vis denne teksten

Avslutningskode: 0 alt ble kjørt, 1 noe feilet (resten er skrevet), 2 feil i valgene eller ingenting kunne kjøres.
`;

export interface RunnerArgs {
	inputs: string[];
	scenario?: string;
	notebook?: string;
	format: 'csv' | 'json' | 'xlsx';
	outDir?: string;
	summary?: string;
	years?: number[];
	draws?: number;
	threads?: number;
	bom: boolean;
	help: boolean;
}

const OPTIONS = {
	scenario: { type: 'string' },
	notebook: { type: 'string' },
	format: { type: 'string' },
	ut: { type: 'string' },
	sammendrag: { type: 'string' },
	år: { type: 'string' },
	aar: { type: 'string' },
	draws: { type: 'string' },
	tråder: { type: 'string' },
	traader: { type: 'string' },
	bom: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

/** node:util's English parse errors, in Norwegian (the option's name is taken from the error). */
function parseErrorMessage(e: unknown): string {
	const err = e as { code?: string; message?: string };
	const option = /'(-{1,2}[^'\s]+)/.exec(err.message ?? '')?.[1] ?? '';
	switch (err.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `Ukjent valg «${option}».`;
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			return `Valget ${option} mangler en verdi (eller verdien begynner med «-»).`;
		default:
			return 'Valgene kunne ikke leses.';
	}
}

function positiveInteger(name: string, v: string | undefined, min: number): number | undefined | string {
	if (v === undefined) return undefined;
	const n = Number(v);
	return Number.isInteger(n) && n >= min && n <= 1_000_000 ? n : `${name} må være et helt tall fra ${min} til 1 000 000, fikk «${v}».`;
}

export function parseRunnerArgs(argv: readonly string[]): RunnerArgs | string {
	let parsed;
	try {
		parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
	} catch (e) {
		return parseErrorMessage(e);
	}
	const v = parsed.values;
	const format = v.format ?? 'csv';
	if (format !== 'csv' && format !== 'json' && format !== 'xlsx') return `Ukjent format «${format}»: bruk csv, json eller xlsx.`;
	if (format === 'xlsx' && v.ut === undefined) return 'Formatet xlsx kan ikke skrives til skjermen: bruk også --ut <mappe>.';
	if (v.sammendrag !== undefined && !/\.(csv|xlsx)$/i.test(v.sammendrag)) return `Sammendraget må være en .csv- eller .xlsx-fil, fikk «${v.sammendrag}».`;
	const draws = positiveInteger('--draws', v.draws, 0);
	if (typeof draws === 'string') return draws;
	const threadsText = v.tråder ?? v.traader;
	const threads = positiveInteger('--tråder', threadsText, 1);
	if (typeof threads === 'string') return threads;
	let years: number[] | undefined;
	const yearsText = v.år ?? v.aar;
	if (yearsText !== undefined) {
		years = yearsText.split(',').map((s) => Number(s.trim()));
		if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 1900 || y > 2200))
			return `--år må være årstall skilt med komma, for eksempel 2030,2036; fikk «${yearsText}».`;
	}
	return {
		inputs: parsed.positionals,
		format,
		bom: v.bom ?? false,
		help: v.help ?? false,
		...(v.scenario !== undefined ? { scenario: v.scenario } : {}),
		...(v.notebook !== undefined ? { notebook: v.notebook } : {}),
		...(v.ut !== undefined ? { outDir: v.ut } : {}),
		...(v.sammendrag !== undefined ? { summary: v.sammendrag } : {}),
		...(years ? { years } : {}),
		...(draws !== undefined ? { draws } : {}),
		...(threads !== undefined ? { threads } : {})
	};
}

/**
 * Runs the files on `threads` worker threads (in the given order of start), calling `done` with
 * each outcome as it arrives. One thread or one file: in this thread, no worker started.
 */
export async function runFiles(
	files: readonly string[],
	options: RunOptions,
	threads: number,
	done: (index: number, outcome: FileOutcome) => void
): Promise<void> {
	const n = Math.max(1, Math.min(threads, files.length));
	if (n === 1) {
		files.forEach((f, i) => done(i, runFile(f, options)));
		return;
	}
	let next = 0;
	// A pool fed from one queue: each worker is sent the next file when it returns one, so a thread
	// that drew quick files takes more of them and both cores stay busy to the end.
	const script = await workerScript();
	const workers = Array.from({ length: n }, () => new Worker(script.url, { execArgv: script.execArgv }));
	try {
		await Promise.all(
			workers.map(
				(w) =>
					new Promise<void>((resolve, reject) => {
						const send = () => {
							if (next >= files.length) return resolve();
							const index = next++;
							w.postMessage({ index, file: files[index]!, options } satisfies WorkerRequest);
						};
						w.on('message', (m: WorkerReply) => {
							done(m.index, m.outcome);
							send();
						});
						w.on('error', reject);
						w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))));
						send();
					})
			)
		);
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const arr = (a: Float64Array) => Array.from(a, finite);

function resultJson(r: ProjectionResult) {
	const groups = Object.fromEntries(
		GROUP_IDS.map((g) => [g, Object.fromEntries(Object.entries(r.groups[g]).map(([k, v]) => [k, arr(v as Float64Array)]))])
	);
	const total = Object.fromEntries(Object.entries(r.total).map(([k, v]) => [k, arr(v as Float64Array)]));
	return { baseYear: r.baseYear, years: r.years, mode: r.mode, groups, total, calibration: r.calibration, warnings: resultWarnings(r) };
}

function monteCarloJson(mc: MonteCarloResult) {
	const bands = Object.fromEntries(
		Object.entries(mc.bands).map(([key, byP]) => [key, Object.fromEntries(Object.entries(byP).map(([p, v]) => [`P${p}`, arr(v as Float64Array)]))])
	);
	return { draws: mc.draws, seed: mc.seed, years: mc.years, bands, probRequiredExceedsPlanned: arr(mc.probRequiredExceedsPlanned) };
}

/** The plan's budget in kroner at fixed prices of the base year (docs/model.md, "Plan and cost"). */
function planJson(b: PlanBudget, baseYear: number) {
	const { from, to, netInvestmentEconomyPlan } = planKeyFigures(b, baseYear);
	return {
		prices: `fixed ${baseYear} kroner`,
		economyPlan: { from, to, netInvestment: netInvestmentEconomyPlan },
		years: b.years,
		dwellingsAdded: b.dwellingsAdded,
		total: b.total,
		byKind: b.byKind,
		byGroup: b.byGroup,
		presentValue: b.presentValue
	};
}

function notebookJson(file: string, nb: NotebookOutcome) {
	return {
		file,
		notebook: { id: nb.id, title: nb.title, kommune: nb.kommune.name, kommunenummer: nb.kommune.number },
		scenarios: nb.scenarios
			.filter((s) => s.result)
			.map((s) => ({
				id: s.scenario.id,
				name: s.scenario.name,
				result: resultJson(s.result!),
				...(s.monteCarlo ? { monteCarlo: monteCarloJson(s.monteCarlo) } : {}),
				...(s.budget ? { plan: planJson(s.budget, s.result!.baseYear) } : {})
			}))
	};
}

/** Kroner at fixed prices of the base year; empty cells for a scenario without a plan. */
const COST_HEADER = ['Netto investering, tiltaksplanen (kr, faste priser i basisåret)', 'Årlig nettokostnad, tiltaksplanen (kr, faste priser i basisåret)'];

const MC_HEADER = ['Nødvendig bestand i alt, P10 (boliger)', 'Nødvendig bestand i alt, P50 (boliger)', 'Nødvendig bestand i alt, P90 (boliger)', PROBABILITY_HEADER];

/** The long yearly CSV on stdout: who, then the export columns, Monte Carlo columns, the plan's costs, warnings of the year. */
function yearlyCsvRows(nb: NotebookOutcome, withMonteCarlo: boolean): CsvCell[][] {
	const columns = projectionColumns();
	const rows: CsvCell[][] = [];
	for (const s of nb.scenarios) {
		const r = s.result;
		if (!r) continue;
		const warnings = resultWarnings(r);
		const req = s.monteCarlo?.bands['total.requiredStock'];
		r.years.forEach((year, i) => {
			const j = s.monteCarlo ? s.monteCarlo.years.indexOf(year) : -1;
			const mc = withMonteCarlo
				? j >= 0
					? [req?.[10][j] ?? null, req?.[50][j] ?? null, req?.[90][j] ?? null, (s.monteCarlo!.probRequiredExceedsPlanned[j] ?? Number.NaN) * 100]
					: [null, null, null, null]
				: [];
			// A warning about one year belongs to that year's row; one without a year to every row.
			const notes = warnings.filter((w) => w.year === undefined || w.year === year).map((w) => w.message);
			const k = s.budget ? s.budget.years.indexOf(year) : -1;
			const costs = k >= 0 ? [s.budget!.total.netInvestment[k] ?? null, s.budget!.total.netCost[k] ?? null] : [null, null];
			rows.push([nb.kommune.number, nb.kommune.name, nb.title, s.scenario.name, ...columns.map((c) => c.values(r, i)), ...mc, ...costs, notes.join(' | ')]);
		});
	}
	return rows;
}

function yearlyCsvHeader(withMonteCarlo: boolean): { header: string[]; decimals: number[] } {
	const columns = projectionColumns();
	const header = ['Kommunenummer', 'Kommune', 'Notatbok', 'Scenario', ...columns.map((c) => c.header), ...(withMonteCarlo ? MC_HEADER : []), ...COST_HEADER, 'Advarsler'];
	const decimals = [0, 0, 0, 0, ...columns.map((c) => (c.kind === 'year' ? 0 : 1)), ...(withMonteCarlo ? [1, 1, 1, 1] : []), 0, 0, 0];
	return { header, decimals };
}

/** Writes `bytes` or text to `path`; a Norwegian message on failure. */
function writeOut(path: string, data: string | Uint8Array): string | null {
	try {
		writeFileSync(path, data);
		return null;
	} catch (e) {
		return fsErrorMessage(e, path, 'skrive');
	}
}

/** File names that stay unique within one run: "sør-fron-basis.csv", "sør-fron-basis-2.csv". */
function uniqueName(used: Set<string>, base: string, ext: string): string {
	let name = `${base || 'notatbok'}${ext}`;
	for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}${ext}`;
	used.add(name.toLowerCase());
	return name;
}

export async function runProjectCli(argv: readonly string[], io: CliIo): Promise<number> {
	const args = parseRunnerArgs(argv);
	if (typeof args === 'string') {
		io.stderr(`${args}\n\n${USAGE}`);
		return 2;
	}
	if (args.help) {
		io.stdout(USAGE);
		return 0;
	}
	if (args.inputs.length === 0) {
		io.stderr(USAGE);
		return 2;
	}
	const { files, problems } = expandInputs(args.inputs);
	const showProgress = io.progress === true && files.length > 1;
	const out = new RunOutput(args, io, showProgress, problems.length > 0);
	for (const p of problems) out.report(`${p.message}\n`);
	if (files.length === 0) return 2;
	if (args.outDir !== undefined) {
		try {
			mkdirSync(args.outDir, { recursive: true });
		} catch (e) {
			io.stderr(`${fsErrorMessage(e, args.outDir, 'skrive')}\n`);
			return 2;
		}
	}
	const options: RunOptions = {
		allBands: args.format === 'json',
		...(args.scenario !== undefined ? { scenario: args.scenario } : {}),
		...(args.notebook !== undefined ? { notebook: args.notebook } : {}),
		...(args.draws !== undefined ? { draws: args.draws } : {})
	};
	const progress = (doneCount: number) => {
		if (showProgress) io.stderr(`\r\x1b[KKjører … ${doneCount} av ${files.length} filer ferdige`);
	};
	// Outcomes are handled in input order, so the output does not depend on which thread finished first.
	const pending = new Map<number, FileOutcome>();
	let flushed = 0;
	let doneCount = 0;
	progress(0);
	try {
		await runFiles(files, options, args.threads ?? availableParallelism(), (index, outcome) => {
			pending.set(index, outcome);
			while (pending.has(flushed)) {
				out.handle(pending.get(flushed)!);
				pending.delete(flushed++);
			}
			progress(++doneCount);
		});
	} catch {
		out.report('En beregningstråd stoppet uventet; kjøringen ble avbrutt. Prøv igjen med --tråder 1.\n');
		return 2;
	}
	if (showProgress) io.stderr('\r\x1b[K');
	return out.finish();
}

/** What one run writes and remembers, outcome by outcome: the outputs per notebook, the summary, the exit code. */
class RunOutput {
	private readonly args: RunnerArgs;
	private readonly io: CliIo;
	private readonly now: Date;
	private readonly showProgress: boolean;
	private readonly withMonteCarlo: boolean;
	private failed: boolean;
	private ran = 0;
	private readonly summary: SummaryItem[] = [];
	private readonly jsonOut: unknown[] = [];
	private readonly usedNames = new Set<string>();
	private csvHeaderWritten = false;

	constructor(args: RunnerArgs, io: CliIo, showProgress: boolean, failed: boolean) {
		this.args = args;
		this.io = io;
		this.now = io.now ?? new Date();
		this.showProgress = showProgress;
		this.withMonteCarlo = args.draws !== 0;
		this.failed = failed;
	}

	/** A message on stderr; it clears the progress line first (carriage return, erase line), so it stays readable. */
	report(text: string): void {
		this.io.stderr(this.showProgress ? `\r\x1b[K${text}` : text);
	}

	/** One file's outcome: its errors reported, its scenarios in the summary, its notebooks written. */
	handle(o: FileOutcome): void {
		if (o.error) {
			this.failed = true;
			this.report(`«${o.file}»: ${o.error}\n`);
			this.summary.push({ file: o.file, kommune: '', kommunenummer: '', notebook: '', scenario: '', error: o.error });
		}
		for (const nb of o.notebooks) {
			this.summarize(o.file, nb);
			if (nb.scenarios.some((s) => s.result)) this.writeNotebook(o.file, nb);
		}
	}

	private summarize(file: string, nb: NotebookOutcome): void {
		for (const s of nb.scenarios) {
			const who = { file, kommune: nb.kommune.name, kommunenummer: nb.kommune.number, notebook: nb.title, scenario: s.scenario.name };
			if (s.error) {
				this.failed = true;
				this.report(`«${file}», «${nb.title}»: Scenarioet «${s.scenario.name}» kan ikke beregnes:\n${s.error}\n`);
				this.summary.push({ ...who, error: `Kan ikke beregnes: ${s.error.trim()}` });
			} else {
				this.ran++;
				this.summary.push({ ...who, result: s.result!, monteCarlo: s.monteCarlo ?? null, budget: s.budget ?? null });
			}
		}
	}

	/** A notebook's results in the chosen format: to stdout (JSON collected, CSV appended) or to files in the output folder. */
	private writeNotebook(file: string, nb: NotebookOutcome): void {
		const { args, now } = this;
		if (args.format === 'json') {
			if (args.outDir === undefined) this.jsonOut.push(notebookJson(file, nb));
			else {
				const path = join(args.outDir, uniqueName(this.usedNames, slugify(nb.title), '.json'));
				this.write(path, `${JSON.stringify({ computedAt: now.toISOString(), ...notebookJson(file, nb) }, null, 2)}\n`);
			}
			return;
		}
		const ok = nb.scenarios.filter((s) => s.result);
		const context = notebookExportContext(nb, now);
		if (args.outDir === undefined) {
			const rows = yearlyCsvRows(nb, this.withMonteCarlo);
			const { header, decimals } = yearlyCsvHeader(this.withMonteCarlo);
			const text = toCsv(this.csvHeaderWritten ? rows : [header, ...rows], { bom: args.bom && !this.csvHeaderWritten, decimals });
			this.csvHeaderWritten = true;
			this.io.stdout(text);
		} else if (args.format === 'xlsx') {
			const bytes = projectionWorkbook({
				scenarios: ok.map((s) => ({ scenario: s.scenario, result: s.result!, monteCarlo: s.monteCarlo ?? null, budget: s.budget ?? null })),
				allScenarios: nb.scenarios.map((s) => s.scenario),
				base: nb.base,
				context,
				date: now
			});
			this.write(join(args.outDir, uniqueName(this.usedNames, slugify(nb.title), '.xlsx')), bytes);
		} else {
			for (const s of ok) {
				const differences = describeOverrides({ scenarios: nb.scenarios.map((o) => o.scenario) }, s.scenario).map((l) => l.text);
				const text = projectionToCsv(s.result!, {
					context: { ...context, scenario: s.scenario.name, differences },
					monteCarlo: s.monteCarlo ?? null,
					budget: s.budget ?? null,
					bom: true
				});
				this.write(join(args.outDir, uniqueName(this.usedNames, slugify(`${nb.title}-${s.scenario.name}`), '.csv')), text);
			}
		}
	}

	private write(path: string, data: string | Uint8Array): void {
		const err = writeOut(path, data);
		if (err) {
			this.failed = true;
			this.report(`${err}\n`);
		}
	}

	/** After the last outcome: the collected JSON, the summary file; the exit code (2 when nothing ran or the summary failed, 1 on any error). */
	finish(): number {
		const { args, now } = this;
		if (args.format === 'json' && args.outDir === undefined && this.jsonOut.length > 0)
			this.io.stdout(`${JSON.stringify({ computedAt: now.toISOString(), notebooks: this.jsonOut }, null, 2)}\n`);
		if (args.summary !== undefined) {
			const data = /\.xlsx$/i.test(args.summary)
				? summaryWorkbook(this.summary, { years: args.years, date: now })
				: summaryCsv(this.summary, { years: args.years, bom: true });
			const err = writeOut(args.summary, data);
			if (err) {
				this.report(`${err}\n`);
				return 2;
			}
		}
		if (this.ran === 0) return 2;
		return this.failed ? 1 : 0;
	}
}
