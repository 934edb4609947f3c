/**
 * From need to plan in Chromium: in the example notebook, make a plan from the proposal, edit one
 * year, and see "Investering per år" and the key figures change; the four-year table prints.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { openExample, readNumber } from './support/example.ts';

const browser = useBrowser();
/** "23,8 mill. kr" → 23.8 (the number before the unit). */
const millions = (text: string | null) => readNumber((text ?? '').replace(/mill\. kr.*$/, ''));
const baseURL = inject('baseURL');

describe('plan and cost', () => {
	it('makes a plan from the proposal, edits one year, and the investment chart and key figures follow', { timeout: 180_000 }, async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const cell = page.getByTestId('plan-tiltaksplan');
		await cell.scrollIntoViewIfNeeded();
		const netInvestment = () => cell.getByTestId('plan-net-investment').textContent();
		const chart = () => cell.locator('[data-testid="plan-investment-chart"] svg[role="img"]').first().innerHTML();
		await expect.poll(async () => (await netInvestment()) ?? '').toMatch(/mill\. kr$/);
		const before = millions(await netInvestment());
		const chartBefore = await chart();

		// A proposal without leases: more is bought and built, so more is invested in 2026–2029.
		await cell.getByLabel('Andel innleie fra private').fill('0');
		await cell.getByRole('button', { name: 'Foreslå tiltak' }).click();
		await expect.poll(async () => millions(await netInvestment())).toBeGreaterThan(before);
		const proposed = millions(await netInvestment());
		await expect.poll(chart).not.toBe(chartBefore);

		// Edit the first year: five more than proposed in its first measure of the plan's own (the
		// changes decided before the plan, ticked «Vedtatt», cost nothing in it).
		const own = cell.getByTestId('measure-row').filter({ has: page.locator('input[type="checkbox"]:not(:checked)') });
		const firstCount = own.getByLabel(/^Antall boliger, tiltak \d+ \(2026\)$/).first();
		const countBefore = readNumber(await firstCount.inputValue());
		await firstCount.fill(String(countBefore + 5));
		await expect.poll(async () => millions(await netInvestment())).toBeGreaterThan(proposed);
		const table = cell.getByRole('table', { name: /Økonomiplan 2026–2029/ });
		await expect.poll(() => table.getByRole('rowheader', { name: 'Netto investering', exact: true }).count()).toBe(1);
		// The cost assumptions, opened, with their placeholder marks: accessible too.
		await cell.getByText(/^Kostnadsforutsetninger \(30 av 30 er plassholdere\)$/).click();
		await cell.getByLabel('Investering per bolig, kjøp, ordinær bolig', { exact: true }).waitFor();
		expect(await seriousA11yViolations(page)).toEqual([]);

		// The edited plan prints: the four-year table, with the edited figure, and no input fields.
		const edited = await netInvestment();
		await page.goto(`${baseURL}/notebook/eksempelkommune/print`);
		const printed = page.locator('.print-section[data-kind="plan"]');
		await printed.getByRole('table', { name: /Økonomiplan 2026–2029/ }).waitFor();
		await expect.poll(() => printed.getByTestId('plan-net-investment').textContent()).toBe(edited);
		expect(await printed.locator('input, select, button').count()).toBe(0);
		g.expectNoProblems();
		await g.context.close();
	});

	it('a new user gets from the example\'s gap to a printed four-year investment table in under ten actions', { timeout: 180_000 }, async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		// Record window.print() instead of opening the dialog (headless Chromium has none).
		await page.addInitScript(() => {
			const w = window as unknown as { printed: number };
			w.printed = 0;
			window.print = () => void w.printed++;
		});
		/** Every click, scroll or typed value a planner makes, counted. */
		let actions = 0;
		const act = async <T>(what: Promise<T>): Promise<T> => {
			actions++;
			return what;
		};
		await page.goto(baseURL);
		await act(page.getByRole('link', { name: /Eksempelkommune/ }).click());
		const cell = page.getByTestId('plan-tiltaksplan');
		await act(cell.scrollIntoViewIfNeeded());
		// The gap the plan closes, then the proposal for it.
		await cell.getByTestId('plan-remaining-gap').waitFor();
		await act(cell.getByRole('button', { name: 'Foreslå tiltak' }).click());
		await expect.poll(async () => (await cell.getByTestId('plan-net-investment').textContent()) ?? '').toMatch(/mill\. kr$/);
		await act(page.getByRole('link', { name: 'Skriv ut / PDF' }).click());
		await page.waitForURL(/\/print$/);
		await act(page.getByRole('button', { name: 'Skriv ut / lagre som PDF' }).click());
		await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed), { timeout: 60_000 }).toBe(1);
		// What was printed: the four-year table with its years and net investment.
		const table = page.locator('.print-section[data-kind="plan"]').getByRole('table', { name: /Økonomiplan 2026–2029/ });
		for (const year of ['2026', '2027', '2028', '2029']) expect(await table.getByRole('columnheader', { name: year }).count()).toBe(1);
		expect(await table.getByRole('rowheader', { name: 'Netto investering', exact: true }).count()).toBe(1);
		expect(actions).toBe(5);
		g.expectNoProblems();
		await g.context.close();
	});
});
