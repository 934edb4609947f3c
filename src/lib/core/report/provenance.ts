/**
 * Where a value comes from (issue 10 item 2): the one derivation behind the label beside every
 * assumption field (components/cells/assumptions/ProvenanceLabel.svelte), the printed appendix's
 * status column and its legend, and its base data and population rows; and the one table of words
 * for it (ORIGIN_LABELS).
 *
 * - entered (oppgitt): typed by the planner, or the planner's choice;
 * - calibrated (kalibrert): left out, so the engine calibrates it (docs/model.md, "Calibration"):
 *   a value that is absent, so the assumption catalogue says so, not a marker; the appendix row and
 *   the editor's badge take the word from ORIGIN_LABELS;
 * - imported (importert): read from a file or SSB's API (population, KOSTRA base data);
 * - national-default (nasjonal standard): a documented national figure standing in
 *   (`Scenario.valueSources`, set by a new notebook, core/notebook/new-notebook.ts);
 * - example (eksempel): the fictional example kommune's number, in the example itself or copied
 *   from it (`valueSources`, or a population/base data whose provenance is the example's);
 * - default (standard): the program's own setting where the planner has not chosen yet (a new
 *   notebook's horizon, drivers and age bands, Monte Carlo draws and seed; `valueSources`). Not a
 *   stand-in: a reasonable setting that needs no number of the kommune's, named so it is not
 *   taken for the planner's own choice;
 * - placeholder (plassholder): a starting point to replace before the numbers are used: base data
 *   or population marked `Provenance.placeholder` (a new notebook's empty base data), or a plan's
 *   default cost figure (core/plan/cost-appendix.ts).
 */
import type { Scenario, ValueSource } from '../model/notebook.ts';
import type { Provenance } from '../model/population.ts';
import type { BaseData } from '../model/base-data.ts';
import { GROUP_IDS } from '../model/groups.ts';
import { groupFieldKey, segmentDwellingsKey } from '../base-data/field-origins.ts';
import { ancestors, overridesAt } from '../scenarios/overrides.ts';

export type ValueOrigin = 'entered' | 'calibrated' | 'imported' | 'national-default' | 'example' | 'placeholder' | 'default';

export interface ValueProvenance {
	origin: ValueOrigin;
	/** Norwegian, where it is known: the source behind a default or an import ("SSB KOSTRA (tabell 12008)"). */
	source?: string;
}

/**
 * A group's choices that have an origin but no row of their own in the assumption catalogue (it
 * names them in the rows' labels): the demand driver, its age band and the tenure model. Paths
 * in the group, as the editors pass them to clearReplacedSources and read them for the label.
 */
export const GROUP_CHOICE_PATHS = { driver: 'demand.kind', band: 'demand.band', tenureModel: 'tenure.kind' } as const;

/** The short Norwegian name of each origin, as the label shows it. */
export const ORIGIN_LABELS: Readonly<Record<ValueOrigin, string>> = {
	entered: 'oppgitt',
	calibrated: 'kalibrert',
	imported: 'importert',
	'national-default': 'nasjonal standard',
	example: 'eksempel',
	placeholder: 'plassholder',
	default: 'standard'
};

/**
 * What each origin means, one Norwegian sentence to follow its capitalised name ("Oppgitt: lagt
 * inn …"): the legend of the printed appendix (components/print/PrintDocument.svelte).
 */
export const ORIGIN_EXPLANATIONS: Readonly<Record<ValueOrigin, string>> = {
	entered: 'lagt inn eller valgt av kommunen.',
	calibrated: 'ikke oppgitt, beregnet av modellen fra dagens tall.',
	imported: 'lest inn fra fil eller hentet fra SSB.',
	'national-default': 'et dokumentert nasjonalt tall (kilden står ved raden), til kommunen legger inn sitt eget.',
	example: 'tall for den fiktive eksempelkommunen.',
	placeholder: 'et utgangspunkt som ikke er kommunens eget tall ennå (grunnlagsdata som ikke er fylt ut, standardverdien for en kostnad).',
	default: 'programmets eget valg der kommunen ikke har valgt ennå (grunnen står ved raden); krever ikke kommunens tall.'
};

/** The origins that stand in for the kommune's own numbers, to be replaced before the numbers are used (core/report/placeholders.ts). */
const STAND_IN_ORIGINS: ReadonlySet<ValueOrigin> = new Set(['national-default', 'example', 'placeholder']);

/** Whether a value of this origin is a stand-in (marked as such beside the field and in the appendix). */
export function isStandInOrigin(origin: ValueOrigin): boolean {
	return STAND_IN_ORIGINS.has(origin);
}

/** "Nasjonal standard": the first letter upper case, for a table cell or the start of a sentence. */
export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The origins as a table cell or the start of a line shows them ("Nasjonal standard"): the same words, capitalised. */
export const STATUS_LABELS: Readonly<Record<ValueOrigin, string>> = Object.fromEntries(
	Object.entries(ORIGIN_LABELS).map(([origin, label]) => [origin, capitalise(label)])
) as Record<ValueOrigin, string>;

/**
 * The stand-in marker that covers an assumption: its own key, or a marker on a part of the path
 * above it ("groups.flyktning.demand" covers every field of the refugee group's driver).
 */
function standInFor(sources: Readonly<Record<string, ValueSource>> | undefined, key: string): ValueSource | undefined {
	if (!sources) return undefined;
	const parts = key.split('.');
	for (let n = parts.length; n > 0; n--) {
		const s = sources[parts.slice(0, n).join('.')];
		if (s) return s;
	}
	return undefined;
}

/** What the provenance of a scenario's assumption is read from: its stand-in markers, and for a variant its parent chain. */
export type ProvenanceScenario = Pick<Scenario, 'id' | 'basedOn' | 'overrides' | 'valueSources'>;

/**
 * The scenario whose value a scenario shows at `key`: the scenario itself where it holds its own
 * value (a root, or a variant with an override at, inside or around the path), otherwise the
 * nearest ancestor that does (core/scenarios/overrides.ts). A broken chain: the scenario itself.
 */
function valueOwner(scenarios: readonly ProvenanceScenario[], scenario: Partial<ProvenanceScenario>, key: string): Partial<ProvenanceScenario> {
	if (scenario.basedOn === undefined || scenario.id === undefined) return scenario;
	// ancestors() returns elements of `scenarios`, so they are whole ProvenanceScenarios.
	const chain = ancestors(scenarios, scenario.id) as ProvenanceScenario[] | null;
	if (!chain) return scenario;
	let owner: Partial<ProvenanceScenario> = scenario;
	for (const parent of chain) {
		if (overridesAt(owner, key).length > 0) return owner;
		owner = parent;
	}
	return owner;
}

/**
 * A value a scenario holds. `key`: its catalogue key (report/assumption-catalogue.ts), a dot path
 * into the scenario's assumptions ("groups.rop.tenure.years", "vacancyTargetPct"). `scenarios`: the
 * notebook's scenarios, so a variant's inherited value (no override there) has the provenance it
 * has in the parent it comes from (a national default stays one). A value left out is 'calibrated'
 * without asking: the catalogue says so (its quantity kind 'calibrated'; the editor's badge).
 */
export function assumptionProvenance(scenarios: readonly ProvenanceScenario[], scenario: Partial<ProvenanceScenario>, key: string): ValueProvenance {
	const standIn = standInFor(valueOwner(scenarios, scenario, key).valueSources, key);
	return standIn ? { origin: standIn.kind, source: standIn.source } : { origin: 'entered' };
}

/** Why a choice left unset is what it is (the rule past a series' last year: «Siste verdi gjentas»). */
export const UNSET_CHOICE_SOURCE = 'standardvalget, så lenge ingen annen regel er valgt';

/**
 * A choice the scenario leaves unset (absent in the assumptions, so its default applies): the
 * program's own setting, «standard», unless a marker says more (the example's, a national default).
 */
export function unsetChoiceProvenance(p: ValueProvenance): ValueProvenance {
	return p.origin === 'entered' ? { origin: 'default', source: UNSET_CHOICE_SOURCE } : p;
}

/** "SSB tabell 14288, alternativ MMMM, fil x.csv, hentet 2026-03-01, note": everything a provenance records. */
export function provenanceText(p: Provenance): string {
	return [
		p.source,
		p.alternative ? `alternativ ${p.alternative}` : '',
		p.fileName ? `fil ${p.fileName}` : '',
		p.retrieved ? `hentet ${p.retrieved.slice(0, 10)}` : '',
		p.note ?? ''
	]
		.filter(Boolean)
		.join(', ');
}

/**
 * Base data or population, from its recorded provenance: the example's, a placeholder still to be
 * replaced (a new notebook's empty base data), imported or entered.
 */
export function dataProvenance(p: Provenance): ValueProvenance {
	if (p.kind === 'example') return { origin: 'example', source: p.source };
	if (p.placeholder) return { origin: 'placeholder', source: p.source };
	if (p.kind === 'imported') return { origin: 'imported', source: p.source };
	return { origin: 'entered', source: p.source };
}

/** Why a new notebook's base year is what it is: the program proposes it, nobody typed it. */
export const DEFAULT_BASE_YEAR_SOURCE = 'basisåret programmet foreslår for nye notatbøker';

/**
 * One number of the base data (`key`: "vacant", "baseYear", "segments.<id>.dwellings",
 * "groups.<g>.tenants" …; core/base-data/field-origins.ts): its own recorded origin
 * (`BaseData.fieldOrigins`), else the whole base data's. A new notebook's base year is the
 * program's proposal ('default'), not a placeholder: it cannot be typed, only imported with KOSTRA.
 * A field's source is the import's ("SSB KOSTRA (tabell 12008), 2024"), else the whole provenance's.
 */
export function baseFieldProvenance(base: Pick<BaseData, 'provenance' | 'fieldOrigins'>, key: string): ValueProvenance {
	const own = base.fieldOrigins?.[key];
	if (own?.kind === 'placeholder' && key === 'baseYear') return { origin: 'default', source: DEFAULT_BASE_YEAR_SOURCE };
	if (own) return own.source === undefined ? { origin: own.kind } : { origin: own.kind, source: own.source };
	const whole = dataProvenance(base.provenance);
	if (whole.origin === 'placeholder' && key === 'baseYear') return { origin: 'default', source: DEFAULT_BASE_YEAR_SOURCE };
	return whole;
}

/** The order in which a derived number takes the origin of its parts: the weakest part decides. */
const WEAKEST_FIRST: readonly ValueOrigin[] = ['placeholder', 'example', 'national-default', 'default', 'entered', 'calibrated', 'imported'];

/**
 * A number computed from others takes the weakest origin among them: any stand-in makes it one
 * (zero tenants not yet typed make "outside the groups" a placeholder); imported only when every
 * part is (with their source when they share one); otherwise entered.
 */
export function derivedProvenance(parts: readonly ValueProvenance[]): ValueProvenance {
	for (const origin of WEAKEST_FIRST) {
		const found = parts.filter((p) => p.origin === origin);
		if (found.length === 0) continue;
		const sources = new Set(found.map((p) => p.source));
		const source = sources.size === 1 ? found[0]!.source : undefined;
		return source === undefined ? { origin } : { origin, source };
	}
	return { origin: 'entered' };
}

/**
 * Households outside the five groups (= dwellings − vacant − tenants, engine/other-households.ts):
 * derived from the dwellings of every segment, the vacant dwellings and every group's tenants.
 */
export function otherHouseholdsProvenance(base: Pick<BaseData, 'provenance' | 'fieldOrigins' | 'segments'>): ValueProvenance {
	const keys = [...base.segments.map((s) => segmentDwellingsKey(s.id)), 'vacant', ...GROUP_IDS.map((g) => groupFieldKey(g, 'tenants'))];
	return derivedProvenance(keys.map((k) => baseFieldProvenance(base, k)));
}
