import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { recoverUnsaved } from '#lib/adapters/db/recover-unsaved.ts';
import { readJournal, writeJournal } from '#lib/adapters/db/unsaved-journal.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';

class MemoryStorage implements Storage {
	#m = new Map<string, string>();
	get length() {
		return this.#m.size;
	}
	clear() {
		this.#m.clear();
	}
	getItem(k: string) {
		return this.#m.get(k) ?? null;
	}
	key(i: number) {
		return [...this.#m.keys()][i] ?? null;
	}
	removeItem(k: string) {
		this.#m.delete(k);
	}
	setItem(k: string, v: string) {
		this.#m.set(k, v);
	}
}

let db: BoligbehovDB | null = null;
afterEach(async () => {
	await db?.delete();
	db = null;
});

async function setup() {
	db = openDatabase(`recover-${Math.random()}`);
	const repo = new NotebookRepository(db);
	const nb = createExampleNotebook('2026-01-01T00:00:00.000Z');
	await repo.create(nb);
	return { repo, nb, storage: new MemoryStorage() };
}

describe('edits journalled when the tab went away', () => {
	it('are applied and saved when they were based on the stored revision', async () => {
		const { repo, nb, storage } = await setup();
		writeJournal({ ...nb, title: 'Ulagret tittel', updatedAt: '2026-01-02T00:00:00.000Z' }, 1, storage);
		const record = await recoverUnsaved(repo, nb.id, storage);
		expect(record?.doc.title).toBe('Ulagret tittel');
		expect(record?.revision).toBe(2);
		expect(readJournal(nb.id, storage)).toBeNull();
	});

	it('are dropped when the save went through after all', async () => {
		const { repo, nb, storage } = await setup();
		const edited = { ...nb, title: 'Lagret likevel', updatedAt: '2026-01-02T00:00:00.000Z' };
		writeJournal(edited, 1, storage);
		await repo.save(edited, 1);
		const record = await recoverUnsaved(repo, nb.id, storage);
		expect(record?.doc.title).toBe('Lagret likevel');
		expect((await repo.list()).length).toBe(1);
		expect(readJournal(nb.id, storage)).toBeNull();
	});

	it('become a separate copy when another tab saved a different change since', async () => {
		const { repo, nb, storage } = await setup();
		writeJournal({ ...nb, title: 'Min endring', updatedAt: '2026-01-03T00:00:00.000Z' }, 1, storage);
		await repo.save({ ...nb, title: 'Annen fane', updatedAt: '2026-01-02T00:00:00.000Z' }, 1);
		const record = await recoverUnsaved(repo, nb.id, storage);
		expect(record?.doc.title).toBe('Annen fane');
		const titles = (await repo.list()).map((x) => x.title).sort();
		expect(titles).toEqual(['Annen fane', 'Min endring (ulagrede endringer)']);
	});

	it('become a copy also when the other tab saved after our edit (a tab closed in the «Endret i en annen fane» state)', async () => {
		const { repo, nb, storage } = await setup();
		writeJournal({ ...nb, title: 'Min endring', updatedAt: '2026-01-02T00:00:00.000Z' }, 1, storage);
		await repo.save({ ...nb, title: 'Annen fane', updatedAt: '2026-01-03T00:00:00.000Z' }, 1);
		const told: string[] = [];
		const record = await recoverUnsaved(repo, nb.id, storage, { notify: (m) => told.push(m) });
		expect(told).toEqual([expect.stringContaining('lagret som en egen kopi, «Min endring (ulagrede endringer)»')]);
		expect(record?.doc.title).toBe('Annen fane');
		const titles = (await repo.list()).map((x) => x.title).sort();
		expect(titles).toEqual(['Annen fane', 'Min endring (ulagrede endringer)']);
		expect(readJournal(nb.id, storage)).toBeNull();
	});
});
