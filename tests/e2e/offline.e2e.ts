/**
 * Offline and updates in Chromium: after one visit the service worker has precached the build, so
 * with the network off the library, a notebook (with its worker-computed chart) and a deep link
 * into presentation mode still load. A new version is offered ("Oppdater"), hidden while
 * presenting, and only applied when the planner clicks.
 *
 * This file serves the build itself (not the shared server) so it can publish a "new version" of
 * service-worker.js: the same file with another version string, as a new deploy would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample } from './support/example.ts';

const buildDir = resolve(import.meta.dirname, '../../build');
const browser = useBrowser();
let server: Server;
let baseURL: string;
/** What /service-worker.js answers; replaced to simulate a deploy. */
let serviceWorkerSource: string;
/**
 * "Offline" is made two ways at once: Playwright's setOffline, and this server dropping every
 * connection. Some Chromium builds (the npm-shipped headless shell) do not apply setOffline to
 * requests a service worker forwards; an unreachable server is offline for every browser.
 */
let networkDown = false;

beforeAll(async () => {
	serviceWorkerSource = readFileSync(resolve(buildDir, 'service-worker.js'), 'utf8');
	const serve = sirv(buildDir, { single: 'index.html', dev: false, etag: true });
	server = createServer((req, res) => {
		if (networkDown) {
			req.socket.destroy();
			return;
		}
		if (req.url?.split('?')[0] === '/service-worker.js') {
			res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
			res.end(serviceWorkerSource);
			return;
		}
		serve(req, res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

/** Waits until the page is controlled by an activated service worker. */
async function waitForControl(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
		}
	});
}

describe('offline', () => {
	it('works without network after the first visit: library, notebook chart, presentation deep link', async () => {
		const g = await openGuardedPage(browser());
		const { page, context } = g;
		try {
			await openExample(page, baseURL); // first visit: seeds the example, installs the service worker
			await waitForControl(page);
			const cached = await page.evaluate(async () => {
				const keys = await caches.keys();
				const cache = await caches.open(keys.find((k) => k.startsWith('boligbehov-'))!);
				return (await cache.keys()).map((r) => new URL(r.url).pathname);
			});
			expect(cached).toContain('/index.html');
			expect(cached.some((p) => p.includes('/_app/immutable/workers/projection.worker'))).toBe(true);
			expect(cached.some((p) => p.endsWith('.css'))).toBe(true);

			// The worker leaves other origins alone: request interception (as the SSB import tests
			// use) still sees a controlled page's cross-origin fetch.
			await page.route('https://data.ssb.no/**', (route) =>
				route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: '{"stub":true}' })
			);
			expect(await page.evaluate(() => fetch('https://data.ssb.no/api/v0/no/table/14288').then((r) => r.json()))).toEqual({ stub: true });
			await page.unroute('https://data.ssb.no/**');

			await context.setOffline(true);
			networkDown = true;
			// Offline: prove the network is really gone for this context (from an unguarded page, since
			// this probe is the one request that must fail).
			const probe = await context.newPage();
			await probe.goto(`${baseURL}/`);
			expect(await probe.evaluate(() => fetch('/definitely-not-cached.txt').then(() => 'online', () => 'offline'))).toBe('offline');
			await probe.close();

			// Start over from the library; the example opens and its charts are computed offline.
			await page.goto(baseURL);
			await page.getByRole('link', { name: /Eksempelkommune/ }).click();
			await page.getByTestId('fictional-label').waitFor();
			// The projection worker (a precached chunk) runs offline and the chart is drawn.
			await page.locator('[data-chart="need-by-group"] figure > svg').first().waitFor({ timeout: 30_000 });
			// Monte Carlo too (the fan is drawn last).
			await page.locator('[data-chart="monte-carlo-fan"] figure > svg').first().waitFor({ timeout: 30_000 });

			// Reload the notebook route itself. Each step waits for the worker's numbers before leaving
			// the page, so no worker script load is cut off by the test's own navigation.
			await page.reload();
			await page.locator('[data-key="total.requiredStock"]').last().waitFor({ timeout: 30_000 });

			// A deep link straight into presentation mode, loaded offline.
			await page.goto(`${baseURL}/notebook/eksempelkommune/present?lysbilde=1`);
			await expect.poll(() => page.getByTestId('slide-counter').textContent()).toMatch(/^Lysbilde 1 av \d+$/);

			g.expectNoProblems();
		} finally {
			networkDown = false;
			await context.close();
		}
	});

	it('offers a new version, hides the offer while presenting and updates only on request', async () => {
		const g = await openGuardedPage(browser());
		const { page, context } = g;
		try {
			await page.goto(baseURL);
			await waitForControl(page);
			const banner = page.getByTestId('update-banner');
			expect(await banner.count()).toBe(0);
			const before = await page.evaluate(() => caches.keys());

			// Deploy a "new version": the same worker with another version string.
			serviceWorkerSource = serviceWorkerSource.replace(/version:`([^`]*)`/, (_, v: string) => `version:\`${v}-neste\``);
			expect(serviceWorkerSource).toContain('-neste`');

			// While presenting: the new version is downloaded but not offered, and nothing reloads.
			await page.goto(`${baseURL}/`);
			await page.getByRole('link', { name: /Eksempelkommune/ }).click();
			await page.getByTestId('fictional-label').waitFor();
			await page.getByRole('link', { name: 'Presenter' }).click();
			await page.getByTestId('slide-counter').waitFor();
			await page.evaluate(async () => {
				const reg = await navigator.serviceWorker.ready;
				await reg.update();
			});
			await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.ready).waiting), { timeout: 20_000 }).toBe(true);
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => page.getByTestId('slide-counter').textContent()).toMatch(/^Lysbilde 2 av/);
			expect(await banner.count()).toBe(0);

			// Leaving the presentation shows the offer; the old version keeps running until asked.
			await page.keyboard.press('Escape');
			await page.getByTestId('fictional-label').waitFor();
			await banner.waitFor();
			expect(await banner.textContent()).toContain('Ny versjon tilgjengelig');
			await page.waitForTimeout(500);
			expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).waiting)).toBe(true);

			// A second tab of the app is open when the planner updates in this one.
			const other = await context.newPage();
			await other.goto(`${baseURL}/`);
			await other.getByTestId('update-banner').waitFor();
			await other.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

			// "Oppdater": the new worker takes over and the page reloads once, on the new version.
			const reloaded = page.waitForEvent('load');
			await page.getByRole('button', { name: 'Oppdater' }).click();
			await reloaded;
			await page.getByTestId('fictional-label').waitFor();
			expect(await banner.count()).toBe(0);
			// The new version's cache, and the replaced one kept for tabs still running it.
			const after = await page.evaluate(() => caches.keys());
			expect(after).toHaveLength(2);
			expect(after).toEqual([...before, expect.stringMatching(/-neste$/)]);
			expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/service-worker\.js$/);

			// The other tab is not reloaded under the planner; it is told it may reload.
			await expect.poll(() => other.getByTestId('update-banner').textContent()).toContain('tatt i bruk i en annen fane');
			expect(await other.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
			await other.close();

			g.expectNoProblems();
		} finally {
			await context.close();
		}
	});
});
