/**
 * Runner benchmark (`npm run bench`): the headless runner on 357 generated kommuner (one file
 * each, sizes from a small kommune to a city, see generate-notebooks.ts), 3 scenarios each,
 * 10 000 Monte Carlo draws per scenario, 30 years, writing the yearly results (discarded) and
 * an XLSX summary. Prints
 *   bench runner kommuner=357 scenarios=3 draws=10000 s=<wall time> threads=<n> ratio=<speed-up> oneThreadS=<s> load1=<…>
 * where ratio is the one-thread run's time divided by the parallel run's, and load1 the machine's
 * one-minute load average when the parallel run started (a shared machine slows every figure).
 * Target: s ≤ 30 on a 2-core machine.
 * BENCH_RUNNER_KOMMUNER=<n> runs fewer kommuner (a quick look; the line then says so).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProjectCli } from '../../src/cli/project-main.ts';
import { generateNotebookFiles } from './generate-notebooks.ts';

const KOMMUNER = Number(process.env.BENCH_RUNNER_KOMMUNER ?? 357);
const SCENARIOS = 3;
const DRAWS = 10000;

const dir = mkdtempSync(join(tmpdir(), 'boligbehov-runner-bench-'));
try {
	const inputs = join(dir, 'kommuner');
	const { mkdirSync } = await import('node:fs');
	mkdirSync(inputs);
	for (const f of generateNotebookFiles(KOMMUNER, { scenarios: SCENARIOS, draws: DRAWS })) writeFileSync(join(inputs, f.name), f.text);

	async function timed(threads: number): Promise<number> {
		let err = '';
		const t0 = performance.now();
		const code = await runProjectCli([inputs, '--tråder', String(threads), '--sammendrag', join(dir, `sammendrag-${threads}.xlsx`)], {
			stdout: () => {},
			stderr: (t) => (err += t)
		});
		const s = (performance.now() - t0) / 1000;
		if (code !== 0) throw new Error(`runner failed (exit ${code}):\n${err}`);
		return s;
	}

	const threads = availableParallelism();
	const load = loadavg()[0]!.toFixed(1);
	const parallel = await timed(threads);
	// The one-thread run takes about `threads` times as long: say where the bench is meanwhile.
	console.error(`runner bench: ${threads} threads took ${parallel.toFixed(1)} s; now the one-thread run …`);
	const single = threads > 1 ? await timed(1) : parallel;
	console.log(
		`bench runner kommuner=${KOMMUNER} scenarios=${SCENARIOS} draws=${DRAWS} s=${parallel.toFixed(1)} threads=${threads} ratio=${(single / parallel).toFixed(2)} oneThreadS=${single.toFixed(1)} load1=${load}`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
