/**
 * Imported files are untrusted. Whatever bytes arrive — random text, a valid file with one value
 * or key mutated, truncated JSON, prototype-polluting keys — previewing never throws, and a file
 * that is refused changes nothing in the library.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { commitImport, previewImport } from '#lib/adapters/files/notebook-import.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { serializeNotebook } from '#lib/core/format/index.ts';

let db: BoligbehovDB;
let repo: NotebookRepository;
const example = createExampleNotebook('2026-01-01T00:00:00.000Z');
const valid = serializeNotebook(example, { appVersion: 'test', now: new Date('2026-01-01T00:00:00Z') });

beforeAll(async () => {
	db = openDatabase(`import-fuzz-${Math.random()}`);
	repo = new NotebookRepository(db);
	await repo.create(example);
});
afterAll(async () => {
	await db.delete();
});

async function snapshot(): Promise<string> {
	return JSON.stringify(await db.notebooks.toArray());
}

/** Replaces one value somewhere in the JSON tree with something hostile. */
function mutate(doc: unknown, path: number[], replacement: unknown): unknown {
	if (typeof doc !== 'object' || doc === null || path.length === 0) return replacement;
	const keys = Object.keys(doc);
	if (keys.length === 0) return replacement;
	const key = keys[(path[0] ?? 0) % keys.length]!;
	const copy: Record<string, unknown> = Array.isArray(doc) ? ([...doc] as unknown as Record<string, unknown>) : { ...(doc as Record<string, unknown>) };
	copy[key] = mutate((doc as Record<string, unknown>)[key], path.slice(1), replacement);
	return copy;
}

const hostile = fc.oneof(
	fc.constant(null),
	fc.constant(-1),
	fc.constant(Number.MAX_VALUE),
	fc.constant('<img src=x onerror=alert(1)>'),
	fc.constant({ __proto__: { polluted: true } }),
	fc.constant([]),
	fc.string(),
	fc.double()
);

describe('import of untrusted files', () => {
	it('never throws and never changes the library when a file is refused', async () => {
		const before = await snapshot();
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string({ maxLength: 200 }),
					fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
					fc.tuple(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }), hostile).map(([path, v]) => JSON.stringify(mutate(JSON.parse(valid), path, v))),
					fc.constant(valid.replace('"kommune"', '"__proto__": {"x": 1}, "kommune"'))
				),
				async (text) => {
					const preview = await previewImport(new File([text], 'fuzz.boligbehov.json'), repo);
					if (preview.ok) {
						// A file that passes validation is a real notebook; we don't import it here.
						expect(preview.notebooks.length).toBeGreaterThan(0);
					} else {
						expect(typeof preview.error.message).toBe('string');
						expect(preview.error.message.length).toBeGreaterThan(10);
					}
					expect(await snapshot()).toBe(before);
					expect(({} as Record<string, unknown>).polluted).toBeUndefined();
				}
			),
			{ numRuns: 150, seed: 20261121 }
		);
	});

	it('an accepted file is added as a new notebook and leaves the others untouched', async () => {
		const before = JSON.parse(await snapshot()) as unknown[];
		const preview = await previewImport(new File([valid], 'kopi.boligbehov.json'), repo);
		if (!preview.ok) throw new Error(preview.error.message);
		expect(preview.clashes).toEqual([example.id]);
		const ids = await commitImport(preview, repo, { replace: false });
		expect(ids[0]).not.toBe(example.id);
		const after = await db.notebooks.toArray();
		expect(after).toHaveLength(before.length + 1);
		expect(JSON.stringify(after.find((r) => r.id === example.id))).toBe(JSON.stringify(before[0]));
	});
});
