/**
 * KOSTRA figures on municipal dwellings (SSB table 12008 "Kommunalt disponerte boliger" and its
 * successors) → base-year facts, a proposed mapping onto the five target groups, and the two
 * turnover indicators. Statistics are recognised by SSB's statistic code where it is known
 * (`KOSTRA_12008_CODES`), else by their Norwegian label (SSB's labels carry typos and change; the
 * codes do not); never by the table number. The region dimension mixes kommuner with SSB's
 * aggregates (Landet, fylker, KOSTRA-grupper): aggregates are never offered as a kommune but kept
 * as comparison figures.
 */
import type { GroupId } from '#lib/core/model/groups.ts';
import type { CellValue } from './csv.ts';
import { describeMarker, fail, type SsbError } from './errors.ts';
import { historicalPeriod, kommuneNumber, parseYear, regionKind, regionName, type RegionKind } from './dimensions.ts';
import { findDimension, type Cube } from './cube.ts';
import { readCube } from './read-cube.ts';
import { chooseKommune, type KommuneOption } from './population.ts';

/** SSB's reasons for new tenant households / waiting households (KOSTRA categories). */
export type KostraCategory = 'flyktning' | 'rop' | 'tilpasset' | 'andre';

export const KOSTRA_CATEGORIES: readonly KostraCategory[] = ['flyktning', 'rop', 'tilpasset', 'andre'];

export const KOSTRA_CATEGORY_LABELS: Readonly<Record<KostraCategory, string>> = {
	flyktning: 'Flyktninger',
	rop: 'Psykiske lidelser og/eller rusproblemer',
	tilpasset: 'Behov for tilrettelagt bolig',
	andre: 'Andre vanskeligstilte'
};

export type KostraMeasureKind = 'dwellings' | 'vacant' | 'wheelchair' | 'newTenants' | 'waiting';

export interface KostraMeasure {
	/** Category index in the statistic dimension. */
	index: number;
	code: string;
	label: string;
	kind: KostraMeasureKind;
	category?: KostraCategory;
	/** The statistic is a share in per cent of its total (e.g. "Andel nyinnflyttede flyktninger (prosent)"). */
	percent: boolean;
	/** A part of the stock by ownership ("eide", "innleide", "tildelingsrett"), summed if no total exists. */
	stockPart: boolean;
}

/** A region of a KOSTRA file that is not a kommune: SSB's estimated, weighted aggregate. */
export interface KostraAggregate {
	code: string;
	name: string;
	kind: Exclude<RegionKind, 'kommune'>;
}

export interface KostraTable {
	fileName: string;
	format: 'json-stat' | 'csv';
	tableId?: string;
	title?: string;
	updated?: string;
	/** Kommuner only (current and historical); aggregates are in `aggregates`. */
	kommuner: KostraKommuneOption[];
	/** Landet, fylker, KOSTRA-grupper …: comparison figures, never a kommune to pick. */
	aggregates: KostraAggregate[];
	/** Ascending. */
	years: number[];
	/** Statistics recognised, in file order. */
	measures: KostraMeasure[];
	/** Statistics in the file that are not used (labels), for the preview. */
	ignored: string[];
	notes: string[];
	readonly cube: Cube;
	readonly layout: {
		region: number;
		time: number;
		contents: number;
		yearIndexes: number[];
		fixed: number[];
		/** Category index in the region dimension of each entry of `kommuner`. */
		kommuneIndexes: number[];
		/** Category index in the region dimension of each entry of `aggregates`. */
		aggregateIndexes: number[];
	};
}

export interface KostraKommuneOption extends KommuneOption {
	/** A kommune that no longer exists under this number: SSB's label suffix "(-2019)", "(2020-2023)". */
	historical?: { from?: number; to: number };
}

const norm = (s: string) => s.toLowerCase().normalize('NFC');

function categoryOf(label: string): KostraCategory | undefined {
	const l = norm(label);
	if (/flyktning/.test(l)) return 'flyktning';
	if (/\brus|psykisk/.test(l)) return 'rop';
	if (/tilrettelagt|tilpasset|funksjonsnedsett|nedsatt funksjon|bevegelseshem|omsorgsbehov/.test(l)) return 'tilpasset';
	if (/\bandre\b|øvrige|annen|annet/.test(l)) return 'andre';
	return undefined;
}

/**
 * 12008's statistics that are known by code (issue 12, from SSB's table; see docs/data-import.md).
 * `null`: known and deliberately not used. Codes not listed here are recognised by their label.
 */
export const KOSTRA_12008_CODES: Readonly<
	Record<string, { kind: KostraMeasureKind; category?: KostraCategory; percent: boolean; stockPart: boolean } | null>
> = {
	/** Antall nyinnflyttede husstander. */
	KOSantnyinnflytt0000: { kind: 'newTenants', percent: false, stockPart: false },
	/** Andel nyinnflyttede husstander med psykiske lidelser og/eller rusproblemer (a share, per cent). */
	KOSandnyinnflytt0001: { kind: 'newTenants', category: 'rop', percent: true, stockPart: false },
	/** Behov for tilrettelagt bolig, på venteliste. */
	KOSventelistetil0000: { kind: 'waiting', category: 'tilpasset', percent: false, stockPart: false },
	/** Privateide boliger med kommunal tildelingsrett: a part of the stock. */
	KOSboligpkommuna0000: { kind: 'dwellings', percent: false, stockPart: true },
	/** Kommunalt disponerte boliger per 1 000 innbyggere: a rate, not used. */
	KOSboligSper10000000: null
};

/** Recognise one KOSTRA statistic by its code (if known) or its label; undefined = not used. */
export function classifyKostraMeasure(code: string, label: string, index = 0): KostraMeasure | undefined {
	const known = KOSTRA_12008_CODES[code];
	if (known === null) return undefined;
	if (known !== undefined) return { index, code, label, ...known };
	const l = norm(label);
	if (/per 1 ?000|per innbygger|kroner|utgift|søknad|avslag|midlertidig|husleie|bostøtte/.test(l)) return undefined;
	const percent = /andel|prosent|\(%\)|%/.test(l);
	let kind: KostraMeasureKind | undefined;
	if (/venteliste|ventende/.test(l)) kind = 'waiting';
	else if (/nyinnflytt|nye leietak|nye husstand|innflyttede|tildelt/.test(l)) kind = 'newTenants';
	else if (/ledig|ubebodd|tomme|ikke i bruk/.test(l)) kind = 'vacant';
	else if (/rullestol/.test(l)) kind = 'wheelchair';
	else if (/boliger/.test(l)) kind = 'dwellings';
	if (!kind) return undefined;
	const m: KostraMeasure = { index, code, label, kind, percent, stockPart: false };
	if (kind === 'newTenants' || kind === 'waiting') {
		const c = categoryOf(label);
		if (c) m.category = c;
		else if (percent) return undefined; // a share of what? not used
	}
	if (kind === 'dwellings') {
		if (percent) return undefined;
		m.stockPart = /\beide\b|kommunalt eide|innleid|tildelingsrett|tildelingsavtale/.test(l) && !/disponerte/.test(l);
	}
	return m;
}

/** Names for aggregates a codes-only file gives no text for. */
const AGGREGATE_NAMES: Partial<Record<RegionKind, string>> = {
	landet: 'Landet',
	'landet-uten-oslo': 'Landet uten Oslo'
};

/** Read a KOSTRA file (JSON-stat 2.0 or CSV) on municipal dwellings. Nothing is stored. */
export function readKostraFile(
	text: string,
	fileName: string
): { ok: true; table: KostraTable } | { ok: false; error: SsbError } {
	const read = readCube(text, fileName);
	if (!read.ok) return read;
	const cube = read.cube;
	const tableText = cube.tableId ? ` (tabell ${cube.tableId})` : '';
	if (findDimension(cube, 'age'))
		return fail(
			'wrong-table',
			`Filen${tableText} har dimensjonen «alder» og ser ut som en befolkningstabell, ikke KOSTRA-tall om kommunalt disponerte boliger (tabell 12008). Bruk den under «Befolkning».`
		);
	const region = findDimension(cube, 'region');
	const time = findDimension(cube, 'time');
	const contents = findDimension(cube, 'contents') ?? findDimension(cube, 'other');
	const missing: string[] = [];
	if (!region) missing.push('«region (kommune)»');
	if (!time) missing.push('«år»');
	if (!contents) missing.push('«statistikkvariabel»');
	if (!region || !time || !contents)
		return fail(
			'missing-dimension',
			`Filen${tableText} mangler ${missing.join(' og ')}. KOSTRA-tabellen for kommunalt disponerte boliger har region, statistikkvariabel og år.`
		);
	const measures: KostraMeasure[] = [];
	const ignored: string[] = [];
	contents.dim.categories.forEach((c, i) => {
		const m = classifyKostraMeasure(c.code, c.label, i);
		if (m) measures.push(m);
		else ignored.push(c.label);
	});
	if (measures.length === 0)
		return fail(
			'wrong-table',
			`Ingen av statistikkvariablene i filen${tableText} handler om kommunalt disponerte boliger (fant f.eks. «${contents.dim.categories[0]?.label ?? ''}»). Last ned SSBs tabell 12008 «Kommunalt disponerte boliger» (eller etterfølgeren).`
		);
	const yearIdx: { year: number; index: number }[] = [];
	for (const [index, c] of time.dim.categories.entries()) {
		const y = parseYear(c.code) ?? parseYear(c.label);
		if (y === undefined) return fail('wrong-table', `Dimensjonen «år» har verdien «${c.label}», som ikke er et årstall.`);
		yearIdx.push({ year: y, index });
	}
	yearIdx.sort((a, b) => a.year - b.year);
	const fixed: number[] = [];
	for (const [i, d] of cube.dimensions.entries()) {
		if (i === region.index || i === time.index || i === contents.index) continue;
		if (d.categories.length !== 1)
			return fail('wrong-table', `Filen har dimensjonen «${d.label}» med ${d.categories.length} verdier. Velg én verdi for «${d.label}» i SSB-tabellen.`);
		fixed.push(i);
	}
	const kommuner: KostraKommuneOption[] = [];
	const kommuneIndexes: number[] = [];
	const aggregates: KostraAggregate[] = [];
	const aggregateIndexes: number[] = [];
	region.dim.categories.forEach((c, i) => {
		const kind = regionKind(c.code);
		const name = regionName(c.code, c.label);
		if (kind === 'kommune') {
			const option: KostraKommuneOption = { code: c.code, name };
			const period = historicalPeriod(c.label);
			if (period) option.historical = period;
			kommuner.push(option);
			kommuneIndexes.push(i);
		} else {
			aggregates.push({ code: c.code, name: name === c.code ? AGGREGATE_NAMES[kind] ?? c.code : name, kind });
			aggregateIndexes.push(i);
		}
	});
	if (kommuner.length === 0)
		return fail(
			'unknown-kommune',
			`Filen${tableText} har bare landet, fylker eller KOSTRA-grupper (${aggregates.slice(0, 4).map((a) => `«${a.name}»`).join(', ')}), ingen kommune. Velg kommunen din i SSB-tabellen.`
		);
	const notes: string[] = [];
	if (measures.every((m) => m.label === m.code) && ignored.length > 0)
		notes.push('Filen har bare koder, ikke tekster, og noen statistikkvariabler er ukjente for verktøyet. Last ned med «Koder og tekster» (eller som JSON-stat) for å få med alle.');
	if (aggregates.length > 0)
		notes.push(`${aggregates.map((a) => a.name).join(', ')} er SSBs beregnede, vektede tall og vises bare til sammenligning.`);
	if (ignored.length > 0) notes.push(`Ikke brukt: ${ignored.slice(0, 6).map((s) => `«${s}»`).join(', ')}${ignored.length > 6 ? ` og ${ignored.length - 6} til` : ''}.`);
	if (cube.missingCount > 0) notes.push(`Filen har ${cube.missingCount} celler med SSBs symboler for manglende eller skjermede tall («..», «:», «.»).`);
	const table: KostraTable = {
		fileName,
		format: cube.format,
		kommuner,
		aggregates,
		years: yearIdx.map((y) => y.year),
		measures,
		ignored,
		notes,
		cube,
		layout: {
			region: region.index,
			time: time.index,
			contents: contents.index,
			yearIndexes: yearIdx.map((y) => y.index),
			fixed,
			kommuneIndexes,
			aggregateIndexes
		}
	};
	if (cube.tableId !== undefined) table.tableId = cube.tableId;
	if (cube.title !== undefined) table.title = cube.title;
	if (cube.updated !== undefined) table.updated = cube.updated;
	return { ok: true, table };
}

export interface KostraFigures {
	kommune: KommuneOption;
	year: number;
	/** "SSB tabell 12008" or similar. */
	source: string;
	fileName: string;
	/** Dwellings at disposal (kommunalt disponerte boliger), incl. vacant. */
	dwellings?: number;
	vacant?: number;
	wheelchairAccessible?: number;
	/** New tenant households during the year (nyinnflyttede husstander), all reasons. */
	newTenants?: number;
	newTenantsByCategory: Partial<Record<KostraCategory, number>>;
	/** Households on the waiting list at year end. */
	waiting?: number;
	waitingByCategory: Partial<Record<KostraCategory, number>>;
	/** Norwegian notes on figures that are missing, skjermet or derived. */
	missing: string[];
	/** Norwegian notes on how figures were derived (shares converted, parts added up). */
	notes: string[];
}

export interface ExtractKostraOptions {
	/** Kommune number or name; optional if the file has one region. */
	kommune?: string;
	/** Year; default the latest year with any figure for the kommune. */
	year?: number;
}

const FIELD_NAMES: Record<KostraMeasureKind, string> = {
	dwellings: 'kommunalt disponerte boliger',
	vacant: 'ledige boliger',
	wheelchair: 'boliger tilgjengelige for rullestolbrukere',
	newTenants: 'nyinnflyttede husstander',
	waiting: 'husstander på venteliste'
};

/** The KOSTRA figures for one kommune and year. Missing figures are listed, never set to 0. */
export function extractKostra(
	table: KostraTable,
	opts: ExtractKostraOptions = {}
): { ok: true; figures: KostraFigures } | { ok: false; error: SsbError } {
	const chosen = chooseKommune(table.kommuner, opts.kommune, 'KOSTRA-filen');
	if (!chosen.ok) return chosen;
	const k = chosen.index;
	return extractRegion(table, table.layout.kommuneIndexes[k]!, table.kommuner[k]!, opts.year);
}

/** The figures of one region (kommune or aggregate) by its category index in the region dimension. */
function extractRegion(
	table: KostraTable,
	regionIndex: number,
	region: KommuneOption,
	wantedYear: number | undefined
): { ok: true; figures: KostraFigures } | { ok: false; error: SsbError } {
	const { cube, layout } = table;
	const idx: number[] = new Array<number>(cube.dimensions.length).fill(0);
	idx[layout.region] = regionIndex;
	const cellAt = (measure: KostraMeasure, yearPos: number): CellValue | undefined => {
		idx[layout.contents] = measure.index;
		idx[layout.time] = layout.yearIndexes[yearPos]!;
		return cube.get(idx);
	};
	const chosenYear = yearPosition(table, region, wantedYear, cellAt);
	if (!chosenYear.ok) return chosenYear;
	const yearPos = chosenYear.yearPos;
	const year = table.years[yearPos]!;
	const kommune = { code: region.code, name: region.name };
	const missing: string[] = [];
	const notes: string[] = [];
	const read = (m: KostraMeasure): number | undefined => {
		const c = cellAt(m, yearPos);
		if (c?.kind === 'number') return c.value;
		const why =
			c === undefined
				? 'finnes ikke i filen'
				: c.kind === 'missing'
					? c.marker === ''
						? 'er tom'
						: `er «${c.marker}» (${describeMarker(c.marker)})`
					: `«${c.text}» er ikke et tall`;
		missing.push(`«${m.label}» for ${year} ${why}.`);
		return undefined;
	};
	const pick = (kind: KostraMeasureKind, category?: KostraCategory, percent = false) =>
		table.measures.filter((m) => m.kind === kind && m.category === category && m.percent === percent && !m.stockPart);

	const figures: KostraFigures = {
		kommune,
		year,
		source: table.tableId ? `SSB tabell ${table.tableId}` : 'SSB KOSTRA (tabellnummer ikke oppgitt i filen)',
		fileName: table.fileName,
		newTenantsByCategory: {},
		waitingByCategory: {},
		missing,
		notes
	};
	const first = (ms: KostraMeasure[]): number | undefined => {
		for (const m of ms) {
			const v = read(m);
			if (v !== undefined) return v;
		}
		return undefined;
	};
	// Dwellings: the total, else the sum of its parts (owned + leased + allocation right).
	figures.dwellings = first(pick('dwellings'));
	if (figures.dwellings === undefined) {
		const parts = table.measures.filter((m) => m.kind === 'dwellings' && m.stockPart);
		if (parts.length > 0) {
			const vals = parts.map(read);
			if (vals.every((v) => v !== undefined)) {
				figures.dwellings = (vals as number[]).reduce((a, b) => a + b, 0);
				notes.push(`Kommunalt disponerte boliger er summen av ${parts.map((p) => `«${p.label}»`).join(' + ')}.`);
			}
		}
	}
	const absolute = (kind: KostraMeasureKind, category: KostraCategory | undefined, base: number | undefined): number | undefined => {
		const v = first(pick(kind, category));
		if (v !== undefined) return v;
		const shares = pick(kind, category, true);
		if (shares.length === 0) return undefined;
		const share = first(shares);
		if (share === undefined) return undefined;
		if (base === undefined) {
			missing.push(`«${shares[0]!.label}» er en andel, men totalen den er andel av mangler.`);
			return undefined;
		}
		const value = Math.round((share / 100) * base);
		notes.push(`${FIELD_NAMES[kind]}${category ? ` (${KOSTRA_CATEGORY_LABELS[category].toLowerCase()})` : ''}: ${value} er regnet ut fra andelen ${share.toLocaleString('nb-NO')} % av ${base}.`);
		return value;
	};
	figures.vacant = absolute('vacant', undefined, figures.dwellings);
	figures.wheelchairAccessible = absolute('wheelchair', undefined, figures.dwellings);
	figures.newTenants = absolute('newTenants', undefined, undefined);
	figures.waiting = absolute('waiting', undefined, undefined);
	for (const c of KOSTRA_CATEGORIES) {
		const n = sumCategory(table, 'newTenants', c, (m) => read(m));
		const nv = n ?? absolute('newTenants', c, figures.newTenants);
		if (nv !== undefined) figures.newTenantsByCategory[c] = nv;
		const w = sumCategory(table, 'waiting', c, (m) => read(m));
		const wv = w ?? absolute('waiting', c, figures.waiting);
		if (wv !== undefined) figures.waitingByCategory[c] = wv;
	}
	if (figures.newTenants === undefined) {
		const cats = Object.values(figures.newTenantsByCategory);
		if (cats.length === KOSTRA_CATEGORIES.length) {
			figures.newTenants = cats.reduce((a, b) => a + b, 0);
			notes.push('Nyinnflyttede husstander i alt er summen av kategoriene (totalen mangler i filen).');
		}
	}
	noteAbsentStatistics(table, figures);
	return { ok: true, figures };
}

/** The year asked for, else the latest year with any figure for the region. */
function yearPosition(
	table: KostraTable,
	region: KommuneOption,
	wantedYear: number | undefined,
	cellAt: (measure: KostraMeasure, yearPos: number) => CellValue | undefined
): { ok: true; yearPos: number } | { ok: false; error: SsbError } {
	if (wantedYear !== undefined) {
		const yearPos = table.years.indexOf(wantedYear);
		if (yearPos < 0) return fail('missing-values', `Året ${wantedYear} finnes ikke i KOSTRA-filen. Filen har ${table.years.join(', ')}.`);
		return { ok: true, yearPos };
	}
	for (let y = table.years.length - 1; y >= 0; y--) {
		if (table.measures.some((m) => cellAt(m, y)?.kind === 'number')) return { ok: true, yearPos: y };
	}
	return fail('missing-values', `KOSTRA-filen har ingen tall for ${region.name} i noen av årene ${table.years.join(', ')} (bare symboler som «..» eller «:»).`);
}

/** A figure the file has no statistic for at all is named in `missing` (not only left out). */
function noteAbsentStatistics(table: KostraTable, figures: KostraFigures): void {
	for (const [kind, value] of [
		['dwellings', figures.dwellings],
		['vacant', figures.vacant],
		['newTenants', figures.newTenants],
		['waiting', figures.waiting]
	] as const) {
		if (value === undefined && !table.measures.some((m) => m.kind === kind))
			figures.missing.push(`Filen har ingen statistikkvariabel for ${FIELD_NAMES[kind]}.`);
	}
}

/** Add up all absolute statistics of one kind and category (e.g. "rus" + "psykiske" + "begge"). */
function sumCategory(
	table: KostraTable,
	kind: KostraMeasureKind,
	category: KostraCategory,
	read: (m: KostraMeasure) => number | undefined
): number | undefined {
	const ms = table.measures.filter((m) => m.kind === kind && m.category === category && !m.percent);
	if (ms.length === 0) return undefined;
	let sum = 0;
	for (const m of ms) {
		const v = read(m);
		if (v === undefined) return undefined;
		sum += v;
	}
	return sum;
}

// ---------------------------------------------------------------------------------------------
// Mapping onto the five target groups

/** How each SSB category maps onto the target groups (shown to the planner as a table). */
export const KOSTRA_GROUP_MAPPING: readonly { category: KostraCategory; groups: GroupId[]; text: string }[] = [
	{ category: 'flyktning', groups: ['flyktning'], text: 'Flyktninger → Flyktninger' },
	{ category: 'rop', groups: ['rop'], text: 'Psykiske lidelser og/eller rusproblemer → ROP' },
	{
		category: 'tilpasset',
		groups: ['funksjon', 'eldre'],
		text: 'Behov for tilrettelagt bolig → delt mellom Nedsatt funksjonsevne og Eldre (du velger fordelingen)'
	},
	{ category: 'andre', groups: ['andre'], text: 'Andre vanskeligstilte → Andre' }
];

/** Default share of the adapted-dwelling category given to the elderly when nothing better is known. */
export const DEFAULT_ADAPTED_ELDERLY_SHARE = 0.5;

export interface GroupValueSuggestion {
	newTenantsLastYear?: number;
	waiting?: number;
	/** Norwegian: where the numbers come from. */
	basis: string;
}

export interface GroupMappingProposal {
	year: number;
	source: string;
	groups: Record<GroupId, GroupValueSuggestion>;
	adaptedSplit: {
		/** Share of "behov for tilrettelagt bolig" proposed for Eldre (the rest to Nedsatt funksjonsevne). */
		elderlyShare: number;
		basis: 'current-tenants' | 'planner' | 'default';
		/** Norwegian explanation of the split. */
		text: string;
	};
	/** New tenants / waiting not covered by any category (total minus the categories), if positive. */
	unassigned: { newTenants?: number; waiting?: number; text?: string };
	mapping: typeof KOSTRA_GROUP_MAPPING;
}

export interface SuggestMappingOptions {
	/** The planner's own share for the elderly (0..1); overrides everything else. */
	adaptedElderlyShare?: number;
	/** Today's tenants per group from the kommune's own mapping; splits by funksjon vs eldre tenants. */
	currentTenants?: Partial<Record<GroupId, number>>;
}

/**
 * Proposed per-group values (new tenants last year, waiting) from the KOSTRA figures. The
 * adapted-dwelling category is split between Nedsatt funksjonsevne and Eldre: by the kommune's own
 * count of today's tenants in those two groups if given, else 50/50 (no national statistic splits
 * it; see docs/data-import.md). A proposal only: the UI shows it and the planner accepts or edits.
 */
export function suggestGroupMapping(figures: KostraFigures, opts: SuggestMappingOptions = {}): GroupMappingProposal {
	let elderlyShare = DEFAULT_ADAPTED_ELDERLY_SHARE;
	let basis: GroupMappingProposal['adaptedSplit']['basis'] = 'default';
	let text =
		'Foreslått 50/50 mellom Eldre og Nedsatt funksjonsevne: SSB skiller ikke disse, og ingen nasjonal statistikk gir fordelingen. Endre den hvis kommunen vet bedre (f.eks. fra egen kartlegging av leietakerne).';
	const f = opts.currentTenants?.funksjon;
	const e = opts.currentTenants?.eldre;
	if (opts.adaptedElderlyShare !== undefined && opts.adaptedElderlyShare >= 0 && opts.adaptedElderlyShare <= 1) {
		elderlyShare = opts.adaptedElderlyShare;
		basis = 'planner';
		text = `Fordelt med ${formatPercent(elderlyShare)} til Eldre og ${formatPercent(1 - elderlyShare)} til Nedsatt funksjonsevne, slik du har valgt.`;
	} else if (f !== undefined && e !== undefined && f >= 0 && e >= 0 && f + e > 0) {
		elderlyShare = e / (f + e);
		basis = 'current-tenants';
		text = `Fordelt som dagens leietakere i kommunens egen oversikt: ${e} eldre og ${f} med nedsatt funksjonsevne gir ${formatPercent(elderlyShare)} til Eldre.`;
	}
	const split = (v: number | undefined): [number | undefined, number | undefined] => {
		if (v === undefined) return [undefined, undefined];
		const eldre = Math.round(v * elderlyShare);
		return [v - eldre, eldre];
	};
	const nt = figures.newTenantsByCategory;
	const wt = figures.waitingByCategory;
	const [ntF, ntE] = split(nt.tilpasset);
	const [wF, wE] = split(wt.tilpasset);
	const src = `KOSTRA ${figures.year}`;
	const entry = (n: number | undefined, w: number | undefined, b: string): GroupValueSuggestion => {
		const s: GroupValueSuggestion = { basis: b };
		if (n !== undefined) s.newTenantsLastYear = n;
		if (w !== undefined) s.waiting = w;
		return s;
	};
	const splitText = `${src}, «behov for tilrettelagt bolig» × ${formatPercent(1 - elderlyShare)}`;
	const groups: Record<GroupId, GroupValueSuggestion> = {
		rop: entry(nt.rop, wt.rop, `${src}, «psykiske lidelser og/eller rusproblemer»`),
		funksjon: entry(ntF, wF, splitText),
		eldre: entry(ntE, wE, `${src}, «behov for tilrettelagt bolig» × ${formatPercent(elderlyShare)}`),
		flyktning: entry(nt.flyktning, wt.flyktning, `${src}, «flyktninger»`),
		andre: entry(nt.andre, wt.andre, `${src}, «andre vanskeligstilte»`)
	};
	const rest = (total: number | undefined, byCat: Partial<Record<KostraCategory, number>>) => {
		if (total === undefined) return undefined;
		const sum = Object.values(byCat).reduce((a, b) => a + b, 0);
		return total - sum > 0 ? total - sum : undefined;
	};
	const unassigned: GroupMappingProposal['unassigned'] = {};
	const un = rest(figures.newTenants, nt);
	const uw = rest(figures.waiting, wt);
	if (un !== undefined) unassigned.newTenants = un;
	if (uw !== undefined) unassigned.waiting = uw;
	if (un !== undefined || uw !== undefined)
		unassigned.text = `Kategoriene summerer seg ikke til totalen: ${un !== undefined ? `${un} nyinnflyttede` : ''}${un !== undefined && uw !== undefined ? ' og ' : ''}${uw !== undefined ? `${uw} på venteliste` : ''} er uten kategori (mangler eller er skjermet i SSBs tall). De er ikke fordelt; legg dem til der du mener de hører hjemme.`;
	return {
		year: figures.year,
		source: figures.source,
		groups,
		adaptedSplit: { elderlyShare, basis, text },
		unassigned,
		mapping: KOSTRA_GROUP_MAPPING
	};
}

function formatPercent(share: number): string {
	return `${Math.round(share * 1000) / 10} %`.replace('.', ',');
}

// ---------------------------------------------------------------------------------------------
// Turnover indicators

export interface TurnoverIndicator {
	/** New tenant households ÷ dwellings × 100. */
	turnoverPercent?: number;
	/** Dwellings ÷ new tenant households, years. */
	botidYears?: number;
	/** The denominator used. */
	dwellings?: number;
	/** Norwegian definition text naming the denominator. */
	definition: string;
}

export interface TurnoverIndicators {
	year: number;
	newTenants?: number;
	/** KOSTRA definition: all dwellings at disposal, vacant ones included. */
	allDwellings: TurnoverIndicator;
	/** Over occupied dwellings only (dwellings − vacant). */
	occupiedDwellings: TurnoverIndicator;
	/** Norwegian notes on what could not be computed. */
	notes: string[];
}

export const TURNOVER_DEFINITIONS = {
	allDwellings:
		'Over alle boliger (KOSTRA-definisjonen): gjennomstrømming = nyinnflyttede husstander ÷ alle kommunalt disponerte boliger × 100; beregnet botid = boliger ÷ nyinnflyttede husstander (Agenda Kaupang). Ledige boliger er med, så økt ledighet gir lengre beregnet botid.',
	occupiedDwellings:
		'Over bebodde boliger: gjennomstrømming = nyinnflyttede husstander ÷ (kommunalt disponerte boliger − ledige boliger) × 100; beregnet botid = bebodde boliger ÷ nyinnflyttede husstander. Nærmere den faktiske botiden til leietakerne.'
} as const;

function indicator(newTenants: number | undefined, dwellings: number | undefined, definition: string): TurnoverIndicator {
	const ind: TurnoverIndicator = { definition };
	if (dwellings !== undefined) ind.dwellings = dwellings;
	if (newTenants !== undefined && dwellings !== undefined && dwellings > 0) ind.turnoverPercent = (newTenants / dwellings) * 100;
	if (newTenants !== undefined && newTenants > 0 && dwellings !== undefined) ind.botidYears = dwellings / newTenants;
	return ind;
}

/** Gjennomstrømming and estimated botid, over all dwellings and over occupied dwellings. */
export function turnoverIndicators(figures: KostraFigures): TurnoverIndicators {
	const notes: string[] = [];
	const { dwellings, vacant, newTenants } = figures;
	const occupied = dwellings !== undefined && vacant !== undefined ? dwellings - vacant : undefined;
	if (dwellings === undefined) notes.push('Antall kommunalt disponerte boliger mangler, så verken gjennomstrømming eller botid kan beregnes.');
	if (newTenants === undefined) notes.push('Nyinnflyttede husstander mangler, så verken gjennomstrømming eller botid kan beregnes.');
	else if (newTenants === 0) notes.push('Ingen nyinnflyttede husstander i året: beregnet botid er ikke definert.');
	if (dwellings !== undefined && vacant === undefined) notes.push('Antall ledige boliger mangler, så tallene over bebodde boliger kan ikke beregnes.');
	if (occupied !== undefined && occupied <= 0) notes.push('Ledige boliger er like mange som alle boliger; tallene over bebodde boliger gir ikke mening.');
	const res: TurnoverIndicators = {
		year: figures.year,
		allDwellings: indicator(newTenants, dwellings, TURNOVER_DEFINITIONS.allDwellings),
		occupiedDwellings: indicator(newTenants, occupied !== undefined && occupied > 0 ? occupied : undefined, TURNOVER_DEFINITIONS.occupiedDwellings),
		notes
	};
	if (newTenants !== undefined) res.newTenants = newTenants;
	return res;
}

// ---------------------------------------------------------------------------------------------
// Several years, and comparison with Landet and the KOSTRA group

/**
 * The kommune's figures for every year of the file that has at least one of dwellings, new tenant
 * households or waiting list (ascending). A historical kommune ("Bærum (-2019)") is its own region:
 * SSB reports the current kommune's earlier years under the current number where it can.
 */
export function extractKostraYears(
	table: KostraTable,
	opts: { kommune?: string } = {}
): { ok: true; years: KostraFigures[] } | { ok: false; error: SsbError } {
	const years: KostraFigures[] = [];
	for (const year of table.years) {
		const r = extractKostra(table, { ...opts, year });
		if (!r.ok) return r;
		const f = r.figures;
		if (f.dwellings !== undefined || f.newTenants !== undefined || f.waiting !== undefined) years.push(f);
	}
	if (years.length === 0)
		return fail('missing-values', `KOSTRA-filen har ingen tall for boliger, nyinnflyttede eller venteliste for kommunen i noen av årene ${table.years.join(', ')}.`);
	return { ok: true, years };
}

export interface ComparisonLine {
	/** "kommunen", "Kostragruppe 13", "landet". */
	name: string;
	kind: 'kommune' | 'kostragruppe' | 'landet';
	/** Gjennomstrømming, KOSTRA definition: new tenant households ÷ all dwellings × 100. */
	turnoverPercent?: number;
}

export interface KostraComparison {
	year: number;
	lines: ComparisonLine[];
	/** "Gjennomstrømming 2024: 12 % i kommunen, 10 % i Kostragruppe 13, 11 % i landet." */
	text: string;
	/** Why a comparison is missing, e.g. the KOSTRA group was not chosen. */
	notes: string[];
}

/**
 * The kommune's turnover beside the KOSTRA group's and the country's, where the file holds them.
 * The kommune's KOSTRA group comes from SSB's classification 112 and is never guessed: the
 * planner passes `kostraGroupCode` (e.g. "EKG13"), else the group is left out with a note.
 */
export function kostraComparison(table: KostraTable, figures: KostraFigures, opts: { kostraGroupCode?: string } = {}): KostraComparison {
	const notes: string[] = [];
	const turnover = (f: KostraFigures) =>
		f.newTenants !== undefined && f.dwellings !== undefined && f.dwellings > 0 ? (f.newTenants / f.dwellings) * 100 : undefined;
	const lineFor = (code: string, kind: ComparisonLine['kind'], name: string): ComparisonLine | undefined => {
		const a = table.aggregates.findIndex((x) => x.code.toUpperCase() === code.toUpperCase());
		if (a < 0) return undefined;
		const r = extractRegion(table, table.layout.aggregateIndexes[a]!, table.aggregates[a]!, figures.year);
		const t = r.ok ? turnover(r.figures) : undefined;
		return t === undefined ? { name, kind } : { name, kind, turnoverPercent: t };
	};
	const lines: ComparisonLine[] = [];
	const own = turnover(figures);
	lines.push(own === undefined ? { name: 'kommunen', kind: 'kommune' } : { name: 'kommunen', kind: 'kommune', turnoverPercent: own });
	const groups = table.aggregates.filter((a) => a.kind === 'kostragruppe');
	if (opts.kostraGroupCode) {
		const g = groups.find((x) => x.code.toUpperCase() === opts.kostraGroupCode!.toUpperCase());
		const line = g ? lineFor(g.code, 'kostragruppe', g.name) : undefined;
		if (line) lines.push(line);
		else notes.push(`KOSTRA-gruppen «${opts.kostraGroupCode}» finnes ikke i filen.`);
	} else if (groups.length > 0) {
		notes.push('Velg kommunens KOSTRA-gruppe for å sammenligne med den. Verktøyet gjetter den ikke: SSBs klassifikasjon 112 sier hvilken gruppe kommunen hører til.');
	}
	const landet = lineFor('EAK', 'landet', 'landet');
	if (landet) lines.push(landet);
	const shown = lines.filter((l) => l.turnoverPercent !== undefined);
	const pct = (v: number) => `${Math.round(v).toLocaleString('nb-NO')} %`;
	const text =
		shown.length === 0
			? `Gjennomstrømmingen for ${figures.year} kan ikke beregnes fra filen.`
			: `Gjennomstrømming ${figures.year}: ${shown.map((l) => `${pct(l.turnoverPercent!)} i ${l.name}`).join(', ')}.`;
	return { year: figures.year, lines, text, notes };
}
