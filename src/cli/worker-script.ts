/**
 * How the runner starts its worker threads fast. The worker (project-worker.ts) and the core it
 * imports are TypeScript; Node's own type stripping cannot load all of it (parameter properties
 * in format/migrations.ts), and loading it through tsx's loader costs each worker about a second
 * of CPU (every module transformed again per thread). Instead the worker and everything it
 * imports are bundled once per run with esbuild (the compiler tsx and vite use) into one
 * JavaScript module, which every worker then loads as plain JavaScript in a few milliseconds.
 * Should bundling fail, the workers fall back to tsx's loader (slower start, same results).
 */
import { fileURLToPath } from 'node:url';

export interface WorkerScript {
	/** The module each Worker runs. */
	url: URL;
	/** Node options for the Worker (the TypeScript loader when not bundled). */
	execArgv: string[];
	/** true: `url` is the bundled JavaScript. */
	bundled: boolean;
}

const WORKER_ENTRY = new URL('./project-worker.ts', import.meta.url);

/** The worker as one bundled ES module in a data: URL (no temporary file to clean up). */
async function bundleWorker(): Promise<URL> {
	const { build } = await import('esbuild');
	const out = await build({
		entryPoints: [fileURLToPath(WORKER_ENTRY)],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node24',
		write: false,
		logLevel: 'silent',
		// The worker is started once per run; readable names in a stack trace beat a smaller bundle.
		minify: false
	});
	const code = out.outputFiles[0]?.text;
	if (code === undefined) throw new Error('esbuild gave no output');
	return new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

let cached: Promise<WorkerScript> | null = null;

/** The worker script, bundled at the first call of the process and reused after. */
export function workerScript(): Promise<WorkerScript> {
	cached ??= bundleWorker().then(
		(url): WorkerScript => ({ url, execArgv: [], bundled: true }),
		(): WorkerScript => ({
			url: WORKER_ENTRY,
			// Under `tsx` (npm run project) the worker inherits tsx's loader; elsewhere it is added.
			execArgv: process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'],
			bundled: false
		})
	);
	return cached;
}
