/**
 * The build hosted under a sub-path set at build time (BASE_PATH), as on a municipal intranet:
 * every asset, the worker and client-side routes must resolve under the prefix.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useBrowser } from './support/use-browser.ts';
import { openGuardedPage } from './support/guarded-page.ts';
import { serveBuild } from './support/static-server.ts';

const root = resolve(import.meta.dirname, '../..');
const PREFIX = '/planlegging/boligbehov';
const DIR = 'build-subpath-test';
const browser = useBrowser();
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
	execFileSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
		cwd: root,
		env: { ...process.env, BASE_PATH: PREFIX, BUILD_DIR: DIR },
		stdio: 'inherit'
	});
	server = await serveBuild(resolve(root, DIR), PREFIX);
}, 180_000);
afterAll(async () => {
	await server?.close();
	rmSync(resolve(root, DIR), { recursive: true, force: true });
});

describe('hosted under a sub-path', () => {
	it('loads the library, opens the example and draws its charts, with every request under the prefix', async () => {
		const g = await openGuardedPage(browser());
		const outside: string[] = [];
		g.page.on('request', (r) => {
			const u = new URL(r.url());
			if (u.host === new URL(server.url).host && !u.pathname.startsWith(PREFIX)) outside.push(u.pathname);
		});
		await g.page.goto(`${server.url}${PREFIX}/`);
		try {
			await g.page.getByRole('link', { name: /Eksempelkommune/ }).click({ timeout: 20_000 });
		} catch (err) {
			throw new Error(`${String(err)}\nproblems: ${g.problems.join('; ')}\npage: ${(await g.page.locator('body').innerText()).slice(0, 400)}`);
		}
		await g.page.locator('[data-chart="need-by-group"] figure > svg').first().waitFor();
		// A deep link straight into the notebook works too (the server's fallback page).
		await g.page.goto(`${server.url}${PREFIX}/notebook/eksempelkommune`);
		await g.page.locator('[data-chart="need-by-group"] figure > svg').first().waitFor();
		if (outside.length) throw new Error(`Requests outside ${PREFIX}: ${outside.join(', ')}`);
		g.expectNoProblems();
		await g.context.close();
	});
});
