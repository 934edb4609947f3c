/**
 * One input file through the engine: read (read-input.ts), parse and validate, then every chosen
 * scenario of every chosen notebook projected, with Monte Carlo for P(required > planned), and
 * the plan's costs where the scenario has a plan.
 * Used by the runner directly (one thread) and by project-worker.ts (several). The outcome is
 * plain data (structured-clone safe): a file that fails is an outcome with a message, never an
 * exception.
 */
import { parseBoligbehovFile } from '#lib/core/format/index.ts';
import { EngineInputError, runMonteCarlo, runProjection, validateInput } from '#lib/core/engine/index.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { Notebook, Scenario } from '#lib/core/model/notebook.ts';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import type { PlanBudget } from '#lib/core/plan/budget.ts';
import { scenarioPlanBudget } from '#lib/core/plan/scenario-budget.ts';
import { readNotebookFile } from './read-input.ts';

export interface RunOptions {
	/** Only this scenario (name, case-insensitive, or id). */
	scenario?: string;
	/** Only this notebook of a backup (title, case-insensitive, or id). */
	notebook?: string;
	/** Monte Carlo draws; undefined: each scenario's own setting; 0: no Monte Carlo. */
	draws?: number;
	/** Keep every Monte Carlo band (JSON output); otherwise only total required stock. */
	allBands: boolean;
}

export interface ScenarioOutcome {
	scenario: Scenario;
	result?: ProjectionResult;
	monteCarlo?: MonteCarloResult | null;
	/** The plan's costs (core/plan/scenario-budget.ts); null: the scenario has no plan. */
	budget?: PlanBudget | null;
	/** Why the scenario could not be computed (Norwegian, one line per field). */
	error?: string;
}

export interface NotebookOutcome {
	id: string;
	title: string;
	kommune: { name: string; number: string };
	base: BaseData;
	scenarios: ScenarioOutcome[];
}

export interface FileOutcome {
	file: string;
	notebooks: NotebookOutcome[];
	/** The whole file was refused (unreadable, invalid, no such notebook). */
	error?: string;
}

const list = (xs: readonly { name?: string; title?: string; id: string }[]) => xs.map((x) => `«${x.name ?? x.title}» (${x.id})`).join(', ');

function pickNotebooks(nbs: Notebook[], wanted: string | undefined): Notebook[] | string {
	if (nbs.length === 0) return 'Filen inneholder ingen notatbøker.';
	if (wanted === undefined) return nbs;
	const w = wanted.toLowerCase();
	const nb = nbs.find((n) => n.id === wanted) ?? nbs.find((n) => n.title.toLowerCase() === w);
	return nb ? [nb] : `Fant ingen notatbok «${wanted}». Notatbøker i filen: ${list(nbs)}.`;
}

function pickScenarios(nb: Notebook, wanted: string | undefined): Scenario[] | string {
	if (wanted === undefined) return nb.scenarios.length > 0 ? nb.scenarios : `Notatboken «${nb.title}» har ingen scenarioer.`;
	const w = wanted.toLowerCase();
	const s = nb.scenarios.find((x) => x.id === wanted) ?? nb.scenarios.find((x) => x.name.toLowerCase() === w);
	return s ? [s] : `Fant ikke scenarioet «${wanted}» i «${nb.title}». Scenarioer: ${list(nb.scenarios)}.`;
}

const issueLines = (issues: readonly { path: string; message: string }[]) => issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');

function runScenario(nb: Notebook, scenario: Scenario, opts: RunOptions): ScenarioOutcome {
	const input: EngineInput = engineInputOf(nb.base, nb.population, scenario.assumptions);
	const issues = validateInput(input);
	if (issues.length > 0) return { scenario, error: issueLines(issues) };
	try {
		const result = runProjection(input);
		const draws = opts.draws ?? scenario.assumptions.monteCarlo.draws;
		// Without allBands only the total required stock's bands are computed (the runner's output
		// reports no other band), which spares the engine most of its percentile work.
		const monteCarlo = draws > 0 ? runMonteCarlo(input, { draws, requiredOnly: !opts.allBands }) : null;
		return { scenario, result, monteCarlo, budget: scenarioPlanBudget(scenario.assumptions, nb.base, result) };
	} catch (e) {
		// The engine validates its input first; anything else is a bug, reported without Node's stack.
		const error = e instanceof EngineInputError ? issueLines(e.issues) : `  Uventet feil i beregningen: ${e instanceof Error ? e.message : String(e)}`;
		return { scenario, error };
	}
}

/** Runs the notebooks of an already decoded file's text. */
export function runFileText(file: string, text: string, opts: RunOptions): FileOutcome {
	const parsed = parseBoligbehovFile(text);
	if (!parsed.ok) {
		const more = (parsed.error.issues ?? []).slice(1).map((i) => `\n  ${i.message}`).join('');
		return { file, notebooks: [], error: `${parsed.error.message}${more}` };
	}
	const notebooks = pickNotebooks(parsed.notebooks, opts.notebook);
	if (typeof notebooks === 'string') return { file, notebooks: [], error: notebooks };
	const outcomes: NotebookOutcome[] = [];
	const problems: string[] = [];
	for (const nb of notebooks) {
		const scenarios = pickScenarios(nb, opts.scenario);
		if (typeof scenarios === 'string') {
			problems.push(scenarios);
			continue;
		}
		outcomes.push({
			id: nb.id,
			title: nb.title,
			kommune: { name: nb.kommune.name, number: nb.kommune.number },
			base: nb.base,
			scenarios: scenarios.map((s) => runScenario(nb, s, opts))
		});
	}
	return { file, notebooks: outcomes, ...(problems.length > 0 ? { error: problems.join('\n') } : {}) };
}

export function runFile(file: string, opts: RunOptions): FileOutcome {
	const read = readNotebookFile(file);
	return read.ok ? runFileText(file, read.text, opts) : { file, notebooks: [], error: read.message };
}
