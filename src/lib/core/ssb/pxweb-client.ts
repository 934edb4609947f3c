/**
 * "Hent fra SSB": the same data as the file import, fetched from SSB's open PxWebApi v2 behind an
 * explicit click. `fetch` is injected so tests use recorded responses and never the network.
 *
 * Flow: GET /tables/{id}/metadata (JSON-stat 2.0, no values) → detect the dimensions by role and
 * label → GET /tables/{id}/data with valueCodes for the kommune and all ages, sexes, alternatives
 * and years → the same readers as the file import.
 */
import { fail, type SsbError } from './errors.ts';
import { apiErrorText, getText, parseJson, type FetchLike } from './http.ts';
import { NEWEST_PROJECTION_ROUND } from './projection-rounds.ts';
import { kommuneNumber } from './dimensions.ts';
import { readJsonStat, readJsonStatDimensions } from './jsonstat.ts';
import type { CubeDimension } from './cube.ts';
import { populationTableFromCube, type PopulationTable } from './population.ts';
import { readKostraFile, type KostraTable } from './kostra.ts';

export const PXWEB_BASE_URL = 'https://data.ssb.no/api/pxwebapi/v2';
/** The newest known round of the municipal projections (projection-rounds.ts). The planner can pass another table number. */
export const DEFAULT_POPULATION_TABLE = NEWEST_PROJECTION_ROUND.tableId;
export const DEFAULT_KOSTRA_TABLE = '12008';

export type { FetchLike, ResponseLike } from './http.ts';

export interface FetchOptions {
	fetch: FetchLike;
	baseUrl?: string;
	lang?: 'no' | 'en';
	signal?: AbortSignal;
}

export function metadataUrl(tableId: string, opts: { baseUrl?: string; lang?: string } = {}): string {
	const base = opts.baseUrl ?? PXWEB_BASE_URL;
	return `${base}/tables/${encodeURIComponent(tableId)}/metadata?lang=${opts.lang ?? 'no'}&outputFormat=json-stat2`;
}

/** Data URL; `valueCodes` maps dimension id → codes ("*" = all). Brackets are left readable. */
export function dataUrl(
	tableId: string,
	valueCodes: Record<string, readonly string[]>,
	opts: { baseUrl?: string; lang?: string } = {}
): string {
	const base = opts.baseUrl ?? PXWEB_BASE_URL;
	const parts = [`lang=${opts.lang ?? 'no'}`, 'outputFormat=json-stat2'];
	for (const [dim, codes] of Object.entries(valueCodes))
		parts.push(`valueCodes[${encodeURIComponent(dim)}]=${codes.map((c) => encodeURIComponent(c)).join(',')}`);
	return `${base}/tables/${encodeURIComponent(tableId)}/data?${parts.join('&')}`;
}

function httpMessage(status: number, tableId: string, body: string): string {
	const extra = apiErrorText(body);
	if (status === 404) return `SSB finner ikke tabell ${tableId} (HTTP 404). Sjekk tabellnummeret; SSB bytter nummer for befolkningsframskrivingen annethvert år.${extra}`;
	if (status === 400) return `SSB avviste spørringen mot tabell ${tableId} (HTTP 400). Tabellen har kanskje andre dimensjoner enn forventet.${extra}`;
	if (status === 403) return `SSB avviste spørringen mot tabell ${tableId} (HTTP 403), for eksempel fordi den ber om for mange celler.${extra}`;
	if (status === 429) return `SSB har fått for mange forespørsler (HTTP 429). Vent et minutt og prøv igjen.${extra}`;
	if (status >= 500) return `SSBs API svarer ikke som normalt (HTTP ${status}). Prøv igjen senere, eller last ned filen fra Statistikkbanken og importer den.${extra}`;
	return `SSB svarte med en feil (HTTP ${status}) for tabell ${tableId}.${extra}`;
}

interface Selection {
	valueCodes: Record<string, string[]>;
}

function selectionFor(
	dims: CubeDimension[],
	kommune: string,
	tableId: string,
	wanted: (d: CubeDimension) => string[] | undefined
): { ok: true; sel: Selection } | { ok: false; error: SsbError } {
	const region = dims.find((d) => d.kind === 'region');
	if (!region)
		return fail('missing-dimension', `Tabell ${tableId} hos SSB har ingen region-dimensjon, så den kan ikke hentes per kommune.`);
	const q = kommuneNumber(kommune) ?? kommune.trim();
	const hit =
		region.categories.find((c) => c.code === q) ??
		region.categories.find((c) => kommuneNumber(c.code) === q) ??
		region.categories.find((c) => c.label.toLowerCase() === kommune.trim().toLowerCase());
	if (!hit)
		return fail('unknown-kommune', `Kommunenummer «${kommune}» finnes ikke i SSB-tabell ${tableId}. Sjekk nummeret (fire siffer, f.eks. 3201 for Bærum; numrene endret seg i 2020 og 2024).`);
	const valueCodes: Record<string, string[]> = { [region.id]: [hit.code] };
	for (const d of dims) {
		if (d === region) continue;
		valueCodes[d.id] = wanted(d) ?? [d.categories[0]?.code ?? '*'];
	}
	return { ok: true, sel: { valueCodes } };
}

/** The table's metadata and the selection of one kommune with the values `wanted` picks per dimension (see selectionFor). */
async function selectKommune(
	tableId: string,
	opts: FetchOptions & { kommune: string },
	wanted: (d: CubeDimension) => string[] | undefined
): Promise<{ ok: true; sel: Selection; dimensions: CubeDimension[] } | { ok: false; error: SsbError }> {
	const meta = await getMetadata(tableId, opts);
	if (!meta.ok) return meta;
	const sel = selectionFor(meta.dimensions, opts.kommune, tableId, wanted);
	return sel.ok ? { ...sel, dimensions: meta.dimensions } : sel;
}

export interface FetchPopulationOptions extends FetchOptions {
	kommune: string;
	tableId?: string;
}

/** Fetch a kommune's population projection (all alternatives) from SSB. Returns the same table as a file import. */
export async function fetchPopulationFromSsb(
	opts: FetchPopulationOptions
): Promise<{ ok: true; table: PopulationTable; url: string } | { ok: false; error: SsbError }> {
	const tableId = opts.tableId ?? DEFAULT_POPULATION_TABLE;
	const sel = await selectKommune(tableId, opts, (d) =>
		d.kind === 'age' || d.kind === 'sex' || d.kind === 'time' || d.kind === 'alternative' || d.kind === 'contents' ? ['*'] : undefined
	);
	if (!sel.ok) return sel;
	const url = dataUrl(tableId, sel.sel.valueCodes, opts);
	const data = await getJsonStat(url, tableId, opts);
	if (!data.ok) return data;
	const res = populationTableFromCube(data.cube, `SSB API, tabell ${tableId}`);
	return res.ok ? { ok: true, table: res.table, url } : res;
}

export interface FetchKostraOptions extends FetchOptions {
	kommune: string;
	tableId?: string;
}

/** Fetch a kommune's KOSTRA figures on municipal dwellings (all statistics, all years). */
export async function fetchKostraFromSsb(
	opts: FetchKostraOptions
): Promise<{ ok: true; table: KostraTable; url: string } | { ok: false; error: SsbError }> {
	const tableId = opts.tableId ?? DEFAULT_KOSTRA_TABLE;
	const sel = await selectKommune(tableId, opts, (d) => (d.kind === 'time' || d.kind === 'contents' ? ['*'] : undefined));
	if (!sel.ok) return sel;
	// Landet and the KOSTRA groups come along as comparison figures (the kommune's own group is
	// chosen by the planner afterwards: it is never guessed).
	const region = sel.dimensions.find((d) => d.kind === 'region');
	if (region) {
		const comparisons = region.categories.map((c) => c.code).filter((c) => c === 'EAK' || /^EKG\d+$/.test(c));
		const own = sel.sel.valueCodes[region.id] ?? [];
		sel.sel.valueCodes[region.id] = [...own, ...comparisons.filter((c) => !own.includes(c))];
	}
	const url = dataUrl(tableId, sel.sel.valueCodes, opts);
	const got = await getText(url, opts, (status, body) => httpMessage(status, tableId, body));
	if (!got.ok) return got;
	const res = readKostraFile(got.text, `SSB API, tabell ${tableId}`);
	if (!res.ok && (res.error.code === 'empty' || res.error.code === 'not-csv-or-jsonstat'))
		return fail('bad-response', 'SSB svarte, men svaret var ikke et JSON-stat-datasett.', res.error.message);
	return res.ok ? { ok: true, table: res.table, url } : res;
}

async function getMetadata(tableId: string, opts: FetchOptions): Promise<{ ok: true; dimensions: CubeDimension[] } | { ok: false; error: SsbError }> {
	if (!/^\d{5}$/.test(tableId)) return fail('wrong-table', `«${tableId}» er ikke et SSB-tabellnummer (fem siffer, f.eks. 14288).`);
	const got = await getText(metadataUrl(tableId, opts), opts, (status, body) => httpMessage(status, tableId, body));
	if (!got.ok) return got;
	const j = parseJson(got.text, 'metadataene');
	if (!j.ok) return j;
	const dims = readJsonStatDimensions(j.json);
	if (!dims.ok) return fail('bad-response', `SSB svarte, men metadataene for tabell ${tableId} var ikke JSON-stat 2.0.`, dims.error.message);
	return dims;
}

async function getJsonStat(url: string, tableId: string, opts: FetchOptions) {
	const got = await getText(url, opts, (status, body) => httpMessage(status, tableId, body));
	if (!got.ok) return got;
	const j = parseJson(got.text, 'dataene');
	if (!j.ok) return j;
	const cube = readJsonStat(j.json);
	if (!cube.ok) return fail('bad-response', `SSB svarte, men dataene for tabell ${tableId} var ikke et gyldig JSON-stat 2.0-datasett.`, cube.error.message);
	return cube;
}
