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
import { toRecord, toStoredRecord, type BoligbehovDB, type NotebookRecord } from './database.ts';
import { checkRecord } from './record-check.ts';
import { isUsableId } from '#lib/core/format/index.ts';
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

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The library line of a record, from its document (the record's own summary fields may be off); null if it has none. */
function summaryOf(raw: unknown): NotebookSummary | null {
	if (!isObject(raw) || !isUsableId(raw.id) || !isObject(raw.doc)) return null;
	const doc = raw.doc;
	const kommune = isObject(doc.kommune) ? doc.kommune : null;
	if (typeof doc.title !== 'string' || typeof kommune?.name !== 'string') return null;
	return { id: raw.id, title: doc.title, kommuneName: kommune.name, updatedAt: printableDate(doc.updatedAt, doc.createdAt) };
}

/**
 * Records read per IndexedDB request by `list`. Each record carries its whole document (about
 * 110 kB for the example kommune), deserialised on the main thread when the request completes:
 * pages of 8 were 15–40 ms tasks in a trace of a 10 MB import, pages of 2 stay a few ms.
 */
const LIST_PAGE = 2;

/** A time the library can print: the document's updatedAt, else its createdAt, else the epoch. */
function printableDate(...candidates: unknown[]): string {
	for (const c of candidates) if (typeof c === 'string' && !Number.isNaN(Date.parse(c))) return c;
	return new Date(0).toISOString();
}

function verifiedKey(raw: unknown): string {
	const r = raw as Partial<NotebookRecord>;
	return JSON.stringify([r.id, r.revision, r.schemaVersion, r.title, r.kommuneName, r.updatedAt, r.doc?.updatedAt]);
}

export class NotebookRepository {
	/**
	 * Records `sweep` has already checked, by id, revision and stored summary fields: validating a
	 * notebook costs ~10 ms, and the library sweeps on every visit. A record altered behind the
	 * app's back without a new revision is still caught by `open`, which always checks.
	 */
	#verified = new Set<string>();

	constructor(readonly db: BoligbehovDB) {}

	/** The ids of every stored record (keys only: no record is read). */
	async ids(): Promise<string[]> {
		return (await this.db.notebooks.toCollection().primaryKeys()) as string[];
	}

	/**
	 * Every notebook that can be listed, newest first. Only the summary is checked here (this runs
	 * on every change of the library; a full check of every notebook would block the page): a
	 * record without a usable id or a document with a title is left out, and `sweep` / `open` set
	 * aside records whose document fails the full check.
	 */
	async list(): Promise<NotebookSummary[]> {
		const out: NotebookSummary[] = [];
		// Read in pages by key: each page is its own IndexedDB request (and main-thread task), so a
		// library of 100 notebooks (10 MB) is never deserialised in one blocking piece.
		let after: string | null = null;
		for (;;) {
			const page = (await (after === null ? this.db.notebooks.orderBy(':id') : this.db.notebooks.where(':id').above(after)).limit(LIST_PAGE).toArray()) as unknown[];
			for (const raw of page) {
				const summary = summaryOf(raw);
				if (summary) out.push(summary);
			}
			if (page.length < LIST_PAGE) break;
			after = (page.at(-1) as { id: string }).id;
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
			if (checked.repaired) await this.db.notebooks.put(toStoredRecord(checked.record));
			return { status: 'ok' as const, record: checked.record };
		});
	}

	/**
	 * Moves every unreadable record to the quarantine and repairs summaries; returns what was moved.
	 * One record per transaction, yielding in between, so a large library never blocks the page.
	 */
	async sweep(now = new Date()): Promise<QuarantineEntry[]> {
		const moved: QuarantineEntry[] = [];
		const keys = (await this.db.notebooks.toCollection().primaryKeys()) as unknown[];
		for (const key of keys) {
			const entry = await this.db.transaction('rw', this.db.notebooks, this.db.meta, async () => {
				const raw = (await this.db.notebooks.get(key as string)) as unknown;
				if (raw === undefined) return null;
				const stamp = verifiedKey(raw);
				if (this.#verified.has(stamp)) return null;
				const checked = checkRecord(raw);
				if (checked.ok) {
					if (checked.repaired) await this.db.notebooks.put(toStoredRecord(checked.record));
					this.#verified.add(verifiedKey(checked.record));
					return null;
				}
				const e = quarantineEntry('notebook', key, checked.reason, raw, now);
				await addToQuarantine(this.db, e);
				await this.db.notebooks.delete(key as string);
				return e;
			});
			if (entry) moved.push(entry);
			await new Promise((r) => setTimeout(r, 0));
		}
		return moved;
	}

	/** Creates a notebook; fails if the id exists (import never overwrites silently). */
	async create(doc: Notebook): Promise<NotebookRecord> {
		const record = toRecord(doc, 1);
		await this.db.notebooks.add(toStoredRecord(record));
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
			await this.db.notebooks.put(toStoredRecord(toRecord(doc, next)));
			return next;
		});
	}

	async delete(id: string): Promise<void> {
		await this.db.notebooks.delete(id);
	}
}
