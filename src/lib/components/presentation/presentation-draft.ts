/**
 * The presentation layer's draft, kept aside from the notebook in `localStorage` so that a
 * what-if survives a reload or a closed tab without ever reaching the stored notebook.
 *
 * One record per notebook. `state` says what the planner decided:
 * - 'open': still presenting, or left in a way the browser cannot ask about (reload, closed tab):
 *   the next visit resumes the presentation with it, or the notebook page asks what to do.
 * - 'keep': the planner chose «Behold endringene»; the notebook page applies it as one undoable
 *   edit of its session (so «Angre» can take it back) and removes the record.
 *
 * The record is untrusted input (another version of the app, a user editing storage): anything
 * that does not look like a record is ignored and removed.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';

export type DraftState = 'open' | 'keep';

export interface PresentationDraft {
	notebookId: string;
	state: DraftState;
	/** The notebook as it was when the presentation began (JSON), to tell whether anything changed. */
	original: string;
	/** The notebook with the what-ifs made while presenting. */
	draft: Notebook;
	savedAt: string;
}

const PREFIX = 'boligbehov:presentasjonsutkast:';

export const draftKey = (notebookId: string): string => PREFIX + notebookId;

/** Whether two notebooks differ in anything but the time they were last changed. */
export function notebooksDiffer(a: Notebook, b: Notebook): boolean {
	return comparable(a) !== comparable(b);
}

function comparable(doc: Notebook): string {
	return JSON.stringify({ ...doc, updatedAt: '' });
}

export function readDraft(storage: Storage | undefined, notebookId: string): PresentationDraft | null {
	if (!storage) return null;
	let raw: string | null;
	try {
		raw = storage.getItem(draftKey(notebookId));
	} catch {
		return null;
	}
	if (raw === null) return null;
	try {
		const parsed = JSON.parse(raw) as Partial<PresentationDraft> | null;
		if (
			parsed &&
			parsed.notebookId === notebookId &&
			(parsed.state === 'open' || parsed.state === 'keep') &&
			typeof parsed.original === 'string' &&
			typeof parsed.draft === 'object' &&
			parsed.draft !== null &&
			(parsed.draft as Notebook).id === notebookId &&
			Array.isArray((parsed.draft as Notebook).cells) &&
			Array.isArray((parsed.draft as Notebook).scenarios)
		) {
			return parsed as PresentationDraft;
		}
	} catch {
		// Not JSON: fall through and remove it.
	}
	removeDraft(storage, notebookId);
	return null;
}

/** Returns false when the browser refuses to store (full or disabled storage). */
export function writeDraft(storage: Storage | undefined, record: PresentationDraft): boolean {
	if (!storage) return false;
	try {
		storage.setItem(draftKey(record.notebookId), JSON.stringify(record));
		return true;
	} catch {
		return false;
	}
}

export function removeDraft(storage: Storage | undefined, notebookId: string): void {
	try {
		storage?.removeItem(draftKey(notebookId));
	} catch {
		// Storage disabled: nothing was stored either.
	}
}

/** `localStorage` where the browser offers it (not in Node, not when disabled). */
export function browserStorage(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

/**
 * Makes `target` equal to `source` in place (a Svelte state proxy stays the same object), keeping
 * the target's id. Used to apply a kept draft inside one `session.update`.
 */
export function replaceNotebookContents(target: Notebook, source: Notebook): void {
	const t = target as unknown as Record<string, unknown>;
	// A JSON copy: `source` may be a state proxy, which structuredClone refuses.
	const s = JSON.parse(JSON.stringify(source)) as Record<string, unknown>;
	for (const key of Object.keys(t)) if (!(key in s)) delete t[key];
	for (const [key, value] of Object.entries(s)) if (key !== 'id') t[key] = value;
}
