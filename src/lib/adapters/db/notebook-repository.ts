/**
 * Reads and writes notebooks. Every write is a plain snapshot (never a Svelte $state proxy:
 * IndexedDB's structured clone refuses proxies), and carries a revision so that a write based
 * on a stale copy is detected instead of silently overwriting another tab's change.
 *
 * Every read is checked (record-check.ts): a record that cannot be migrated and validated is never
 * handed out; `open` and `sweep` move it to the quarantine, and `list` leaves it out, so one broken
 * record can't stop the library or another notebook from opening.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import { toRecord, type BoligbehovDB, type NotebookRecord } from './database.ts';
import { checkRecord } from './record-check.ts';
import { addToQuarantine, quarantineEntry, type QuarantineEntry } from './quarantine.ts';

export type OpenResult =
	| { status: 'ok'; record: NotebookRecord }
	| { status: 'missing' }
	| { status: 'quarantined'; entry: QuarantineEntry };

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
	/**
	 * Summaries of records already checked, by id, revision and stored summary fields: the library
	 * list is re-read on every change, and validating every notebook each time would cost ~10 ms
	 * apiece. A record altered behind the app's back without a new revision is still caught by `open`.
	 */
	#checked = new Map<string, NotebookSummary>();

	constructor(readonly db: BoligbehovDB) {}

	/** Every readable notebook, newest first. Unreadable records are left out (see `sweep`). */
	async list(): Promise<NotebookSummary[]> {
		const rows = (await this.db.notebooks.toArray()) as unknown[];
		const out: NotebookSummary[] = [];
		for (const raw of rows) {
			const r = raw as Partial<NotebookRecord> | null;
			const key = r && typeof r === 'object' ? JSON.stringify([r.id, r.revision, r.schemaVersion, r.title, r.kommuneName, r.updatedAt]) : '';
			let summary = this.#checked.get(key);
			if (!summary) {
				const checked = checkRecord(raw);
				if (!checked.ok) continue;
				const { id, title, kommuneName, updatedAt } = checked.record;
				summary = { id, title, kommuneName, updatedAt };
				if (!checked.repaired) this.#checked.set(key, summary);
			}
			out.push(summary);
		}
		return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
	}

	/** The stored notebook, checked and migrated; undefined when missing or unreadable. */
	async get(id: string): Promise<NotebookRecord | undefined> {
		const checked = checkRecord(await this.db.notebooks.get(id));
		return checked.ok ? checked.record : undefined;
	}

	/**
	 * Opens a notebook for editing: an unreadable record is moved to the quarantine (and reported),
	 * one whose summary fields were off is repaired in place.
	 */
	async open(id: string, now = new Date()): Promise<OpenResult> {
		return this.db.transaction('rw', this.db.notebooks, this.db.meta, async () => {
			const raw = await this.db.notebooks.get(id);
			if (raw === undefined) return { status: 'missing' as const };
			const checked = checkRecord(raw);
			if (!checked.ok) {
				const entry = quarantineEntry('notebook', id, checked.reason, raw, now);
				await addToQuarantine(this.db, entry);
				await this.db.notebooks.delete(id);
				return { status: 'quarantined' as const, entry };
			}
			if (checked.repaired) await this.db.notebooks.put(checked.record);
			return { status: 'ok' as const, record: checked.record };
		});
	}

	/** Moves every unreadable record to the quarantine and repairs summaries; returns what was moved. */
	async sweep(now = new Date()): Promise<QuarantineEntry[]> {
		return this.db.transaction('rw', this.db.notebooks, this.db.meta, async () => {
			const moved: QuarantineEntry[] = [];
			const keys = (await this.db.notebooks.toCollection().primaryKeys()) as unknown[];
			for (const key of keys) {
				const raw = await this.db.notebooks.get(key as string);
				const checked = checkRecord(raw);
				if (checked.ok) {
					if (checked.repaired) await this.db.notebooks.put(checked.record);
					continue;
				}
				const entry = quarantineEntry('notebook', key, checked.reason, raw, now);
				await addToQuarantine(this.db, entry);
				await this.db.notebooks.delete(key as string);
				moved.push(entry);
			}
			return moved;
		});
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
