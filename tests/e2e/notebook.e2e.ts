/** The scenario notebook in Chromium: consistent numbers, variants, cells, accessibility. */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { openExample, readNumber, yearRow } from './support/example.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');

describe('notebook', () => {
	it('has no serious or critical accessibility violations on the library and notebook pages', async () => {
		const g = await openGuardedPage(browser());
		await g.page.goto(baseURL);
		await g.page.getByRole('link', { name: /Eksempelkommune/ }).waitFor();
		expect(await seriousA11yViolations(g.page)).toEqual([]);
		await openExample(g.page, baseURL);
		// Let Monte Carlo bands and the tornado draw too.
		await g.page.locator('[data-chart="monte-carlo-fan"] figure').first().waitFor();
		expect(await seriousA11yViolations(g.page)).toEqual([]);
		g.expectNoProblems();
		await g.context.close();
	});

	it('a botid change moves chart, table and key numbers consistently', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const keyCell = page.locator('[data-testid^="key-"]').first();
		const keyYear = Number((await keyCell.locator('h3').textContent())?.match(/\d{4}/)?.[0]);
		const tableValue = () => yearRow(page, page.locator('table[data-testid^="table-"]').first(), keyYear).locator('[data-key="total.requiredStock"]').textContent();
		const keyValue = () => keyCell.getByTestId('key-required').textContent();
		await expect.poll(async () => readNumber(await keyValue())).toBe(readNumber(await tableValue()));
		const before = readNumber(await keyValue());

		await page.getByLabel('Botid – Andre', { exact: true }).first().fill('8');
		await expect.poll(async () => readNumber(await keyValue())).toBeGreaterThan(before);
		// The key number and the table agree after the change too.
		await expect.poll(async () => readNumber(await keyValue())).toBe(readNumber(await tableValue()));
		g.expectNoProblems();
		await g.context.close();
	});

	it('creates a notebook for the planner’s own kommune from the library', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await page.goto(baseURL);
		await page.getByRole('link', { name: /Eksempelkommune/ }).waitFor();
		await page.getByRole('button', { name: 'Lag notatbok' }).click();
		await expect.poll(() => page.getByText('Kommunenavn mangler: skriv navnet på kommunen.').count()).toBe(1);
		await page.getByLabel('Kommunenavn').fill('Nordby');
		await page.getByLabel('Kommunenummer (valgfritt)').fill('1234');
		await page.getByRole('button', { name: 'Lag notatbok' }).click();
		await page.getByRole('heading', { level: 1, name: /^Nordby – boligbehov/ }).waitFor();
		expect(await page.getByTestId('fictional-label').count()).toBe(0);
		await page.locator('[data-chart="need-by-group"] figure > svg').first().waitFor();
		expect(await page.locator('main').textContent()).toContain('importer SSBs framskriving');
		await page.goto(baseURL);
		await expect.poll(() => page.getByRole('link', { name: /^Nordby/ }).count()).toBe(1);
		g.expectNoProblems();
		await g.context.close();
	});

	it('a slider changes botid from the keyboard, and the field follows', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const field = page.getByLabel('Botid – Andre', { exact: true }).first();
		const slider = page.getByRole('slider', { name: 'Botid – Andre (glidebryter)' }).first();
		const before = readNumber(await field.inputValue());
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect.poll(async () => readNumber(await field.inputValue())).toBe(before + 1);
		g.expectNoProblems();
		await g.context.close();
	});

	it('edits scenario-wide assumptions: horizon, a planned purchase, and the tenure model', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const cell = page.locator('article[data-kind="assumptions"]').first();
		const rows = page.locator('table[data-testid^="table-"]').first().locator('tbody tr');
		await expect.poll(() => rows.count()).toBe(31);

		await cell.getByLabel('Framskrivingsperiode', { exact: true }).fill('20');
		await expect.poll(() => rows.count()).toBe(21);

		const planned2040 = () => yearRow(page, page.locator('table[data-testid^="table-"]').first(), 2040).locator('[data-key="total.plannedStock"]').textContent();
		const before = readNumber(await planned2040());
		// A change to the stock is a measure in the plan (decided or not, it counts in the planned stock).
		const planCell = page.locator('article[data-kind="plan"]').first();
		await planCell.getByRole('button', { name: 'Legg til tiltak' }).click();
		const n = await planCell.getByTestId('measure-row').count();
		await planCell.getByLabel(`Vedtaksår, tiltak ${n}`, { exact: true }).fill('2035');
		await planCell.getByLabel(`Antall boliger, tiltak ${n} (2035)`, { exact: true }).fill('25');
		await expect.poll(async () => readNumber(await planned2040())).toBe(before + 25);

		// Same mean tenure in another form: the projection hardly moves.
		const required = () => rows.last().locator('[data-key="total.requiredStock"]').textContent();
		const r0 = readNumber(await required());
		await cell.getByLabel('Utflytting – Andre').selectOption('exitRate');
		await cell.getByLabel('Årlig avgang – Andre', { exact: true }).waitFor();
		expect(await cell.getByLabel('Årlig avgang – Andre', { exact: true }).inputValue()).toBe('25,0');
		await expect.poll(async () => Math.abs(readNumber(await required()) - r0)).toBeLessThanOrEqual(1);
		g.expectNoProblems();
		await g.context.close();
	});

	it('switches how new need is modelled, and edits an age band', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const cell = page.locator('article[data-kind="assumptions"]').first();
		const required = () => page.locator('[data-key="total.requiredStock"]').last().textContent();
		const r0 = readNumber(await required());

		// ROP's rate applies to a narrower age band: fewer inhabitants, less need.
		await cell.getByLabel('Alder fra – ROP (rus og psykiske lidelser)', { exact: true }).fill('30');
		await expect.poll(async () => readNumber(await required())).toBeLessThan(r0);

		// "Andre" as numbers per year, starting from today's inflow; then a much higher number.
		await cell.getByLabel('Nytt behov – Andre').selectOption('manual');
		const field = cell.getByLabel('Nytt behov 2026', { exact: true });
		await field.waitFor();
		const r1 = readNumber(await required());
		await field.fill('40');
		await expect.poll(async () => readNumber(await required())).toBeGreaterThan(r1 + 50);
		g.expectNoProblems();
		await g.context.close();
	});

	it('shows waiting list and waiting time per group for the capacity scenario', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const tableCell = page.locator('article[data-kind="table"]').first();
		await tableCell.getByLabel('Scenario').selectOption({ label: 'Kapasitet: dagens plan' });
		await tableCell.getByLabel('Vis').selectOption('rop');
		const table = tableCell.locator('table');
		await expect.poll(() => table.locator('thead').textContent()).toContain('Forventet ventetid');
		const last = table.locator('tbody tr').last();
		await expect.poll(async () => readNumber(await last.locator('[data-key="rop.waiting"]').textContent())).toBeGreaterThan(0);
		expect(readNumber(await last.locator('[data-key="rop.waitingTimeYears"]').textContent())).toBeGreaterThan(0);
		g.expectNoProblems();
		await g.context.close();
	});

	it('chooses the year of the key figures, and writes speaker notes for a slide', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const key = page.locator('article[data-kind="key-figures"]').first();
		const before = await key.getByTestId('key-required').textContent();
		await key.getByLabel('År', { exact: true }).selectOption('2050');
		await key.getByRole('heading', { name: /^Nøkkeltall 2050/ }).waitFor();
		await expect.poll(() => key.getByTestId('key-required').textContent()).not.toBe(before);

		await key.getByRole('button', { name: 'Talernotater' }).click();
		const notes = key.getByLabel(/^Talernotater for lysbildet/);
		await notes.fill('Husk å nevne at 2050 er langt fram.');
		await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Lagret');
		await page.reload();
		const keyAgain = page.locator('article[data-kind="key-figures"]').first();
		await keyAgain.getByRole('heading', { name: /^Nøkkeltall 2050/ }).waitFor();
		await keyAgain.getByRole('button', { name: 'Talernotater' }).click();
		await expect.poll(() => keyAgain.getByLabel(/^Talernotater for lysbildet/).inputValue()).toBe('Husk å nevne at 2050 er langt fram.');
		g.expectNoProblems();
		await g.context.close();
	});

	it('creates a variant, changes it and compares it with Basis', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		await page.getByLabel('Ny variant').fill('Kortere botid for ROP');
		await page.getByRole('button', { name: 'Lag variant' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kortere botid for ROP' }).count()).toBeGreaterThan(0);

		// A comparison of all scenarios, and an assumptions cell switched to the variant.
		await page.getByLabel('Ny celle').selectOption('comparison');
		await page.getByRole('button', { name: 'Legg til celle' }).click();
		await page.getByLabel('Ny celle').selectOption('assumptions');
		await page.getByRole('button', { name: 'Legg til celle' }).click();
		const cell = page.locator('article[data-kind="assumptions"]').last();
		await cell.getByLabel('Scenario').selectOption({ label: 'Kortere botid for ROP' });
		await cell.getByRole('heading', { name: 'Forutsetninger: Kortere botid for ROP' }).waitFor();

		const comparison = page.locator('table[data-testid^="comparison-"]').last();
		const required = (name: string) => comparison.locator('tbody tr', { hasText: name }).first().locator('td').first();
		await expect.poll(async () => required('Kortere botid for ROP').textContent()).not.toBe('…');
		// A fresh copy needs exactly what Basis needs.
		expect(readNumber(await required('Kortere botid for ROP').textContent())).toBe(readNumber(await required('Basis').textContent()));

		// Shorter botid for ROP in the variant only: fewer dwellings than Basis, and the bar says it differs.
		await cell.getByLabel('Botid – ROP (rus og psykiske lidelser)', { exact: true }).fill('3');
		await expect
			.poll(async () => readNumber(await required('Kortere botid for ROP').textContent()))
			.toBeLessThan(readNumber(await required('Basis').textContent()));
		// The new variant is the last in the scenario bar; it names the one value it changes, in numbers.
		await expect.poll(() => page.locator('li[data-scenario-id]').last().textContent()).toContain('1 verdi(er) endret fra Basis');
		await page.locator('li[data-scenario-id]').last().getByText('1 verdi(er) endret fra Basis').click();
		await expect
			.poll(() => page.locator('li[data-scenario-id]').last().locator('details li').allTextContents())
			.toEqual([expect.stringMatching(/^Botid ROP: 6,0 \(4,5–8,0\) → 3,0 .*år \(Basis → Kortere botid for ROP\)$/)]);
		g.expectNoProblems();
		await g.context.close();
	});

	it('adds, moves and deletes a note cell from the keyboard', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		page.on('dialog', (d) => void d.accept());
		await openExample(page, baseURL);
		const notes = page.locator('article[data-kind="note"]');
		const countBefore = await notes.count();
		await page.getByLabel('Ny celle').selectOption('note');
		await page.getByRole('button', { name: 'Legg til celle' }).press('Enter');
		await expect.poll(() => notes.count()).toBe(countBefore + 1);
		const articles = page.locator('article.cell');
		const n = await articles.count();
		const newId = await articles.nth(n - 1).getAttribute('data-cell-id');
		expect(await articles.nth(n - 1).getAttribute('data-kind')).toBe('note');

		await articles.nth(n - 1).getByRole('button', { name: /Flytt notat opp/ }).press('Enter');
		await expect.poll(() => articles.nth(n - 2).getAttribute('data-cell-id')).toBe(newId);

		await page.locator(`[data-cell-id="${newId}"]`).getByRole('button', { name: /Slett notat/ }).press('Enter');
		await expect.poll(() => notes.count()).toBe(countBefore);

		// Undo brings it back, from the keyboard too; redo removes it again.
		await page.locator('h1').click();
		await page.keyboard.press('Control+z');
		await expect.poll(() => notes.count()).toBe(countBefore + 1);
		await page.keyboard.press('Control+y');
		await expect.poll(() => notes.count()).toBe(countBefore);
		await page.getByRole('button', { name: 'Angre' }).click();
		await expect.poll(() => notes.count()).toBe(countBefore + 1);
		g.expectNoProblems();
		await g.context.close();
	});
});
