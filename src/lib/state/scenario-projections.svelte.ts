/**
 * The projections of an open notebook's scenarios: the deterministic result at once, Monte Carlo
 * bands, tornado sensitivities and the plan's cost fan after a short pause in editing, all
 * computed in the worker.
 *
 * A worker that dies is not trusted to come back by itself: every result is withdrawn (stale
 * numbers are never shown as current), the status says "Beregner på nytt", and everything is
 * recomputed on a fresh worker. If that fails too, the status carries an error instead.
 */
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import { cellScenario, cellYear } from '#lib/core/notebook/cells.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';
import type { MonteCarloResult, ProjectionResult, SensitivityResult } from '#lib/core/model/result.ts';
import { WorkerLostError, type ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import type { Plan } from '#lib/core/model/plan.ts';
import type { CostFan } from '#lib/core/plan/uncertainty.ts';
import { hasCostRanges } from '#lib/core/plan/costs.ts';


/** Draws of the plan's cost fan (docs/model.md, "Cost uncertainty"). */
export const COST_FAN_DRAWS = 500;
const MONTE_CARLO_DELAY_MS = 250;
/** Fresh workers tried in a row before the planner is told the computation does not work. */
const MAX_RESTARTS = 3;

export interface ScenarioOutcome {
	result: ProjectionResult | null;
	issues: { path: string; message: string }[];
	monteCarlo: MonteCarloResult | null;
	monteCarloRunning: boolean;
	/** One-at-a-time sensitivity, by year: only for the years a visible tornado chart of this scenario shows. */
	sensitivity: Record<number, SensitivityResult>;
	/** P10/P50/P90 of the plan's yearly net cost; null without a plan whose cost figures have a range. */
	costFan: CostFan | null;
}

/** 'restarting': the worker died and the numbers are being computed again on a new one. */
export type ComputeStatus = 'ok' | 'restarting' | 'failed';

export const emptyOutcome = (): ScenarioOutcome => ({
	result: null,
	issues: [],
	monteCarlo: null,
	monteCarloRunning: false,
	sensitivity: {},
	costFan: null
});

export class ScenarioProjections {
	/** Per scenario id. Raw: results hold typed arrays and are replaced whole, never mutated. */
	outcomes: Record<string, ScenarioOutcome> = $state.raw({});
	computeStatus: ComputeStatus = $state('ok');
	computeMessage: string | null = $state(null);

	#mcTimer: ReturnType<typeof setTimeout> | null = null;
	/**
	 * Each scenario's last cost fan by its input (plan, base data, horizon, seed, draws as JSON):
	 * the Monte Carlo pass after an edit runs for every scenario, and a fan whose input did not
	 * change is taken from here instead of being drawn again in the worker.
	 */
	#costFans = new Map<string, { key: string; fan: CostFan | null }>();
	#disposed = false;
	#restarts = 0;
	#unsubscribe: () => void;

	constructor(
		private readonly notebook: () => Notebook,
		readonly client: ProjectionClient
	) {
		this.#unsubscribe = client.onWorkerLost?.(() => this.#onWorkerLost()) ?? (() => {});
	}

	outcome(id: string): ScenarioOutcome {
		return this.outcomes[id] ?? emptyOutcome();
	}

	/** A plain (non-proxy) input for the engine: proxies can't be posted to a worker. */
	engineInput(scenarioId: string): EngineInput | null {
		const doc = this.notebook();
		const scenario = doc.scenarios.find((s) => s.id === scenarioId);
		if (!scenario) return null;
		// The plan's measures join the planned stock changes here (core/plan/measures.ts).
		const plain = $state.snapshot({ base: doc.base, population: doc.population, scenario: scenario.assumptions }) as EngineInput;
		return engineInputOf(plain.base, plain.population, plain.scenario);
	}

	/** After an edit: recompute the affected scenarios, fill missing sensitivities, drop deleted scenarios. */
	afterEdit(affects: string[] | 'none' | undefined): void {
		// A tornado chart added, shown, moved to another scenario or year: compute what it now needs.
		void this.#fillMissingSensitivities();
		if (affects === 'none') return;
		const scenarios = this.notebook().scenarios;
		// `affects` already holds the variants that inherited the change (NotebookDocument.update).
		const touched = affects ? new Set(affects) : null;
		for (const s of scenarios) if (!touched || touched.has(s.id)) this.recompute(s.id);
		const ids = new Set(scenarios.map((s) => s.id));
		for (const id of [...this.#costFans.keys()]) if (!ids.has(id)) this.#costFans.delete(id);
		if (Object.keys(this.outcomes).some((k) => !ids.has(k))) {
			this.outcomes = Object.fromEntries(Object.entries(this.outcomes).filter(([k]) => ids.has(k)));
		}
	}

	recomputeAll(): void {
		for (const s of this.notebook().scenarios) this.recompute(s.id);
	}

	/** Deterministic result at once; Monte Carlo after a short pause in editing. */
	recompute(scenarioId: string): void {
		const input = this.engineInput(scenarioId);
		if (!input) return;
		this.client.project(input, scenarioId).then(
			(response) => {
				if (!response || this.#disposed) return;
				this.#workerAnswered();
				const previous = this.outcome(scenarioId);
				this.#setOutcome(scenarioId, {
					...previous,
					result: response.ok ? response.result : previous.result,
					issues: response.ok ? [] : response.issues,
					monteCarloRunning: response.ok
				});
			},
			(err: unknown) => this.#onFailure(err)
		);
		this.#scheduleMonteCarlo();
	}

	/** The years a visible tornado chart shows for this scenario (sensitivity is costly: only these). */
	tornadoYears(scenarioId: string): number[] {
		const doc = this.notebook();
		const years = new Set<number>();
		for (const c of doc.cells) {
			if (c.kind !== 'chart' || c.chart !== 'tornado' || c.hidden) continue;
			const year = cellYear(c, doc);
			if (cellScenario(c, doc) === scenarioId && year !== undefined) years.add(year);
		}
		return [...years];
	}

	dispose(): void {
		this.#disposed = true;
		if (this.#mcTimer) clearTimeout(this.#mcTimer);
		this.#unsubscribe();
	}

	#setOutcome(id: string, outcome: ScenarioOutcome): void {
		this.outcomes = { ...this.outcomes, [id]: outcome };
	}

	#workerAnswered(): void {
		this.#restarts = 0;
		if (this.computeStatus === 'restarting') {
			this.computeStatus = 'ok';
			this.computeMessage = null;
		}
	}

	/** The client reported a dead worker: withdraw every number, then compute all again on a new one. */
	#onWorkerLost(): void {
		if (this.#disposed) return;
		this.outcomes = {};
		this.#costFans.clear();
		this.#restarts++;
		if (this.#restarts > MAX_RESTARTS) {
			this.computeStatus = 'failed';
			this.computeMessage = 'Beregningen stoppet uventet flere ganger. Tallene vises ikke før den virker igjen. Last inn siden på nytt; det du har skrevet er lagret.';
			return;
		}
		this.computeStatus = 'restarting';
		this.computeMessage = null;
		this.recomputeAll();
	}

	#onFailure(err: unknown): void {
		if (this.#disposed || err instanceof WorkerLostError) return; // handled by #onWorkerLost
		this.outcomes = {};
		this.computeStatus = 'failed';
		this.computeMessage = `Beregningen feilet (${err instanceof Error ? err.message : String(err)}). Tallene vises ikke før den virker igjen.`;
	}

	#scheduleMonteCarlo(): void {
		if (this.#mcTimer) clearTimeout(this.#mcTimer);
		this.#mcTimer = setTimeout(() => {
			for (const s of this.notebook().scenarios) this.#runMonteCarlo(s.id).catch((err: unknown) => this.#onFailure(err));
		}, MONTE_CARLO_DELAY_MS);
	}

	async #runMonteCarlo(scenarioId: string): Promise<void> {
		const input = this.engineInput(scenarioId);
		if (!input || this.#disposed) return;
		const mc = await this.client.monteCarlo(input, scenarioId);
		if (this.#disposed || !mc) return;
		// The inputs changed: every sensitivity of this scenario is computed afresh.
		const sensitivity = await this.#sensitivities(scenarioId, input, this.tornadoYears(scenarioId));
		if (this.#disposed || !sensitivity) return;
		const costFan = await this.#costFan(scenarioId);
		if (this.#disposed || costFan === undefined) return;
		this.#setOutcome(scenarioId, { ...this.outcome(scenarioId), monteCarlo: mc, monteCarloRunning: false, sensitivity, costFan });
	}

	/** The plan's cost fan from the worker; null when no cost figure has a range, undefined when superseded. */
	async #costFan(scenarioId: string): Promise<CostFan | null | undefined> {
		const doc = this.notebook();
		const scenario = doc.scenarios.find((s) => s.id === scenarioId);
		const plan = scenario?.assumptions.plan;
		if (!scenario || !plan || !hasCostRanges(plan)) return null;
		// Seeded like the scenario's Monte Carlo, so a shared file reproduces the same fan.
		const input = { plan: $state.snapshot(plan) as Plan, base: $state.snapshot(doc.base), horizonYears: scenario.assumptions.horizonYears };
		const opts = { draws: COST_FAN_DRAWS, seed: scenario.assumptions.monteCarlo.seed };
		const key = JSON.stringify({ input, opts });
		const cached = this.#costFans.get(scenarioId);
		if (cached?.key === key) return cached.fan;
		const fan = await this.client.costFan(input, opts, scenarioId);
		if (fan) this.#costFans.set(scenarioId, { key, fan });
		return fan ?? undefined;
	}

	async #sensitivities(scenarioId: string, input: EngineInput, years: number[]): Promise<Record<number, SensitivityResult> | null> {
		const out: Record<number, SensitivityResult> = {};
		for (const year of years) {
			const r = await this.client.sensitivity(input, year, `${scenarioId}:${year}`);
			if (!r) return null; // superseded by a newer request, or invalid input
			out[year] = r;
		}
		return out;
	}

	async #fillMissingSensitivities(): Promise<void> {
		try {
			for (const s of this.notebook().scenarios) {
				const have = this.outcome(s.id);
				const missing = this.tornadoYears(s.id).filter((y) => !(y in have.sensitivity));
				if (missing.length === 0 || !have.result) continue;
				const input = this.engineInput(s.id);
				if (!input) continue;
				const got = await this.#sensitivities(s.id, input, missing);
				if (!got || this.#disposed) continue;
				this.#setOutcome(s.id, { ...this.outcome(s.id), sensitivity: { ...this.outcome(s.id).sensitivity, ...got } });
			}
		} catch (err) {
			this.#onFailure(err);
		}
	}
}
