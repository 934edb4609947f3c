/**
 * How long a planner waits between an edit and new numbers on screen, in a real Chromium against
 * the production build: botid is set by script (an `input` event, as typing makes) and the time is
 * taken until the yearly table's last required-stock cell shows the new result. The path includes
 * the session update, posting to the worker, the projection, the transfer back and Svelte's DOM
 * update. Prints one line:
 *   bench ui edit-to-numbers runs=<N> median_ms=<…> p90_ms=<…> max_ms=<…>
 * Uses build/ if present (run `npm run build` first for current code).
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveBuild } from '../e2e/support/static-server.ts';

const root = resolve(import.meta.dirname, '../..');
if (!existsSync(resolve(root, 'build/index.html'))) {
	execFileSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
}
const server = await serveBuild(resolve(root, 'build'));
const browser = await launchBrowser();
try {
	const page = await browser.newPage();
	await page.goto(`${server.url}/notebook/eksempelkommune`);
	await page.locator('[data-key="total.requiredStock"]').last().waitFor();
	await page.waitForTimeout(1500); // let Monte Carlo of the first load finish
	const RUNS = 25;
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const botid = i % 2 === 0 ? '3' : '6';
		const ms = await page.evaluate(async (value) => {
			const input = [...document.querySelectorAll<HTMLInputElement>('input')].find((el) => el.labels?.[0]?.textContent === 'Botid – ROP (rus og psykiske lidelser)');
			const cell = [...document.querySelectorAll('[data-key="total.requiredStock"]')].at(-1);
			if (!input || !cell) throw new Error('field or table not found');
			const before = cell.textContent;
			return await new Promise<number>((done, fail) => {
				const timeout = setTimeout(() => fail(new Error('no update within 5 s')), 5000);
				const t0 = performance.now();
				const obs = new MutationObserver(() => {
					if (cell.textContent !== before) {
						obs.disconnect();
						clearTimeout(timeout);
						done(performance.now() - t0);
					}
				});
				obs.observe(cell, { characterData: true, childList: true, subtree: true });
				input.value = value;
				input.dispatchEvent(new Event('input', { bubbles: true }));
			});
		}, botid);
		times.push(ms);
		await page.waitForTimeout(400); // the autosave and Monte Carlo of this edit run between edits
	}
	times.sort((a, b) => a - b);
	const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
	console.log(`bench ui edit-to-numbers runs=${RUNS} median_ms=${q(0.5).toFixed(1)} p90_ms=${q(0.9).toFixed(1)} max_ms=${times.at(-1)!.toFixed(1)}`);
} finally {
	await browser.close();
	await server.close();
}
