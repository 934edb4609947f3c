/**
 * The last line of defence against losing an edit when the tab closes or reloads: IndexedDB
 * writes are asynchronous and may not commit before the page is gone, so on `pagehide` the
 * session also writes its pending document synchronously to localStorage. The next time the
 * notebook is opened, a journal entry based on the stored revision is applied (and saved);
 * one based on an older revision (another tab saved since) is kept as a separate copy.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';

const PREFIX = 'boligbehov:ulagret:';

export interface JournalEntry {
	baseRevision: number;
	doc: Notebook;
	writtenAt: string;
}

export function writeJournal(doc: Notebook, baseRevision: number, storage: Storage | undefined = globalThis.localStorage): boolean {
	if (!storage) return false;
	try {
		storage.setItem(PREFIX + doc.id, JSON.stringify({ baseRevision, doc, writtenAt: new Date().toISOString() } satisfies JournalEntry));
		return true;
	} catch {
		// Quota exceeded or storage disabled: the asynchronous save is all we have.
		return false;
	}
}

export function readJournal(id: string, storage: Storage | undefined = globalThis.localStorage): JournalEntry | null {
	if (!storage) return null;
	try {
		const raw = storage.getItem(PREFIX + id);
		if (!raw) return null;
		const entry = JSON.parse(raw) as JournalEntry;
		return entry && typeof entry.baseRevision === 'number' && entry.doc?.id === id ? entry : null;
	} catch {
		return null;
	}
}

export function clearJournal(id: string, storage: Storage | undefined = globalThis.localStorage): void {
	try {
		storage?.removeItem(PREFIX + id);
	} catch {
		/* nothing to clear */
	}
}
