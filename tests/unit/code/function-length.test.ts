/**
 * Issue 11's rule, kept: no function in src/ is longer than 120 lines (a long function is split
 * into named steps). Reads every .ts file and every .svelte file's <script> block with the
 * TypeScript parser; a function is measured from its first to its last line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');
const MAX_LINES = 120;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(e.name) ? [path] : [];
	});
}

/** The script of a file: the whole of a .ts file, each <script> block of a .svelte file with the line it starts on. */
function scripts(path: string, text: string): { text: string; firstLine: number }[] {
	if (path.endsWith('.ts')) return [{ text, firstLine: 1 }];
	return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({
		text: m[1] as string,
		firstLine: text.slice(0, m.index).split('\n').length
	}));
}

/** "path:line (n lines)" of every function longer than MAX_LINES in a file's text. */
function longFunctions(path: string, fileText: string): string[] {
	const found: string[] = [];
	for (const { text, firstLine } of scripts(path, fileText)) {
		const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
		const visit = (node: ts.Node): void => {
			if (ts.isFunctionLike(node) && 'body' in node && node.body) {
				const from = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
				const to = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
				if (to - from + 1 > MAX_LINES) found.push(`${path}:${firstLine + from} (${to - from + 1} lines)`);
			}
			ts.forEachChild(node, visit);
		};
		visit(sf);
	}
	return found;
}

describe('function length', () => {
	it(`no function in src/ is longer than ${MAX_LINES} lines`, () => {
		const files = sourceFiles(SRC);
		expect(files.length).toBeGreaterThan(100);
		expect(files.flatMap((f) => longFunctions(relative(SRC, f), readFileSync(f, 'utf8')))).toEqual([]);
	});

	it('finds a long function in a .ts file and in a .svelte script, at its line', () => {
		const body = (n: number) => Array.from({ length: n }, (_, i) => `\t\tconst x${i} = ${i};`).join('\n');
		const long = `\tconst run = () => {\n${body(MAX_LINES - 1)}\n\t};`;
		expect(longFunctions('a.ts', `// one\n${long}\n`)).toEqual([`a.ts:2 (${MAX_LINES + 1} lines)`]);
		expect(longFunctions('b.svelte', `<p>x</p>\n<script lang="ts">\n${long}\n</script>\n`)).toEqual([`b.svelte:3 (${MAX_LINES + 1} lines)`]);
		const justRight = `function f() {\n${body(MAX_LINES - 2)}\n}`;
		expect(longFunctions('c.ts', justRight)).toEqual([]);
	});
});
