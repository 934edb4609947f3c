/**
 * SSB municipal population projections → PopulationSeries.
 *
 * Two steps so nothing changes before the planner confirms a preview:
 * 1. `readPopulationFile` reads a JSON-stat 2.0 or CSV file and lists what it holds
 *    (kommuner, alternatives, years, ages, sexes) or says, in Norwegian, what is wrong.
 * 2. `extractPopulation` builds the series for one kommune and one alternative, summing sexes.
 */
import { ageBandTotal, type AgeBand, type PopulationSeries, type Provenance } from '#lib/core/model/population.ts';
import type { CellValue } from './csv.ts';
import { describeMarker, fail, type SsbError } from './errors.ts';
import {
	DIMENSION_NAMES,
	alternativeCodeIn,
	PROJECTION_STATISTIC_CODES,
	isBothSexes,
	kommuneNumber,
	looksLikeAlternatives,
	parseSingleAge,
	parseYear,
	regionName
} from './dimensions.ts';
import { findDimension, type Cube, type CubeDimension } from './cube.ts';
import { readCube } from './read-cube.ts';
import { localIsoDate } from '#lib/core/text/dates.ts';

export interface KommuneOption {
	/** Region code as in the file, e.g. "3201" (or "K-3201"). */
	code: string;
	/** Name, e.g. "Bærum". */
	name: string;
}

export interface AlternativeOption {
	/** Alternative code, e.g. "MMMM"; the category code if the label has none. */
	code: string;
	/** SSB's label, e.g. "Hovedalternativet (MMMM)". */
	label: string;
}

export interface PopulationTable {
	fileName: string;
	format: 'json-stat' | 'csv';
	/** SSB table number if the file names it, e.g. "14288". */
	tableId?: string;
	title?: string;
	updated?: string;
	kommuner: KommuneOption[];
	/** At least one; a file without an alternative dimension gives one with code "". */
	alternatives: AlternativeOption[];
	/** Ascending, consecutive. */
	years: number[];
	/** 0..maxAge, consecutive; the last is open-ended. */
	ages: number[];
	/** Label of the last age in the file, e.g. "105 år eller eldre". */
	lastAgeLabel: string;
	/** Sex categories in the file (empty if the file has no sex dimension). */
	sexes: { code: string; label: string }[];
	/** How sexes are combined: the file's total category, the sum of the sexes, or no sex dimension. */
	sexHandling: 'total-category' | 'sum' | 'none';
	/** Cells holding SSB's symbols for missing or confidential values (anywhere in the file). */
	missingCount: number;
	/** Notes for the preview (Norwegian), e.g. ignored age groups. */
	notes: string[];
	/** Internal: the parsed file and where each dimension is. */
	readonly cube: Cube;
	readonly layout: PopulationLayout;
}

interface PopulationLayout {
	region: number;
	age: number;
	time: number;
	sex?: number;
	/** Sex category indexes to add up (one entry when the file has a total). */
	sexIndexes: number[];
	alternative?: number;
	/** Category index of the alternative dimension for each entry of `alternatives`. */
	alternativeIndexes: number[];
	/** A contents dimension that is not the alternative: the fixed category index to use. */
	contents?: { dim: number; index: number };
	/** Category index for each age 0..max. */
	ageIndexes: number[];
	/** Category index for each year. */
	yearIndexes: number[];
	/** Other dimensions with a single category: index 0. */
	fixed: number[];
}

const KOSTRA_HINT = /boliger|husstand|venteliste|leietaker|nyinnflytt/i;

function catText(c: { code: string; label: string }): string {
	return c.label === c.code ? c.code : `${c.label}`;
}

/** Read an SSB population projection file (JSON-stat 2.0 or CSV). Nothing is stored. */
export function readPopulationFile(
	text: string,
	fileName: string
): { ok: true; table: PopulationTable } | { ok: false; error: SsbError } {
	const read = readCube(text, fileName);
	if (!read.ok) return read;
	return populationTableFromCube(read.cube, fileName);
}

type Found = NonNullable<ReturnType<typeof findDimension>>;
type Fail = { ok: false; error: SsbError };

/**
 * Reads a population projection out of a cube, step by step: is it the projection table at all,
 * then its single-year ages, its consecutive years, its sexes, its alternatives and the dimensions
 * that must hold one value. Each step refuses with a message that names the dimension.
 */
export function populationTableFromCube(
	cube: Cube,
	fileName: string
): { ok: true; table: PopulationTable } | { ok: false; error: SsbError } {
	const tableText = cube.tableId ? ` (tabell ${cube.tableId})` : '';
	const dims = projectionDimensions(cube, tableText);
	if (!dims.ok) return dims;
	const { region, age, time, contents } = dims;
	const notes: string[] = [];
	const ages = singleYearAges(age, notes);
	if (!ages.ok) return ages;
	const years = consecutiveYears(time);
	if (!years.ok) return years;
	const sex = findDimension(cube, 'sex');
	const sexes = sexSelection(sex);
	if (!sexes.ok) return sexes;
	const alts = alternativesOf(cube, contents, tableText, notes);
	if (!alts.ok) return alts;
	const { altDim, contentsFixed, alternatives, alternativeIndexes } = alts;

	const used = new Set<number>([region.index, age.index, time.index]);
	if (sex) used.add(sex.index);
	if (altDim) used.add(altDim.index);
	if (contentsFixed) used.add(contentsFixed.dim);
	const fixed = singleValueDimensions(cube, used);
	if (!fixed.ok) return fixed;
	if (cube.missingCount > 0)
		notes.push(`Filen har ${cube.missingCount} celler med SSBs symboler for manglende eller skjermede tall («..», «:», «.»). De gir feil bare hvis de gjelder kommunen og alternativet du velger.`);
	if (cube.zeroMarkerCount > 0) notes.push(`${cube.zeroMarkerCount} celler har SSBs symbol «-» (null) og leses som 0.`);

	const { byAge, maxAge } = ages;
	const ageList = Array.from({ length: maxAge + 1 }, (_, a) => a);
	const table: PopulationTable = {
		fileName,
		format: cube.format,
		kommuner: region.dim.categories.map((c) => ({ code: c.code, name: regionName(c.code, c.label) })),
		alternatives,
		years: years.years.map((y) => y.year),
		ages: ageList,
		lastAgeLabel: byAge.get(maxAge)?.label ?? `${maxAge} år`,
		sexes: sex ? sex.dim.categories.map((c) => ({ ...c })) : [],
		sexHandling: sexes.handling,
		missingCount: cube.missingCount,
		notes,
		cube,
		layout: {
			region: region.index,
			age: age.index,
			time: time.index,
			...(sex ? { sex: sex.index } : {}),
			sexIndexes: sexes.indexes,
			...(altDim ? { alternative: altDim.index } : {}),
			alternativeIndexes,
			...(contentsFixed ? { contents: contentsFixed } : {}),
			ageIndexes: ageList.map((a) => byAge.get(a)!.index),
			yearIndexes: years.years.map((y) => y.index),
			fixed: fixed.fixed
		}
	};
	if (cube.tableId !== undefined) table.tableId = cube.tableId;
	if (cube.title !== undefined) table.title = cube.title;
	if (cube.updated !== undefined) table.updated = cube.updated;
	return { ok: true, table };
}

/** Region, age and time of a projection table; a KOSTRA file or another table is named as such. */
function projectionDimensions(
	cube: Cube,
	tableText: string
): { ok: true; region: Found; age: Found; time: Found; contents: Found | undefined } | Fail {
	const contents = findDimension(cube, 'contents');
	const contentsLabels = contents?.dim.categories.map((c) => c.label).join(' ') ?? '';
	const region = findDimension(cube, 'region');
	const age = findDimension(cube, 'age');
	const time = findDimension(cube, 'time');
	if ((!age && KOSTRA_HINT.test(contentsLabels)) || (!age && KOSTRA_HINT.test(cube.title ?? '')))
		return fail(
			'wrong-table',
			`Filen${tableText} ser ut til å inneholde KOSTRA-tall om kommunale boliger, ikke en befolkningsframskriving. Bruk den under «KOSTRA-tall», eller last ned SSBs tabell «Framskrevet folkemengde 1. januar, etter region, kjønn, alder …».`
		);
	// Without ages: is this the projection table with a dimension left out, or another table?
	const projectionLike =
		/framskrev/i.test(cube.title ?? '') ||
		(contents !== undefined && looksLikeAlternatives(contents.dim.categories)) ||
		findDimension(cube, 'alternative') !== undefined;
	if (!age && !projectionLike)
		return fail(
			'wrong-table',
			`Filen${tableText} er ikke en befolkningsframskriving: den har ingen dimensjon for alder og ingen framskrivingsalternativer${contents ? ` (statistikkvariabel: ${summariseList(contents.dim.categories.map((c) => `«${c.label}»`), 3)})` : ''}. Last ned SSBs tabell «Framskrevet folkemengde 1. januar, etter region, kjønn, alder …».`
		);
	const missing: string[] = [];
	if (!region) missing.push(DIMENSION_NAMES.region);
	if (!age) missing.push(DIMENSION_NAMES.age);
	if (!time) missing.push(DIMENSION_NAMES.time);
	if (!region || !age || !time)
		return fail(
			'missing-dimension',
			`Filen${tableText} mangler ${missing.length === 1 ? 'dimensjonen' : 'dimensjonene'} ${missing.map((m) => `«${m}»`).join(' og ')}. En befolkningsframskriving fra SSB må ha region, alder og år (og gjerne kjønn og framskrivingsalternativ).`,
			`dimensions: ${cube.dimensions.map((d) => `${d.id}(${d.kind})`).join(', ')}`
		);
	return { ok: true, region, age, time, contents };
}

/** Single years 0..max, every one present; age groups and totals are left out (with a note). */
function singleYearAges(
	age: Found,
	notes: string[]
): { ok: true; byAge: Map<number, { index: number; open: boolean; label: string }>; maxAge: number } | Fail {
	const byAge = new Map<number, { index: number; open: boolean; label: string }>();
	const ignoredAges: string[] = [];
	age.dim.categories.forEach((c, index) => {
		const parsed = parseSingleAge(c.code) ?? parseSingleAge(c.label);
		if (parsed && !byAge.has(parsed.age)) byAge.set(parsed.age, { index, open: parsed.openEnded, label: c.label });
		else ignoredAges.push(c.label);
	});
	if (byAge.size === 0)
		return fail(
			'wrong-table',
			`Dimensjonen «alder» har ingen ettårige aldre (fant f.eks. «${age.dim.categories[0]?.label ?? ''}»). Velg «Alder: alle ettårige aldre (0 år … 105 år eller eldre)» når du laster ned fra SSB.`
		);
	const maxAge = Math.max(...byAge.keys());
	const absentAges: number[] = [];
	for (let a = 0; a <= maxAge; a++) if (!byAge.has(a)) absentAges.push(a);
	if (absentAges.length > 0)
		return fail(
			'missing-dimension',
			`Dimensjonen «alder» mangler ${absentAges.length} ettårige aldre (${summariseList(absentAges.map((a) => `${a} år`))}). Velg alle aldre fra 0 til ${maxAge} år i SSB-tabellen.`
		);
	for (const [a, info] of byAge) {
		if (info.open && a !== maxAge)
			return fail('wrong-table', `Alderen «${info.label}» er åpen («eller eldre»), men er ikke den høyeste alderen i filen.`);
	}
	if (ignoredAges.length > 0)
		notes.push(`Aldersgrupper og summer ble ikke brukt (bare ettårige aldre): ${summariseList(ignoredAges.map((s) => `«${s}»`))}.`);
	return { ok: true, byAge, maxAge };
}

/** Four-digit years, ascending, none missing and none twice. */
function consecutiveYears(time: Found): { ok: true; years: { year: number; index: number }[] } | Fail {
	const yearList: { year: number; index: number }[] = [];
	for (const [index, c] of time.dim.categories.entries()) {
		const y = parseYear(c.code) ?? parseYear(c.label);
		if (y === undefined)
			return fail('wrong-table', `Dimensjonen «år» har verdien «${c.label}», som ikke er et årstall. Befolkningsframskrivingen må være årlig.`);
		yearList.push({ year: y, index });
	}
	yearList.sort((a, b) => a.year - b.year);
	for (let i = 1; i < yearList.length; i++) {
		const prev = yearList[i - 1]!.year;
		const cur = yearList[i]!.year;
		if (cur === prev) return fail('wrong-table', `Året ${cur} står to ganger i dimensjonen «år».`);
		if (cur !== prev + 1)
			return fail(
				'missing-dimension',
				`Dimensjonen «år» hopper fra ${prev} til ${cur}. Velg alle årene (for eksempel ${yearList[0]!.year}–${yearList[yearList.length - 1]!.year}) i SSB-tabellen; verktøyet fyller ikke inn år selv.`
			);
	}
	return { ok: true, years: yearList };
}

/** Sex: the total category if there is one, else the sexes added up. */
function sexSelection(sex: Found | undefined): { ok: true; indexes: number[]; handling: PopulationTable['sexHandling'] } | Fail {
	if (!sex) return { ok: true, indexes: [], handling: 'none' };
	const total = sex.dim.categories.findIndex((c) => isBothSexes(c.code, c.label));
	if (total >= 0) return { ok: true, indexes: [total], handling: 'total-category' };
	if (sex.dim.categories.length >= 2) return { ok: true, indexes: sex.dim.categories.map((_, i) => i), handling: 'sum' };
	return fail(
		'missing-dimension',
		`Dimensjonen «kjønn» har bare «${sex.dim.categories[0]?.label ?? ''}». Velg både menn og kvinner (eller «Begge kjønn») i SSB-tabellen.`
	);
}

/**
 * Alternative: an explicit dimension, or the statistic variable when its values are alternatives
 * (SSB's 9-alternative tables list "Hovedalternativet (MMMM)" etc. as statistikkvariabel); any
 * other statistic variable must be the population, held at that value.
 */
function alternativesOf(
	cube: Cube,
	contents: Found | undefined,
	tableText: string,
	notes: string[]
):
	| { ok: true; altDim: Found | undefined; contentsFixed: PopulationLayout['contents']; alternatives: AlternativeOption[]; alternativeIndexes: number[] }
	| Fail {
	let altDim = findDimension(cube, 'alternative');
	let contentsFixed: PopulationLayout['contents'];
	if (!altDim && contents && looksLikeAlternatives(contents.dim.categories)) altDim = contents;
	else if (contents && contents !== altDim) {
		const cats = contents.dim.categories;
		const idx = cats.length === 1 ? 0 : cats.findIndex((c) => /person|folkemengde|befolkning/i.test(c.label + ' ' + c.code));
		if (idx < 0)
			return fail(
				'wrong-table',
				`Statistikkvariabelen i filen${tableText} (${summariseList(cats.map((c) => `«${c.label}»`))}) er ikke folkemengde. Last ned SSBs tabell «Framskrevet folkemengde 1. januar …».`
			);
		if (cats.length > 1) notes.push(`Brukte statistikkvariabelen «${cats[idx]!.label}».`);
		contentsFixed = { dim: contents.index, index: idx };
	}
	const alternatives: AlternativeOption[] = [];
	const alternativeIndexes: number[] = [];
	if (altDim) {
		const categories = altDim.dim.categories;
		categories.forEach((c, i) => {
			const code = alternativeCodeIn(categories, c);
			// A codes-only download has "Personer1" as its only label: say which alternative it is.
			const label = code !== undefined && c.label === c.code && c.code in PROJECTION_STATISTIC_CODES ? `Alternativ ${code} (${c.code})` : c.label;
			alternatives.push({ code: code ?? c.code, label });
			alternativeIndexes.push(i);
		});
	} else {
		alternatives.push({ code: '', label: 'Alternativ ikke oppgitt i filen' });
		alternativeIndexes.push(0);
		notes.push('Filen har ikke noe framskrivingsalternativ (f.eks. MMMM). Sjekk at du lastet ned riktig tabell og alternativ.');
	}
	return { ok: true, altDim, contentsFixed, alternatives, alternativeIndexes };
}

/** The dimensions not read above must hold one value each: the tool does not know how to add them up. */
function singleValueDimensions(cube: Cube, used: ReadonlySet<number>): { ok: true; fixed: number[] } | Fail {
	const fixed: number[] = [];
	for (const [i, d] of cube.dimensions.entries()) {
		if (used.has(i)) continue;
		if (d.categories.length !== 1)
			return fail(
				'wrong-table',
				`Filen har dimensjonen «${d.label}» med ${d.categories.length} verdier, som verktøyet ikke vet hvordan det skal slå sammen. Velg én verdi for «${d.label}» i SSB-tabellen.`
			);
		fixed.push(i);
	}
	return { ok: true, fixed };
}

function summariseList(items: string[], max = 5): string {
	if (items.length <= max) return items.join(', ');
	return `${items.slice(0, max).join(', ')} og ${items.length - max} til`;
}

/** Find a kommune by code ("3201", "K-3201") or name ("Bærum"), case-insensitive. */
export function findKommune(table: { readonly kommuner: readonly KommuneOption[] }, kommune: string): number {
	const q = kommune.trim();
	const qn = kommuneNumber(q);
	let i = table.kommuner.findIndex((k) => k.code === q);
	if (i < 0 && qn) i = table.kommuner.findIndex((k) => kommuneNumber(k.code) === qn);
	if (i < 0) i = table.kommuner.findIndex((k) => k.name.toLowerCase() === q.toLowerCase());
	return i;
}

/**
 * The kommune to read from a file's list: `wanted` (number or name), or the only one if none is
 * wanted. One rule and one message for the population and the KOSTRA reader; `fileWhat` names
 * the file ("filen", "KOSTRA-filen").
 */
export function chooseKommune(
	kommuner: readonly KommuneOption[],
	wanted: string | undefined,
	fileWhat: string
): { ok: true; index: number } | { ok: false; error: SsbError } {
	if (wanted === undefined || wanted === '') {
		if (kommuner.length !== 1) return fail('unknown-kommune', `Filen har ${kommuner.length} regioner. Velg hvilken kommune du vil bruke.`);
		return { ok: true, index: 0 };
	}
	const index = findKommune({ kommuner }, wanted);
	if (index >= 0) return { ok: true, index };
	const listed = kommuner.map((x) => (x.name === x.code ? x.code : `${kommuneNumber(x.code) ?? x.code} ${x.name}`));
	return fail('unknown-kommune', `Kommunen «${wanted}» finnes ikke i ${fileWhat}. Filen har: ${summariseList(listed, 8)}.`);
}

export interface ExtractPopulationOptions {
	/** Kommune number or name as listed in `table.kommuner`. Optional if the file has one region. */
	kommune?: string;
	/** Alternative code ("MMMM") or label. Optional if the file has one alternative. */
	alternative?: string;
	/** ISO date of retrieval/import; default today. */
	retrieved?: string;
}

/**
 * Build the PopulationSeries for one kommune and alternative. Sexes are added up (or the file's
 * "Begge kjønn" is used). A needed cell with SSB's missing/confidential symbol is an error that
 * names it: never a silent 0. SSB's "-" (null) is 0 and reported in `warnings`.
 */
export function extractPopulation(
	table: PopulationTable,
	opts: ExtractPopulationOptions
): { ok: true; series: PopulationSeries; warnings: string[] } | { ok: false; error: SsbError } {
	const { cube, layout } = table;
	const warnings: string[] = [];
	const chosen = chooseKommune(table.kommuner, opts.kommune, 'filen');
	if (!chosen.ok) return chosen;
	const k = chosen.index;
	const kommuneOpt = table.kommuner[k]!;
	let a: number;
	if (opts.alternative === undefined || opts.alternative === '') {
		if (table.alternatives.length !== 1)
			return fail(
				'unknown-alternative',
				`Filen har ${table.alternatives.length} framskrivingsalternativer (${summariseList(table.alternatives.map((x) => x.code))}). Velg ett.`
			);
		a = 0;
	} else {
		const q = opts.alternative.trim().toLowerCase();
		a = table.alternatives.findIndex((x) => x.code.toLowerCase() === q || x.label.toLowerCase() === q);
		if (a < 0)
			return fail(
				'unknown-alternative',
				`Framskrivingsalternativet «${opts.alternative}» finnes ikke i filen. Filen har: ${summariseList(table.alternatives.map((x) => `${x.code} (${x.label})`), 9)}.`
			);
	}
	const alt = table.alternatives[a]!;
	const regionDim = cube.dimensions[layout.region]!;
	const sexDim: CubeDimension | undefined = layout.sex !== undefined ? cube.dimensions[layout.sex] : undefined;
	const idx: number[] = new Array<number>(cube.dimensions.length).fill(0);
	idx[layout.region] = k;
	if (layout.alternative !== undefined) idx[layout.alternative] = layout.alternativeIndexes[a]!;
	if (layout.contents) idx[layout.contents.dim] = layout.contents.index;
	for (const f of layout.fixed) idx[f] = 0;

	const problems: string[] = [];
	let problemCount = 0;
	let fractional = false;
	const values: number[][] = [];
	for (let y = 0; y < table.years.length; y++) {
		idx[layout.time] = layout.yearIndexes[y]!;
		const row: number[] = [];
		for (let ag = 0; ag < table.ages.length; ag++) {
			idx[layout.age] = layout.ageIndexes[ag]!;
			let sum = 0;
			const sexList = layout.sex !== undefined ? layout.sexIndexes : [-1];
			for (const s of sexList) {
				if (layout.sex !== undefined) idx[layout.sex] = s;
				const cell: CellValue | undefined = cube.get(idx);
				if (cell?.kind === 'number') {
					if (cell.value < 0) {
						problemCount++;
						if (problems.length < 5) problems.push(`${table.years[y]}, ${ag} år${sexText(sexDim, s)}: negativt tall (${cell.value})`);
						continue;
					}
					if (!Number.isInteger(cell.value)) fractional = true;
					sum += cell.value;
				} else {
					problemCount++;
					if (problems.length < 5) problems.push(`${table.years[y]}, ${ag} år${sexText(sexDim, s)}: ${cellProblem(cell)}`);
				}
			}
			row.push(sum);
		}
		values.push(row);
	}
	const kommuneText = `${kommuneOpt.name}${kommuneOpt.name !== kommuneOpt.code ? ` (${kommuneOpt.code})` : ''}`;
	const altText = alt.code ? `alternativ ${alt.code}` : 'filens eneste alternativ';
	if (problemCount > 0)
		return fail(
			'missing-values',
			`Det mangler tall for ${kommuneText}, ${altText}, i ${problemCount} ${problemCount === 1 ? 'celle' : 'celler'}: ${problems.join('; ')}${problemCount > problems.length ? ` og ${problemCount - problems.length} til` : ''}. Ingenting er endret. Velg en annen kommune eller et annet alternativ, eller last ned tabellen på nytt fra SSB.`,
			`region dimension ${regionDim.id}, category ${kommuneOpt.code}`
		);
	if (cube.zeroMarkerCount > 0) warnings.push('SSBs symbol «-» (null) er lest som 0 der det forekommer.');
	if (fractional) warnings.push('Noen tall i filen har desimaler; de er brukt som de er.');
	if (table.ages.length - 1 < 90)
		warnings.push(`Høyeste alder i filen er «${table.lastAgeLabel}». Aldersgrupper over ${table.ages.length - 1} år kan ikke skilles ut.`);
	if (!alt.code) warnings.push('Filen sier ikke hvilket framskrivingsalternativ tallene gjelder.');
	const provenance: Provenance = {
		kind: 'imported',
		source: table.tableId ? `SSB tabell ${table.tableId}` : 'SSB (tabellnummer ikke oppgitt i filen)',
		retrieved: opts.retrieved ?? localIsoDate(),
		note: `${kommuneText}; ${alt.label}${table.sexHandling === 'sum' ? '; menn og kvinner lagt sammen' : ''}${table.title ? `; ${table.title}` : ''}`
	};
	if (alt.code) provenance.alternative = alt.code;
	if (table.fileName) provenance.fileName = table.fileName;
	return {
		ok: true,
		series: { years: [...table.years], ages: [...table.ages], values, provenance },
		warnings
	};
}

function sexText(dim: CubeDimension | undefined, s: number): string {
	if (!dim || s < 0) return '';
	const c = dim.categories[s];
	return c ? ` (${catText(c).toLowerCase()})` : '';
}

function cellProblem(cell: CellValue | undefined): string {
	if (cell === undefined) return 'cellen finnes ikke i filen';
	if (cell.kind === 'missing')
		return cell.marker === '' ? 'tom celle' : `«${cell.marker}» (${describeMarker(cell.marker)})`;
	if (cell.kind === 'invalid') return `«${cell.text}» er ikke et tall`;
	return 'ukjent';
}

/** The one band total lives with the population type; re-exported for the SSB import's users. */
export { ageBandTotal };

/** Persons in an age band for every year of the series. */
export function ageBandSeries(series: PopulationSeries, band: AgeBand): number[] {
	return series.years.map((_, y) => ageBandTotal(series, band, y));
}

/**
 * A warning (Norwegian) if an age band cannot be taken from the series exactly: its upper bound
 * lies above the open-ended top age, so the top group is mixed in or cut.
 */
export function ageBandWarning(series: PopulationSeries, band: AgeBand): string | undefined {
	const top = series.ages[series.ages.length - 1];
	if (top === undefined) return 'Befolkningsserien har ingen aldre.';
	if (band.from > top) return `Aldersgruppen starter ved ${band.from} år, over høyeste alder i tallene (${top} år eller eldre).`;
	if (band.to !== undefined && band.to >= top && band.to !== top)
		return `Aldersgruppen slutter ved ${band.to} år, men tallene har bare «${top} år eller eldre»; hele den øverste gruppen er tatt med.`;
	return undefined;
}

/** One Norwegian line for the preview: what the file holds. */
export function describePopulationTable(table: PopulationTable): string {
	const first = table.years[0];
	const last = table.years[table.years.length - 1];
	const parts = [
		`${table.tableId ? `SSB tabell ${table.tableId}` : 'SSB-tabell (nummer ikke oppgitt)'} (${table.format === 'json-stat' ? 'JSON-stat' : 'CSV'})`,
		`${table.kommuner.length} ${table.kommuner.length === 1 ? 'region' : 'regioner'}`,
		`${table.alternatives.length} ${table.alternatives.length === 1 ? 'alternativ' : 'alternativer'}${table.alternatives.some((a) => a.code) ? ` (${table.alternatives.map((a) => a.code || '–').join(', ')})` : ''}`,
		first === last ? `år ${first}` : `år ${first}–${last}`,
		`alder 0–${table.lastAgeLabel}`
	];
	if (table.sexHandling === 'sum') parts.push('menn og kvinner legges sammen');
	return parts.join(', ') + '.';
}
