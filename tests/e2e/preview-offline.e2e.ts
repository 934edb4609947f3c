/**
 * Issue 13, finding 10: the README's serve command is `npm run preview`, and under it the service
 * worker must install and the app must reload offline. (Vite's preview answered /index.html with
 * 404, so the precache failed and offline use silently did not work.) This test runs exactly that
 * command, visits once, stops the server, and reloads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { openExample } from './support/example.ts';

const root = resolve(import.meta.dirname, '../..');
const browser = useBrowser();
let preview: ChildProcess | null = null;
let baseURL = '';

function stopPreview(): Promise<void> {
	const child = preview;
	preview = null;
	if (!child || child.exitCode !== null) return Promise.resolve();
	return new Promise((done) => {
		child.once('exit', () => done());
		// npm runs the script in its own process group (detached): end the whole group, npm and node.
		process.kill(-child.pid!, 'SIGTERM');
	});
}

beforeAll(async () => {
	preview = spawn('npm', ['run', 'preview', '--', '--port', '0'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BASE_PATH: '' } });
	baseURL = await new Promise<string>((done, fail) => {
		let out = '';
		preview!.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const m = /Boligbehov: (http:\/\/\S+?)\/?\s/.exec(out);
			if (m) done(m[1]!);
		});
		preview!.once('exit', (code) => fail(new Error(`npm run preview exited (${code}): ${out}`)));
	});
});
afterAll(stopPreview);

describe('npm run preview', () => {
	it('serves the SPA fallback, so the service worker installs and the app reloads offline', async () => {
		const res = await fetch(`${baseURL}/index.html`);
		expect(res.status).toBe(200);
		expect((await fetch(`${baseURL}/notebook/eksempelkommune`)).status).toBe(200);

		const g = await openGuardedPage(browser());
		const { page, context } = g;
		try {
			await openExample(page, baseURL);
			await page.evaluate(async () => {
				await navigator.serviceWorker.ready;
				if (!navigator.serviceWorker.controller)
					await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
			});
			const cached = await page.evaluate(async () => {
				const keys = await caches.keys();
				const cache = await caches.open(keys.find((k) => k.startsWith('boligbehov-'))!);
				return (await cache.keys()).map((r) => new URL(r.url).pathname);
			});
			expect(cached).toContain('/index.html');

			await stopPreview();
			await context.setOffline(true);
			await page.reload();
			await page.getByTestId('fictional-label').waitFor();
			await page.locator('[data-key="total.requiredStock"]').last().waitFor({ timeout: 30_000 });
			g.expectNoProblems();
		} finally {
			await context.close();
		}
	});
});
