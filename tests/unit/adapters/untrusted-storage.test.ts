/**
 * Stored records and journal entries are untrusted input (issue 13, findings 3, 4 and 8): each is
 * checked when read; one that fails is quarantined with a Norwegian reason and its raw content,
 * never opened, never written over a stored notebook, and never stops another notebook.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, toRecord, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { openRecovered, recoverUnsaved } from '#lib/adapters/db/recover-unsaved.ts';
import { listQuarantine, rawAsJson } from '#lib/adapters/db/quarantine.ts';
import { describeOpenError } from '#lib/adapters/db/open-error.ts';
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
	db = openDatabase(`untrusted-${Math.random()}`);
	const repo = new NotebookRepository(db);
	const nb = createExampleNotebook('2026-01-01T00:00:00.000Z');
	await repo.create(nb);
	const other = { ...createExampleNotebook('2026-01-02T00:00:00.000Z'), id: 'annen', title: 'Annen' };
	await repo.create(other);
	return { db, repo, nb, other, storage: new MemoryStorage() };
}

describe('corrupted IndexedDB records (finding 4)', () => {
	it('a record whose updatedAt is not a date, or is missing, is still listed (from its document) and opens', async () => {
		const { db, repo, nb, other } = await setup();
		await db.notebooks.update(nb.id, { updatedAt: 42 as unknown as string });
		await db.notebooks.where('id').equals(other.id).modify((r) => void delete (r as Partial<typeof r>).updatedAt);
		expect((await repo.list()).map((n) => n.id).sort()).toEqual([nb.id, other.id].sort());
		const opened = await repo.open(nb.id);
		expect(opened.status).toBe('ok');
		expect((await db.notebooks.get(nb.id))?.updatedAt).toBe(nb.updatedAt);
	});

	it('a record with a garbage doc is not listed, is quarantined on open with a Norwegian reason, and the others open', async () => {
		const { db, repo, nb, other } = await setup();
		await db.notebooks.update(nb.id, { doc: { id: nb.id, title: 'x', kommune: 3 } as never });
		expect((await repo.list()).map((n) => n.id)).toEqual([other.id]);
		const opened = await repo.open(nb.id);
		expect(opened.status).toBe('quarantined');
		if (opened.status === 'quarantined') expect(opened.entry.reason).toMatch(/^Feltet /);
		const q = await listQuarantine(db);
		expect(q).toHaveLength(1);
		expect(q[0]).toMatchObject({ id: nb.id, source: 'notebook' });
		expect(JSON.parse(rawAsJson(q[0]!.raw))).toMatchObject({ id: nb.id, doc: { title: 'x' } });
		expect((await repo.open(other.id)).status).toBe('ok');
	});

	it('sweep sets aside every unreadable record, including ones whose id cannot be routed', async () => {
		const { db, repo, other } = await setup();
		await db.notebooks.put({ ...toRecord(createExampleNotebook(), 1), id: '' });
		await db.notebooks.put({ ...toRecord(createExampleNotebook(), 1), id: '../../etc/passwd' });
		await db.notebooks.put({ id: 'rart', doc: 'søppel' } as never);
		const moved = await repo.sweep();
		expect(moved.map((m) => m.id).sort()).toEqual(['', '../../etc/passwd', 'rart'].sort());
		expect((await repo.list()).map((n) => n.id)).toContain(other.id);
		expect(await db.notebooks.count()).toBe(2);
		expect(await listQuarantine(db)).toHaveLength(3);
	});
});

describe('the journal is untrusted (finding 3)', () => {
	it('a malformed entry is never replayed over the stored notebook: quarantined, cleared, and the notebook opens', async () => {
		const { db, repo, nb, storage } = await setup();
		storage.setItem(`boligbehov:ulagret:${nb.id}`, JSON.stringify({ baseRevision: 1, doc: { id: nb.id, title: 'x', kommune: {}, updatedAt: '2030-01-01' } }));
		const notices: string[] = [];
		const record = await recoverUnsaved(repo, nb.id, storage, { notify: (m) => notices.push(m) });
		expect(record?.doc).toEqual(nb);
		expect(record?.revision).toBe(1);
		expect(storage.getItem(`boligbehov:ulagret:${nb.id}`)).toBeNull();
		expect(notices[0]).toMatch(/Ulagrede endringer kunne ikke leses: Feltet /);
		expect(await listQuarantine(db)).toMatchObject([{ id: nb.id, source: 'journal' }]);
	});

	it.each([['not JSON', '{"baseRevision": 1, "doc": '], ['no revision', JSON.stringify({ doc: {} })], ['null', 'null']])(
		'an entry that is %s is cleared too, so the notebook can always be opened',
		async (_, text) => {
			const { repo, nb, storage } = await setup();
			storage.setItem(`boligbehov:ulagret:${nb.id}`, text);
			expect((await recoverUnsaved(repo, nb.id, storage))?.doc).toEqual(nb);
			expect(storage.length).toBe(0);
		}
	);

	it('an entry written before the schema version was recorded is read as schema 1', async () => {
		const { repo, nb, storage } = await setup();
		storage.setItem(`boligbehov:ulagret:${nb.id}`, JSON.stringify({ baseRevision: 1, doc: { ...nb, title: 'Gammel journal', updatedAt: '2026-02-01T00:00:00.000Z' }, writtenAt: 'x' }));
		expect(readJournal(nb.id, storage)?.doc.title).toBe('Gammel journal');
		expect((await recoverUnsaved(repo, nb.id, storage))?.doc.title).toBe('Gammel journal');
	});
});

describe('a full disk when opening (finding 8)', () => {
	it('keeps the journal, says so in Norwegian, and opens what is stored instead of hanging', async () => {
		const { repo, nb, storage } = await setup();
		writeJournal({ ...nb, title: 'Ulagret', updatedAt: '2026-03-01T00:00:00.000Z' }, 1, storage);
		vi.spyOn(repo, 'save').mockRejectedValueOnce(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
		const notices: string[] = [];
		const opened = await openRecovered(repo, nb.id, storage, { notify: (m) => notices.push(m) });
		expect(opened.status).toBe('ok');
		expect(notices[0]).toMatch(/lagringsplassen er full.*tatt vare på/);
		expect(readJournal(nb.id, storage)?.doc.title).toBe('Ulagret');
		// Next time, with room, the edits are applied.
		expect((await recoverUnsaved(repo, nb.id, storage))?.doc.title).toBe('Ulagret');
	});
});

describe('describeOpenError', () => {
	it('explains a full disk (QuotaExceededError, or the AbortError IndexedDB gives then) in Norwegian, and that nothing was deleted', () => {
		for (const name of ['QuotaExceededError', 'AbortError']) {
			expect(describeOpenError(Object.assign(new Error('x'), { name }))).toMatch(/lagringsplassen er full\. Ingenting er slettet/);
			expect(describeOpenError({ name: 'DexieError', inner: { name } })).toMatch(/lagringsplassen er full/);
		}
		expect(describeOpenError(Object.assign(new Error('x'), { name: 'UnknownError' }))).toMatch(/\(UnknownError\)\. Ingenting er slettet/);
	});
});
