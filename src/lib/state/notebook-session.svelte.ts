/**
 * One open notebook: the document being edited, its projections, autosave, undo and the link to
 * other tabs. Shared with every cell through context (see `setNotebookSession`).
 *
 * Data flow: edit → `update()` mutates `doc` → (a) the deterministic projection of every scenario
 * is recomputed in the worker at once, Monte Carlo bands follow; (b) the document is saved to
 * IndexedDB within half a second (and at once when the tab is hidden or closed).
 */
import { getContext, setContext } from 'svelte';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import type { Notebook, Scenario } from '#lib/core/model/notebook.ts';
import type { MonteCarloResult, ProjectionResult, SensitivityResult } from '#lib/core/model/result.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { RevisionConflictError } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { clearJournal, writeJournal } from '#lib/adapters/db/unsaved-journal.ts';
import { UndoHistory } from './undo-history.ts';

export const AUTOSAVE_DELAY_MS = 400;
const MONTE_CARLO_DELAY_MS = 250;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface ScenarioOutcome {
	result: ProjectionResult | null;
	issues: { path: string; message: string }[];
	monteCarlo: MonteCarloResult | null;
	monteCarloRunning: boolean;
	/** One-at-a-time sensitivity, by year: only for the years a visible tornado chart of this scenario shows. */
	sensitivity: Record<number, SensitivityResult>;
}

const emptyOutcome = (): ScenarioOutcome => ({
	result: null,
	issues: [],
	monteCarlo: null,
	monteCarloRunning: false,
	sensitivity: {}
});

export class NotebookSession {
	doc: Notebook = $state() as Notebook;
	/** Per scenario id. Raw: results hold typed arrays and are replaced whole, never mutated. */
	outcomes: Record<string, ScenarioOutcome> = $state.raw({});
	saveStatus: SaveStatus = $state('saved');
	saveMessage: string | null = $state(null);
	canUndo = $state(false);
	canRedo = $state(false);
	/** Set when another tab changed this notebook while we had unsaved edits. */
	conflict: { theirs: Notebook; revision: number } | null = $state(null);

	#revision: number;
	#history = new UndoHistory(100);
	#saveTimer: ReturnType<typeof setTimeout> | null = null;
	#mcTimer: ReturnType<typeof setTimeout> | null = null;
	#savePromise: Promise<void> | null = null;
	#disposed = false;
	#channel: BroadcastChannel | null = null;

	constructor(
		doc: Notebook,
		revision: number,
		readonly repo: NotebookRepository,
		readonly projections: ProjectionClient,
		readonly now: () => Date = () => new Date()
	) {
		this.doc = doc;
		this.#revision = revision;
		if (typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel('boligbehov-notebooks');
			this.#channel.onmessage = (e: MessageEvent<{ id: string; revision: number }>) => {
				if (e.data?.id === this.doc.id && e.data.revision > this.#revision) void this.#onExternalChange();
			};
		}
		this.recomputeAll();
	}

	scenario(id: string): Scenario | undefined {
		return this.doc.scenarios.find((s) => s.id === id);
	}

	outcome(id: string): ScenarioOutcome {
		return this.outcomes[id] ?? emptyOutcome();
	}

	/** A plain (non-proxy) input for the engine: proxies can't be posted to a worker. */
	engineInput(scenarioId: string): EngineInput | null {
		const scenario = this.scenario(scenarioId);
		if (!scenario) return null;
		// The plan's measures join the planned stock changes here (core/plan/measures.ts).
		const plain = $state.snapshot({ base: this.doc.base, population: this.doc.population, scenario: scenario.assumptions }) as EngineInput;
		return engineInputOf(plain.base, plain.population, plain.scenario);
	}

	/**
	 * The one way to change the document. `coalesceKey` groups rapid edits of one field into
	 * one undo step. `affects` limits recomputation to the scenarios the edit touches.
	 */
	update(mutate: (doc: Notebook) => void, opts: { coalesceKey?: string; affects?: string[] | 'none' } = {}): void {
		const before = JSON.stringify($state.snapshot(this.doc));
		mutate(this.doc);
		this.doc.updatedAt = this.now().toISOString();
		this.#history.record(before, opts.coalesceKey ?? null);
		this.#afterChange(opts.affects);
	}

	undo(): void {
		const previous = this.#history.undo(JSON.stringify($state.snapshot(this.doc)));
		if (previous) this.#replaceDoc(JSON.parse(previous) as Notebook);
	}

	redo(): void {
		const next = this.#history.redo(JSON.stringify($state.snapshot(this.doc)));
		if (next) this.#replaceDoc(JSON.parse(next) as Notebook);
	}

	#replaceDoc(doc: Notebook): void {
		doc.updatedAt = this.now().toISOString();
		this.doc = doc;
		this.#afterChange(undefined);
	}

	#afterChange(affects: string[] | 'none' | undefined): void {
		this.canUndo = this.#history.canUndo;
		this.canRedo = this.#history.canRedo;
		this.#scheduleSave();
		// A tornado chart added, shown, moved to another scenario or year: compute what it now needs.
		void this.#fillMissingSensitivities();
		if (affects === 'none') return;
		for (const s of this.doc.scenarios) if (!affects || affects.includes(s.id)) this.recompute(s.id);
		// Drop outcomes of deleted scenarios.
		const ids = new Set(this.doc.scenarios.map((s) => s.id));
		if (Object.keys(this.outcomes).some((k) => !ids.has(k))) {
			this.outcomes = Object.fromEntries(Object.entries(this.outcomes).filter(([k]) => ids.has(k)));
		}
	}

	recomputeAll(): void {
		for (const s of this.doc.scenarios) this.recompute(s.id);
	}

	/** Deterministic result at once; Monte Carlo after a short pause in editing. */
	recompute(scenarioId: string): void {
		const input = this.engineInput(scenarioId);
		if (!input) return;
		void this.projections.project(input, scenarioId).then((response) => {
			if (!response || this.#disposed) return;
			const previous = this.outcome(scenarioId);
			this.#setOutcome(scenarioId, {
				...previous,
				result: response.ok ? response.result : previous.result,
				issues: response.ok ? [] : response.issues,
				monteCarloRunning: response.ok
			});
		});
		this.#scheduleMonteCarlo();
	}

	#setOutcome(id: string, outcome: ScenarioOutcome): void {
		this.outcomes = { ...this.outcomes, [id]: outcome };
	}

	#scheduleMonteCarlo(): void {
		if (this.#mcTimer) clearTimeout(this.#mcTimer);
		this.#mcTimer = setTimeout(() => {
			for (const s of this.doc.scenarios) void this.#runMonteCarlo(s.id);
		}, MONTE_CARLO_DELAY_MS);
	}

	async #runMonteCarlo(scenarioId: string): Promise<void> {
		const input = this.engineInput(scenarioId);
		if (!input || this.#disposed) return;
		const mc = await this.projections.monteCarlo(input, scenarioId);
		if (this.#disposed || !mc) return;
		// The inputs changed: every sensitivity of this scenario is computed afresh.
		const sensitivity = await this.#sensitivities(scenarioId, input, this.tornadoYears(scenarioId));
		if (this.#disposed || !sensitivity) return;
		this.#setOutcome(scenarioId, { ...this.outcome(scenarioId), monteCarlo: mc, monteCarloRunning: false, sensitivity });
	}

	/** The years a visible tornado chart shows for this scenario (sensitivity is costly: only these). */
	tornadoYears(scenarioId: string): number[] {
		const years = new Set<number>();
		for (const c of this.doc.cells) {
			if (c.kind !== 'chart' || c.chart !== 'tornado' || c.hidden) continue;
			if ((c.scenarioIds[0] ?? this.doc.scenarios[0]?.id) === scenarioId) years.add(c.year ?? this.doc.base.baseYear + 10);
		}
		return [...years];
	}

	async #sensitivities(scenarioId: string, input: EngineInput, years: number[]): Promise<Record<number, SensitivityResult> | null> {
		const out: Record<number, SensitivityResult> = {};
		for (const year of years) {
			const r = await this.projections.sensitivity(input, year, `${scenarioId}:${year}`);
			if (!r) return null; // superseded by a newer request, or invalid input
			out[year] = r;
		}
		return out;
	}

	async #fillMissingSensitivities(): Promise<void> {
		for (const s of this.doc.scenarios) {
			const have = this.outcome(s.id);
			const missing = this.tornadoYears(s.id).filter((y) => !(y in have.sensitivity));
			if (missing.length === 0 || !have.result) continue;
			const input = this.engineInput(s.id);
			if (!input) continue;
			const got = await this.#sensitivities(s.id, input, missing);
			if (!got || this.#disposed) continue;
			this.#setOutcome(s.id, { ...this.outcome(s.id), sensitivity: { ...this.outcome(s.id).sensitivity, ...got } });
		}
	}

	// --- persistence -------------------------------------------------------------------------

	#scheduleSave(): void {
		if (this.conflict) return;
		this.saveStatus = 'pending';
		if (this.#saveTimer) clearTimeout(this.#saveTimer);
		this.#saveTimer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
	}

	/**
	 * The tab is going away: write pending edits synchronously to the journal (IndexedDB may not
	 * commit in time), then start the normal save too.
	 */
	flushOnExit(): void {
		if (this.saveStatus === 'pending' || this.saveStatus === 'saving' || this.saveStatus === 'error') {
			writeJournal($state.snapshot(this.doc) as Notebook, this.#revision);
		}
		void this.flush();
	}

	/** Writes pending edits now (called on pagehide / visibilitychange and before leaving). */
	async flush(): Promise<void> {
		if (this.#saveTimer) {
			clearTimeout(this.#saveTimer);
			this.#saveTimer = null;
		}
		if (this.saveStatus !== 'pending' && this.saveStatus !== 'error') return this.#savePromise ?? undefined;
		if (this.#savePromise) await this.#savePromise;
		this.#savePromise = this.#save().finally(() => (this.#savePromise = null));
		return this.#savePromise;
	}

	async #save(): Promise<void> {
		this.saveStatus = 'saving';
		const doc = $state.snapshot(this.doc) as Notebook;
		try {
			this.#revision = await this.repo.save(doc, this.#revision);
			clearJournal(doc.id);
			this.saveStatus = this.saveStatus === 'saving' ? 'saved' : this.saveStatus;
			this.saveMessage = null;
			this.#channel?.postMessage({ id: doc.id, revision: this.#revision });
		} catch (err) {
			if (err instanceof RevisionConflictError) {
				const theirs = await this.repo.get(doc.id);
				if (theirs) {
					this.conflict = { theirs: theirs.doc, revision: theirs.revision };
					this.saveStatus = 'conflict';
					this.saveMessage = 'Notatboken ble endret i en annen fane. Velg hvilken versjon du vil beholde.';
					return;
				}
			}
			this.saveStatus = 'error';
			this.saveMessage = describeStorageError(err);
		}
	}

	/** Another tab saved: take its version if we have nothing unsaved, else ask the planner. */
	async #onExternalChange(): Promise<void> {
		const theirs = await this.repo.get(this.doc.id);
		if (!theirs || theirs.revision <= this.#revision) return;
		if (this.saveStatus === 'saved') {
			this.#revision = theirs.revision;
			this.doc = theirs.doc;
			this.recomputeAll();
		} else {
			this.conflict = { theirs: theirs.doc, revision: theirs.revision };
			this.saveStatus = 'conflict';
			this.saveMessage = 'Notatboken ble endret i en annen fane. Velg hvilken versjon du vil beholde.';
		}
	}

	/** Resolve a conflict: keep the other tab's version (ours is kept as a copy), or overwrite with ours. */
	async resolveConflict(choice: 'theirs' | 'mine-as-copy' | 'mine'): Promise<string | null> {
		const conflict = this.conflict;
		if (!conflict) return null;
		const mine = $state.snapshot(this.doc) as Notebook;
		let copyId: string | null = null;
		if (choice === 'mine') {
			this.#revision = conflict.revision;
			this.conflict = null;
			this.saveStatus = 'pending';
			await this.flush();
			return null;
		}
		if (choice === 'mine-as-copy') {
			copyId = `${mine.id}-kopi-${Date.now().toString(36)}`;
			await this.repo.create({ ...mine, id: copyId, title: `${mine.title} (min kopi)` });
		}
		this.conflict = null;
		this.#revision = conflict.revision;
		this.doc = conflict.theirs;
		this.saveStatus = 'saved';
		this.saveMessage = null;
		this.#history.clear();
		this.canUndo = this.canRedo = false;
		this.recomputeAll();
		return copyId;
	}

	dispose(): void {
		this.#disposed = true;
		if (this.#mcTimer) clearTimeout(this.#mcTimer);
		this.#channel?.close();
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

const KEY = Symbol('notebook-session');

export function setNotebookSession(session: NotebookSession): NotebookSession {
	return setContext(KEY, session);
}

export function getNotebookSession(): NotebookSession {
	const session = getContext<NotebookSession | undefined>(KEY);
	if (!session) throw new Error('getNotebookSession() called outside a notebook page');
	return session;
}
