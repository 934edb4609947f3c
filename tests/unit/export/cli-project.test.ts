import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProjectCli } from '../../../src/cli/project-main.ts';
import { decodeFileBytes as decodeText } from '#lib/core/format/index.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { serializeBackup, serializeNotebook } from '#lib/core/format/index.ts';
import { buildMinimalNotebook, FIXTURE_APP_VERSION, FIXTURE_NOW } from '../format/fixtures.ts';
import { readCsv } from './read-csv.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { slugify } from '#lib/core/format/index.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import { planKeyFigures } from '#lib/core/plan/key-figures.ts';
import { scenarioPlanBudget } from '#lib/core/plan/scenario-budget.ts';
import { unzip } from './unzip.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
const tmp = mkdtempSync(join(tmpdir(), 'boligbehov-runner-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const meta = { now: FIXTURE_NOW, appVersion: FIXTURE_APP_VERSION };
const NOW = new Date(2026, 10, 29, 12);

async function run(...argv: string[]) {
	let out = '';
	let err = '';
	const code = await runProjectCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), now: NOW });
	return { code, out, err };
}
const fixture = (name: string) => join(FIXTURES, name);
/** Node's own words must never reach the planner. */
const NODE_WORDS = /ENOENT|EISDIR|EACCES|ENOTDIR|no such file|illegal operation|TypeError|Error:|undefined/;

describe('headless runner (npm run project)', () => {
	it('prints one CSV row per scenario and year, with kommune, notebook and scenario first', async () => {
		const { code, out, err } = await run(fixture('valid-minimal.boligbehov.json'), '--draws', '0');
		expect(err).toBe('');
		expect(code).toBe(0);
		const lines = out.trimEnd().split('\r\n');
		expect(lines[0]!.startsWith('Kommunenummer;Kommune;Notatbok;Scenario;År;Behov')).toBe(true);
		expect(lines).toHaveLength(1 + 2 * 11);
		expect(lines[1]!.startsWith(';Testkommune Ø;Boligbehov Testkommune;Basis;2025;')).toBe(true);
		expect(lines[12]!.startsWith(';Testkommune Ø;Boligbehov Testkommune;Kortere botid ROP;2025;')).toBe(true);
		expect(out.startsWith('\uFEFF')).toBe(false);
	});

	it('--scenario by name or id, --format json gives the same numbers as the engine', async () => {
		const { code, out } = await run(fixture('valid-minimal.boligbehov.json'), '--scenario', 'kortere botid rop', '--format', 'json', '--draws', '0');
		expect(code).toBe(0);
		const json = JSON.parse(out);
		expect(json.notebooks).toHaveLength(1);
		expect(json.notebooks[0].scenarios).toHaveLength(1);
		const nb = buildMinimalNotebook();
		const direct = runProjection(engineInputOf(nb.base, nb.population, nb.scenarios[1]!.assumptions));
		expect(json.notebooks[0].scenarios[0].result.total.requiredStock).toEqual(Array.from(direct.total.requiredStock));
		expect(json.notebooks[0].scenarios[0].result.years).toEqual(direct.years);
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--scenario', 'basis', '--format', 'json')).code).toBe(0);
	});

	it('Monte Carlo (the scenario\'s own draws, or --draws) adds percentiles and P(required > planned) per year', async () => {
		const csv = await run(fixture('valid-minimal.boligbehov.json'), '--scenario', 'basis', '--draws', '40');
		expect(csv.code).toBe(0);
		const rows = readCsv(csv.out);
		expect(rows[0]).toContain('Nødvendig bestand i alt, P50 (boliger)');
		const p = rows[0]!.indexOf('Sannsynlighet for at nødvendig bestand er større enn planlagt (%)');
		expect(p).toBeGreaterThan(0);
		for (const row of rows.slice(1)) expect(row[p]).toMatch(/^\d+(,\d)?$/);
		const json = JSON.parse((await run(fixture('valid-minimal.boligbehov.json'), '--scenario', 'basis', '--draws', '40', '--format', 'json')).out);
		const mc = json.notebooks[0].scenarios[0].monteCarlo;
		expect(mc.draws).toBe(40);
		expect(mc.bands['total.requiredStock'].P50).toHaveLength(11);
		expect(mc.probRequiredExceedsPlanned).toHaveLength(11);
		// Without --draws the scenario's own setting is used.
		const own = JSON.parse((await run(fixture('valid-minimal.boligbehov.json'), '--scenario', 'basis', '--format', 'json')).out);
		expect(own.notebooks[0].scenarios[0].monteCarlo.draws).toBe(buildMinimalNotebook().scenarios[0]!.assumptions.monteCarlo.draws);
	});

	it('a backup runs every notebook; --notebook picks one', async () => {
		const all = await run(fixture('valid-backup.boligbehov.json'), '--format', 'json', '--draws', '0');
		expect(all.code).toBe(0);
		expect(JSON.parse(all.out).notebooks.length).toBeGreaterThan(1);
		const one = await run(fixture('valid-backup.boligbehov.json'), '--notebook', 'nb-test-2', '--scenario', 'basis', '--format', 'json', '--draws', '0');
		expect(one.code).toBe(0);
		expect(JSON.parse(one.out).notebooks.map((n: { notebook: { id: string } }) => n.notebook.id)).toEqual(['nb-test-2']);
	});

	it('reports file errors and usage errors in Norwegian', async () => {
		const bad = await run(fixture('invalid-field-botid.boligbehov.json'));
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('Feltet scenarios[0].assumptions.groups.rop.tenure.years.value: må være et tall');
		const missing = await run('finnes-ikke.json');
		expect(missing.err).toBe('Fant ikke «finnes-ikke.json».\n');
		expect(missing.code).toBe(2);
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--format', 'xml')).err).toContain('Ukjent format «xml»');
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--draws', 'mange')).err).toContain('--draws må være et helt tall');
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--scenario', 'Finnes ikke')).err).toContain('Fant ikke scenarioet «Finnes ikke»');
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--ukjent')).err).toContain('Ukjent valg «--ukjent»');
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--scenario')).err).toContain('Valget --scenario mangler en verdi');
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--format', 'xlsx')).err).toContain('bruk også --ut');
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--sammendrag', 'x.txt')).err).toContain('.csv- eller .xlsx-fil');
		expect((await run(fixture('valid-minimal.boligbehov.json'), '--år', '2030,neste')).err).toContain('--år må være årstall');
		expect((await run()).code).toBe(2);
		expect((await run('--help')).code).toBe(0);
	});

	it('output that cannot be written is reported in Norwegian', async () => {
		const noFolder = await run(fixture('valid-minimal.boligbehov.json'), '--draws', '0', '--sammendrag', join(tmp, 'finnes-ikke', 's.csv'));
		expect(noFolder.err).toContain(`Kunne ikke skrive «${join(tmp, 'finnes-ikke', 's.csv')}»: mappen finnes ikke.`);
		expect(noFolder.code).toBe(2);
		const file = join(tmp, 'en-fil');
		writeFileSync(file, 'x');
		const outIsFile = await run(fixture('valid-minimal.boligbehov.json'), '--ut', file);
		expect(outIsFile.err).toBe(`«${file}» finnes allerede og er ikke en mappe.\n`);
		for (const r of [noFolder, outIsFile]) expect(r.err).not.toMatch(NODE_WORDS);
	});

	it('a scenario the engine refuses is reported by field, exit code 1, the other scenario is written', async () => {
		const doc = JSON.parse(readFileSync(fixture('valid-minimal.boligbehov.json'), 'utf8'));
		doc.notebook.scenarios[0].assumptions.groups.rop.tenure.years.value = -1;
		const path = join(tmp, 'refused.boligbehov.json');
		writeFileSync(path, JSON.stringify(doc));
		const { code, err, out } = await run(path, '--draws', '0');
		expect(code).toBe(1);
		expect(err).toContain('Scenarioet «Basis» kan ikke beregnes');
		expect(err).toContain('rop');
		expect(out).toContain('Kortere botid ROP');
	});
});

describe('the runner carries the plan\'s costs', () => {
	const example = createExampleNotebook();
	const path = join(tmp, 'eksempel.boligbehov.json');
	writeFileSync(path, serializeNotebook(example, meta));
	const basis = example.scenarios[0]!;
	const result = runProjection(engineInputOf(example.base, example.population, basis.assumptions));
	const budget = scenarioPlanBudget(basis.assumptions, example.base, result)!;
	const num = (s: string | undefined) => Number((s ?? '').replace(',', '.'));

	it('stdout CSV: net investment and yearly net cost per year; --sammendrag: the økonomiplan net investment column', async () => {
		const summary = join(tmp, 'plan-sammendrag.csv');
		const { code, out } = await run(path, '--scenario', 'basis', '--draws', '0', '--sammendrag', summary);
		expect(code).toBe(0);
		const rows = readCsv(out);
		const inv = rows[0]!.indexOf('Netto investering, tiltaksplanen (kr, faste priser i basisåret)');
		const cost = rows[0]!.indexOf('Årlig nettokostnad, tiltaksplanen (kr, faste priser i basisåret)');
		expect(inv).toBeGreaterThan(0);
		const year = rows[0]!.indexOf('År');
		const y2027 = rows.find((r) => r[year] === '2027')!;
		expect(num(y2027[inv])).toBe(Math.round(budget.total.netInvestment[1]!));
		expect(num(y2027[cost])).toBe(Math.round(budget.total.netCost[1]!));
		// The base year has no budget: empty cells, not 0.
		expect(rows.find((r) => r[year] === '2025')![inv]).toBe('');
		const s = readCsv(readFileSync(summary, 'utf8').slice(1));
		const col = s[0]!.indexOf('Netto investering T0+1–T0+4, økonomiplan (kr, faste priser i basisåret)');
		const economy = planKeyFigures(budget, 2025).netInvestmentEconomyPlan;
		expect(economy).toBeGreaterThan(1_000_000);
		for (const r of s.slice(1)) expect(num(r[col])).toBe(Math.round(economy));
	});

	it('--ut: the scenario\'s CSV ends with the cost section, the workbook has a cost sheet, JSON has the plan', async () => {
		const dir = join(tmp, 'plan-ut');
		expect((await run(path, '--scenario', 'basis', '--draws', '0', '--ut', dir)).code).toBe(0);
		const csv = readFileSync(join(dir, `${slugify(`${example.title}-${basis.name}`)}.csv`), 'utf8');
		expect(csv).toContain('\r\nKostnader i tiltaksplanen\r\n');
		expect(csv).toContain('Kroner i faste 2025-priser');
		expect((await run(path, '--scenario', 'basis', '--draws', '0', '--ut', dir, '--format', 'xlsx')).code).toBe(0);
		const wb = unzip(readFileSync(join(dir, `${slugify(example.title)}.xlsx`)));
		expect(new TextDecoder().decode(wb.get('xl/workbook.xml'))).toContain('<sheet name="Basis – kostnader"');
		const json = JSON.parse((await run(path, '--scenario', 'basis', '--draws', '0', '--format', 'json')).out);
		const plan = json.notebooks[0].scenarios[0].plan;
		expect(plan.prices).toBe('fixed 2025 kroner');
		expect(plan.economyPlan).toEqual({ from: 2026, to: 2029, netInvestment: planKeyFigures(budget, 2025).netInvestmentEconomyPlan });
		expect(plan.total.netCost).toEqual(budget.total.netCost);
	});
});

describe('batch: a folder with a good file, a bad file and a backup of three notebooks', () => {
	const dir = join(tmp, 'kommuner');
	mkdirSync(join(dir, 'vestland'), { recursive: true });
	copyFileSync(fixture('valid-minimal.boligbehov.json'), join(dir, 'a-god.boligbehov.json'));
	writeFileSync(join(dir, 'b-darlig.boligbehov.json'), '{ "format": "boligbehov", ');
	writeFileSync(join(dir, 'notater.txt'), 'ikke en notatbok');
	const three = [1, 2, 3].map((i) => {
		const nb = buildMinimalNotebook();
		nb.id = `nb-${i}`;
		nb.title = `Kommune ${i}`;
		nb.kommune = { name: `Kommune ${i}`, number: `460${i}`, fictional: true };
		nb.base.groups.rop.tenants += i * 10;
		// Population ends early in the third: the engine warns that it is held flat.
		if (i === 3) nb.population = { ...nb.population, years: nb.population.years.slice(0, 6), values: nb.population.values.slice(0, 6) };
		return nb;
	});
	writeFileSync(join(dir, 'vestland', 'backup.boligbehov.json'), serializeBackup(three, meta));

	it('writes the summary across kommuner × scenarios (CSV), reports the bad file and exits 1', async () => {
		const summary = join(tmp, 'sammendrag.csv');
		const { code, err } = await run(dir, '--sammendrag', summary, '--draws', '50', '--tråder', '1', '--ut', join(tmp, 'ut-csv'));
		expect(code).toBe(1);
		expect(err).toContain('b-darlig.boligbehov.json');
		expect(err).toMatch(/ikke gyldig JSON \(feil på linje 1/);
		expect(err).not.toMatch(NODE_WORDS);
		const rows = readCsv(readFileSync(summary, 'utf8').slice(1));
		expect(rows[0]).toEqual([
			'Fil', 'Kommunenummer', 'Kommune', 'Notatbok', 'Scenario', 'År', 'Behov i alt (husstander)', 'Nødvendig bestand (boliger)',
			'Planlagt bestand (boliger)', 'Mangler (+) / overskudd (−) (boliger)', 'Sannsynlighet for at nødvendig bestand er større enn planlagt (%)',
			'Netto investering T0+1–T0+4, økonomiplan (kr, faste priser i basisåret)', 'Netto investering fra T0+1 til året (kr, faste priser i basisåret)',
			'Årlig nettokostnad i året (kr, faste priser i basisåret)', 'Advarsler', 'Feil'
		]);
		const body = rows.slice(1);
		// good: 2 scenarios × 2 years; backup: 3 notebooks × 2 scenarios × 2 years; bad: 1 row.
		expect(body).toHaveLength(4 + 12 + 1);
		expect(new Set(body.filter((r) => r[5] !== '').map((r) => r[5]))).toEqual(new Set(['2029', '2035']));
		const badRow = body.find((r) => r[0]!.endsWith('b-darlig.boligbehov.json'))!;
		expect(badRow[15]).toContain('ikke gyldig JSON');
		expect(body.filter((r) => r[2] === 'Kommune 2')).toHaveLength(4);
		for (const r of body.filter((x) => x[15] === '')) expect(r[10]).toMatch(/^\d+(,\d)?$/);
		// The gap is required − planned, as in the app.
		const r1 = body.find((r) => r[2] === 'Kommune 1')!;
		const num = (s: string) => Number(s.replace(',', '.'));
		expect(num(r1[9]!)).toBeCloseTo(num(r1[7]!) - num(r1[8]!), 0);
		expect(body.find((r) => r[2] === 'Kommune 3')![14]).toContain('Befolkningsdata går bare til 2030');
		// Per-scenario yearly files in the app's export layout.
		const yearly = readCsv(readFileSync(join(tmp, 'ut-csv', 'kommune-3-basis.csv'), 'utf8').slice(1));
		expect(yearly[0]).toEqual(['Kommune', 'Kommune 3 (4603)']);
		expect(yearly.find((r) => r[0] === 'Advarsel')?.[1]).toContain('Befolkningsdata går bare til 2030');
	});

	it('two threads give the same output as one; XLSX summary and workbooks', async () => {
		const one = await run(dir, '--draws', '30', '--tråder', '1');
		const two = await run(dir, '--draws', '30', '--tråder', '2', '--sammendrag', join(tmp, 'sammendrag.xlsx'), '--ut', join(tmp, 'ut-xlsx'), '--format', 'xlsx', '--år', '2027,2031');
		const twoStdout = await run(dir, '--draws', '30', '--tråder', '2');
		expect(twoStdout.out).toBe(one.out);
		expect(two.code).toBe(1);
		const files = unzip(readFileSync(join(tmp, 'sammendrag.xlsx')));
		const wb = new TextDecoder().decode(files.get('xl/workbook.xml'));
		expect(wb).toContain('<sheet name="Sammendrag"');
		expect(wb).toContain('<sheet name="Advarsler"');
		const sheet = new TextDecoder().decode(files.get('xl/worksheets/sheet1.xml'));
		expect(sheet).toContain('>2031</v>');
		expect(sheet).not.toContain('>2029</v>');
		const warnings = new TextDecoder().decode(files.get('xl/worksheets/sheet2.xml'));
		expect(warnings).toContain('Befolkningsdata går bare til 2030');
		const kommune2 = unzip(readFileSync(join(tmp, 'ut-xlsx', 'kommune-2.xlsx')));
		expect(new TextDecoder().decode(kommune2.get('xl/workbook.xml'))).toContain('<sheet name="Kortere botid ROP"');
		// Bundling the worker (esbuild) and starting its threads takes seconds on a busy machine.
	}, 120_000);
});

describe('the runner reads only regular files, with the size cap, in the browser\'s encodings', () => {
	it('refuses a device, a named pipe and a folder without notebooks at once, in Norwegian', async () => {
		const dev = await run('/dev/zero');
		expect(dev.err).toContain('«/dev/zero» er en enhet og leses ikke');
		const fifo = join(tmp, 'ror');
		execFileSync('mkfifo', [fifo]);
		const pipe = await run(fifo);
		expect(pipe.err).toContain('er et navngitt rør (FIFO) og leses ikke');
		const empty = join(tmp, 'tom-mappe');
		mkdirSync(empty);
		expect((await run(empty)).err).toBe(`Mappen «${empty}» inneholder ingen .json-filer.\n`);
		for (const r of [dev, pipe]) {
			expect(r.code).toBe(2);
			expect(r.err).not.toMatch(NODE_WORDS);
		}
	});

	it('refuses a file above 10 MB without reading it', async () => {
		const big = join(tmp, 'stor.boligbehov.json');
		writeFileSync(big, '');
		truncateSync(big, 11 * 1024 * 1024);
		const r = await run(big);
		expect(r.err).toContain('er for stor (11,0 MB). Største tillatte størrelse er 10,0 MB');
		expect(r.code).toBe(2);
	});

	it('reads UTF-8 with and without BOM and UTF-16 LE/BE with or without BOM to the same numbers', async () => {
		const text = serializeNotebook(buildMinimalNotebook(), meta);
		const utf16be = (s: string) => {
			const le = Buffer.from(s, 'utf16le');
			for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
			return le;
		};
		const variants: Record<string, Buffer> = {
			'utf8.json': Buffer.from(text, 'utf8'),
			'utf8-bom.json': Buffer.from(`\uFEFF${text}`, 'utf8'),
			'utf16le-bom.json': Buffer.from(`\uFEFF${text}`, 'utf16le'),
			'utf16le.json': Buffer.from(text, 'utf16le'),
			'utf16be-bom.json': utf16be(`\uFEFF${text}`),
			'utf16be.json': utf16be(text)
		};
		const outs = new Set<string>();
		for (const [name, bytes] of Object.entries(variants)) {
			const path = join(tmp, name);
			writeFileSync(path, bytes);
			const r = await run(path, '--draws', '0');
			expect(r.err, name).toBe('');
			outs.add(r.out);
		}
		expect(outs.size).toBe(1);
		const latin1 = join(tmp, 'latin1.json');
		writeFileSync(latin1, Buffer.from(text.replace('Testkommune', 'Bærum'), 'latin1'));
		expect((await run(latin1)).err).toContain('Filen er ikke gyldig tekst (UTF-8)');
	});

	it('decodeText: the BOM decides, zero bytes reveal UTF-16, invalid bytes are an error', () => {
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}', encoding: 'utf-8' });
		expect(decodeText(new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0]))).toEqual({ ok: true, text: '{}', encoding: 'utf-16le' });
		expect(decodeText(new Uint8Array([0, 0x7b, 0, 0x7d]))).toEqual({ ok: true, text: '{}', encoding: 'utf-16be' });
		expect(decodeText(new Uint8Array([0x7b, 0xff, 0x7d])).ok).toBe(false);
		expect(decodeText(new Uint8Array([]))).toEqual({ ok: true, text: '', encoding: 'utf-8' });
	});
});
