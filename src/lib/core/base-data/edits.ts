/**
 * Pure edits and checks of a notebook's base data (Grunnlagsdata), its kommune and population.
 * No Svelte, no storage: the Grunnlagsdata panel checks an edit first (`checkBaseDataEdit`,
 * Norwegian message naming the field) and only then applies it inside `session.update`, so a bad
 * entry changes nothing and records no undo step. Tested in Node.
 */
import type { BaseData, GroupBase, StockSegment } from '../model/base-data.ts';
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '../model/groups.ts';
import type { Notebook } from '../model/notebook.ts';
import type { PopulationSeries, Provenance } from '../model/population.ts';
import { ageBandTotal } from '../ssb/population.ts';
import { turnoverIndicators, type KostraFigures, type TurnoverIndicators } from '../ssb/kostra.ts';
import type { KostraChange, KostraChangeKey } from '../ssb/kostra-apply.ts';
import { parseNorwegianNumber } from '../text/number-format.ts';

// ------------------------------------------------------------------------------------ numbers

/**
 * A count typed by the planner: a whole number ≥ 0 ("1 234" is fine). Returns the number or a
 * Norwegian message naming the field.
 */
export function parseCount(raw: string, label: string): number | string {
	const text = raw.trim();
	if (text === '') return `${label}: skriv et helt tall (0 eller mer).`;
	const n = parseNorwegianNumber(text);
	if (Number.isNaN(n)) return `${label}: «${text}» er ikke et tall. Skriv et helt tall, for eksempel 12.`;
	if (n < 0) return `${label} kan ikke være negativ.`;
	if (!Number.isInteger(n)) return `${label} må være et helt tall (ikke ${text}).`;
	return n;
}

// ------------------------------------------------------------------------------------ kommune

/** A kommune number: four digits, e.g. "0301" or "3201". Empty is allowed (not given). */
export function checkKommuneNumber(raw: string): string | null {
	const t = raw.trim();
	if (t === '') return null;
	if (!/^\d+$/.test(t)) return `Kommunenummer: «${t}» er ikke et nummer. Skriv fire siffer, for eksempel 0301 for Oslo.`;
	if (t.length !== 4) return `Kommunenummer må ha fire siffer (du skrev ${t.length}). Husk en eventuell 0 foran, for eksempel 0301.`;
	if (t === '0000') return 'Kommunenummer 0000 finnes ikke. Skriv kommunens fire siffer, for eksempel 3201.';
	return null;
}

export function checkKommuneName(raw: string): string | null {
	return raw.trim() === '' ? 'Kommunenavn kan ikke være tomt.' : null;
}

// ------------------------------------------------------------------------------------ base data

export type GroupBaseField = 'tenants' | 'waiting' | 'newTenantsLastYear';

export const GROUP_FIELD_LABELS: Readonly<Record<GroupBaseField, string>> = {
	tenants: 'Leietakere',
	waiting: 'På venteliste',
	newTenantsLastYear: 'Nye leietakere i basisåret'
};

export type BaseDataEdit =
	| { kind: 'vacant'; value: number }
	| { kind: 'segment-dwellings'; segmentId: string; value: number }
	| { kind: 'segment-name'; segmentId: string; name: string }
	| { kind: 'segment-groups'; segmentId: string; groups: GroupId[] }
	| { kind: 'group'; group: GroupId; field: GroupBaseField; value: number | undefined }
	| { kind: 'add-segment'; segment: StockSegment }
	| { kind: 'remove-segment'; segmentId: string };

export function totalDwellings(base: Pick<BaseData, 'segments'>): number {
	return base.segments.reduce((n, s) => n + s.dwellings, 0);
}

export function totalTenants(base: Pick<BaseData, 'groups'>): number {
	return GROUP_IDS.reduce((n, g) => n + (base.groups[g]?.tenants ?? 0), 0);
}

/** Name of the field an edit changes, as the planner sees it (for messages). */
export function editFieldName(base: BaseData, edit: BaseDataEdit): string {
	const seg = (id: string) => base.segments.find((s) => s.id === id)?.name ?? id;
	switch (edit.kind) {
		case 'vacant':
			return 'Ledige boliger';
		case 'segment-dwellings':
			return `Boliger i «${seg(edit.segmentId)}»`;
		case 'segment-name':
			return `Navn på «${seg(edit.segmentId)}»`;
		case 'segment-groups':
			return `Hvem kan bo i «${seg(edit.segmentId)}»`;
		case 'group':
			return `${GROUP_FIELD_LABELS[edit.field]} – ${GROUP_LABELS[edit.group]}`;
		case 'add-segment':
			return `Ny boligdel «${edit.segment.name}»`;
		case 'remove-segment':
			return `Fjerne «${seg(edit.segmentId)}»`;
	}
}

/** Apply an edit in place (inside `session.update`). Call `checkBaseDataEdit` first. */
export function applyBaseDataEdit(base: BaseData, edit: BaseDataEdit): void {
	const seg = (id: string) => base.segments.find((s) => s.id === id);
	switch (edit.kind) {
		case 'vacant':
			base.vacant = edit.value;
			return;
		case 'segment-dwellings': {
			const s = seg(edit.segmentId);
			if (s) s.dwellings = edit.value;
			return;
		}
		case 'segment-name': {
			const s = seg(edit.segmentId);
			if (s) s.name = edit.name.trim();
			return;
		}
		case 'segment-groups': {
			const s = seg(edit.segmentId);
			if (s && s.groups !== 'all') s.groups = GROUP_IDS.filter((g) => edit.groups.includes(g));
			return;
		}
		case 'group': {
			const g: GroupBase = base.groups[edit.group];
			if (edit.value === undefined) {
				if (edit.field === 'newTenantsLastYear') delete g.newTenantsLastYear;
			} else g[edit.field] = edit.value;
			return;
		}
		case 'add-segment':
			base.segments.push({ ...edit.segment, groups: edit.segment.groups === 'all' ? 'all' : [...edit.segment.groups] });
			return;
		case 'remove-segment': {
			const i = base.segments.findIndex((s) => s.id === edit.segmentId);
			if (i >= 0) base.segments.splice(i, 1);
			return;
		}
	}
}

/**
 * Why an edit cannot be made (Norwegian, naming the field), or null if it can. Checks the edit
 * itself (whole numbers ≥ 0, names, the ordinary pool stays) and the result as a whole: tenants
 * plus vacant dwellings must fit in the dwellings. `scenarios` is needed to refuse removing a
 * segment that planned stock changes refer to.
 */
export function checkBaseDataEdit(base: BaseData, edit: BaseDataEdit, scenarios: Notebook['scenarios'] = []): string | null {
	const field = editFieldName(base, edit);
	const countOk = (v: number | undefined): string | null => {
		if (v === undefined) return null;
		if (!Number.isFinite(v)) return `${field}: skriv et tall.`;
		if (v < 0) return `${field} kan ikke være negativ.`;
		if (!Number.isInteger(v)) return `${field} må være et helt tall.`;
		return null;
	};
	switch (edit.kind) {
		case 'vacant':
		case 'segment-dwellings': {
			const e = countOk(edit.value);
			if (e) return e;
			break;
		}
		case 'group': {
			if (edit.value === undefined && edit.field !== 'newTenantsLastYear') return `${field}: skriv et helt tall (0 eller mer).`;
			const e = countOk(edit.value);
			if (e) return e;
			break;
		}
		case 'segment-name': {
			const name = edit.name.trim();
			if (name === '') return `${field}: navnet kan ikke være tomt.`;
			if (base.segments.some((s) => s.id !== edit.segmentId && s.name.trim().toLowerCase() === name.toLowerCase()))
				return `${field}: det finnes allerede en boligdel som heter «${name}».`;
			break;
		}
		case 'segment-groups': {
			const s = base.segments.find((x) => x.id === edit.segmentId);
			if (s?.groups === 'all') return `${field}: de ordinære boligene er åpne for alle målgrupper og kan ikke øremerkes.`;
			if (edit.groups.length === 0) return `${field}: velg minst én målgruppe. En boligdel ingen kan bo i, kan ikke regnes med.`;
			break;
		}
		case 'add-segment': {
			const name = edit.segment.name.trim();
			if (name === '') return 'Ny boligdel: skriv et navn, for eksempel «Omsorgsboliger».';
			if (base.segments.some((s) => s.name.trim().toLowerCase() === name.toLowerCase()))
				return `Ny boligdel: det finnes allerede en boligdel som heter «${name}».`;
			if (base.segments.some((s) => s.id === edit.segment.id)) return 'Ny boligdel: id-en er i bruk.';
			if (edit.segment.groups !== 'all' && edit.segment.groups.length === 0)
				return `Ny boligdel «${name}»: velg minst én målgruppe som kan bo der.`;
			const e = countOk(edit.segment.dwellings);
			if (e) return e;
			break;
		}
		case 'remove-segment': {
			const s = base.segments.find((x) => x.id === edit.segmentId);
			if (!s) return null;
			if (s.groups === 'all') return `«${s.name}» er de ordinære boligene som alle målgrupper kan bo i, og kan ikke fjernes.`;
			const users = scenarios.filter((sc) => sc.assumptions.stockChanges.some((c) => c.segmentId === s.id)).map((sc) => `«${sc.name}»`);
			if (users.length > 0)
				return `«${s.name}» kan ikke fjernes: planlagte endringer i boligmassen i ${users.length === 1 ? 'scenarioet' : 'scenarioene'} ${users.join(', ')} gjelder denne boligdelen. Fjern dem først.`;
			break;
		}
	}
	const next = structuredClone(base);
	applyBaseDataEdit(next, edit);
	return checkCapacity(next, field);
}

/**
 * Tenants plus vacant dwellings must fit in the dwellings (the rest are households outside the
 * five groups). Returns a message naming `field` if they do not.
 */
export function checkCapacity(base: BaseData, field: string, outcome = 'Ingenting er endret.'): string | null {
	const dwellings = totalDwellings(base);
	const tenants = totalTenants(base);
	if (tenants + base.vacant > dwellings)
		return `${field}: leietakere (${tenants}) og ledige boliger (${base.vacant}) blir til sammen ${tenants + base.vacant}, men kommunen har bare ${dwellings} boliger. Leietakere + ledige kan ikke være flere enn boligene. ${outcome}`;
	return null;
}

// ------------------------------------------------------------------------------------ the draft

/**
 * Counts typed in the Grunnlagsdata panel form one draft, checked as a whole: the stock may be
 * set to 120 before the tenants are lowered. The draft is the base data with the pending edits
 * applied (a later edit of the same field replaces an earlier one); it is used as soon as it
 * adds up, in one undo step. What the planner typed is never thrown away.
 */
export const DRAFT_NOT_USED = 'Tallene er ikke brukt ennå: de brukes samlet så snart de går opp.';

/** Whether two edits set the same field (so the later replaces the earlier in a draft). */
function sameTarget(a: BaseDataEdit, b: BaseDataEdit): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind === 'segment-dwellings' && b.kind === 'segment-dwellings') return a.segmentId === b.segmentId;
	if (a.kind === 'group' && b.kind === 'group') return a.group === b.group && a.field === b.field;
	return a.kind === 'vacant';
}

/** The pending edits with `edit` added, replacing an earlier edit of the same field. */
export function addToDraft(pending: readonly BaseDataEdit[], edit: BaseDataEdit): BaseDataEdit[] {
	return [...pending.filter((e) => !sameTarget(e, edit)), edit];
}

/** The base data as the draft has it (a copy; `base` is not changed). */
export function applyDraft(base: BaseData, pending: readonly BaseDataEdit[]): BaseData {
	const next = structuredClone(base);
	for (const e of pending) applyBaseDataEdit(next, e);
	return next;
}

/** Why the draft cannot be used yet (naming the field last typed), or null: then it can. */
export function draftIssue(base: BaseData, pending: readonly BaseDataEdit[], field: string): string | null {
	return pending.length === 0 ? null : checkCapacity(applyDraft(base, pending), field, DRAFT_NOT_USED);
}

/**
 * After a change typed by the planner the base data are no longer (only) the example's or an
 * import's: the provenance says so, keeping where they started in the note. Unchanged if already
 * marked as entered.
 */
export function enteredProvenance(prov: Provenance, today: string): Provenance {
	if (prov.kind === 'entered' && !prov.placeholder) return prov;
	// A new notebook's empty base data: what is typed now is simply the planner's own.
	if (prov.placeholder) return { kind: 'entered', source: 'Lagt inn i notatboken', retrieved: today };
	const from = [prov.source, prov.retrieved, prov.note].filter(Boolean).join(', ');
	return { kind: 'entered', source: 'Lagt inn i notatboken', retrieved: today, note: `Endret for hånd fra: ${from}` };
}

/** A new earmarked segment with a fresh id. */
export function newSegment(base: BaseData, name: string, groups: GroupId[], dwellings: number): StockSegment {
	const taken = new Set(base.segments.map((s) => s.id));
	const slug =
		name
			.trim()
			.toLowerCase()
			.replace(/æ/g, 'ae')
			.replace(/ø/g, 'o')
			.replace(/å/g, 'a')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'del';
	let id = slug;
	for (let i = 2; taken.has(id); i++) id = `${slug}-${i}`;
	return { id, name: name.trim(), groups: [...groups], dwellings };
}

// ------------------------------------------------------------------------------------ population

export interface BandFigures {
	base?: number;
	horizon?: number;
}

export interface PopulationSummary {
	baseYear: number;
	horizonYear: number;
	firstYear?: number;
	lastYear?: number;
	total: BandFigures;
	age80plus: BandFigures;
	age18to66: BandFigures;
	/** The series has the base year (the engine needs it). */
	coversBaseYear: boolean;
	/** Norwegian notes on years the series does not cover. */
	notes: string[];
}

/** Inhabitants in the base year and the horizon year; 80+ and 18–66; what is not covered. */
export function summarizePopulation(series: PopulationSeries, baseYear: number, horizonYears: number): PopulationSummary {
	const horizonYear = baseYear + horizonYears;
	const first = series.years[0];
	const last = series.years[series.years.length - 1];
	const at = (year: number, from: number, to?: number): number | undefined => {
		const i = series.years.indexOf(year);
		return i < 0 ? undefined : ageBandTotal(series, to === undefined ? { from } : { from, to }, i);
	};
	const band = (from: number, to?: number): BandFigures => {
		const b: BandFigures = {};
		const v0 = at(baseYear, from, to);
		const v1 = at(horizonYear, from, to);
		if (v0 !== undefined) b.base = v0;
		if (v1 !== undefined) b.horizon = v1;
		return b;
	};
	const s: PopulationSummary = {
		baseYear,
		horizonYear,
		total: band(0),
		age80plus: band(80),
		age18to66: band(18, 66),
		coversBaseYear: first !== undefined && last !== undefined && first <= baseYear && baseYear <= last,
		notes: populationCoverageNotes(series, baseYear, horizonYears)
	};
	if (first !== undefined) s.firstYear = first;
	if (last !== undefined) s.lastYear = last;
	return s;
}

/**
 * What the planner must know about the years a population series covers: an error if the base
 * year is missing (the projection cannot start), a note if it ends before the horizon (the
 * engine holds the last year's population flat, as its own warning says).
 */
export function populationCoverageNotes(series: Pick<PopulationSeries, 'years'>, baseYear: number, horizonYears: number): string[] {
	const first = series.years[0];
	const last = series.years[series.years.length - 1];
	if (first === undefined || last === undefined) return ['Befolkningstallene har ingen år.'];
	const horizon = baseYear + horizonYears;
	const notes: string[] = [];
	if (first > baseYear || last < baseYear)
		notes.push(
			`Befolkningstallene gjelder ${first}–${last} og dekker ikke basisåret ${baseYear}. Framskrivingen må starte i basisåret; velg en tabell eller et uttrekk som har ${baseYear}.`
		);
	else if (last < horizon)
		notes.push(
			`Befolkningstallene går bare til ${last}, men framskrivingen går til ${horizon}. For årene ${last + 1}–${horizon} bruker beregningen befolkningen i ${last} uendret. Last ned alle årene til ${horizon} fra SSB for å unngå det.`
		);
	return notes;
}

/** Longest horizon among the notebook's scenarios (years after the base year). */
export function maxHorizon(doc: Pick<Notebook, 'scenarios'>): number {
	return doc.scenarios.reduce((m, s) => Math.max(m, s.assumptions.horizonYears), 0) || 10;
}

/** Replace the notebook's population (inside `session.update`). The series is copied. */
export function applyPopulation(doc: Notebook, series: PopulationSeries): void {
	doc.population = structuredClone(series);
}

// ------------------------------------------------------------------------------------ turnover

/**
 * Gjennomstrømming and estimated botid of the kommune's own base data, both definitions (over all
 * dwellings incl. vacant, and over occupied dwellings), computed with the same code as for KOSTRA.
 * New tenants = the sum of the groups' new tenants in the base year; groups without it are named.
 */
export function baseDataTurnover(base: BaseData): TurnoverIndicators {
	const missing = GROUP_IDS.filter((g) => base.groups[g].newTenantsLastYear === undefined);
	const given = GROUP_IDS.filter((g) => base.groups[g].newTenantsLastYear !== undefined);
	const figures: KostraFigures = {
		kommune: { code: '', name: '' },
		year: base.baseYear,
		source: 'Grunnlagsdata',
		fileName: '',
		dwellings: totalDwellings(base),
		vacant: base.vacant,
		newTenantsByCategory: {},
		waitingByCategory: {},
		missing: [],
		notes: []
	};
	if (given.length > 0) figures.newTenants = given.reduce((n, g) => n + (base.groups[g].newTenantsLastYear ?? 0), 0);
	const ind = turnoverIndicators(figures);
	if (missing.length > 0 && given.length > 0)
		ind.notes.push(`Nye leietakere i basisåret mangler for ${missing.map((g) => GROUP_LABELS[g]).join(', ')}; de er regnet som 0.`);
	return ind;
}

// ------------------------------------------------------------------------------------ KOSTRA

export interface KostraRow {
	key: KostraChangeKey;
	accepted: boolean;
	/** As typed by the planner. */
	value: string;
}

/**
 * The accepted KOSTRA rows as numbers, or a Norwegian message naming the first bad row.
 * Rows that are not applicable are never accepted.
 */
export function collectKostraAccepted(
	changes: readonly KostraChange[],
	rows: readonly KostraRow[]
): { ok: true; accepted: { key: KostraChangeKey; value: number }[] } | { ok: false; message: string } {
	const accepted: { key: KostraChangeKey; value: number }[] = [];
	for (const row of rows) {
		if (!row.accepted) continue;
		const change = changes.find((c) => c.key === row.key);
		if (!change || !change.applicable) continue;
		const v = parseCount(row.value, change.label);
		if (typeof v === 'string') return { ok: false, message: v };
		accepted.push({ key: row.key, value: v });
	}
	if (accepted.length === 0) return { ok: false, message: 'Ingen verdier er valgt. Kryss av for tallene du vil bruke.' };
	return { ok: true, accepted };
}
