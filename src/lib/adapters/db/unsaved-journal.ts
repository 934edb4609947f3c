/**
 * The last line of defence against losing an edit when the tab closes or reloads: IndexedDB
 * writes are asynchronous and may not commit before the page is gone, so on `pagehide` the
 * session also writes its pending document synchronously to localStorage. The next time the
 * notebook is opened, a journal entry based on the stored revision is applied (and saved);
 * one based on an older revision (another tab saved since) is kept as a separate copy.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import { NOTEBOOK_SCHEMA_VERSION } from '#lib/core/format/index.ts';
import { checkStoredDocument } from './record-check.ts';
import { toStoredNotebook } from '#lib/core/scenarios/stored.ts';

const PREFIX = 'boligbehov:ulagret:';

export interface JournalEntry {
	baseRevision: number;
	doc: Notebook;
	writtenAt: string;
	/** The document schema `doc` was written in; absent in entries written before it was recorded (schema 1). */
	schemaVersion?: number;
}

export function writeJournal(doc: Notebook, baseRevision: number, storage: Storage | undefined = globalThis.localStorage): boolean {
	if (!storage) return false;
	try {
		// Stored shape (variants without derived assumptions), read back through checkStoredDocument.
		const entry = { baseRevision, doc: toStoredNotebook(doc), writtenAt: new Date().toISOString(), schemaVersion: NOTEBOOK_SCHEMA_VERSION };
		storage.setItem(PREFIX + doc.id, JSON.stringify(entry));
		return true;
	} catch {
		// Quota exceeded or storage disabled: the asynchronous save is all we have.
		return false;
	}
}

export type JournalRead = { status: 'none' } | { status: 'ok'; entry: JournalEntry } | { status: 'invalid'; reason: string; raw: string };

/**
 * The journal entry for `id`, parsed, migrated and validated like any stored notebook: localStorage
 * is untrusted (issue 13, finding 3: a malformed entry was replayed over the stored notebook).
 */
export function inspectJournal(id: string, storage: Storage | undefined = globalThis.localStorage): JournalRead {
	let raw: string | null;
	try {
		raw = storage?.getItem(PREFIX + id) ?? null;
	} catch {
		return { status: 'none' };
	}
	if (!raw) return { status: 'none' };
	let entry: unknown;
	try {
		entry = JSON.parse(raw);
	} catch {
		return { status: 'invalid', reason: 'Ulagrede endringer i nettleserens lokale lager er ikke gyldig JSON.', raw };
	}
	const e = entry as Partial<JournalEntry> | null;
	if (!e || typeof e !== 'object' || typeof e.baseRevision !== 'number' || !Number.isInteger(e.baseRevision) || e.baseRevision < 0)
		return { status: 'invalid', reason: 'Ulagrede endringer i nettleserens lokale lager mangler revisjonen de bygger på.', raw };
	// No version: written before the version was recorded, i.e. schema 1 (its variants are full copies).
	const checked = checkStoredDocument(e.doc, e.schemaVersion ?? 1, id);
	if (!checked.ok) return { status: 'invalid', reason: `Ulagrede endringer kunne ikke leses: ${checked.reason}`, raw };
	return {
		status: 'ok',
		entry: { baseRevision: e.baseRevision, doc: checked.doc, writtenAt: typeof e.writtenAt === 'string' ? e.writtenAt : '', schemaVersion: NOTEBOOK_SCHEMA_VERSION }
	};
}

/** A valid journal entry for `id`, or null (none, or not valid: see `inspectJournal`). */
export function readJournal(id: string, storage: Storage | undefined = globalThis.localStorage): JournalEntry | null {
	const read = inspectJournal(id, storage);
	return read.status === 'ok' ? read.entry : null;
}

export function clearJournal(id: string, storage: Storage | undefined = globalThis.localStorage): void {
	try {
		storage?.removeItem(PREFIX + id);
	} catch {
		/* nothing to clear */
	}
}
