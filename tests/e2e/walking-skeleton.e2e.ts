/**
 * The walking skeleton, end to end in Chromium against the production build:
 * library → example notebook (seeded on first start) → change botid → the chart and the numbers
 * (computed in the worker) change without blocking the page → reload → the change is still there.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');

describe('walking skeleton', () => {
	it('opens the example, changes botid, sees new numbers, and keeps the change after reload', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await page.goto(baseURL);
		await expect.poll(() => page.getByRole('heading', { name: 'Notatbøker' }).count()).toBe(1);

		const link = page.getByRole('link', { name: /Eksempelkommune/ });
		await link.waitFor();
		await link.click();
		await page.getByTestId('fictional-label').waitFor();

		// The need chart is drawn from the worker's result.
		// The figure's own <svg> (legend swatches are <svg>s too, inside a div).
		const chart = page.locator('[data-chart="need-by-group"] figure > svg').first();
		await chart.waitFor();
		const chartBefore = await chart.innerHTML();
		const requiredCell = page.locator('[data-key="total.requiredStock"]').last();
		await requiredCell.waitFor();
		const requiredBefore = await requiredCell.textContent();

		// Shorter botid for ROP: fewer dwellings needed at the horizon.
		const botid = page.getByLabel('Botid – ROP (rus og psykiske lidelser)', { exact: true }).first();
		await botid.fill('2');
		await expect.poll(async () => page.locator('[data-key="total.requiredStock"]').last().textContent()).not.toBe(requiredBefore);
		await expect.poll(async () => chart.innerHTML()).not.toBe(chartBefore);
		const requiredAfter = await requiredCell.textContent();

		// The computation runs in a dedicated worker, not on the page's thread. (Checked by its
		// presence, not by a timing: speed lives in the benchmarks, and this machine is shared.)
		expect(page.workers().length).toBeGreaterThan(0);

		await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Lagret');
		await page.reload();
		await page.getByTestId('fictional-label').waitFor();
		await expect
			.poll(() => page.getByLabel('Botid – ROP (rus og psykiske lidelser)', { exact: true }).first().inputValue())
			.toBe('2,0');
		await expect.poll(async () => page.locator('[data-key="total.requiredStock"]').last().textContent()).toBe(requiredAfter);

		g.expectNoProblems();
		await g.context.close();
	});

	it('refuses scripts that are not part of the build (Content Security Policy)', async () => {
		// Not a guarded page: the violation this test provokes is logged as a console error.
		const context = await browser().newContext();
		const page = await context.newPage();
		await page.goto(baseURL);
		await page.getByRole('heading', { name: 'Notatbøker' }).waitFor();
		const outcome = await page.evaluate(
			() =>
				new Promise<{ ran: boolean; violation: string | null }>((resolve) => {
					let violation: string | null = null;
					document.addEventListener('securitypolicyviolation', (e) => (violation = e.violatedDirective));
					const s = document.createElement('script');
					s.textContent = 'window.__injected = true;';
					document.body.append(s);
					const remote = document.createElement('script');
					remote.src = 'https://evil.example/x.js';
					document.body.append(remote);
					setTimeout(() => resolve({ ran: (window as unknown as { __injected?: boolean }).__injected === true, violation }), 300);
				})
		);
		expect(outcome.ran).toBe(false);
		expect(outcome.violation).toMatch(/^script-src/);
		await context.close();
	});
});
