/**
 * The library draws a large change a slice at a time (state/drawn-in-slices.ts; issue 13's import
 * bench). In Chromium against the production build: after a backup of 30 notebooks is read in, the
 * list is a list of every notebook, each entry reachable by Tab in order, and the entry the planner
 * had focused keeps its focus while the new ones are drawn around it.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { serializeBackup } from '#lib/core/format/index.ts';

const browser = useBrowser();
const baseURL = inject('baseURL');
const COPIES = 30;

describe('a library that grows by many notebooks at once', () => {
	it('lists every notebook, reachable by Tab in order, and keeps the focused entry focused', async () => {
		const g = await openGuardedPage(browser());
		const { page } = g;
		await page.goto(baseURL);
		const example = page.getByRole('link', { name: /^Eksempelkommune/ });
		await example.focus();
		const one = createExampleNotebook();
		const backup = serializeBackup(
			Array.from({ length: COPIES }, (_, i) => ({ ...one, id: `kopi-${i}`, title: `Kopi ${i + 1}` })),
			{ appVersion: 'e2e', now: new Date() }
		);
		await page.getByLabel('Velg fil å importere').setInputFiles({ name: 'mange.boligbehov.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
		const library = page.getByTestId('library');
		await expect.poll(() => library.getByRole('listitem').count(), { timeout: 30_000 }).toBe(COPIES + 1);
		await expect.poll(() => library.getAttribute('aria-busy')).toBeNull();
		// Drawn around it, the focused entry was never taken away and drawn again.
		expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Eksempelkommune/);

		// Every entry in order by Tab: its link, «Lag kopi», «Slett».
		const titles = await library.locator('a.title').allTextContents();
		await library.locator('a.title').first().focus();
		const visited: string[] = [];
		for (let i = 0; i < titles.length * 3; i++) {
			visited.push((await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')) as string);
			await page.keyboard.press('Tab');
		}
		expect(visited.filter((_, i) => i % 3 === 0)).toEqual(titles);
		expect(visited.at(-1)).toBe(`Slett ${titles.at(-1)}`);
		g.expectNoProblems();
		await g.context.close();
	});
});
