/**
 * The runner's process entry: `npm run project -- FIL…|MAPPE… [valg]` (see project-main.ts and
 * docs/file-format.md, "Headless runner").
 *
 * `npm run project -- ny …` writes a new notebook from SSB files instead (new-notebook.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runProjectCli } from './project-main.ts';
import { runNewNotebookCli } from './new-notebook.ts';

// `npm run project -- … | head`: the reader went away; stop quietly instead of Node's "write EPIPE".
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw e;
});

const argv = process.argv.slice(2);
if (argv[0] === 'ny') {
	// `ny`: a new notebook from SSB files (src/cli/new-notebook.ts).
	process.exitCode = await runNewNotebookCli(argv.slice(1), {
		readBytes: (p) => readFileSync(p),
		writeText: (p, t) => writeFileSync(p, t),
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		now: () => new Date().toISOString(),
		appVersion: (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
	});
} else {
	process.exitCode = await runProjectCli(argv, {
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		progress: process.stderr.isTTY === true
	});
}
