/**
 * The runner's process entry: `npm run project -- FIL…|MAPPE… [valg]` (see project-main.ts and
 * docs/file-format.md, "Headless runner").
 *
 * Subcommands live in their own modules, chosen by the first argument; a module exports
 * `main(argv: string[]): number | Promise<number>` (the exit code). Add one line per subcommand.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runProjectCli } from './project-main.ts';

const SUBCOMMANDS: Record<string, URL> = {
	ny: new URL('./new-notebook.ts', import.meta.url)
};

// `npm run project -- … | head`: the reader went away; stop quietly instead of Node's "write EPIPE".
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw e;
});

const [first, ...rest] = process.argv.slice(2);
const sub = first === undefined ? undefined : SUBCOMMANDS[first];
if (sub && existsSync(fileURLToPath(sub))) {
	const mod = (await import(sub.href)) as { main(argv: string[]): number | Promise<number> };
	process.exitCode = await mod.main(rest);
} else {
	process.exitCode = await runProjectCli(process.argv.slice(2), {
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		progress: process.stderr.isTTY === true
	});
}
