/**
 * End-to-end tests run against the production build, as a planner's browser would load it.
 * Builds once (skip with E2E_SKIP_BUILD=1 when build/ is fresh), serves it on 127.0.0.1 and
 * hands the URL to the tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveBuild } from './support/static-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	const root = resolve(import.meta.dirname, '../..');
	const buildDir = resolve(root, 'build');
	if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(resolve(buildDir, 'index.html'))) {
		execFileSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
			cwd: root,
			stdio: 'inherit'
		});
	}
	const server = await serveBuild(buildDir);
	project.provide('baseURL', server.url);
	return async () => {
		await server.close();
	};
}
