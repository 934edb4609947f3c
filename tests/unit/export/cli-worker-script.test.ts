import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runFile } from '../../../src/cli/run-file.ts';
import type { WorkerReply, WorkerRequest } from '../../../src/cli/project-worker.ts';
import { workerScript } from '../../../src/cli/worker-script.ts';

const FILE = join(import.meta.dirname, '../../fixtures/files/valid-minimal.boligbehov.json');

describe('runner worker script', () => {
	it('is the bundled JavaScript (no TypeScript loader) and runs a file as the main thread does', async () => {
		const script = await workerScript();
		expect(script.bundled).toBe(true);
		expect(script.execArgv).toEqual([]);
		expect(await workerScript()).toBe(script); // bundled once per process
		const options = { allBands: false, draws: 40 };
		const worker = new Worker(script.url, { execArgv: script.execArgv });
		try {
			const reply = await new Promise<WorkerReply>((resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
				worker.postMessage({ index: 3, file: FILE, options } satisfies WorkerRequest);
			});
			expect(reply.index).toBe(3);
			expect(reply.outcome).toEqual(runFile(FILE, options));
		} finally {
			await worker.terminate();
		}
	}, 30_000);
});
