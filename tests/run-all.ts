/**
 * `npm test`: every layer, in order, with one closing line that sums them all:
 *   1. type check (svelte-check, zero errors and warnings) — counted as one test;
 *   2. unit tests (Node) and component tests (jsdom), Vitest;
 *   3. end-to-end tests in a real Chromium against the production build, Vitest + playwright-core.
 * Ends with "N passed, N failed" and exits non-zero if anything failed.
 * Plain TypeScript run by Node 24's type stripping: no build step, no extra dependency.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);
const outDir = resolve(root, 'test-results');
mkdirSync(outDir, { recursive: true });

interface LayerResult {
	name: string;
	passed: number;
	failed: number;
	skipped: number;
	note?: string;
}

function run(cmd: string, args: string[]): number {
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
	return r.status ?? 1;
}

function vitestLayer(name: string, projects: string[]): LayerResult {
	const file = resolve(outDir, `${name}.json`);
	rmSync(file, { force: true });
	const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
	const code = run(bin('vitest'), args);
	if (!existsSync(file)) return { name, passed: 0, failed: 1, skipped: 0, note: `vitest exited ${code} without a report` };
	const report = JSON.parse(readFileSync(file, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
		testResults: { status: string; assertionResults: { status: string }[] }[];
	};
	// A file that fails without a failed test of its own (it did not load, a hook failed) counts once.
	const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
	const failed = report.numFailedTests + brokenFiles;
	const result: LayerResult = { name, passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
	if (code !== 0 && failed === 0) {
		result.failed = 1;
		result.note = `vitest exited ${code}`;
	}
	return result;
}

const layers: LayerResult[] = [];

console.log('\n== 1/3 type check (svelte-check)');
const checkCode = run('npm', ['run', '--silent', 'check']);
layers.push({ name: 'typecheck', passed: checkCode === 0 ? 1 : 0, failed: checkCode === 0 ? 0 : 1, skipped: 0 });

console.log('\n== 2/3 unit and component tests');
layers.push(vitestLayer('unit+component', ['unit', 'component']));

console.log('\n== 3/3 end-to-end tests (production build in Chromium)');
layers.push(vitestLayer('e2e', ['e2e']));

console.log('\nSummary');
for (const l of layers) {
	console.log(`  ${l.name}: ${l.passed} passed, ${l.failed} failed, ${l.skipped} skipped${l.note ? ` (${l.note})` : ''}`);
}
const passed = layers.reduce((n, l) => n + l.passed, 0);
const failed = layers.reduce((n, l) => n + l.failed, 0);
const skipped = layers.reduce((n, l) => n + l.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
