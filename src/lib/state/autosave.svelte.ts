/**
 * Autosave of an open notebook: a save within AUTOSAVE_DELAY_MS of the last edit, at once when the
 * tab is hidden or closed, and a synchronous journal copy (localStorage) whenever edits might not
 * reach IndexedDB in time. The store and the journal are passed in, so tests and other hosts can
 * supply their own.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import { RevisionConflictError } from '#lib/adapters/db/notebook-repository.ts';

export const AUTOSAVE_DELAY_MS = 400;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

/** Where notebooks are stored (NotebookRepository satisfies it). */
export interface NotebookStore {
	get(id: string): Promise<{ doc: Notebook; revision: number } | undefined>;
	/** Saves if the stored revision is still `baseRevision`; throws RevisionConflictError otherwise. */
	save(doc: Notebook, baseRevision: number): Promise<number>;
	create(doc: Notebook): Promise<unknown>;
}

/** The synchronous last resort for edits not yet in the store (adapters/db/unsaved-journal.ts). */
export interface EditJournal {
	write(doc: Notebook, baseRevision: number): boolean;
	clear(id: string): void;
}

export class Autosave {
	status: SaveStatus = $state('saved');
	message: string | null = $state(null);
	/** The stored revision our document is based on. */
	revision: number;

	#timer: ReturnType<typeof setTimeout> | null = null;
	#savePromise: Promise<void> | null = null;

	constructor(
		revision: number,
		private readonly store: NotebookStore,
		private readonly journal: EditJournal,
		private readonly current: () => Notebook,
		private readonly events: { saved(id: string, revision: number): void; conflict(theirs: { doc: Notebook; revision: number }): void }
	) {
		this.revision = revision;
	}

	/** Edits that exist only in this tab (not yet in the store). */
	get hasUnsaved(): boolean {
		return this.status !== 'saved';
	}

	/** After an edit. In a conflict nothing is saved over the other tab's version, but the edit is journaled. */
	schedule(): void {
		if (this.status === 'conflict') {
			this.journal.write(this.current(), this.revision);
			return;
		}
		this.status = 'pending';
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
	}

	/**
	 * The tab is going away: write unsaved edits synchronously to the journal (IndexedDB may not
	 * commit in time; in a conflict it must not be written at all), then start the normal save.
	 * Returns false when there are unsaved edits the journal could not take.
	 */
	flushOnExit(): boolean {
		let kept = true;
		if (this.hasUnsaved) kept = this.journal.write(this.current(), this.revision);
		void this.flush();
		return kept;
	}

	/** Writes pending edits now (called on pagehide / visibilitychange and before leaving). */
	async flush(): Promise<void> {
		if (this.#timer) {
			clearTimeout(this.#timer);
			this.#timer = null;
		}
		if (this.status !== 'pending' && this.status !== 'error') return this.#savePromise ?? undefined;
		if (this.#savePromise) await this.#savePromise;
		this.#savePromise = this.#save().finally(() => (this.#savePromise = null));
		return this.#savePromise;
	}

	/** The planner chose a version after a conflict: continue from `revision` with `status`. */
	resume(revision: number, status: 'saved' | 'pending'): void {
		this.revision = revision;
		this.status = status;
		this.message = null;
	}

	dispose(): void {
		if (this.#timer) clearTimeout(this.#timer);
	}

	async #save(): Promise<void> {
		this.status = 'saving';
		const doc = this.current();
		try {
			this.revision = await this.store.save(doc, this.revision);
			this.journal.clear(doc.id);
			this.status = this.status === 'saving' ? 'saved' : this.status;
			this.message = null;
			this.events.saved(doc.id, this.revision);
		} catch (err) {
			if (err instanceof RevisionConflictError) {
				const theirs = await this.store.get(doc.id).catch(() => undefined);
				if (theirs) {
					this.enterConflict(theirs);
					return;
				}
			}
			this.status = 'error';
			this.message = describeStorageError(err);
		}
	}

	/** Another tab's version is newer than ours while we have unsaved edits. */
	enterConflict(theirs: { doc: Notebook; revision: number }): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.status = 'conflict';
		this.message = 'Notatboken ble endret i en annen fane. Velg hvilken versjon du vil beholde.';
		// Our edits are not in the store and must not be written over theirs: keep them in the journal.
		this.journal.write(this.current(), this.revision);
		this.events.conflict(theirs);
	}
}

export function describeStorageError(err: unknown): string {
	const name = err instanceof Error ? err.name : '';
	const inner = (err as { inner?: { name?: string } } | null)?.inner?.name ?? '';
	if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
		return 'Kunne ikke lagre: nettleseren har ikke mer lagringsplass. Det som var lagret fra før er urørt. Frigjør plass eller eksporter notatboken til fil.';
	}
	return `Kunne ikke lagre endringen (${name || 'ukjent feil'}). Det som var lagret fra før er urørt. Prøv igjen, eller eksporter notatboken til fil.`;
}
