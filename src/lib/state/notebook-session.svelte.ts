/**
 * One open notebook, shared with every cell through context. It composes four parts, each with
 * one job, and is the only thing components talk to:
 *
 * - NotebookDocument (notebook-document.svelte.ts): the document and its undo history;
 * - ScenarioProjections (scenario-projections.svelte.ts): results, Monte Carlo, sensitivity, and
 *   recovery from a dead worker;
 * - Autosave (autosave.svelte.ts): saving to the store, and the journal for edits not yet saved;
 * - TabSync (tab-sync.svelte.ts): other tabs' saves and the conflicts they cause.
 *
 * Persistence (store, journal) and the cross-tab channel are passed in; `openNotebookSession`
 * wires the browser's. Data flow: edit → `update()` mutates `doc` → (a) the affected scenarios
 * are recomputed in the worker, Monte Carlo follows; (b) the document is saved within half a
 * second (and journaled at once when the tab is hidden or closed).
 */
import { getContext, setContext } from 'svelte';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { Notebook, Scenario } from '#lib/core/model/notebook.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { clearJournal, writeJournal } from '#lib/adapters/db/unsaved-journal.ts';
import { NotebookDocument, type Affects } from './notebook-document.svelte.ts';
import { ScenarioProjections, type ComputeStatus, type ScenarioOutcome } from './scenario-projections.svelte.ts';
import { Autosave, type EditJournal, type NotebookStore, type SaveStatus } from './autosave.svelte.ts';
import { broadcastTabChannel, TabSync, type ConflictChoice, type TabChannel } from './tab-sync.svelte.ts';

export { AUTOSAVE_DELAY_MS, describeStorageError, type SaveStatus, type NotebookStore, type EditJournal } from './autosave.svelte.ts';
export type { ScenarioOutcome, ComputeStatus } from './scenario-projections.svelte.ts';
export type { TabChannel } from './tab-sync.svelte.ts';

/** The browser's localStorage journal (adapters/db/unsaved-journal.ts). */
export const localStorageJournal: EditJournal = { write: (doc, rev) => writeJournal(doc, rev), clear: (id) => clearJournal(id) };

export interface SessionOptions {
	journal?: EditJournal;
	/** Defaults to a BroadcastChannel where there is one; null for none. */
	channel?: TabChannel | null;
	now?: () => Date;
}

export class NotebookSession {
	readonly document: NotebookDocument;
	readonly projections: ScenarioProjections;
	readonly autosave: Autosave;
	readonly sync: TabSync;

	constructor(doc: Notebook, revision: number, store: NotebookStore, client: ProjectionClient, opts: SessionOptions = {}) {
		const journal = opts.journal ?? localStorageJournal;
		this.document = new NotebookDocument(doc, (affects) => this.#afterEdit(affects), opts.now);
		this.projections = new ScenarioProjections(() => this.document.doc, client);
		this.autosave = new Autosave(revision, store, journal, () => this.document.snapshot(), {
			saved: (id, rev) => this.sync.announceSave(id, rev),
			conflict: (theirs) => this.sync.onConflict(theirs)
		});
		const autosave = this.autosave;
		this.sync = new TabSync(
			{
				autosave,
				store,
				journal,
				id: () => this.document.doc.id,
				snapshot: () => this.document.snapshot(),
				adopt: (next, o) => {
					this.document.replace(next, o);
					this.projections.recomputeAll();
				}
			},
			opts.channel === undefined ? broadcastTabChannel() : opts.channel
		);
		this.projections.recomputeAll();
	}

	#afterEdit(affects: Affects): void {
		this.autosave.schedule();
		this.projections.afterEdit(affects);
	}

	// --- the document --------------------------------------------------------------------------
	get doc(): Notebook {
		return this.document.doc;
	}
	get canUndo(): boolean {
		return this.document.canUndo;
	}
	get canRedo(): boolean {
		return this.document.canRedo;
	}
	scenario(id: string): Scenario | undefined {
		return this.document.scenario(id);
	}
	update(mutate: (doc: Notebook) => void, opts: { coalesceKey?: string; affects?: string[] | 'none' } = {}): void {
		this.document.update(mutate, opts);
	}
	undo(): void {
		this.document.undo();
	}
	redo(): void {
		this.document.redo();
	}

	// --- projections ---------------------------------------------------------------------------
	get outcomes(): Record<string, ScenarioOutcome> {
		return this.projections.outcomes;
	}
	get computeStatus(): ComputeStatus {
		return this.projections.computeStatus;
	}
	get computeMessage(): string | null {
		return this.projections.computeMessage;
	}
	outcome(id: string): ScenarioOutcome {
		return this.projections.outcome(id);
	}
	engineInput(scenarioId: string): EngineInput | null {
		return this.projections.engineInput(scenarioId);
	}
	recompute(scenarioId: string): void {
		this.projections.recompute(scenarioId);
	}
	recomputeAll(): void {
		this.projections.recomputeAll();
	}
	tornadoYears(scenarioId: string): number[] {
		return this.projections.tornadoYears(scenarioId);
	}

	// --- saving and other tabs -----------------------------------------------------------------
	get saveStatus(): SaveStatus {
		return this.autosave.status;
	}
	get saveMessage(): string | null {
		return this.autosave.message;
	}
	get hasUnsaved(): boolean {
		return this.autosave.hasUnsaved;
	}
	get conflict(): { theirs: Notebook; revision: number } | null {
		return this.sync.conflict;
	}
	flush(): Promise<void> {
		return this.autosave.flush();
	}
	flushOnExit(): boolean {
		return this.autosave.flushOnExit();
	}
	resolveConflict(choice: ConflictChoice): Promise<string | null> {
		return this.sync.resolve(choice);
	}

	dispose(): void {
		this.projections.dispose();
		this.autosave.dispose();
		this.sync.dispose();
	}
}

const KEY = Symbol('notebook-session');

/** What the context holds: set once by the page's loader, filled when the notebook has been read. */
export class SessionSlot {
	current: NotebookSession | null = $state(null);
}

/** Sets the session into context. The loader calls it once (with a slot); hosts in tests pass a session. */
export function setNotebookSession(session: NotebookSession | SessionSlot): NotebookSession | SessionSlot {
	return setContext(KEY, session);
}

export function getNotebookSession(): NotebookSession {
	const held = getContext<NotebookSession | SessionSlot | undefined>(KEY);
	const session = held instanceof SessionSlot ? held.current : held;
	if (!session) throw new Error('getNotebookSession() called outside a notebook page');
	return session;
}
