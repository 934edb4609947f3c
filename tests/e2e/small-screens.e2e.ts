/**
 * Every page on a phone (390×844) without sideways scrolling, and the accessibility statement
 * reachable from every page's footer.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample } from './support/example.ts';
import { allA11yViolations } from './support/axe.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');

describe('small screens and the accessibility statement', () => {
	it('shows the library, the notebook and the print preview at 390 px without horizontal scroll', async () => {
		const context = await browser().newContext({ locale: 'nb-NO', viewport: { width: 390, height: 844 } });
		const g = await openGuardedPage(browser(), { context });
		const { page } = g;
		await openExample(page, baseURL);
		// The tornado draws its bars at this width (labels above them).
		await page.locator('[data-chart="tornado"] figure > svg rect').first().waitFor();
		const pages = [
			['library', '/'],
			['notebook', '/notebook/eksempelkommune'],
			['print preview', '/notebook/eksempelkommune/print']
		] as const;
		for (const [name, path] of pages) {
			await page.goto(baseURL + path);
			if (name === 'print preview') await page.locator('[data-testid="print-document"][data-ready="true"]').waitFor({ timeout: 90_000 });
			else if (name === 'notebook') await page.locator('[data-chart="tornado"] figure > svg').first().waitFor();
			else await page.getByRole('link', { name: /Eksempelkommune/ }).waitFor();
			const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
			expect(width, `${name} is ${width} px wide`).toBeLessThanOrEqual(390);
		}
		g.expectNoProblems();
		await context.close();
	}, 180_000);

	it('links the accessibility statement from every page and fills in nothing on its own', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await openExample(page, baseURL);
		// The library last, so the statement is opened from a page that starts no projection.
		for (const path of ['/notebook/eksempelkommune', '/notebook/eksempelkommune/print', '/']) {
			await page.goto(baseURL + path);
			await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).waitFor();
			// Let the page finish its projections before leaving it (an abandoned worker load is not a failure to test).
			if (path.endsWith('/print')) await page.locator('[data-testid="print-document"][data-ready="true"]').waitFor({ timeout: 90_000 });
			if (path.endsWith('kommune')) await page.locator('[data-chart="tornado"] figure > svg').first().waitFor();
		}
		await page.getByRole('link', { name: /Eksempelkommune/ }).waitFor();
		await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
		await page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring for Boligbehov' }).waitFor();
		for (const section of ['Status', 'Dette er ikke universelt utformet', 'Tilbakemelding og kontaktinformasjon', 'Tilsyn']) {
			await page.getByRole('heading', { level: 2, name: section }).waitFor();
		}
		// A template: what the kommune must complete is marked, not invented.
		expect(await page.locator('.fill').count()).toBeGreaterThanOrEqual(5);
		expect(await allA11yViolations(page)).toEqual([]);
		g.expectNoProblems();
		await g.context.close();
	}, 120_000);
});
