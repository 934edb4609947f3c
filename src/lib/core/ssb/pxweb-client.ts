/**
 * "Hent fra SSB": the same data as the file import, fetched from SSB's open PxWebApi v2 behind an
 * explicit click. `fetch` is injected so tests use recorded responses and never the network.
 *
 * Flow: GET /tables/{id}/metadata (JSON-stat 2.0, no values) → detect the dimensions by role and
 * label → GET /tables/{id}/data with valueCodes for the kommune and all ages, sexes, alternatives
 * and years → the same readers as the file import.
 */
import { fail, type SsbError } from './errors.ts';
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

/** The part of a fetch Response used here. */
export interface ResponseLike {
	ok: boolean;
	status: number;
	statusText?: string;
	text(): Promise<string>;
}
export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<ResponseLike>;

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
	let apiText = '';
	try {
		const j = JSON.parse(body) as unknown;
		if (j && typeof j === 'object') {
			const o = j as Record<string, unknown>;
			const t = o['title'] ?? o['error'] ?? o['detail'] ?? o['message'];
			if (typeof t === 'string') apiText = t;
		}
	} catch {
		/* not JSON */
	}
	const extra = apiText ? ` SSB svarte: «${apiText}».` : '';
	if (status === 404) return `SSB finner ikke tabell ${tableId} (HTTP 404). Sjekk tabellnummeret; SSB bytter nummer for befolkningsframskrivingen annethvert år.${extra}`;
	if (status === 400) return `SSB avviste spørringen mot tabell ${tableId} (HTTP 400). Tabellen har kanskje andre dimensjoner enn forventet.${extra}`;
	if (status === 403) return `SSB avviste spørringen mot tabell ${tableId} (HTTP 403), for eksempel fordi den ber om for mange celler.${extra}`;
	if (status === 429) return `SSB har fått for mange forespørsler (HTTP 429). Vent et minutt og prøv igjen.${extra}`;
	if (status >= 500) return `SSBs API svarer ikke som normalt (HTTP ${status}). Prøv igjen senere, eller last ned filen fra Statistikkbanken og importer den.${extra}`;
	return `SSB svarte med en feil (HTTP ${status}) for tabell ${tableId}.${extra}`;
}

async function getText(url: string, tableId: string, opts: FetchOptions): Promise<{ ok: true; text: string } | { ok: false; error: SsbError }> {
	let res: ResponseLike;
	try {
		res = await opts.fetch(url, { ...(opts.signal ? { signal: opts.signal } : {}), headers: { Accept: 'application/json' } });
	} catch (e) {
		if (e instanceof Error && e.name === 'AbortError') return fail('offline', 'Hentingen fra SSB ble avbrutt.', String(e));
		return fail(
			'offline',
			'Fikk ikke kontakt med SSB (data.ssb.no). Du er kanskje frakoblet. Sjekk nettforbindelsen, eller last ned filen fra Statistikkbanken og importer den her.',
			String(e)
		);
	}
	let body = '';
	try {
		body = await res.text();
	} catch (e) {
		return fail('bad-response', 'Svaret fra SSB ble avbrutt før det var lest ferdig. Prøv igjen.', String(e));
	}
	if (!res.ok) return fail('http', httpMessage(res.status, tableId, body), `${res.status} ${res.statusText ?? ''} ${url}`.trim());
	return { ok: true, text: body };
}

function parseJson(text: string, what: string): { ok: true; json: unknown } | { ok: false; error: SsbError } {
	try {
		return { ok: true, json: JSON.parse(text) as unknown };
	} catch (e) {
		return fail('bad-response', `SSB svarte, men ${what} var ikke gyldig JSON.`, String(e));
	}
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

export interface FetchPopulationOptions extends FetchOptions {
	kommune: string;
	tableId?: string;
}

/** Fetch a kommune's population projection (all alternatives) from SSB. Returns the same table as a file import. */
export async function fetchPopulationFromSsb(
	opts: FetchPopulationOptions
): Promise<{ ok: true; table: PopulationTable; url: string } | { ok: false; error: SsbError }> {
	const tableId = opts.tableId ?? DEFAULT_POPULATION_TABLE;
	const meta = await getMetadata(tableId, opts);
	if (!meta.ok) return meta;
	const sel = selectionFor(meta.dimensions, opts.kommune, tableId, (d) =>
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
	const meta = await getMetadata(tableId, opts);
	if (!meta.ok) return meta;
	const sel = selectionFor(meta.dimensions, opts.kommune, tableId, (d) =>
		d.kind === 'time' || d.kind === 'contents' ? ['*'] : undefined
	);
	if (!sel.ok) return sel;
	// Landet and the KOSTRA groups come along as comparison figures (the kommune's own group is
	// chosen by the planner afterwards: it is never guessed).
	const region = meta.dimensions.find((d) => d.kind === 'region');
	if (region) {
		const comparisons = region.categories.map((c) => c.code).filter((c) => c === 'EAK' || /^EKG\d+$/.test(c));
		const own = sel.sel.valueCodes[region.id] ?? [];
		sel.sel.valueCodes[region.id] = [...own, ...comparisons.filter((c) => !own.includes(c))];
	}
	const url = dataUrl(tableId, sel.sel.valueCodes, opts);
	const got = await getText(url, tableId, opts);
	if (!got.ok) return got;
	const res = readKostraFile(got.text, `SSB API, tabell ${tableId}`);
	if (!res.ok && (res.error.code === 'empty' || res.error.code === 'not-csv-or-jsonstat'))
		return fail('bad-response', 'SSB svarte, men svaret var ikke et JSON-stat-datasett.', res.error.message);
	return res.ok ? { ok: true, table: res.table, url } : res;
}

async function getMetadata(tableId: string, opts: FetchOptions): Promise<{ ok: true; dimensions: CubeDimension[] } | { ok: false; error: SsbError }> {
	if (!/^\d{5}$/.test(tableId)) return fail('wrong-table', `«${tableId}» er ikke et SSB-tabellnummer (fem siffer, f.eks. 14288).`);
	const got = await getText(metadataUrl(tableId, opts), tableId, opts);
	if (!got.ok) return got;
	const j = parseJson(got.text, 'metadataene');
	if (!j.ok) return j;
	const dims = readJsonStatDimensions(j.json);
	if (!dims.ok) return fail('bad-response', `SSB svarte, men metadataene for tabell ${tableId} var ikke JSON-stat 2.0.`, dims.error.message);
	return dims;
}

async function getJsonStat(url: string, tableId: string, opts: FetchOptions) {
	const got = await getText(url, tableId, opts);
	if (!got.ok) return got;
	const j = parseJson(got.text, 'dataene');
	if (!j.ok) return j;
	const cube = readJsonStat(j.json);
	if (!cube.ok) return fail('bad-response', `SSB svarte, men dataene for tabell ${tableId} var ikke et gyldig JSON-stat 2.0-datasett.`, cube.error.message);
	return cube;
}
