/**
 * Headless runner: `npm run project -- <fil.boligbehov.json> [--scenario <navn>] [--format csv|json] [--draws N]`.
 * See src/cli/project-main.ts and docs/file-format.md ("Headless runner").
 */
import { readFileSync, statSync } from 'node:fs';
import { runProjectCli } from './project-main.ts';

const code = runProjectCli(process.argv.slice(2), {
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
process.exitCode = code;
