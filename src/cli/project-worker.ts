/**
 * A worker thread of the runner: runs the files it is sent, one at a time, and posts each
 * FileOutcome back (typed arrays transferred, not copied). Started by project-main.ts.
 */
import { parentPort } from 'node:worker_threads';
import { runFile, type FileOutcome, type RunOptions } from './run-file.ts';

export type WorkerRequest = { index: number; file: string; options: RunOptions };
export type WorkerReply = { index: number; outcome: FileOutcome };

function buffersOf(outcome: FileOutcome): ArrayBuffer[] {
	const out = new Set<ArrayBuffer>();
	const add = (x: unknown) => {
		if (x instanceof Float64Array && x.buffer instanceof ArrayBuffer) out.add(x.buffer);
	};
	for (const nb of outcome.notebooks)
		for (const s of nb.scenarios) {
			if (s.result) {
				for (const g of Object.values(s.result.groups)) Object.values(g).forEach(add);
				Object.values(s.result.total).forEach(add);
			}
			if (s.monteCarlo) {
				add(s.monteCarlo.probRequiredExceedsPlanned);
				for (const byP of Object.values(s.monteCarlo.bands)) Object.values(byP).forEach(add);
			}
		}
	return [...out];
}

parentPort?.on('message', (req: WorkerRequest) => {
	const outcome = runFile(req.file, req.options);
	parentPort!.postMessage({ index: req.index, outcome } satisfies WorkerReply, buffersOf(outcome));
});
