/**
 * A notebook: one kommune's base data, its scenarios and an ordered list of cells.
 * This is what Dexie stores and what the shared `.boligbehov.json` file carries (docs/file-format.md).
 */
import type { ScenarioAssumptions } from './assumptions.ts';
import type { BaseData } from './base-data.ts';
import type { GroupId } from './groups.ts';
import type { PopulationSeries } from './population.ts';

export interface Kommune {
	name: string;
	/** Four-digit kommunenummer as a string, e.g. "0301"; empty for the fictional example. */
	number: string;
	/** True for the built-in example: labelled "fiktiv" on screen. */
	fictional?: boolean;
}

/** A JSON value (an override's value); the same shape as zod's `z.json()`. */
export type OverrideValue = string | number | boolean | null | OverrideValue[] | { [key: string]: OverrideValue };

/**
 * A variant's own values: key = dot path into `ScenarioAssumptions` ("groups.rop.tenure.years"),
 * value = what the variant has there instead of its parent's value (`null`: left out). See
 * core/scenarios/overrides.ts and docs/notebook.md, "Scenarios and variants".
 */
export type Overrides = Record<string, OverrideValue>;

/**
 * A scenario as the session and every component see it. A root (Basis) holds its assumptions; a
 * variant (`basedOn` set) holds only `overrides`, and its `assumptions` are derived from the
 * parent chain by core/scenarios/overrides.ts after every edit and when a document is read: they
 * are never stored (see StoredScenario) and never edited as the source of truth.
 */
export interface Scenario {
	id: string;
	name: string;
	/** Free text: what this scenario is about. */
	description: string;
	/** The parent whose values this variant inherits (normally Basis). Absent: a root. */
	basedOn?: string;
	/** A variant's own values (only with `basedOn`). */
	overrides?: Overrides;
	/** The effective assumptions: a root's own, a variant's resolved from its parent and overrides. */
	assumptions: ScenarioAssumptions;
	/**
	 * Where a value came from when it is not the planner's own: key = the assumption's catalogue key
	 * ("groups.rop.tenure.years", "vacancyTargetPct"), or a choice's path ("groups.rop.demand.kind").
	 * A value with a stand-in entry is listed under "Før tallene kan brukes" until the planner edits
	 * it; every entry is removed by an edit of the value (the editors call clearReplacedSources).
	 * Absent (and keys without an entry) = the planner's own value, or calibrated where the value is
	 * left out — as before the field existed.
	 */
	valueSources?: Record<string, ValueSource>;
}

/**
 * Where a value that is not the planner's own comes from: a stand-in (a documented national
 * default, or the fictional example's number), or the program's own default setting (`default`:
 * a new notebook's horizon, drivers, Monte Carlo draws and seed), which is not a stand-in and is
 * not listed under "Før tallene kan brukes" (core/report/provenance.ts).
 */
export interface ValueSource {
	kind: 'national-default' | 'example' | 'default';
	/** Norwegian: what the value is and where it comes from, e.g. "ca. 8 år nasjonalt (Agenda Kaupang 2020)". */
	source: string;
}

export type ChartKind =
	| 'need-by-group'
	| 'required-vs-planned'
	| 'flows'
	| 'monte-carlo-fan'
	/** P(required stock > planned stock) per year (charts/shortfall-probability.ts). */
	| 'shortfall-probability'
	| 'scenario-comparison'
	| 'tornado';

interface CellBase {
	id: string;
	/** Hidden cells stay in the notebook but are not shown (nor printed). */
	hidden?: boolean;
	/** Shown as a slide in presentation mode. */
	slide?: boolean;
	/** Speaker notes for presentation mode. */
	speakerNotes?: string;
}

export type Cell =
	| (CellBase & { kind: 'note'; markdown: string })
	| (CellBase & { kind: 'assumptions'; scenarioId: string; groups?: GroupId[] })
	| (CellBase & { kind: 'chart'; chart: ChartKind; scenarioIds: string[]; year?: number; title?: string })
	| (CellBase & { kind: 'table'; scenarioIds: string[]; title?: string })
	| (CellBase & { kind: 'key-figures'; scenarioId: string; year: number })
	| (CellBase & { kind: 'comparison'; scenarioIds: string[]; year: number })
	| (CellBase & { kind: 'plan'; scenarioId: string });

export type CellKind = Cell['kind'];

/** A scenario as the file and IndexedDB hold it: a variant without its derived assumptions. */
export type StoredScenario = Omit<Scenario, 'assumptions'> & { assumptions?: ScenarioAssumptions };

/** A notebook as the file and IndexedDB hold it (core/format: `toStoredNotebook`, `validateNotebook`). */
export type StoredNotebook = Omit<Notebook, 'scenarios'> & { scenarios: StoredScenario[] };

export interface Notebook {
	id: string;
	title: string;
	kommune: Kommune;
	base: BaseData;
	population: PopulationSeries;
	scenarios: Scenario[];
	cells: Cell[];
	/** ISO timestamps. */
	createdAt: string;
	updatedAt: string;
}
