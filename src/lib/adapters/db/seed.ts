/**
 * First start: put the built-in example notebook into the library, once. If the planner later
 * deletes it, it is not forced back (the flag lives in `meta`); "Gjenopprett eksempelet" in the
 * library brings it back on request.
 */
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { BoligbehovDB } from './database.ts';
import { toRecord, toStoredRecord } from './database.ts';

const SEEDED_KEY = 'exampleSeeded';

export async function seedExampleOnFirstStart(db: BoligbehovDB, now = new Date()): Promise<boolean> {
	return db.transaction('rw', db.notebooks, db.meta, async () => {
		const seeded = await db.meta.get(SEEDED_KEY);
		if (seeded) return false;
		const example = createExampleNotebook(now.toISOString());
		if (!(await db.notebooks.get(example.id))) await db.notebooks.add(toStoredRecord(toRecord(example, 1)));
		await db.meta.put({ key: SEEDED_KEY, value: now.toISOString() });
		return true;
	});
}

/** Puts a fresh copy of the example back (replacing one with the same id only if asked). */
export async function restoreExample(db: BoligbehovDB, now = new Date()): Promise<string> {
	const example = createExampleNotebook(now.toISOString());
	const existing = await db.notebooks.get(example.id);
	const revision = (existing?.revision ?? 0) + 1;
	await db.notebooks.put(toStoredRecord(toRecord(example, revision)));
	return example.id;
}
