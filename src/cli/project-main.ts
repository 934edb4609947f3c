/**
 * The headless runner's logic, separated from process wiring so it can be tested:
 *   npm run project -- <fil.boligbehov.json> [--scenario <navn|id>] [--notebook <id|tittel>]
 *                      [--format csv|json] [--draws N] [--bom]
 * Runs the saved notebook's scenarios with the same engine as the app and prints yearly results.
 * Exit codes: 0 ok, 1 a scenario could not be run, 2 usage or file error.
 */
import { parseBoligbehovFile, MAX_FILE_BYTES } from '#lib/core/format/index.ts';
import { projectionColumns, projectionRows } from '#lib/core/export/columns.ts';
import { toCsv, type CsvCell } from '#lib/core/export/csv.ts';
import { EngineInputError, runMonteCarlo, runProjection, validateInput } from '#lib/core/engine/index.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import type { Notebook, Scenario } from '#lib/core/model/notebook.ts';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';

export interface CliIo {
	/** Returns the file's text, or throws (message shown). */
	readFile(path: string): string;
	/** File size in bytes, checked before reading; undefined if unknown. */
	fileSize?(path: string): number | undefined;
	stdout(text: string): void;
	stderr(text: string): void;
}

export const USAGE = `Bruk: npm run project -- <fil.boligbehov.json> [valg]

Kjører scenarioene i en lagret notatbok med samme beregningsmotor som appen og skriver årlige resultater.

Valg:
  --scenario <navn|id>   bare dette scenarioet (standard: alle)
  --notebook <id|tittel> hvilken notatbok i en sikkerhetskopi (standard: den eneste)
  --format csv|json      utformat (standard: csv med semikolon og desimalkomma)
  --draws N              kjør også Monte Carlo med N trekk (persentiler for nødvendig bestand)
  --bom                  skriv UTF-8 BOM først (for Excel)
  --help                 vis denne teksten
`;

interface Args {
	file?: string;
	scenario?: string;
	notebook?: string;
	format: 'csv' | 'json';
	draws?: number;
	bom: boolean;
	help: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
	const args: Args = { format: 'csv', bom: false, help: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		const value = () => {
			const v = argv[++i];
			if (v === undefined || v.startsWith('--')) throw new Error(`Valget ${a} mangler en verdi.`);
			return v;
		};
		try {
			if (a === '--help' || a === '-h') args.help = true;
			else if (a === '--scenario') args.scenario = value();
			else if (a === '--notebook') args.notebook = value();
			else if (a === '--bom') args.bom = true;
			else if (a === '--format') {
				const f = value();
				if (f !== 'csv' && f !== 'json') return `Ukjent format «${f}»: bruk csv eller json.`;
				args.format = f;
			} else if (a === '--draws') {
				const v = value();
				const n = Number(v);
				if (!Number.isInteger(n) || n < 1) return `--draws må være et helt tall større enn 0, fikk «${v}».`;
				args.draws = n;
			} else if (a.startsWith('--')) return `Ukjent valg «${a}».`;
			else if (args.file === undefined) args.file = a;
			else return `Bare én fil kan kjøres om gangen (fikk også «${a}»).`;
		} catch (e) {
			return (e as Error).message;
		}
	}
	return args;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const arr = (a: Float64Array) => Array.from(a, finite);

function resultJson(r: ProjectionResult) {
	const groups = Object.fromEntries(
		GROUP_IDS.map((g) => [g, Object.fromEntries(Object.entries(r.groups[g]).map(([k, v]) => [k, arr(v as Float64Array)]))])
	);
	const total = Object.fromEntries(Object.entries(r.total).map(([k, v]) => [k, arr(v as Float64Array)]));
	return { baseYear: r.baseYear, years: r.years, mode: r.mode, groups, total, calibration: r.calibration };
}

function monteCarloJson(mc: MonteCarloResult) {
	const bands = Object.fromEntries(
		Object.entries(mc.bands).map(([key, byP]) => [key, Object.fromEntries(Object.entries(byP).map(([p, v]) => [`P${p}`, arr(v as Float64Array)]))])
	);
	return { draws: mc.draws, seed: mc.seed, years: mc.years, bands, probRequiredExceedsPlanned: arr(mc.probRequiredExceedsPlanned) };
}

function pickNotebook(nbs: Notebook[], wanted: string | undefined): Notebook | string {
	if (wanted !== undefined) {
		const w = wanted.toLowerCase();
		const nb = nbs.find((n) => n.id === wanted) ?? nbs.find((n) => n.title.toLowerCase() === w);
		return nb ?? `Fant ingen notatbok «${wanted}». Notatbøker i filen: ${nbs.map((n) => `«${n.title}» (${n.id})`).join(', ')}.`;
	}
	if (nbs.length === 1) return nbs[0]!;
	if (nbs.length === 0) return 'Filen inneholder ingen notatbøker.';
	return `Filen inneholder ${nbs.length} notatbøker; velg én med --notebook: ${nbs.map((n) => `«${n.title}» (${n.id})`).join(', ')}.`;
}

function pickScenarios(nb: Notebook, wanted: string | undefined): Scenario[] | string {
	if (wanted === undefined) return nb.scenarios.length > 0 ? nb.scenarios : `Notatboken «${nb.title}» har ingen scenarioer.`;
	const w = wanted.toLowerCase();
	const s = nb.scenarios.find((x) => x.id === wanted) ?? nb.scenarios.find((x) => x.name.toLowerCase() === w);
	return s ? [s] : `Fant ikke scenarioet «${wanted}». Scenarioer: ${nb.scenarios.map((x) => `«${x.name}» (${x.id})`).join(', ')}.`;
}

export function runProjectCli(argv: readonly string[], io: CliIo): number {
	const args = parseArgs(argv);
	if (typeof args === 'string') {
		io.stderr(`${args}\n\n${USAGE}`);
		return 2;
	}
	if (args.help) {
		io.stdout(USAGE);
		return 0;
	}
	if (!args.file) {
		io.stderr(USAGE);
		return 2;
	}
	const size = io.fileSize?.(args.file);
	if (size !== undefined && size > MAX_FILE_BYTES) {
		io.stderr(`Filen er for stor (${(size / 1048576).toFixed(1).replace('.', ',')} MB). Største tillatte størrelse er 10 MB.\n`);
		return 2;
	}
	let text: string;
	try {
		text = io.readFile(args.file);
	} catch (e) {
		io.stderr(`Kunne ikke lese filen «${args.file}»: ${(e as Error).message}\n`);
		return 2;
	}
	const parsed = parseBoligbehovFile(text);
	if (!parsed.ok) {
		const more = (parsed.error.issues ?? []).slice(1).map((i) => `  ${i.message}\n`).join('');
		io.stderr(`${parsed.error.message}\n${more}`);
		return 2;
	}
	const nb = pickNotebook(parsed.notebooks, args.notebook);
	if (typeof nb === 'string') {
		io.stderr(`${nb}\n`);
		return 2;
	}
	const scenarios = pickScenarios(nb, args.scenario);
	if (typeof scenarios === 'string') {
		io.stderr(`${scenarios}\n`);
		return 2;
	}

	const columns = projectionColumns();
	const csvRows: CsvCell[][] = [];
	const jsonOut: unknown[] = [];
	let failed = false;
	let header: CsvCell[] | null = null;
	for (const scenario of scenarios) {
		const input: EngineInput = engineInputOf(nb.base, nb.population, scenario.assumptions);
		const issues = validateInput(input);
		if (issues.length > 0) {
			io.stderr(`Scenarioet «${scenario.name}» kan ikke beregnes:\n${issues.map((i) => `  ${i.path}: ${i.message}\n`).join('')}`);
			failed = true;
			continue;
		}
		let result: ProjectionResult;
		let mc: MonteCarloResult | null = null;
		try {
			result = runProjection(input);
			if (args.draws !== undefined) mc = runMonteCarlo(input, { draws: args.draws });
		} catch (e) {
			const msg = e instanceof EngineInputError ? e.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n') : `  ${(e as Error).message}`;
			io.stderr(`Scenarioet «${scenario.name}» kan ikke beregnes:\n${msg}\n`);
			failed = true;
			continue;
		}
		if (args.format === 'json') {
			jsonOut.push({ id: scenario.id, name: scenario.name, result: resultJson(result), ...(mc ? { monteCarlo: monteCarloJson(mc) } : {}) });
			continue;
		}
		const { header: h, rows } = projectionRows(result, columns);
		const req = mc?.bands['total.requiredStock'];
		const mcHeader = mc
			? ['Nødvendig bestand i alt, P10 (boliger)', 'Nødvendig bestand i alt, P50 (boliger)', 'Nødvendig bestand i alt, P90 (boliger)', 'Sannsynlighet for mangel (%)']
			: [];
		header ??= ['Scenario', ...h, ...mcHeader];
		rows.forEach((row, i) => {
			const extra = mc && req ? [req[10][i] ?? null, req[50][i] ?? null, req[90][i] ?? null, (mc.probRequiredExceedsPlanned[i] ?? Number.NaN) * 100] : [];
			csvRows.push([scenario.name, ...row, ...extra]);
		});
	}
	if (args.format === 'json') {
		if (jsonOut.length > 0)
			io.stdout(`${JSON.stringify({ notebook: { id: nb.id, title: nb.title, kommune: nb.kommune.name }, scenarios: jsonOut }, null, 2)}\n`);
	} else if (header) {
		const decimals = [0, ...columns.map((c) => (c.kind === 'year' ? 0 : 1)), 1, 1, 1, 1];
		io.stdout(toCsv([header, ...csvRows], { bom: args.bom, decimals }));
	}
	return failed ? 1 : 0;
}
