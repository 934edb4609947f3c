/**
 * Runner benchmark (`npm run bench`): the headless runner on 357 generated kommuner (one file
 * each, sizes from a small kommune to a city, see generate-notebooks.ts), 3 scenarios each,
 * 10 000 Monte Carlo draws per scenario, 30 years, writing the yearly results (discarded) and
 * an XLSX summary. Prints
 *   bench runner kommuner=357 scenarios=3 draws=10000 s=<wall> threads=<n> ratio=<one-thread s ÷ n-thread s> cpuS=<…> load1=<…>
 * cpuS is the CPU time of the whole process (all threads), cpuS1 that of the one-thread run: on a
 * machine shared with other work the wall time grows, the CPU time hardly, and where the machine
 * gives each user a fixed share of the cores the ratio stays near 1 whatever the thread count
 * (wall ≫ cpuS shows it); load1 is the one-minute load average at the start.
 * The ratio compares a one-thread run with an n-thread run of the same kommuner: all 357 unless
 * BENCH_RUNNER_RATIO_KOMMUNER=<k> measures it on the first k (the line then says so).
 * BENCH_RUNNER_KOMMUNER=<n> runs fewer kommuner altogether (a quick look).
 * Target: s ≤ 30 on a 2-core machine.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProjectCli } from '../../src/cli/project-main.ts';
import { generateNotebookFiles } from './generate-notebooks.ts';

const KOMMUNER = Number(process.env.BENCH_RUNNER_KOMMUNER ?? 357);
const RATIO_KOMMUNER = Math.min(KOMMUNER, Number(process.env.BENCH_RUNNER_RATIO_KOMMUNER ?? KOMMUNER));
const SCENARIOS = 3;
const DRAWS = 10000;

const dir = mkdtempSync(join(tmpdir(), 'boligbehov-runner-bench-'));
try {
	const files = generateNotebookFiles(KOMMUNER, { scenarios: SCENARIOS, draws: DRAWS });
	const writeFolder = (name: string, count: number) => {
		const folder = join(dir, name);
		mkdirSync(folder);
		for (const f of files.slice(0, count)) writeFileSync(join(folder, f.name), f.text);
		return folder;
	};
	const all = writeFolder('alle', KOMMUNER);

	async function timed(folder: string, threads: number): Promise<{ s: number; cpuS: number }> {
		let err = '';
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const code = await runProjectCli([folder, '--tråder', String(threads), '--sammendrag', join(dir, `sammendrag-${threads}.xlsx`)], {
			stdout: () => {},
			stderr: (t) => (err += t)
		});
		const s = (performance.now() - t0) / 1000;
		const cpu = process.cpuUsage(cpu0);
		if (code !== 0) throw new Error(`runner failed (exit ${code}):\n${err}`);
		return { s, cpuS: (cpu.user + cpu.system) / 1e6 };
	}

	const threads = availableParallelism();
	const load = loadavg()[0]!.toFixed(1);
	const full = await timed(all, threads);
	console.error(`runner bench: ${KOMMUNER} kommuner on ${threads} threads took ${full.s.toFixed(1)} s; now the one-thread comparison …`);
	let ratio: string;
	let oneThreadCpu = '';
	if (threads === 1) ratio = '1.00';
	else if (RATIO_KOMMUNER === KOMMUNER) {
		const single = await timed(all, 1);
		ratio = (single.s / full.s).toFixed(2);
		oneThreadCpu = ` cpuS1=${single.cpuS.toFixed(1)}`;
	} else {
		const sample = writeFolder('utvalg', RATIO_KOMMUNER);
		const parallel = await timed(sample, threads);
		const single = await timed(sample, 1);
		ratio = `${(single.s / parallel.s).toFixed(2)}(on ${RATIO_KOMMUNER} kommuner: ${single.s.toFixed(1)} s / ${parallel.s.toFixed(1)} s)`;
	}
	console.log(
		`bench runner kommuner=${KOMMUNER} scenarios=${SCENARIOS} draws=${DRAWS} s=${full.s.toFixed(1)} threads=${threads} ratio=${ratio} cpuS=${full.cpuS.toFixed(1)}${oneThreadCpu} load1=${load}`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
