/**
 * The README's first command (`npm run dev`) must show the example kommune with its charts on a
 * fresh browser. The other e2e tests use the production build; this one starts Vite's dev server,
 * which serves files differently (e.g. the worker outside src/ must be allowed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';

const browser = useBrowser();
let server: ViteDevServer;
let url = '';

beforeAll(async () => {
	server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'error' });
	await server.listen();
	url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
});
afterAll(async () => {
	await server?.close();
});

describe('dev server', () => {
	it('opens the example notebook on a fresh browser with a chart computed in the worker', async () => {
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const g = await openGuardedPage(browser());
		await g.page.goto(`${url}/notebook/eksempelkommune`);
		await g.page.getByTestId('fictional-label').waitFor({ timeout: 60_000 });
		await g.page.locator('[data-chart="need-by-group"] figure > svg').first().waitFor({ timeout: 60_000 });
		// Vite's dev client may log HMR/connection chatter; only real errors count.
		g.expectNoProblems();
		await g.context.close();
	});
});
