/**
 * Fuzz: random and mutated input never makes the parser throw, and never reaches its
 * "unexpected error" safety net; every failure is a typed FileError with a Norwegian message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBoligbehovFile, type FileErrorCode } from '#lib/core/format/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
const validText = readFileSync(join(FIXTURES, 'valid-minimal.boligbehov.json'), 'utf8');
const backupText = readFileSync(join(FIXTURES, 'valid-backup.boligbehov.json'), 'utf8');
const CODES: FileErrorCode[] = ['too-large', 'empty', 'not-json', 'not-boligbehov', 'newer-version', 'invalid-field', 'unsupported-kind'];

function check(text: string): void {
	let r: ReturnType<typeof parseBoligbehovFile>;
	try {
		r = parseBoligbehovFile(text);
	} catch (e) {
		throw new Error(`parse threw: ${String(e)}`);
	}
	if (r.ok) {
		expect(Array.isArray(r.notebooks)).toBe(true);
		return;
	}
	expect(CODES).toContain(r.error.code);
	expect(typeof r.error.message).toBe('string');
	expect(r.error.message).not.toContain('uventet feil');
	expect(r.error.message).not.toMatch(/Invalid input|expected|received/);
	for (const i of r.error.issues ?? []) expect(i.message.startsWith('Feltet ') || i.message.startsWith('Filen')).toBe(true);
}

/** Every path (as key lists) to a value in a JSON document. */
function allPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
	out.push(path);
	if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...path, i], out));
	else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) allPaths(x, [...path, k], out);
	return out;
}

const WEIRD_VALUES: unknown[] = [null, '', 'x', -1, 0, 1.5, 1e308, true, [], {}, [1, 'a'], { kind: 'x' }, '2026', { value: 'NaN' }];
const mutation = fc.record({
	pathPick: fc.nat(),
	op: fc.constantFrom('delete', 'replace', 'add-key', 'forbidden-key', 'wrap-array'),
	value: fc.oneof(fc.constantFrom(...WEIRD_VALUES), fc.jsonValue({ maxDepth: 2 })),
	key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'kind', 'value', '2026'), fc.string({ maxLength: 6 }))
});

function mutate(base: string, muts: { pathPick: number; op: string; value: unknown; key: string }[]): string {
	const doc = JSON.parse(base) as unknown;
	for (const m of muts) {
		const paths = allPaths(doc).filter((p) => p.length > 0);
		const path = paths[m.pathPick % paths.length]!;
		let parent: any = doc;
		for (const seg of path.slice(0, -1)) parent = parent[seg];
		const last = path[path.length - 1]!;
		const target = parent[last];
		const setOwn = (obj: object, k: string, v: unknown) => Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
		switch (m.op) {
			case 'delete':
				if (Array.isArray(parent)) parent.splice(Number(last), 1);
				else delete parent[last];
				break;
			case 'replace':
				parent[last] = m.value;
				break;
			case 'add-key':
				if (target && typeof target === 'object' && !Array.isArray(target)) setOwn(target, m.key, m.value);
				break;
			case 'forbidden-key':
				if (target && typeof target === 'object' && !Array.isArray(target)) setOwn(target, '__proto__', { polluted: true });
				break;
			case 'wrap-array':
				parent[last] = [target];
				break;
		}
	}
	return JSON.stringify(doc);
}

// Hundreds of runs each; a valid file now also resolves its variants (issue 15): more than 5 s on a shared machine.
describe('fuzz: parseBoligbehovFile never throws', { timeout: 60_000 }, () => {
	it('arbitrary strings', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 500 });
	});

	it('arbitrary JSON values, with and without a plausible header', () => {
		fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => check(JSON.stringify(v))), { numRuns: 400 });
		fc.assert(
			fc.property(
				fc.record({
					format: fc.constantFrom('boligbehov', 'x', 1),
					formatVersion: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.jsonValue()),
					schemaVersion: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.jsonValue()),
					kind: fc.oneof(fc.constantFrom('notebook', 'backup', 'annet'), fc.jsonValue()),
					notebook: fc.jsonValue({ maxDepth: 3 }),
					notebooks: fc.jsonValue({ maxDepth: 3 })
				}, { requiredKeys: [] }),
				(v) => check(JSON.stringify(v))
			),
			{ numRuns: 400 }
		);
	});

	it('valid files with 1–4 random mutations', () => {
		fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => check(mutate(validText, muts))), { numRuns: 400 });
		fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (muts) => check(mutate(backupText, muts))), { numRuns: 150 });
	});

	it('truncated and byte-flipped files', () => {
		fc.assert(
			fc.property(fc.nat({ max: validText.length }), fc.nat({ max: validText.length - 1 }), fc.string({ maxLength: 3 }), (cut, at, ins) => {
				check(validText.slice(0, cut));
				check(validText.slice(0, at) + ins + validText.slice(at + 1));
			}),
			{ numRuns: 300 }
		);
	});

	it('deeply nested input does not overflow the stack', () => {
		check(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
		const deep = `{"format":"boligbehov","formatVersion":1,"schemaVersion":1,"app":{"name":"B","version":"1"},"exportedAt":"x","kind":"notebook","notebook":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
		check(deep);
	});

	it('nothing was polluted', () => {
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
