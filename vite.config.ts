/**
 * Build, dev-server and test configuration.
 *
 * SvelteKit 3 takes its options here (it refuses to start if a `svelte.config.js` exists).
 * - adapter-static with a fallback page and `ssr = false` (src/routes/+layout.ts): a static SPA.
 * - The web server must answer unknown paths with `index.html` (the fallback); see README.
 * - `paths.relative` (default true) plus the optional BASE_PATH env var: the same build works
 *   under a sub-path.
 */
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** The app's version, written into every exported file's envelope. */
const APP_VERSION = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

const base = (process.env.BASE_PATH ?? '') as '' | `/${string}`;
if (base && (!base.startsWith('/') || base.endsWith('/'))) {
	throw new Error(`BASE_PATH must start with "/" and not end with "/" (got "${base}")`);
}

const buildDir = process.env.BUILD_DIR ?? 'build';

export default defineConfig({
	plugins: [
		sveltekit({
			// BUILD_DIR lets a test build a sub-path variant beside the normal build.
			adapter: adapter({ pages: buildDir, assets: buildDir, fallback: 'index.html', strict: true }),
			paths: { base },
			// Imported notebooks are untrusted: besides sanitising their Markdown, the page may only run
			// its own scripts (hashed by Kit) and talk to itself and SSB's open API ("Hent fra SSB").
			// Plot and Svelte set style attributes, hence 'unsafe-inline' for styles only.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self'],
					'connect-src': ['self', 'https://data.ssb.no'],
					'worker-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self']
				}
			}
		})
	],
	define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
	// The projection worker lives in the top-level workers/ folder; Kit only allows src/ and friends.
	server: { fs: { allow: ['workers'] } },
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts'],
					setupFiles: ['tests/unit/setup.ts']
				}
			},
			{
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['tests/component/setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.e2e.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					// One browser at a time: the machines have two cores.
					fileParallelism: false,
					// Polls wait for the worker, autosave and background-tab timers (throttled by
					// Chromium) on a shared two-core machine: one second (the default) is too tight.
					expect: { poll: { timeout: 15_000, interval: 100 } },
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
