/**
 * The presentation layer: what-ifs made while presenting change a draft copy of the notebook,
 * never the notebook itself, until the planner keeps them.
 *
 * The draft is a second `NotebookSession` (so every cell on a slide computes with it exactly as in
 * the notebook) whose repository is an in-memory stand-in: its autosave never reaches IndexedDB,
 * and it is never asked to write the unsaved-edits journal. The layer mirrors the draft to
 * `localStorage` after every change (see presentation-draft.ts), so a reload or a closed tab keeps
 * it aside, and the next visit asks.
 *
 * Keeping does not write here: it marks the stored draft 'keep' and the notebook page applies it
 * through its own session's `update`, as one step «Angre» can undo (`applyKeptDraft`).
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import { NotebookSession, type EditJournal, type NotebookStore } from '#lib/state/notebook-session.svelte.ts';
import {
	browserStorage,
	notebooksDiffer,
	readDraft,
	removeDraft,
	replaceNotebookContents,
	writeDraft,
	type PresentationDraft
} from './presentation-draft.ts';

/** Holds the draft in memory only: the draft session's autosave never reaches IndexedDB. */
class DraftStore implements NotebookStore {
	#record: { doc: Notebook; revision: number } | undefined;

	async get(id: string) {
		return this.#record?.doc.id === id ? this.#record : undefined;
	}
	async save(doc: Notebook, baseRevision: number) {
		this.#record = { doc, revision: baseRevision + 1 };
		return baseRevision + 1;
	}
	async create(doc: Notebook) {
		this.#record = { doc, revision: 1 };
		return this.#record;
	}
}

/** The draft never writes the unsaved-edits journal: the layer keeps it aside itself (presentation-draft.ts). */
const NO_JOURNAL: EditJournal = { write: () => true, clear: () => {} };

export class PresentationLayer {
	/** The session the slides use: the draft. */
	readonly draft: NotebookSession;
	readonly #original: string;
	readonly #notebookId: string;
	readonly #storage: Storage | undefined;
	/** Set when the browser refused to keep the draft aside (full or disabled storage). */
	storageFailed = $state(false);

	constructor(notebook: NotebookSession, storage: Storage | undefined = browserStorage()) {
		const current = $state.snapshot(notebook.doc) as Notebook;
		this.#notebookId = current.id;
		this.#storage = storage;
		// A draft left aside by a reload or a closed tab is resumed, so its what-ifs are not lost.
		const resumed = readDraft(storage, current.id);
		const start = resumed?.state === 'open' ? resumed : null;
		this.#original = start?.original ?? JSON.stringify(current);
		this.draft = new NotebookSession(
			structuredClone(start?.draft ?? current),
			0,
			new DraftStore(),
			notebook.projections.client,
			// No tab channel: other tabs must not hear of what-ifs that are not kept.
			{ journal: NO_JOURNAL, channel: null }
		);
	}

	get original(): Notebook {
		return JSON.parse(this.#original) as Notebook;
	}

	/** Whether the draft differs from the notebook as it was when the presentation began. */
	changed(): boolean {
		return notebooksDiffer($state.snapshot(this.draft.doc) as Notebook, this.original);
	}

	/** The draft as a storage record. */
	record(state: PresentationDraft['state'] = 'open'): PresentationDraft {
		return {
			notebookId: this.#notebookId,
			state,
			original: this.#original,
			draft: $state.snapshot(this.draft.doc) as Notebook,
			savedAt: new Date().toISOString()
		};
	}

	/** Mirrors the draft to storage (or removes it when nothing was changed). */
	persist(state: PresentationDraft['state'] = 'open'): void {
		if (!this.changed()) {
			removeDraft(this.#storage, this.#notebookId);
			return;
		}
		this.storageFailed = !writeDraft(this.#storage, this.record(state));
	}

	/** «Behold endringene»: the notebook page applies the draft when it opens. */
	keep(): void {
		this.persist('keep');
	}

	/** «Forkast endringene»: the draft is dropped, the notebook was never touched. */
	discard(): void {
		removeDraft(this.#storage, this.#notebookId);
	}

	dispose(): void {
		this.draft.dispose();
	}
}

/**
 * On the notebook page: applies a draft the planner chose to keep, as one undoable edit.
 * Returns whether it applied one.
 */
export function applyKeptDraft(session: NotebookSession, storage: Storage | undefined = browserStorage()): boolean {
	const record = readDraft(storage, session.doc.id);
	if (record?.state !== 'keep') return false;
	applyDraft(session, record, storage);
	return true;
}

/** Applies `record` to the notebook in one `update` (one undo step) and forgets it. */
export function applyDraft(session: NotebookSession, record: PresentationDraft, storage: Storage | undefined = browserStorage()): void {
	session.update((doc) => replaceNotebookContents(doc, record.draft));
	removeDraft(storage, record.notebookId);
}
