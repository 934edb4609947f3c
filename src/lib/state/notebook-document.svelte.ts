/**
 * The notebook being edited and its undo history: the one place the document changes.
 * Knows nothing of saving, projections or other tabs; it tells its owner what changed.
 */
import type { Notebook, Scenario } from '#lib/core/model/notebook.ts';
import { reconcileVariants } from '#lib/core/scenarios/overrides.ts';
import { UndoHistory } from './undo-history.ts';

/** Which scenarios an edit touches: a list of ids, every scenario (undefined) or none. */
export type Affects = string[] | 'none' | undefined;

export class NotebookDocument {
	doc: Notebook = $state() as Notebook;
	canUndo = $state(false);
	canRedo = $state(false);

	#history = new UndoHistory(100);

	constructor(
		doc: Notebook,
		private readonly onChange: (affects: Affects) => void,
		private readonly now: () => Date = () => new Date()
	) {
		this.doc = doc;
	}

	scenario(id: string): Scenario | undefined {
		return this.doc.scenarios.find((s) => s.id === id);
	}

	/** A plain copy (no Svelte proxy) for IndexedDB, the journal or a worker. */
	snapshot(): Notebook {
		return $state.snapshot(this.doc) as Notebook;
	}

	/**
	 * The one way to change the document. `coalesceKey` groups rapid edits of one field into
	 * one undo step. `affects` limits recomputation to the scenarios the edit touches; the variants
	 * whose inherited values the edit changed are added to it here.
	 */
	update(mutate: (doc: Notebook) => void, opts: { coalesceKey?: string; affects?: string[] | 'none' } = {}): void {
		// One snapshot per edit: the undo step and the assumptions before it are both read from it.
		const snapshot = $state.snapshot(this.doc) as Notebook;
		const before = JSON.stringify(snapshot);
		// An edit that affects no scenario (a note, a rename, the kommune's name) cannot change assumptions.
		const assumptionsBefore = opts.affects === 'none' ? null : new Map(snapshot.scenarios.map((s) => [s.id, s.assumptions]));
		mutate(this.doc);
		let affects = opts.affects;
		if (assumptionsBefore) {
			// Edits of a variant's values become its overrides; every variant follows its parent's changes,
			// and the variants whose values that changed are recomputed with the scenarios the edit names.
			const resolvedAnew = reconcileVariants(this.doc, assumptionsBefore);
			if (Array.isArray(affects) && resolvedAnew.length > 0) affects = [...new Set([...affects, ...resolvedAnew])];
		}
		this.doc.updatedAt = this.now().toISOString();
		this.#history.record(before, opts.coalesceKey ?? null);
		this.#changed(affects);
	}

	undo(): void {
		const previous = this.#history.undo(JSON.stringify($state.snapshot(this.doc)));
		if (previous) this.#replaceByHistory(JSON.parse(previous) as Notebook);
	}

	redo(): void {
		const next = this.#history.redo(JSON.stringify($state.snapshot(this.doc)));
		if (next) this.#replaceByHistory(JSON.parse(next) as Notebook);
	}

	/** Another version takes over (another tab's save): not an edit, so no save and no undo step. */
	replace(doc: Notebook, opts: { clearHistory: boolean }): void {
		this.doc = doc;
		if (opts.clearHistory) this.#history.clear();
		this.#syncFlags();
	}

	#replaceByHistory(doc: Notebook): void {
		doc.updatedAt = this.now().toISOString();
		this.doc = doc;
		this.#changed(undefined);
	}

	#changed(affects: Affects): void {
		this.#syncFlags();
		this.onChange(affects);
	}

	#syncFlags(): void {
		this.canUndo = this.#history.canUndo;
		this.canRedo = this.#history.canRedo;
	}
}
