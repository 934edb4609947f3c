/**
 * "Før tallene kan brukes": every stand-in still in force in a notebook, in the order a planner
 * replaces them (population, base data, then each scenario's assumptions). Shown at the top of the
 * notebook (each item links to where it is edited) and meant for the printed title page and the
 * first slide too. Empty when nothing is left; it never blocks work.
 *
 * Sources of the list: a population whose provenance is the example's or marked as a placeholder,
 * base data with any number still standing in (report/provenance.ts: baseFieldProvenance, per
 * field), and the scenarios' stand-in `valueSources` (national defaults, values from the example;
 * not the program's own `default` settings, which need no number of the kommune's).
 * The fictional example kommune has no list: all its numbers are the example's, which ONE line
 * says instead (`exampleNotice`).
 */
import type { Notebook, Scenario, ValueSource } from '#lib/core/model/notebook.ts';
import type { Provenance } from '#lib/core/model/population.ts';
import { GROUP_LABELS, isGroupId, type GroupId } from '#lib/core/model/groups.ts';
import { listAssumptions } from './assumption-catalogue.ts';
import { baseFieldProvenance, dataProvenance, GROUP_CHOICE_PATHS, isStandInOrigin, STATUS_LABELS } from './provenance.ts';
import { baseFieldKeys } from '#lib/core/base-data/field-origins.ts';
import { GROUP_FIELD_LABELS } from '#lib/core/base-data/edits.ts';

/** Where a placeholder is edited. */
export type PlaceholderTarget =
	| { kind: 'population' }
	| { kind: 'base-data' }
	/** An assumption: the scenario, the group (null: the whole scenario) and the path in it ("tenure.years"). */
	| { kind: 'assumption'; scenarioId: string; group: GroupId | null; path: string };

export interface Placeholder {
	/** Stable: "population", "base", or "<scenarioId>:<catalogue key>". */
	key: string;
	/** Norwegian, names the value: "Botid – Eldre (Basis)". */
	label: string;
	/** Norwegian: what stands in and where it comes from. */
	detail: string;
	target: PlaceholderTarget;
}

/** Population still standing in: the example's numbers or a placeholder (report/provenance.ts). */
const isStandIn = (p: Provenance): boolean => isStandInOrigin(dataProvenance(p).origin);

/** What a base-data field is called in the list's detail, by the last part of its key. */
const BASE_FIELD_WORDS: Readonly<Record<string, string>> = {
	dwellings: 'boliger',
	vacant: 'ledige boliger',
	tenants: GROUP_FIELD_LABELS.tenants.toLowerCase(),
	waiting: 'venteliste'
};

/**
 * The base-data numbers still standing in, named once each in the panel's order ("boliger,
 * ledige boliger, leietakere"). An optional number left empty (new tenants in the base year) is
 * not a stand-in: there is no number, and the calibration does without it.
 */
function baseStandIns(base: Notebook['base']): string[] {
	const words: string[] = [];
	for (const key of baseFieldKeys(base)) {
		const field = key.split('.').pop() ?? key;
		if (field === 'newTenantsLastYear') {
			const g = key.split('.')[1];
			if (!isGroupId(g) || base.groups[g].newTenantsLastYear === undefined) continue;
		}
		if (!isStandInOrigin(baseFieldProvenance(base, key).origin)) continue;
		const word = BASE_FIELD_WORDS[field] ?? (field === 'newTenantsLastYear' ? GROUP_FIELD_LABELS.newTenantsLastYear.toLowerCase() : field);
		if (!words.includes(word)) words.push(word);
	}
	return words;
}

/**
 * The one line the fictional example shows instead of the list: every number in it is the
 * example's (those the planner edits read «oppgitt» beside the field). Null for any other notebook.
 * `short`: for the first slide, whose own text already says the kommune is made up.
 */
export function exampleNotice(doc: Pick<Notebook, 'kommune'>, length: 'full' | 'short' = 'full'): string | null {
	if (!doc.kommune.fictional) return null;
	return length === 'short'
		? `Alle tallene er eksempeltall for ${doc.kommune.name}, en fiktiv kommune.`
		: `Alle tallene er eksempeltall for ${doc.kommune.name}, en fiktiv kommune: de viser hvordan verktøyet brukes, og er ikke tall for noen virkelig kommune. Lag en ny notatbok for din kommune.`;
}

/** Names of the marked paths that are no catalogue row of their own (a driver, a list as a whole). */
const PATH_NAMES: Readonly<Record<string, string>> = {
	demand: 'Driver for nytt behov',
	[GROUP_CHOICE_PATHS.driver]: 'Driver for nytt behov',
	[GROUP_CHOICE_PATHS.band]: 'Aldersgruppe for nytt behov',
	[GROUP_CHOICE_PATHS.tenureModel]: 'Utflytting (modell)'
};

export function listPlaceholders(doc: Notebook): Placeholder[] {
	if (doc.kommune.fictional) return [];
	const out: Placeholder[] = [];
	if (isStandIn(doc.population.provenance)) {
		out.push({
			key: 'population',
			label: 'Befolkning',
			detail: `${doc.population.provenance.source}. Importer SSBs befolkningsframskriving for kommunen.`,
			target: { kind: 'population' }
		});
	}
	const baseLeft = baseStandIns(doc.base);
	if (baseLeft.length > 0) {
		const whole = isStandIn(doc.base.provenance) ? `${doc.base.provenance.source}: ` : 'Ennå ikke kommunens egne tall: ';
		out.push({
			key: 'base',
			label: 'Grunnlagsdata (boliger, leietakere, venteliste)',
			detail: `${whole}${baseLeft.join(', ')}. Skriv inn tallene eller importer KOSTRA (tabell 12008).`,
			target: { kind: 'base-data' }
		});
	}
	const several = doc.scenarios.length > 1;
	for (const scenario of doc.scenarios) {
		const sources = scenario.valueSources ?? {};
		if (Object.keys(sources).length === 0) continue;
		const items = listAssumptions(scenario);
		for (const [key, source] of Object.entries(sources)) {
			// The program's own settings (horizon, drivers, draws) are labelled «standard», not listed.
			if (!isStandInOrigin(source.kind)) continue;
			const parts = key.split('.');
			const group = parts[0] === 'groups' && isGroupId(parts[1]) ? parts[1] : null;
			const path = group ? parts.slice(2).join('.') : key;
			const item = items.find((it) => it.key === key);
			const name = item?.label ?? PATH_NAMES[path] ?? path;
			const label = `${name}${group ? ` – ${GROUP_LABELS[group]}` : ''}${several ? ` (${scenario.name})` : ''}`;
			// The same words as the label beside the field (report/provenance.ts).
			out.push({ key: `${scenario.id}:${key}`, label, detail: `${STATUS_LABELS[source.kind]}: ${source.source}.`, target: { kind: 'assumption', scenarioId: scenario.id, group, path } });
		}
	}
	return out;
}

/**
 * Drops the stand-in markers an edit of `field` (a path in the group, or in the scenario) replaces:
 * the planner's own value is no longer a placeholder. Switching a driver ("demand") replaces all of it.
 */
export function clearReplacedSources(scenario: Pick<Scenario, 'valueSources'>, group: GroupId | null, field: string): void {
	const sources = scenario.valueSources;
	if (!sources) return;
	for (const k of sourcesReplacedBy(sources, group, field)) delete sources[k];
	if (Object.keys(sources).length === 0) delete scenario.valueSources;
}

/**
 * What edits took away, per field ("rop:tenure.years"): the markers and the state the value had
 * before. A number field passes values on while typing and takes them back when the entry ends
 * refused (components/NumberField.svelte); that taking back must leave the origin as it was too.
 */
export type ReplacedSourcesMemory = Map<string, { before: string; sources: Record<string, ValueSource>; order: string[] }>;

/**
 * An edit of `field` (a path in the group, or in the scenario) that keeps track of origins: a
 * change drops the markers it replaces (the value is the planner's own now), an edit that changes
 * nothing keeps them, and an edit that returns the value exactly to where it was before the
 * markers were dropped (a refused entry taken back) puts them back. `state` reads what the edit
 * may change (the group's assumptions, or the scenario's), as JSON-able data.
 */
export function editKeepingOrigins(
	scenario: Pick<Scenario, 'valueSources'>,
	group: GroupId | null,
	field: string,
	state: () => unknown,
	mutate: () => void,
	memory: ReplacedSourcesMemory
): void {
	const key = `${group ?? ''}:${field}`;
	const before = JSON.stringify(state());
	mutate();
	const after = JSON.stringify(state());
	const kept = memory.get(key);
	if (kept && after === kept.before) {
		// Back in their old places, so the scenario is exactly as before the entry.
		const now = scenario.valueSources ?? {};
		const restored: Record<string, ValueSource> = {};
		for (const k of kept.order) {
			const v = now[k] ?? kept.sources[k];
			if (v) restored[k] = v;
		}
		for (const [k, v] of Object.entries(now)) if (!(k in restored)) restored[k] = v;
		scenario.valueSources = restored;
		memory.delete(key);
		return;
	}
	if (after === before) return;
	const sources = scenario.valueSources;
	const order = Object.keys(sources ?? {});
	const removed = Object.fromEntries(sourcesReplacedBy(sources, group, field).map((k) => [k, { ...sources![k]! }]));
	clearReplacedSources(scenario, group, field);
	if (!kept && Object.keys(removed).length > 0) memory.set(key, { before, sources: removed, order });
}

/** The catalogue keys an edit of `field` (a path in the group, or in the scenario) replaces. */
export function sourcesReplacedBy(sources: Record<string, unknown> | undefined, group: GroupId | null, field: string): string[] {
	if (!sources) return [];
	const prefix = group ? `groups.${group}.${field}` : field;
	return Object.keys(sources).filter((k) => k === prefix || k.startsWith(`${prefix}.`));
}
