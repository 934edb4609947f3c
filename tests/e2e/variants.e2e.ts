/**
 * Variants that inherit from Basis (issue 15) in Chromium: change a Basis value and see the
 * variant follow; override it in the variant (marked, with Basis's value beside it, and listed in
 * numbers in the scenario list); a further Basis change leaves the override alone; reset it.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample } from './support/example.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');
const VARIANT = 'Økt gjennomstrømming';

describe('variants that inherit', () => {
	it('follow a Basis change, override it, and reset to Basis', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		const basisCell = page.locator('article[data-kind="assumptions"]').first();
		await basisCell.getByRole('heading', { name: 'Forutsetninger: Basis' }).waitFor();
		await page.getByLabel('Ny celle').selectOption('assumptions');
		await page.getByRole('button', { name: 'Legg til celle' }).click();
		const variantCell = page.locator('article[data-kind="assumptions"]').last();
		await variantCell.getByLabel('Scenario').selectOption({ label: VARIANT });
		await variantCell.getByRole('heading', { name: `Forutsetninger: ${VARIANT}` }).waitFor();
		const basisBotid = basisCell.getByLabel('Botid – Andre', { exact: true });
		const variantBotid = variantCell.getByLabel('Botid – Andre', { exact: true });
		await expect.poll(() => variantBotid.inputValue()).toBe('4,0');

		// A Basis change reaches the variant, which does not override botid.
		await basisBotid.fill('5');
		await basisBotid.press('Tab');
		await expect.poll(() => variantBotid.inputValue()).toBe('5,0');

		// Overriding it in the variant: marked with Basis's value, and listed in numbers.
		await variantBotid.fill('3');
		await variantBotid.press('Tab');
		const reset = variantCell.getByRole('button', { name: 'Tilbakestill Botid – Andre til Basis' });
		await reset.waitFor();
		expect(await variantCell.getByText(/^Endret – Basis: 5,0/).count()).toBe(1);
		const bar = page.locator('li[data-scenario-id]', { hasText: VARIANT }).first();
		await bar.locator('summary').click();
		await expect.poll(() => bar.locator('details li').allTextContents()).toContainEqual(expect.stringMatching(/^Botid Andre: 5,0 .*→ 3,0 .*år \(Basis → Økt gjennomstrømming\)$/));

		// Another Basis change leaves the override alone.
		await basisBotid.fill('6');
		await basisBotid.press('Tab');
		await expect.poll(() => variantCell.getByText(/^Endret – Basis: 6,0/).count()).toBe(1);
		expect(await variantBotid.inputValue()).toBe('3,0');

		// Reset: the variant inherits Basis's value again.
		await reset.click();
		await expect.poll(() => variantBotid.inputValue()).toBe('6,0');
		expect(await reset.count()).toBe(0);
		g.expectNoProblems();
		await g.context.close();
	});
});
