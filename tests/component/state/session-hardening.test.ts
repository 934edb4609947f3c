/**
 * The session's part of issue 13: edits made while "Endret i en annen fane" are journaled and end
 * up as a copy (finding 2); a dead worker withdraws the numbers, says "Beregner på nytt" and
 * recomputes (finding 5); leaving asks only when edits are neither saved nor journaled.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { WorkerLostError, type ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { recoverUnsaved } from '#lib/adapters/db/recover-unsaved.ts';
import { readJournal, writeJournal, clearJournal } from '#lib/adapters/db/unsaved-journal.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { NotebookSession, type EditJournal } from '#lib/state/notebook-session.svelte.ts';
import { flushOpenSessions, registerOpenSession, unloadNeedsConfirmation } from '#lib/state/open-sessions.ts';

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

const engineClient = {
	project: async (input: EngineInput) => ({ ok: true as const, result: runProjection(input) }),
	monteCarlo: async () => null,
	sensitivity: async () => null,
	onWorkerLost: () => () => {},
	terminate: () => {}
} as unknown as ProjectionClient;

let db: BoligbehovDB | null = null;
afterEach(async () => {
	await db?.delete();
	db = null;
});

async function open(client: ProjectionClient = engineClient) {
	db = openDatabase(`hardening-${Math.random()}`);
	const repo = new NotebookRepository(db);
	const nb = createExampleNotebook('2026-01-01T00:00:00.000Z');
	const record = await repo.create(nb);
	const storage = new MemoryStorage();
	const journal: EditJournal = { write: (d, r) => writeJournal(d, r, storage), clear: (id) => clearJournal(id, storage) };
	const session = new NotebookSession(record.doc, record.revision, repo, client, { journal, channel: null });
	return { repo, nb, storage, session };
}

describe('edits in the conflict state are never dropped (finding 2)', () => {
	it('are journaled at once and on leaving, and become a copy when the notebook is opened again', async () => {
		const { repo, nb, storage, session } = await open();
		await repo.save({ ...nb, title: 'Fra en annen fane', updatedAt: '2026-01-02T00:00:00.000Z' }, 1);
		session.update((d) => void (d.title = 'Min første endring'));
		await session.flush();
		expect(session.saveStatus).toBe('conflict');
		session.update((d) => void (d.title = 'Endret i konflikt'));
		flushSync();
		expect(readJournal(nb.id, storage)?.doc.title).toBe('Endret i konflikt');
		expect(session.flushOnExit()).toBe(true);
		session.dispose();
		// The tab was closed. Next open: the other tab's version, and ours as a copy.
		const record = await recoverUnsaved(repo, nb.id, storage);
		expect(record?.doc.title).toBe('Fra en annen fane');
		expect((await repo.list()).map((n) => n.title).sort()).toEqual(['Endret i konflikt (ulagrede endringer)', 'Fra en annen fane']);
		expect(readJournal(nb.id, storage)).toBeNull();
	});

	it('leaving asks for confirmation while a conflict is unresolved, not for edits safely journaled', async () => {
		const { repo, nb, session } = await open();
		const unregister = registerOpenSession(session);
		session.update((d) => void (d.title = 'Venter på lagring'));
		expect(session.saveStatus).toBe('pending');
		expect(unloadNeedsConfirmation()).toBe(false);
		await session.flush();
		await repo.save({ ...nb, title: 'Annen fane' }, 2);
		session.update((d) => void (d.title = 'Konflikt'));
		await session.flush();
		expect(session.saveStatus).toBe('conflict');
		expect(unloadNeedsConfirmation()).toBe(true);
		unregister();
		session.dispose();
	});

	it('leaving asks after a save failed (a full disk), though the edit is journaled and a new save starts on the way out', async () => {
		const { repo, nb, storage, session } = await open();
		const unregister = registerOpenSession(session);
		try {
			repo.save = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
			session.update((d) => void (d.title = 'Disken er full'));
			await session.flush();
			expect(session.saveStatus).toBe('error');
			expect(unloadNeedsConfirmation()).toBe(true);
			expect(readJournal(nb.id, storage)?.doc.title).toBe('Disken er full');
		} finally {
			unregister();
			session.dispose();
		}
	});
});

describe('an app update waits for pending work (finding 2)', () => {
	it('saves pending edits first, and holds the update while a conflict needs the planner', async () => {
		const { repo, nb, session } = await open();
		const unregister = registerOpenSession(session);
		session.update((d) => void (d.title = 'Før oppdateringen'));
		expect(await flushOpenSessions()).toBe(true);
		expect((await repo.get(nb.id))?.doc.title).toBe('Før oppdateringen');
		// Another tab has just saved; our next edit cannot be saved over it.
		await repo.save({ ...nb, title: 'Annen fane' }, 2);
		session.update((d) => void (d.title = 'Min endring'));
		expect(await flushOpenSessions()).toBe(false);
		expect(session.saveStatus).toBe('conflict');
		unregister();
		session.dispose();
	});
});

describe('a dead worker is noticed (finding 5)', () => {
	it('withdraws the old numbers, says it is computing again, and shows the new numbers from a fresh worker', async () => {
		let lost: ((e: WorkerLostError) => void) | null = null;
		let dead = false;
		const client = {
			...engineClient,
			onWorkerLost: (fn: (e: WorkerLostError) => void) => {
				lost = fn;
				return () => {};
			},
			project: async (input: EngineInput) => {
				if (dead) throw new WorkerLostError('self.close()');
				return { ok: true as const, result: runProjection(input) };
			}
		} as unknown as ProjectionClient;
		const { session, nb } = await open(client);
		const basis = nb.scenarios[0]!.id;
		await expect.poll(() => session.outcome(basis).result !== null).toBe(true);
		const before = session.outcome(basis).result!.total.requiredStock.at(-1);
		dead = true;
		session.update((d) => void (d.base.groups.rop.tenants += 30));
		lost!(new WorkerLostError('self.close()'));
		flushSync();
		// The old numbers are not shown as current.
		expect(session.outcome(basis).result).toBeNull();
		expect(session.computeStatus).toBe('restarting');
		dead = false;
		lost!(new WorkerLostError('self.close()'));
		await expect.poll(() => session.outcome(basis).result !== null).toBe(true);
		expect(session.computeStatus).toBe('ok');
		expect(session.outcome(basis).result!.total.requiredStock.at(-1)).not.toBe(before);
		session.dispose();
	});

	it('after repeated deaths it stops and says so, with no numbers on screen', async () => {
		let lost: (() => void) | null = null;
		const client = {
			...engineClient,
			onWorkerLost: (fn: () => void) => ((lost = fn), () => {}),
			project: async () => {
				throw new WorkerLostError('dead');
			}
		} as unknown as ProjectionClient;
		const { session } = await open(client);
		for (let i = 0; i < 4; i++) lost!();
		flushSync();
		expect(session.computeStatus).toBe('failed');
		expect(session.computeMessage).toMatch(/Last inn siden på nytt/);
		expect(Object.keys(session.outcomes)).toEqual([]);
		session.dispose();
	});
});
