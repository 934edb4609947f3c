/**
 * Variants that inherit (issue 15): a variant stores only its overrides, field paths with values,
 * and names its parent (`basedOn`); every other assumption is read from the parent. This module is
 * the one place that knows how overrides are found, applied and kept right while editing.
 * Why the design is what it is: docs/notebook.md, "Scenarios and variants".
 *
 * - An override path is a dot path into `ScenarioAssumptions` ("groups.rop.tenure.years",
 *   "horizonYears", "plan.measures"). Its value replaces the parent's value there; `null` means the
 *   variant has no value where the parent has one (an optional field left out, e.g. a calibrated rate).
 * - Override units ("leaves") are: numbers, texts and other primitives; arrays (stock changes, plan
 *   measures: one list is one value); uncertain numbers `{ value, spread? }` (the range travels with
 *   the value); year series (`settledPerYear`, `perYear`); and a whole object whose `kind` differs
 *   from the parent's (another demand driver or tenure model), or that only one side has.
 * - Resolving applies a variant's overrides to a copy of its parent's effective assumptions, parent
 *   chain first, and refuses cycles and missing parents. An override whose place no longer exists in
 *   the parent (the parent switched to another tenure model) is kept but not applied: `inactive`.
 *
 * Pure, plain JSON in and out; no DOM. Svelte proxies are read in place (reading is all the
 * comparisons do) and copied through JSON where a value is kept or changed.
 */
import type { ScenarioAssumptions } from '../model/assumptions.ts';
import type { Notebook, Overrides, OverrideValue, Scenario } from '../model/notebook.ts';

/** Keys that may follow a `kind` in the model's discriminated objects (demand driver, tenure model, allocation). */
const KEYS_OF_KIND: Readonly<Record<string, readonly string[]>> = {
	rate: ['band', 'ratePer1000', 'trendPctPerYear'],
	prevalence: ['band', 'sharePct', 'targetSharePct', 'targetYear'],
	refugees: ['settledPerYear', 'shareNeedingPct', 'personsPerHousehold', 'afterLastYear'],
	manual: ['perYear', 'afterLastYear'],
	botid: ['years'],
	lease: ['leaseYears', 'renewalPct'],
	exitRate: ['pctPerYear'],
	proportional: ['order'],
	priority: ['order']
};

/** Keys whose value is a year series (one value per calendar year): one override for the whole series. */
const SERIES_KEYS = new Set(['settledPerYear', 'perYear']);

/** Path segments that could reach an object's prototype: never part of an override path. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Cost figures of a plan are keyed by names with dots ("invest.kjop.ordinaer", core/plan/costs.ts). */
const COST_PREFIX = 'plan.costs.';

/**
 * The segments of an override path: split at the dots, except that everything after
 * "plan.costs." is one cost key, so "plan.costs.invest.kjop.ordinaer" is plan → costs →
 * "invest.kjop.ordinaer" (the unit diffOverrides makes of a cost figure).
 */
function pathSegments(path: string): string[] {
	return path.startsWith(COST_PREFIX) && path.length > COST_PREFIX.length ? ['plan', 'costs', path.slice(COST_PREFIX.length)] : path.split('.');
}

/** A well-formed override path: dot-separated segments of letters, digits, '_' and '-', none of them forbidden. */
export function isOverridePath(path: string): boolean {
	const segments = path.split('.');
	return segments.every((s) => /^[A-Za-z0-9_-]+$/.test(s) && !FORBIDDEN_SEGMENTS.has(s));
}

type Json = OverrideValue;
type JsonObject = { [key: string]: Json };

function isPlainObject(x: unknown): x is JsonObject {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function plain<T>(x: T): T {
	// JSON copy, not structuredClone: Svelte $state proxies are refused by structuredClone.
	return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

/** Deep equality of plain JSON values (key order ignored), without serialising at every level. */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as JsonObject)[k], (b as JsonObject)[k]));
}

/** Whether the value at `key` is one override unit (see the module comment). */
function isUnit(x: unknown, key: string): boolean {
	return !isPlainObject(x) || 'value' in x || SERIES_KEYS.has(key);
}

/**
 * The overrides that turn `parent` into `child`: the fewest override units where they differ.
 * Applying them to `parent` gives `child` back exactly (`applyOverrides`).
 */
export function diffOverrides(parent: unknown, child: unknown, prefix = ''): Overrides {
	const out: Overrides = {};
	const walk = (p: unknown, c: unknown, path: string, key: string) => {
		if (same(p, c)) return;
		const descend = isPlainObject(p) && isPlainObject(c) && !isUnit(p, key) && !isUnit(c, key) && p.kind === c.kind;
		if (!descend) {
			out[path] = c === undefined ? null : (plain(c) as Json);
			return;
		}
		const po = p as JsonObject;
		const co = c as JsonObject;
		for (const k of new Set([...Object.keys(po), ...Object.keys(co)])) walk(po[k], co[k], path ? `${path}.${k}` : k, k);
	};
	walk(parent, child, prefix, '');
	return out;
}

/** Shorter paths first, so a whole object is in place before an override inside it. */
function byDepth(paths: Iterable<string>): string[] {
	return [...paths].sort((a, b) => pathSegments(a).length - pathSegments(b).length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Applies `overrides` to a copy of `parent`. Returns the effective assumptions and the paths that
 * could not be applied (their place does not exist in the parent, or belongs to another kind).
 */
export function applyOverrides(parent: ScenarioAssumptions, overrides: Overrides): { assumptions: ScenarioAssumptions; inactive: string[] } {
	const result = plain(parent) as unknown as JsonObject;
	const inactive: string[] = [];
	for (const path of byDepth(Object.keys(overrides))) {
		if (!isOverridePath(path)) {
			inactive.push(path);
			continue;
		}
		const segments = pathSegments(path);
		const last = segments.pop()!;
		let target: Json | undefined = result;
		for (const s of segments) target = isPlainObject(target) && Object.hasOwn(target, s) ? target[s] : undefined;
		const kind = isPlainObject(target) ? target.kind : undefined;
		const allowed = typeof kind === 'string' && KEYS_OF_KIND[kind] ? KEYS_OF_KIND[kind].includes(last) : true;
		if (!isPlainObject(target) || !allowed) {
			inactive.push(path);
			continue;
		}
		const value = overrides[path];
		if (value === null || value === undefined) delete target[last];
		else target[last] = plain(value);
	}
	return { assumptions: result as unknown as ScenarioAssumptions, inactive };
}

/** The value at a dot path, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
	let x: unknown = root;
	for (const s of pathSegments(path)) x = isPlainObject(x) && Object.hasOwn(x, s) ? x[s] : undefined;
	return x;
}

/** Two paths are related when one is the other or lies inside it. */
export function related(a: string, b: string): boolean {
	return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

// --- the parent chain -----------------------------------------------------------------------------

type ScenarioLike = Pick<Scenario, 'id' | 'basedOn'>;

/**
 * The scenario's ancestors, nearest first, or null when the chain is broken: a missing parent or
 * a cycle (a scenario that is its own ancestor). Cycle-proof: each scenario is visited once.
 */
export function ancestors(scenarios: readonly ScenarioLike[], id: string): ScenarioLike[] | null {
	return chainOf(new Map(scenarios.map((s) => [s.id, s])), id);
}

/**
 * Where the scenario's chain breaks, or null when it is whole (or the scenario does not exist):
 * `missing` — `at` names a parent (`at.basedOn`) that does not exist; `cycle` — `at` is the first
 * scenario the walk reaches twice, so it lies on the cycle.
 */
export function chainBreak(scenarios: readonly ScenarioLike[], id: string): { kind: 'missing' | 'cycle'; at: ScenarioLike } | null {
	return walkChain(new Map(scenarios.map((s) => [s.id, s])), id)?.broken ?? null;
}

/** `ancestors` over a map by id that the caller builds once. */
function chainOf(byId: ReadonlyMap<string, ScenarioLike>, id: string): ScenarioLike[] | null {
	const walk = walkChain(byId, id);
	return walk && !walk.broken ? walk.chain : null;
}

/** The walk up from a scenario: its ancestors, nearest first, up to a root or to where the chain breaks. */
function walkChain(
	byId: ReadonlyMap<string, ScenarioLike>,
	id: string
): { chain: ScenarioLike[]; broken: { kind: 'missing' | 'cycle'; at: ScenarioLike } | null } | null {
	const chain: ScenarioLike[] = [];
	const seen = new Set([id]);
	let current = byId.get(id);
	if (!current) return null;
	while (current.basedOn !== undefined) {
		const parent = byId.get(current.basedOn);
		if (!parent) return { chain, broken: { kind: 'missing', at: current } };
		if (seen.has(parent.id)) return { chain, broken: { kind: 'cycle', at: parent } };
		seen.add(parent.id);
		chain.push(parent);
		current = parent;
	}
	return { chain, broken: null };
}

/** The scenario and every scenario that inherits from it, directly or through others. */
export function withDescendants(scenarios: readonly ScenarioLike[], ids: readonly string[]): string[] {
	const out = new Set(ids);
	for (let grew = true; grew; ) {
		grew = false;
		for (const s of scenarios) {
			if (s.basedOn !== undefined && out.has(s.basedOn) && !out.has(s.id)) {
				out.add(s.id);
				grew = true;
			}
		}
	}
	return [...out];
}

/** Ids in an order where every parent comes before its variants; broken chains are left out. */
export function parentsFirst(scenarios: readonly ScenarioLike[]): string[] {
	const byId = new Map(scenarios.map((s) => [s.id, s]));
	const depth = (s: ScenarioLike) => chainOf(byId, s.id)?.length ?? -1;
	return scenarios
		.map((s, i) => ({ id: s.id, d: depth(s), i }))
		.filter((x) => x.d >= 0)
		.sort((a, b) => a.d - b.d || a.i - b.i)
		.map((x) => x.id);
}

/** A stored scenario: a root carries its assumptions, a variant its parent and overrides. */
export interface StoredScenarioLike extends ScenarioLike {
	assumptions?: ScenarioAssumptions;
	overrides?: Overrides;
}

/**
 * The effective assumptions of every scenario whose chain is whole, by id: roots as they are,
 * variants resolved from their parents. Inactive overrides are listed per scenario.
 */
export function resolveAll(scenarios: readonly StoredScenarioLike[]): Map<string, { assumptions: ScenarioAssumptions; inactive: string[] }> {
	const out = new Map<string, { assumptions: ScenarioAssumptions; inactive: string[] }>();
	const byId = new Map(scenarios.map((s) => [s.id, s]));
	for (const id of parentsFirst(scenarios)) {
		const s = byId.get(id)!;
		if (s.basedOn === undefined) {
			if (s.assumptions) out.set(id, { assumptions: plain(s.assumptions), inactive: [] });
			continue;
		}
		const parent = out.get(s.basedOn);
		if (parent) out.set(id, applyOverrides(parent.assumptions, s.overrides ?? {}));
	}
	return out;
}

// --- editing --------------------------------------------------------------------------------------

/**
 * Brings every variant's effective assumptions in line after an edit of the document (called by
 * NotebookDocument.update after every edit that may touch assumptions; a document that is read or
 * built is resolved by `resolveAll` through `materializeNotebook` instead). `before` holds the
 * scenarios' assumptions as they were before the edit (by id); a scenario missing there is new.
 *
 * A variant's assumptions that the edit changed become overrides, except where the new value is
 * the parent's (typing the parent's value removes the override); its other overrides stay. Then
 * each variant is resolved again from its (possibly changed) parent, parents first, so a change of
 * Basis reaches every variant that does not override it. Overrides changed directly (a reset) take
 * effect through that same resolution.
 *
 * Returns the ids of the variants whose effective assumptions changed in that resolution (they
 * inherit what the edit changed, or lost an override): the ones to recompute beside the edited
 * scenario. A variant that overrides the edited value is not among them.
 */
export function reconcileVariants(doc: Pick<Notebook, 'scenarios'>, before: ReadonlyMap<string, ScenarioAssumptions>): string[] {
	const byId = new Map(doc.scenarios.map((s) => [s.id, s]));
	const effective = new Map<string, ScenarioAssumptions>();
	const resolvedAnew: string[] = [];
	for (const id of parentsFirst(doc.scenarios)) {
		const s = byId.get(id)!;
		// Read in place, not copied: diffOverrides and same only read, applyOverrides copies the parent.
		if (s.basedOn === undefined) {
			effective.set(id, s.assumptions);
			continue;
		}
		const parent = effective.get(s.basedOn)!;
		const own = s.assumptions;
		const old = before.get(id);
		const changed = Object.keys(diffOverrides(old ?? parent, own));
		const overrides: Overrides = plain(s.overrides ?? {});
		if (changed.length > 0) {
			const wanted = diffOverrides(parent, own);
			for (const c of changed) {
				for (const p of Object.keys(overrides)) if (related(p, c)) delete overrides[p];
				for (const [p, v] of Object.entries(wanted)) if (related(p, c)) overrides[p] = v;
			}
		}
		const next = applyOverrides(parent, overrides).assumptions;
		if (!same(s.overrides ?? {}, overrides)) s.overrides = overrides;
		if (!same(own, next)) {
			s.assumptions = next;
			resolvedAnew.push(id);
		}
		effective.set(id, next);
	}
	return resolvedAnew;
}

/**
 * The scenarios' assumptions before an edit, for `reconcileVariants`: copies, so an edit of the
 * scenarios in place leaves them as they were. (The session builds its map from the one snapshot
 * it takes per edit instead.)
 */
export function assumptionsById(scenarios: readonly Pick<Scenario, 'id' | 'assumptions'>[]): Map<string, ScenarioAssumptions> {
	return new Map(scenarios.map((s) => [s.id, plain(s.assumptions)]));
}

/**
 * Removes a variant's overrides at and inside `path` ("groups.rop.tenure.years": one field;
 * "groups.rop": the whole group; "": every override), and any override of a whole object that
 * contains it. The caller reconciles (the session does so after every edit).
 */
export function resetOverrides(scenario: Pick<Scenario, 'overrides'>, path = ''): void {
	if (!scenario.overrides) return;
	for (const p of Object.keys(scenario.overrides)) if (path === '' || related(p, path)) delete scenario.overrides[p];
}

/** The overrides at or inside `path` (or containing it); empty for a root or where nothing is overridden. */
export function overridesAt(scenario: Pick<Scenario, 'overrides'>, path: string): string[] {
	return Object.keys(scenario.overrides ?? {}).filter((p) => related(p, path));
}

/**
 * Makes a scenario self-contained, or re-parents it, keeping its effective values: its overrides
 * become the difference from the new parent (none: it becomes a root holding all its values).
 */
export function reparent(scenario: Scenario, newParent: Pick<Scenario, 'id' | 'assumptions'> | null): void {
	if (newParent) {
		scenario.basedOn = newParent.id;
		scenario.overrides = diffOverrides(plain(newParent.assumptions), plain(scenario.assumptions));
	} else {
		delete scenario.basedOn;
		delete scenario.overrides;
	}
}

/**
 * Scenarios written as full copies (the built-in example builds each variant from Basis) as
 * variants that inherit: each copy's overrides are its difference from its parent's copy.
 */
export function withOverridesFromCopies(scenarios: Scenario[]): Scenario[] {
	const byId = new Map(scenarios.map((s) => [s.id, s]));
	return scenarios.map((s) => {
		const parent = s.basedOn === undefined ? undefined : byId.get(s.basedOn);
		return parent ? { ...s, overrides: diffOverrides(parent.assumptions, s.assumptions) } : s;
	});
}
