/** Work that is never lost, and notebooks shared as files: in Chromium against the build. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample, readNumber } from './support/example.ts';
import { runProjectCli } from '../../src/cli/project-main.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');

describe('never lost', () => {
	it('an edit followed by an immediate reload is kept', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		await page.getByLabel('Botid – Andre', { exact: true }).first().fill('5,5');
		// No waiting for the autosave delay: pagehide flushes the pending edit.
		await page.reload();
		await page.getByTestId('fictional-label').waitFor();
		await expect.poll(() => page.getByLabel('Botid – Andre', { exact: true }).first().inputValue()).toBe('5,5');
		g.expectNoProblems();
		await g.context.close();
	});
});

describe('files', () => {
	it('exports a notebook and imports it in a fresh browser profile with the same numbers', async () => {
		const a = await openGuardedPage(browser());
		await openExample(a.page, baseURL);
		await a.page.getByLabel('Botid – ROP (rus og psykiske lidelser)', { exact: true }).first().fill('5');
		const table = () => a.page.locator('[data-key="total.requiredStock"]').last().textContent();
		await expect.poll(() => a.page.getByTestId('save-status').textContent()).toBe('Lagret');
		// Wait for the Monte Carlo probability to settle so both sides show final numbers.
		const key = a.page.getByTestId('key-required').first();
		const requiredA = readNumber(await table());
		const keyA = await key.textContent();
		const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Eksporter til fil' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^eksempelkommune.*\.boligbehov\.json$/);
		const path = await download.path();
		const text = await readFile(path, 'utf8');
		const file = JSON.parse(text) as { format: string; notebook: { id: string } };
		expect(file.format).toBe('boligbehov');
		a.expectNoProblems();
		await a.context.close();

		// A new profile: a colleague's browser.
		const b = await openGuardedPage(browser());
		await b.page.goto(baseURL);
		await b.page.getByRole('link', { name: /Eksempelkommune/ }).waitFor();
		await b.page.getByLabel('Velg fil å importere').setInputFiles({ name: 'fra-kollega.boligbehov.json', mimeType: 'application/json', buffer: Buffer.from(text) });
		// Same id as the seeded example: the planner chooses; import as new keeps both.
		await b.page.getByRole('button', { name: 'Importer som ny notatbok' }).click();
		await b.page.waitForURL(/\/notebook\//);
		await b.page.getByRole('heading', { level: 1, name: /\(importert\)/ }).waitFor();
		await expect.poll(async () => b.page.getByLabel('Botid – ROP (rus og psykiske lidelser)', { exact: true }).first().inputValue()).toBe('5,0');
		await expect.poll(async () => readNumber(await b.page.locator('[data-key="total.requiredStock"]').last().textContent())).toBe(requiredA);
		await expect.poll(() => b.page.getByTestId('key-required').first().textContent()).toBe(keyA);
		b.expectNoProblems();
		await b.context.close();
	});

	it('the headless runner gives the same numbers as the app for the exported example', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksporter til fil' }).click()]);
		const text = await readFile(await download.path(), 'utf8');
		let out = '';
		const file = join(await mkdtemp(join(tmpdir(), 'boligbehov-e2e-')), 'eksempel.boligbehov.json');
		await writeFile(file, text);
		const code = await runProjectCli([file, '--scenario', 'Basis', '--format', 'json', '--draws', '0'], {
			stdout: (t) => (out += t),
			stderr: () => {}
		});
		expect(code).toBe(0);
		type RunnerJson = { notebooks: { scenarios: { result: { years: number[]; total: { requiredStock: number[]; need: number[] } } }[] }[] };
		const runner = (JSON.parse(out) as RunnerJson).notebooks[0]!.scenarios[0]!.result;
		// The app's table (Basis), every year, as shown (rounded to whole dwellings).
		const rows = page.locator('table[data-testid^="table-"]').first().locator('tbody tr');
		await expect.poll(() => rows.count()).toBe(runner.years.length);
		for (let i = 0; i < runner.years.length; i++) {
			const row = rows.nth(i);
			expect(readNumber(await row.locator('[data-key="total.requiredStock"]').textContent())).toBe(Math.round(runner.total.requiredStock[i]!));
			expect(readNumber(await row.locator('[data-key="total.need"]').textContent())).toBe(Math.round(runner.total.need[i]!));
		}
		g.expectNoProblems();
		await g.context.close();
	});

	it('exports a chart as standalone SVG and as PNG at 2× resolution', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const cell = page.locator('[data-chart="need-by-group"]').first();
		await cell.locator('figure > svg').waitFor();
		const [svgDownload] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Last ned SVG' }).click()]);
		expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
		const svg = await readFile(await svgDownload.path(), 'utf8');
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('Eldre');
		expect(svg).not.toMatch(/<(figure|div)\b/);

		const [pngDownload] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Last ned PNG' }).click()]);
		const png = await readFile(await pngDownload.path());
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		// IHDR: width and height, big-endian, at bytes 16–23. The SVG is 960 wide: the PNG 1920.
		expect(png.readUInt32BE(16)).toBe(1920);
		expect(png.readUInt32BE(20)).toBe(2 * Number(svg.match(/height="(\d+)"/)?.[1]));
		g.expectNoProblems();
		await g.context.close();
	});

	it('exports the yearly table as CSV for Norwegian Excel and as an XLSX workbook', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const table = page.locator('.table-cell').first();
		const [csvDownload] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: 'Last ned CSV' }).click()]);
		const csv = await readFile(await csvDownload.path());
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
		const all = csv.toString('utf8').slice(1).trim().split(/\r?\n/);
		// Kommune, notebook, scenario and date come first, then an empty line, then the table.
		expect(all[0]).toBe('Kommune;Eksempelkommune');
		expect(all).toContain('Scenario;Basis');
		// The yearly table runs to the next empty line; the plan's costs follow it (docs/file-format.md).
		const rest = all.slice(all.indexOf('') + 1);
		const lines = rest.indexOf('') === -1 ? rest : rest.slice(0, rest.indexOf(''));
		expect(rest.slice(lines.length)).toContain('Kostnader i tiltaksplanen');
		expect(lines[0]).toContain('År;');
		expect(lines[0]).toContain('Nødvendig bestand');
		expect(lines).toHaveLength(31 + 1); // 2025–2055 and the header
		expect(lines[1]).toMatch(/^2025;/);
		expect(lines.slice(1).some((l) => /\d,\d/.test(l))).toBe(true); // decimal comma

		const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: /Last ned Excel/ }).click()]);
		expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
		const xlsx = await readFile(await xlsxDownload.path());
		expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
		const names = xlsx.toString('latin1');
		expect(names).toContain('xl/workbook.xml');
		expect(names).toContain('xl/worksheets/sheet1.xml');
		g.expectNoProblems();
		await g.context.close();
	});

	it('"Eksporter alt" writes every notebook to one file, and dropping it on a fresh library brings them back', async () => {
		const a = await openGuardedPage(browser());
		await a.page.goto(baseURL);
		await a.page.getByRole('link', { name: /Eksempelkommune/ }).waitFor();
		await a.page.getByLabel('Kommunenavn').fill('Sørby');
		await a.page.getByRole('button', { name: 'Lag notatbok' }).click();
		await a.page.getByRole('heading', { level: 1, name: /^Sørby/ }).waitFor();
		// Leave only once the worker has answered: navigating away cancels its script download,
		// which the guard (rightly) counts as a failed request.
		await a.page.locator('[data-key="total.requiredStock"]').last().waitFor();
		await a.page.goto(baseURL);
		await expect.poll(() => a.page.getByTestId('library').locator('li').count()).toBe(2);
		const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Eksporter alt (sikkerhetskopi)' }).click()]);
		const backup = await readFile(await download.path(), 'utf8');
		expect((JSON.parse(backup) as { kind: string; notebooks: unknown[] }).kind).toBe('backup');
		a.expectNoProblems();
		await a.context.close();

		// A fresh profile: drop the backup file anywhere on the library page.
		const b = await openGuardedPage(browser());
		await b.page.goto(baseURL);
		await expect.poll(() => b.page.getByTestId('library').locator('li').count()).toBe(1);
		const dataTransfer = await b.page.evaluateHandle((text) => {
			const dt = new DataTransfer();
			dt.items.add(new File([text], 'sikkerhetskopi.boligbehov.json', { type: 'application/json' }));
			return dt;
		}, backup);
		await b.page.dispatchEvent('main', 'dragover', { dataTransfer });
		await b.page.dispatchEvent('main', 'drop', { dataTransfer });
		// The example exists here too: the planner is asked, and "import as new" keeps both.
		await b.page.getByRole('button', { name: 'Importer som ny notatbok' }).click();
		await expect.poll(() => b.page.getByRole('status').filter({ hasText: 'Sikkerhetskopien' }).count()).toBe(1);
		await expect.poll(() => b.page.getByTestId('library').locator('li').count()).toBe(3);
		expect(await b.page.getByRole('link', { name: /^Sørby/ }).count()).toBe(1);
		b.expectNoProblems();
		await b.context.close();
	});

	it('a malformed file gets a specific message and the library is unchanged', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await page.goto(baseURL);
		const items = page.getByTestId('library').locator('li');
		await items.first().waitFor();
		const before = await items.allTextContents();

		await page.getByLabel('Velg fil å importere').setInputFiles({ name: 'ødelagt.boligbehov.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "boligbehov", ') });
		await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/JSON/);
		expect(await items.allTextContents()).toEqual(before);

		const wrongField = JSON.stringify({ format: 'boligbehov', formatVersion: 1, schemaVersion: 1, app: { name: 'Boligbehov', version: '0' }, exportedAt: '2026-01-01T00:00:00Z', kind: 'notebook', notebook: { id: 'x' } });
		await page.getByLabel('Velg fil å importere').setInputFiles({ name: 'feil.boligbehov.json', mimeType: 'application/json', buffer: Buffer.from(wrongField) });
		await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/title|tittel/i);
		expect(await page.getByTestId('import-error').textContent()).toContain('Ingenting er endret');
		expect(await items.allTextContents()).toEqual(before);
		g.expectNoProblems();
		await g.context.close();
	});
});
