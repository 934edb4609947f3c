/**
 * Headless runner: `npm run project -- <fil.boligbehov.json> [--scenario <navn>] [--format csv|json] [--draws N]`.
 * See src/cli/project-main.ts and docs/file-format.md ("Headless runner").
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { runProjectCli } from './project-main.ts';
import { runNewNotebookCli } from './new-notebook.ts';

const argv = process.argv.slice(2);
if (argv[0] === 'ny') {
	// `ny`: a new notebook from SSB files (src/cli/new-notebook.ts).
	void runNewNotebookCli(argv.slice(1), {
		readBytes: (p) => readFileSync(p),
		writeText: (p, t) => writeFileSync(p, t),
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		now: () => new Date().toISOString(),
		appVersion: (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
	}).then((code) => (process.exitCode = code));
} else {
	process.exitCode = runProjectCli(argv, {
		readFile: (p) => readFileSync(p, 'utf8'),
		fileSize: (p) => {
			try {
				return statSync(p).size;
			} catch {
				return undefined;
			}
		},
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t)
	});
}
