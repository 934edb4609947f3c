/**
 * Issue 13 in Chromium against the production build: a file with an unroutable id, corrupted
 * IndexedDB records, a malformed journal entry, and a projection worker that dies. Each of these
 * locked the planner out or showed stale numbers before.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample } from './support/example.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { serializeNotebook } from '#lib/core/format/index.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Writes a raw record into the app's IndexedDB, as another program or a broken disk might. */
async function putRawRecord(page: Page, record: unknown): Promise<void> {
	await page.evaluate(
		(rec) =>
			new Promise<void>((done, fail) => {
				const req = indexedDB.open('boligbehov');
				req.onsuccess = () => {
					const tx = req.result.transaction('notebooks', 'readwrite');
					tx.objectStore('notebooks').put(rec);
					tx.oncomplete = () => (req.result.close(), done());
					tx.onerror = () => fail(tx.error);
				};
				req.onerror = () => fail(req.error);
			}),
		record
	);
}

describe('hardening', () => {
	it('a file whose notebook id is "" imports under a fresh id, and the library keeps working (finding 1)', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await page.goto(baseURL);
		await page.getByTestId('library').locator('li').first().waitFor();
		const file = serializeNotebook({ ...createExampleNotebook(), id: '', title: 'Uten id' }, { appVersion: 'e2e', now: new Date() });
		await page.getByLabel('Velg fil å importere').setInputFiles({ name: 'uten-id.boligbehov.json', mimeType: 'application/json', buffer: Buffer.from(file) });
		await expect.poll(() => page.getByTestId('import-warnings').textContent(), { timeout: 15_000 }).toMatch(/får id «uten-id»/);
		await page.getByRole('button', { name: 'Importer', exact: true }).click();
		await page.waitForURL(/\/notebook\/uten-id$/);
		await page.locator('[data-key="total.requiredStock"]').last().waitFor();
		await page.goto(baseURL);
		await page.getByRole('link', { name: /^Uten id/ }).waitFor();
		g.expectNoProblems();
		await g.context.close();
	});

	it('corrupted records are set aside with a reason and offered for download; the library and the other notebooks open (finding 4)', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const good = createExampleNotebook();
		await putRawRecord(page, { id: 'skadet', title: 'Skadet', kommuneName: 'X', updatedAt: 'ikke en dato', schemaVersion: 1, revision: 1, doc: { ...good, id: 'skadet', title: 'Skadet', scenarios: 'søppel' } });
		await putRawRecord(page, { id: 'uten-dato', title: 'Uten dato', kommuneName: 'X', schemaVersion: 1, revision: 1, doc: { ...good, id: 'uten-dato', title: 'Uten dato' } });
		await putRawRecord(page, { id: '', title: 'Tom id', doc: { ...good, id: '' } });
		await page.goto(baseURL);
		await page.getByRole('link', { name: /^Uten dato/ }).waitFor();
		const quarantine = page.getByTestId('quarantine');
		await expect.poll(() => quarantine.textContent(), { timeout: 15_000 }).toMatch(/«skadet»[\s\S]*Feltet scenarios/);
		expect(await page.getByRole('link', { name: /^Skadet/ }).count()).toBe(0);
		const [download] = await Promise.all([page.waitForEvent('download'), quarantine.getByRole('button', { name: /Last ned som JSON.*«skadet»/ }).click()]);
		expect(download.suggestedFilename()).toBe('satt-til-side-skadet.json');
		// Opening it by its old link says what happened instead of hanging.
		await page.goto(`${baseURL}/notebook/skadet`);
		await page.getByRole('heading', { name: /Fant ikke notatboken|Notatboken kunne ikke åpnes/ }).waitFor();
		await page.goto(`${baseURL}/notebook/uten-dato`);
		await page.locator('[data-key="total.requiredStock"]').last().waitFor();
		g.expectNoProblems();
		await g.context.close();
	});

	it('a malformed journal entry is not replayed: the notebook opens as stored and the entry is set aside (finding 3)', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const id = createExampleNotebook().id;
		await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ baseRevision: 1, doc: { id: key.split(':').pop(), title: 'x', kommune: {}, updatedAt: '2099-01-01' } })), `boligbehov:ulagret:${id}`);
		await page.reload();
		await page.locator('[data-key="total.requiredStock"]').last().waitFor();
		await page.getByText(/Ulagrede endringer kunne ikke leses/).waitFor();
		expect(await page.evaluate((key) => localStorage.getItem(key), `boligbehov:ulagret:${id}`)).toBeNull();
		g.expectNoProblems();
		await g.context.close();
	});

	it('a worker that stops is noticed: the numbers are computed again, never left stale (finding 5)', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const cell = page.locator('[data-key="total.requiredStock"]').last();
		const before = await cell.textContent();
		const worker = page.workers().find((w) => w.url().includes('projection'));
		expect(worker).toBeDefined();
		await worker!.evaluate(() => (self as unknown as { close(): void }).close());
		const botid = page.getByLabel('Botid – ROP (rus og psykiske lidelser)', { exact: true }).first();
		await botid.fill('2');
		await botid.blur();
		await expect.poll(() => cell.textContent(), { timeout: 30_000 }).not.toBe(before);
		const shown = await cell.textContent();
		// The same numbers a fresh page computes from the saved notebook.
		await page.waitForTimeout(600);
		await page.reload();
		await page.locator('[data-key="total.requiredStock"]').last().waitFor();
		expect(await page.locator('[data-key="total.requiredStock"]').last().textContent()).toBe(shown);
		g.expectNoProblems();
		await g.context.close();
	});

	it('an invalid value (botid −3) is named before importing, and every cell explains instead of «Beregner …» for ever (finding 11)', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await page.goto(baseURL);
		await page.getByTestId('library').locator('li').first().waitFor();
		const nb = { ...createExampleNotebook(), id: 'ugyldig-botid', title: 'Ugyldig botid' };
		for (const s of nb.scenarios) s.assumptions.groups.rop.tenure = { kind: 'botid', years: { value: -3 } };
		const file = serializeNotebook(nb, { appVersion: 'e2e', now: new Date() });
		await page.getByLabel('Velg fil å importere').setInputFiles({ name: 'botid.boligbehov.json', mimeType: 'application/json', buffer: Buffer.from(file) });
		await expect.poll(() => page.getByTestId('import-warnings').textContent(), { timeout: 15_000 }).toMatch(/kan ikke beregnes før dette er rettet: Botid/);
		await page.getByRole('button', { name: 'Importer', exact: true }).click();
		await page.waitForURL(/\/notebook\/ugyldig-botid$/);
		await page.getByText(/^Nøkkeltallene kan ikke beregnes før forutsetningene er gyldige: Botid/).first().waitFor();
		await page.getByText(/^Tabellen kan ikke beregnes før forutsetningene er gyldige: Botid/).first().waitFor();
		g.expectNoProblems();
		await g.context.close();
	});

	it('a notebook with no scenarios says so in its cells (finding 11)', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await page.goto(baseURL);
		await page.getByTestId('library').locator('li').first().waitFor();
		const nb = { ...createExampleNotebook(), id: 'uten-scenarioer', title: 'Uten scenarioer', scenarios: [] };
		const file = serializeNotebook(nb, { appVersion: 'e2e', now: new Date() });
		await page.getByLabel('Velg fil å importere').setInputFiles({ name: 'tom.boligbehov.json', mimeType: 'application/json', buffer: Buffer.from(file) });
		await expect.poll(() => page.getByTestId('import-warnings').textContent(), { timeout: 15_000 }).toMatch(/ingen scenarioer/);
		await page.getByRole('button', { name: 'Importer', exact: true }).click();
		await page.waitForURL(/\/notebook\/uten-scenarioer$/);
		await page.getByText(/^Scenarioet finnes ikke i notatboken/).first().waitFor();
		await page.getByText(/^Notatboken har ikke scenarioet tabellen viser/).first().waitFor();
		g.expectNoProblems();
		await g.context.close();
	});
});
