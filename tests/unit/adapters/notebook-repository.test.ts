import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository, RevisionConflictError } from '#lib/adapters/db/notebook-repository.ts';
import { restoreExample, seedExampleOnFirstStart } from '#lib/adapters/db/seed.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';

let db: BoligbehovDB | null = null;
let n = 0;
function freshDb() {
	db = openDatabase(`test-${++n}-${Date.now()}`);
	return db;
}
afterEach(async () => {
	if (db) await db.delete();
	db = null;
});

describe('first start', () => {
	it('seeds the example once, and not again after the planner deleted it', async () => {
		const d = freshDb();
		const repo = new NotebookRepository(d);
		expect(await seedExampleOnFirstStart(d)).toBe(true);
		const list = await repo.list();
		expect(list.map((x) => x.title)).toEqual([createExampleNotebook().title]);
		await repo.delete(list[0]!.id);
		expect(await seedExampleOnFirstStart(d)).toBe(false);
		expect(await repo.list()).toEqual([]);
		await restoreExample(d);
		expect((await repo.list()).length).toBe(1);
	});
});

describe('revisioned saves', () => {
	it('saves on top of the revision it read', async () => {
		const d = freshDb();
		const repo = new NotebookRepository(d);
		const nb = createExampleNotebook();
		await repo.create(nb);
		const r2 = await repo.save({ ...nb, title: 'Endret' }, 1);
		expect(r2).toBe(2);
		const stored = await repo.get(nb.id);
		expect(stored?.doc.title).toBe('Endret');
		expect(stored?.title).toBe('Endret');
	});

	it('refuses a save based on a stale copy (another tab saved first) and keeps the other change', async () => {
		const d = freshDb();
		const repo = new NotebookRepository(d);
		const nb = createExampleNotebook();
		await repo.create(nb);
		await repo.save({ ...nb, title: 'Fane A' }, 1);
		await expect(repo.save({ ...nb, title: 'Fane B' }, 1)).rejects.toBeInstanceOf(RevisionConflictError);
		expect((await repo.get(nb.id))?.doc.title).toBe('Fane A');
	});

	it('never overwrites on create', async () => {
		const d = freshDb();
		const repo = new NotebookRepository(d);
		const nb = createExampleNotebook();
		await repo.create(nb);
		await expect(repo.create({ ...nb, title: 'Annen' })).rejects.toThrow();
		expect((await repo.get(nb.id))?.doc.title).toBe(nb.title);
	});
});
