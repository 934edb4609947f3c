/**
 * Forward migrations of the notebook document, one schema version at a time.
 *
 * The same steps upgrade notebooks read from an old `.boligbehov.json` file and notebooks stored in
 * IndexedDB by an older app version (the Dexie upgrade calls `migrateNotebook`). A step receives the
 * raw document of version `from` (plain JSON, not yet validated: be defensive) and returns the
 * document of version `from + 1`. Validation against the current schema happens after the last step.
 *
 * Version 1 is the first released version. How to add a version: see docs/file-format.md,
 * "Adding a schema version".
 */
import { NOTEBOOK_SCHEMA_VERSION } from './schema.ts';
import { diffOverrides, related, resolveAll, type StoredScenarioLike } from '#lib/core/scenarios/overrides.ts';
import { decidedMeasuresOf, type LegacyStockChange } from '#lib/core/plan/measures.ts';
import { isPlainObject } from './safe-json.ts';

export interface NotebookMigration {
	from: number;
	to: number;
	/** What changed, in English (developer-facing; shown in logs, not to planners). */
	description: string;
	/** Must not mutate `doc` beyond what it returns (it gets a private deep copy). */
	migrate(doc: unknown): unknown;
}

/** The registered steps, ordered by `from`. */
export const NOTEBOOK_MIGRATIONS: readonly NotebookMigration[] = [
	{
		from: 1,
		to: 2,
		description:
			'Optional fields added (absent = the version 1 behaviour, so a version 1 document is a valid version 2 document as it is): ' +
			'groups.*.observedFlowUse, groups.*.waitingAtStart, afterLastYear on refugee and manual drivers, ScenarioAssumptions.plan, ' +
			"the 'plan' cell kind, Scenario.valueSources, Provenance.placeholder, BaseData.history. Version 2 also bounds every number " +
			'(core/format/limits.ts) and requires routable ids; a version 1 document beyond those is refused by validation, not changed.',
		migrate: (doc) => doc
	},
	{
		from: 2,
		to: 3,
		description:
			'Variants inherit: a scenario with basedOn stores only its overrides (paths into ScenarioAssumptions with values) ' +
			'instead of a full copy. Each copy-variant becomes an override-variant by diffing its assumptions against its ' +
			"source's, which gives identical effective assumptions (and numbers). A scenario whose source is missing, or that " +
			'lies on a cycle of basedOn, keeps its assumptions and becomes a root (basedOn dropped).',
		migrate: copiesToOverrides
	},
	{
		from: 3,
		to: 4,
		description:
			"ScenarioAssumptions.stockChanges is gone: every planned stock change becomes a plan measure marked decided " +
			'(cost outside the plan, lead time 0, available the same year, the same signed count through its kind: a negative change ' +
			"is a sale or an ended lease), placed before the plan's own measures; a scenario without a plan gets one, and a notebook " +
			'without a plan cell gets one for the first scenario whose changes moved (they are edited there now). The planned ' +
			'stock, the projection and the cost totals are unchanged. A variant that overrode stockChanges or its plan gets the ' +
			'overrides under "plan" that give its migrated plan; a variant whose parent chain is broken keeps its overrides.',
		migrate: stockChangesToDecidedMeasures
	}
];

/**
 * Step 2 → 3 (pure, on unvalidated JSON): every copy-variant becomes an override-variant of its
 * source. (The built-in example, written as copies, goes through withOverridesFromCopies in
 * core/scenarios/overrides.ts instead: it is a typed notebook, not a file of an older schema.)
 */
function copiesToOverrides(doc: unknown): unknown {
	if (!isPlainObject(doc) || !Array.isArray(doc.scenarios)) return doc;
	const scenarios = doc.scenarios.filter(isPlainObject);
	const byId = new Map(scenarios.filter((s) => typeof s.id === 'string').map((s) => [s.id as string, s]));
	const parentOf = (s: Record<string, unknown>) => {
		const p = typeof s.basedOn === 'string' ? byId.get(s.basedOn) : undefined;
		return p && p !== s && isPlainObject(p.assumptions) && isPlainObject(s.assumptions) ? p : undefined;
	};
	const onCycle = (s: Record<string, unknown>) => {
		const seen = new Set<Record<string, unknown>>();
		for (let p = parentOf(s); p && !seen.has(p); p = parentOf(p)) {
			if (p === s) return true;
			seen.add(p);
		}
		return false;
	};
	const parents = new Map(scenarios.map((s) => [s, onCycle(s) ? undefined : parentOf(s)]));
	// Diff every variant against its source's stored copy before any copy is removed: the source's
	// effective assumptions after the migration are exactly that copy.
	const overrides = new Map(scenarios.map((s) => [s, parents.get(s) ? diffOverrides(parents.get(s)!.assumptions, s.assumptions) : undefined]));
	for (const s of scenarios) {
		const o = overrides.get(s);
		if (o) {
			s.overrides = o;
			delete s.assumptions;
		} else if (s.basedOn !== undefined && isPlainObject(s.assumptions)) delete s.basedOn;
	}
	return doc;
}

/**
 * Step 3 → 4 (pure, on unvalidated JSON): stock changes become decided plan measures. Roots are
 * changed in place; each variant whose chain is whole gets, instead of its overrides under
 * "stockChanges" and "plan", the overrides that turn its parent's migrated plan into its own
 * migrated plan, so its effective plan is exactly the migration of its effective version 3
 * assumptions.
 */
function stockChangesToDecidedMeasures(doc: unknown): unknown {
	if (!isPlainObject(doc) || !Array.isArray(doc.scenarios)) return doc;
	const scenarios = doc.scenarios.filter((s): s is Record<string, unknown> => isPlainObject(s) && typeof s.id === 'string');
	// A list that is not well formed stays where it is, so validation refuses the document and
	// names the field, and nothing is lost.
	const wellFormed = (a: Record<string, unknown>) => a.stockChanges === undefined || (Array.isArray(a.stockChanges) && a.stockChanges.every(isLegacyStockChange));
	const migratedPlan = (a: unknown): unknown => {
		if (!isPlainObject(a)) return undefined;
		const changes = Array.isArray(a.stockChanges) && wellFormed(a) ? (a.stockChanges as LegacyStockChange[]) : [];
		if (changes.length === 0) return a.plan;
		const plan = isPlainObject(a.plan) ? a.plan : { measures: [] };
		const own = Array.isArray(plan.measures) ? plan.measures : [];
		return { ...plan, measures: [...decidedMeasuresOf(changes), ...own] };
	};
	// Effective version 3 assumptions first, before any scenario is changed.
	const effective = resolveAll(scenarios as unknown as StoredScenarioLike[]);
	const plans = new Map([...effective].map(([id, r]) => [id, migratedPlan(r.assumptions)]));
	let firstWithChanges: string | undefined;
	for (const s of scenarios) {
		const id = s.id as string;
		if (isPlainObject(s.assumptions)) {
			if (!wellFormed(s.assumptions)) continue;
			if (Array.isArray(s.assumptions.stockChanges) && s.assumptions.stockChanges.length > 0) firstWithChanges ??= id;
			const plan = migratedPlan(s.assumptions);
			if (plan !== undefined) s.assumptions.plan = plan;
			delete s.assumptions.stockChanges;
			continue;
		}
		const parentId = typeof s.basedOn === 'string' ? s.basedOn : undefined;
		if (!isPlainObject(s.overrides) || parentId === undefined || !plans.has(id) || !plans.has(parentId)) continue;
		const kept = Object.entries(s.overrides).filter(([path]) => !related(path, 'stockChanges') && !related(path, 'plan'));
		s.overrides = { ...Object.fromEntries(kept), ...diffOverrides(plans.get(parentId), plans.get(id), 'plan') };
	}
	if (firstWithChanges !== undefined) addPlanCell(doc, firstWithChanges);
	return doc;
}

/**
 * The stock changes were edited in the assumptions cell; their measures are edited in a plan cell.
 * A notebook without one gets one for the scenario whose changes moved, after that scenario's
 * first assumptions cell (else at the end), so the planner still finds them.
 */
function addPlanCell(doc: Record<string, unknown>, scenarioId: string): void {
	if (!Array.isArray(doc.cells) || doc.cells.some((c) => isPlainObject(c) && c.kind === 'plan')) return;
	const ids = new Set(doc.cells.filter(isPlainObject).map((c) => c.id));
	let id = 'tiltaksplan';
	for (let n = 2; ids.has(id); n++) id = `tiltaksplan-${n}`;
	const at = doc.cells.findIndex((c) => isPlainObject(c) && c.kind === 'assumptions' && c.scenarioId === scenarioId);
	doc.cells.splice(at < 0 ? doc.cells.length : at + 1, 0, { id, kind: 'plan', scenarioId });
}

function isLegacyStockChange(c: unknown): c is LegacyStockChange {
	return (
		isPlainObject(c) && typeof c.year === 'number' && typeof c.segmentId === 'string' && typeof c.kind === 'string' && typeof c.count === 'number'
	);
}

export type MigrationErrorKind = 'newer-version' | 'no-path' | 'step-failed';

export class MigrationError extends Error {
	constructor(
		readonly kind: MigrationErrorKind,
		/** Norwegian, for the planner. */
		message: string,
		readonly fromVersion: number
	) {
		super(message);
		this.name = 'MigrationError';
	}
}

export interface MigrateOptions {
	/** Defaults to NOTEBOOK_MIGRATIONS (tests pass their own). */
	migrations?: readonly NotebookMigration[];
	/** Defaults to NOTEBOOK_SCHEMA_VERSION. */
	toVersion?: number;
}

/** Checks that a migration list is a contiguous chain of single steps in ascending order. */
export function checkMigrationChain(migrations: readonly NotebookMigration[]): void {
	migrations.forEach((m, i) => {
		if (!Number.isInteger(m.from) || m.to !== m.from + 1)
			throw new Error(`Migration ${m.from}→${m.to} must go from an integer version n to n + 1`);
		const prev = migrations[i - 1];
		if (prev && m.from !== prev.to) throw new Error(`Migrations out of order: ${prev.from}→${prev.to} followed by ${m.from}→${m.to}`);
	});
}

/**
 * Brings a notebook document from `fromVersion` to the current schema version, applying each step
 * once, in order. Returns the migrated (still unvalidated) document; the input is not modified.
 * Throws MigrationError (Norwegian message) for a newer version, a missing step or a failing step.
 */
export function migrateNotebook(doc: unknown, fromVersion: number, opts: MigrateOptions = {}): unknown {
	const migrations = opts.migrations ?? NOTEBOOK_MIGRATIONS;
	const toVersion = opts.toVersion ?? NOTEBOOK_SCHEMA_VERSION;
	checkMigrationChain(migrations);
	if (!Number.isInteger(fromVersion) || fromVersion < 1)
		throw new MigrationError('no-path', `Ukjent skjemaversjon ${String(fromVersion)}: må være et heltall fra og med 1.`, fromVersion);
	if (fromVersion > toVersion)
		throw new MigrationError(
			'newer-version',
			`Notatboken har skjemaversjon ${fromVersion}, men denne versjonen av Boligbehov kan bare lese til og med versjon ${toVersion}. Oppdater appen.`,
			fromVersion
		);
	if (fromVersion === toVersion) return doc;
	let current: unknown = structuredClone(doc);
	for (let v = fromVersion; v < toVersion; v++) {
		const step = migrations.find((m) => m.from === v);
		if (!step)
			throw new MigrationError('no-path', `Skjemaversjon ${v} kan ikke oppgraderes: det finnes ingen overgang fra versjon ${v} til ${v + 1}.`, fromVersion);
		try {
			current = step.migrate(current);
		} catch (e) {
			const detail = e instanceof Error ? e.message : String(e);
			throw new MigrationError('step-failed', `Oppgraderingen fra skjemaversjon ${v} til ${v + 1} mislyktes: ${detail}`, fromVersion);
		}
	}
	return current;
}
