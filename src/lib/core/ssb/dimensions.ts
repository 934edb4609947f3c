/**
 * Recognise what a dimension means from its id, label and JSON-stat role, never from a table
 * number: SSB renumbers the projection table every round (14288 in 2024) and KOSTRA tables get
 * successors, but the dimension ids and Norwegian labels have stayed stable
 * (Region/region, Kjonn/kjønn, Alder/alder, Tid/år, ContentsCode/statistikkvariabel).
 */
export type DimensionKind = 'region' | 'sex' | 'age' | 'time' | 'alternative' | 'contents' | 'other';

/** Norwegian names of the dimension kinds, for messages. */
export const DIMENSION_NAMES: Readonly<Record<DimensionKind, string>> = {
	region: 'region (kommune)',
	sex: 'kjønn',
	age: 'alder',
	time: 'år',
	alternative: 'framskrivingsalternativ',
	contents: 'statistikkvariabel',
	other: 'annen dimensjon'
};

export type JsonStatRole = 'time' | 'geo' | 'metric';

function norm(s: string): string {
	return s
		.trim()
		.toLowerCase()
		.normalize('NFC')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.replace(/æ/g, 'ae');
}

/** Classify one dimension. `role` is the JSON-stat role if the dataset gives one. */
export function classifyDimension(id: string, label: string, role?: JsonStatRole): DimensionKind {
	const i = norm(id);
	const l = norm(label);
	const either = (re: RegExp) => re.test(i) || re.test(l);
	if (either(/alternativ|framskriv/)) return 'alternative';
	// KOSTRA names its region dimension "KOKkommuneregion0000" (role geo): any id with "region" in it.
	if (role === 'geo' || either(/^(region|kommune|kommunenummer|kommunenr|geo)$/) || l.startsWith('region') || /region/.test(i))
		return 'region';
	if (role === 'time' || either(/^(tid|ar|aar|time|year|periode|arstall)$/)) return 'time';
	if (either(/^(kjonn|kjon|sex|kjonn\/sex)$/)) return 'sex';
	if (either(/^(alder|age|ettarig alder|alder \(ettarig\))$/) || l.startsWith('alder')) return 'age';
	if (role === 'metric' || either(/^(contentscode|statistikkvariabel|contents|statistic)$/))
		return 'contents';
	return 'other';
}

/** A projection alternative code such as MMMM, LLML, HHMH, MMM0, MM00 inside a label. */
const ALT_IN_LABEL = /\(([LMHK0]{4})\)/;
const ALT_CODE = /^[LMHK0]{4}$/;

/**
 * In the projection tables the alternatives are the statistic variable, and a codes-only download
 * names them by statistic code only: `Personer` is the main alternative MMMM and `Personer1` …
 * `Personer8` the others, in SSB's order (issue 12; see docs/data-import.md for what is verified).
 * A lone `Personer` is also the code of plain population counts, so it means MMMM only beside
 * at least one of `Personer1` … `Personer8` (see `alternativeCodeIn`).
 */
export const PROJECTION_STATISTIC_CODES: Readonly<Record<string, string>> = {
	Personer: 'MMMM',
	Personer1: 'LLML',
	Personer2: 'HHMH',
	Personer3: 'MMML',
	Personer4: 'MMMH',
	Personer5: 'LHML',
	Personer6: 'HLMH',
	Personer7: 'MMM0',
	Personer8: 'MM00'
};
const NUMBERED_PROJECTION_CODE = /^Personer[1-8]$/;

/** The alternative code a category stands for: "(MMMM)" in its label, a code that is one, or `Personer1`…`Personer8`. */
export function alternativeCode(code: string, label: string): string | undefined {
	const m = ALT_IN_LABEL.exec(label);
	if (m?.[1]) return m[1];
	if (ALT_CODE.test(code)) return code;
	if (ALT_CODE.test(label.trim())) return label.trim();
	if (NUMBERED_PROJECTION_CODE.test(code)) return PROJECTION_STATISTIC_CODES[code];
	return undefined;
}

/** `alternativeCode` for one category of a set: a lone `Personer` counts as MMMM only among `Personer1`…`Personer8`. */
export function alternativeCodeIn(categories: readonly { code: string; label: string }[], c: { code: string; label: string }): string | undefined {
	const own = alternativeCode(c.code, c.label);
	if (own !== undefined) return own;
	if (c.code === 'Personer' && categories.some((x) => NUMBERED_PROJECTION_CODE.test(x.code))) return PROJECTION_STATISTIC_CODES['Personer'];
	return undefined;
}

/** Does this set of category labels look like projection alternatives? */
export function looksLikeAlternatives(categories: readonly { code: string; label: string }[]): boolean {
	return categories.some(
		(c) => alternativeCode(c.code, c.label) !== undefined || /alternativ/i.test(c.label)
	);
}

/**
 * A cell of a codes-and-texts download, "kode - tekst" ("3201 - Bærum", "000 - 0 år",
 * "KOSantnyinnflytt0000 - Antall nyinnflyttede husstander"), split in two. The code has no spaces.
 */
export function splitCodeAndText(text: string): { code: string; label: string } | undefined {
	const m = /^(\S+) - (.+)$/.exec(text.trim());
	return m?.[1] && m[2] ? { code: m[1], label: m[2].trim() } : undefined;
}

export interface ParsedAge {
	age: number;
	/** "105 år eller eldre", "105+", "90 år og over": the top, open-ended age. */
	openEnded: boolean;
}

/**
 * Read a single-year age from an SSB code or label: "000", "17", "17 år", "105+",
 * "105 år eller eldre". Age groups ("0-4 år", "F00-04", "Alle aldre") give undefined.
 */
export function parseSingleAge(text: string): ParsedAge | undefined {
	const t = text.trim().toLowerCase();
	let m = /^(\d{1,3})\s*\+$/.exec(t);
	if (m?.[1]) return { age: Number(m[1]), openEnded: true };
	m = /^(\d{1,3})\s*(år)?\s*(eller eldre|og eldre|og over|eller mer|\+)$/.exec(t);
	if (m?.[1]) return { age: Number(m[1]), openEnded: true };
	m = /^(\d{1,3})(\s*år)?$/.exec(t);
	if (m?.[1]) return { age: Number(m[1]), openEnded: false };
	return undefined;
}

/** Is this sex category the total ("Begge kjønn", code 0)? */
export function isBothSexes(code: string, label: string): boolean {
	const l = norm(label);
	return code === '0' || /begge|alle|i alt|total|both/.test(l);
}

/** A Norwegian kommune number "0301", "3201" in a region code such as "3201", "K-3201", "K3201". */
export function kommuneNumber(code: string): string | undefined {
	const m = /^(?:K[-_.]?)?(\d{4})$/.exec(code.trim());
	return m?.[1];
}

/** Split a CSV region cell "3201 Bærum" / "3201 - Bærum" / "K-3201 Bærum" / "3201" / "Bærum" into code and name. */
export function splitRegionText(text: string): { code: string; label: string } {
	const t = text.trim();
	const both = splitCodeAndText(t);
	if (both) return both;
	const m = /^((?:K[-_.]?)?\d{1,4}|EAK|0)\s+(.+)$/.exec(t);
	if (m?.[1] && m[2]) return { code: m[1], label: m[2].trim() };
	return { code: t, label: t };
}

/** A year from a time code: "2024" → 2024. */
export function parseYear(text: string): number | undefined {
	const m = /^\s*(\d{4})\s*$/.exec(text);
	return m?.[1] ? Number(m[1]) : undefined;
}

/** A region's display name without a leading code: ("3201", "3201 Bærum") → "Bærum". */
export function regionName(code: string, label: string): string {
	const t = label.trim();
	if (t.startsWith(code + ' ')) return t.slice(code.length + 1).trim();
	const n = kommuneNumber(code);
	if (n && t.startsWith(n + ' ')) return t.slice(n.length + 1).trim();
	return t;
}

/**
 * What a KOSTRA region code stands for. KOSTRA tables mix kommuner with SSB's estimated, weighted
 * aggregates: `EAK` Landet, `EAKUO` Landet uten Oslo, `EKA..` fylker, `EKG..` KOSTRA-grupper
 * (issue 12). Aggregates are never offered as a kommune; Landet and the KOSTRA groups are kept as
 * comparison figures.
 */
export type RegionKind = 'kommune' | 'landet' | 'landet-uten-oslo' | 'fylke' | 'kostragruppe' | 'other-aggregate';

export function regionKind(code: string): RegionKind {
	const c = code.trim().toUpperCase();
	if (c === 'EAK') return 'landet';
	if (c === 'EAKUO') return 'landet-uten-oslo';
	if (/^EKA\d+$/.test(c)) return 'fylke';
	if (/^EKG\d+$/.test(c)) return 'kostragruppe';
	if (/^E[AK][A-Z0-9]*$/.test(c)) return 'other-aggregate';
	return 'kommune';
}

/**
 * The years a historical kommune existed, from SSB's label suffix: "Bærum (-2019)" → until 2019,
 * "Bærum (2020-2023)" → 2020 to 2023. Undefined for a current kommune.
 */
export function historicalPeriod(label: string): { from?: number; to: number } | undefined {
	const m = /\((\d{4})?\s*-\s*(\d{4})\)\s*$/.exec(label.trim());
	if (!m?.[2]) return undefined;
	return m[1] ? { from: Number(m[1]), to: Number(m[2]) } : { to: Number(m[2]) };
}
