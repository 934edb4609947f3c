/**
 * Reads and writes notebooks. Every write is a plain snapshot (never a Svelte $state proxy:
 * IndexedDB's structured clone refuses proxies), and carries a revision so that a write based
 * on a stale copy is detected instead of silently overwriting another tab's change.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import { toRecord, type BoligbehovDB, type NotebookRecord } from './database.ts';

export class RevisionConflictError extends Error {
	constructor(
		readonly id: string,
		readonly expected: number,
		readonly actual: number
	) {
		super(`Notebook ${id} changed elsewhere (revision ${actual}, expected ${expected})`);
	}
}

export interface NotebookSummary {
	id: string;
	title: string;
	kommuneName: string;
	updatedAt: string;
}

export class NotebookRepository {
	constructor(readonly db: BoligbehovDB) {}

	async list(): Promise<NotebookSummary[]> {
		const rows = await this.db.notebooks.orderBy('updatedAt').reverse().toArray();
		return rows.map(({ id, title, kommuneName, updatedAt }) => ({ id, title, kommuneName, updatedAt }));
	}

	async get(id: string): Promise<NotebookRecord | undefined> {
		return this.db.notebooks.get(id);
	}

	/** Creates a notebook; fails if the id exists (import never overwrites silently). */
	async create(doc: Notebook): Promise<NotebookRecord> {
		const record = toRecord(doc, 1);
		await this.db.notebooks.add(record);
		return record;
	}

	/**
	 * Saves `doc` if the stored revision is still `baseRevision`; returns the new revision.
	 * Throws RevisionConflictError when another tab saved in between.
	 */
	async save(doc: Notebook, baseRevision: number): Promise<number> {
		return this.db.transaction('rw', this.db.notebooks, async () => {
			const current = await this.db.notebooks.get(doc.id);
			const actual = current?.revision ?? 0;
			if (actual !== baseRevision) throw new RevisionConflictError(doc.id, baseRevision, actual);
			const next = actual + 1;
			await this.db.notebooks.put(toRecord(doc, next));
			return next;
		});
	}

	async delete(id: string): Promise<void> {
		await this.db.notebooks.delete(id);
	}
}
