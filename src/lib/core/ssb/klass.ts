/**
 * The kommune's KOSTRA group, looked up in SSB's classification service Klass, never guessed
 * (issue 12). Klass 112 is "Gruppering av kommuner etter folkemengde og økonomiske
 * rammebetingelser" (the KOSTRA groups), Klass 131 the kommuner; their correspondence says which
 * group each kommune belongs to on a date. Asked only when the planner clicks.
 *
 * Two GETs (docs/data-import.md, "KOSTRA group"):
 * - /classifications/131/correspondsAt?targetClassificationId=112&date=D →
 *   `{ correspondenceItems: [{ sourceCode, sourceName, sourceShortName, targetCode, targetName,
 *   targetShortName }] }` (Klass' CorrespondenceItem; correspondsAt gives no validity per item);
 * - /classifications/112 → `{ name, versions: [{ name, validFrom, validTo?, … }] }`: the version in
 *   force on D says from when the grouping applies ("gyldig fra").
 */
import { fail, type SsbError } from './errors.ts';
import { apiErrorText, getText, parseJson, type FetchLike } from './http.ts';
import { kommuneNumber } from './dimensions.ts';

export const KLASS_BASE_URL = 'https://data.ssb.no/api/klass/v1';
/** Klass' id of the KOSTRA groups. */
export const KLASS_KOSTRA_GROUPS = 112;
/** Klass' id of the kommuner. */
export const KLASS_KOMMUNER = 131;

export interface KostraGroupAssignment {
	kommune: { code: string; name: string };
	/** The region code KOSTRA tables use for the group's aggregate, e.g. "EKG13". */
	code: string;
	/** 13 */
	number: number;
	/** Klass' name of the group. */
	name: string;
	/** The date asked about (ISO). */
	date: string;
	/** First day of the Klass 112 version in force on `date` (ISO), if Klass gave it. */
	validFrom?: string;
	/** The version's name, e.g. "Kommunegrupper 2024". */
	versionName?: string;
}

export function kostraGroupCorrespondenceUrl(date: string, baseUrl = KLASS_BASE_URL): string {
	return `${baseUrl}/classifications/${KLASS_KOMMUNER}/correspondsAt?targetClassificationId=${KLASS_KOSTRA_GROUPS}&date=${date}&language=nb`;
}

export function kostraGroupClassificationUrl(baseUrl = KLASS_BASE_URL): string {
	return `${baseUrl}/classifications/${KLASS_KOSTRA_GROUPS}?language=nb`;
}

/**
 * The aggregate code KOSTRA tables use ("EKG13") for a Klass 112 code. Klass' own code form is not
 * verified here (see docs/data-import.md), so "EKG13", "13" and "K13" are all read as group 13.
 */
export function kostraGroupCode(klassCode: string): { code: string; number: number } | undefined {
	const m = /^(?:EKG|K)?\s*0*(\d{1,2})$/i.exec(klassCode.trim());
	if (!m) return undefined;
	const n = Number(m[1]);
	return n >= 1 ? { code: `EKG${String(n).padStart(2, '0')}`, number: n } : undefined;
}

const str = (o: Record<string, unknown>, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
const isDate = (s: string | undefined): s is string => s !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The kommune's group from a correspondsAt answer (131 → 112). */
export function readKostraGroupCorrespondence(
	json: unknown,
	kommune: string,
	date: string
): { ok: true; group: KostraGroupAssignment } | { ok: false; error: SsbError } {
	const items = json && typeof json === 'object' ? (json as Record<string, unknown>)['correspondenceItems'] : undefined;
	if (!Array.isArray(items))
		return fail('bad-response', 'SSB svarte, men svaret fra klassifikasjonen (Klass 112) hadde ingen liste over kommuner og KOSTRA-grupper.');
	const mine = items.filter(
		(i): i is Record<string, unknown> => !!i && typeof i === 'object' && str(i as Record<string, unknown>, 'sourceCode') === kommune
	);
	if (mine.length === 0)
		return fail(
			'unknown-kommune',
			`Kommunenummer ${kommune} har ingen KOSTRA-gruppe i SSBs klassifikasjon (Klass 112) per ${date}. Sjekk nummeret (numrene endret seg i 2020 og 2024).`
		);
	const codes = new Set(mine.map((i) => str(i, 'targetCode')));
	if (codes.size > 1)
		return fail('bad-response', `SSBs klassifikasjon gir kommune ${kommune} flere KOSTRA-grupper per ${date} (${[...codes].join(', ')}). Velg gruppen selv.`);
	const item = mine[0]!;
	const target = str(item, 'targetCode') ?? '';
	const parsed = kostraGroupCode(target);
	if (!parsed) return fail('bad-response', `SSBs klassifikasjon oppga KOSTRA-gruppe «${target}» for kommune ${kommune}, som ikke er et gruppenummer.`);
	return {
		ok: true,
		group: {
			kommune: { code: kommune, name: str(item, 'sourceName') ?? kommune },
			...parsed,
			name: str(item, 'targetName') ?? `KOSTRA-gruppe ${parsed.number}`,
			date
		}
	};
}

/** The Klass 112 version in force on `date` (validTo is the first day it no longer applies). */
export function versionInForce(json: unknown, date: string): { name?: string; validFrom: string } | undefined {
	const versions = json && typeof json === 'object' ? (json as Record<string, unknown>)['versions'] : undefined;
	if (!Array.isArray(versions)) return undefined;
	for (const v of versions) {
		if (!v || typeof v !== 'object') continue;
		const o = v as Record<string, unknown>;
		const from = str(o, 'validFrom');
		const to = str(o, 'validTo');
		if (!isDate(from) || from > date || (isDate(to) && to <= date)) continue;
		const name = str(o, 'name');
		return name === undefined ? { validFrom: from } : { name, validFrom: from };
	}
	return undefined;
}

function klassHttpMessage(status: number, body: string): string {
	const extra = apiErrorText(body);
	if (status === 404) return `SSBs klassifikasjonstjeneste (Klass) fant ikke koblingen mellom kommuner og KOSTRA-grupper (HTTP 404).${extra}`;
	if (status >= 500) return `SSBs klassifikasjonstjeneste (Klass) svarer ikke som normalt (HTTP ${status}). Prøv igjen senere.${extra}`;
	return `SSBs klassifikasjonstjeneste (Klass) svarte med en feil (HTTP ${status}).${extra}`;
}

/**
 * Looks up the kommune's KOSTRA group on `date` (ISO; the app passes today: the kommune number the
 * planner has is today's). The validity comes from a second, small request; if that one fails the
 * group is still returned, without "gyldig fra". `kommune`: four digits, or the region code of a
 * KOSTRA file ("K-3201", "K3201"), which is normalised to them.
 */
export async function lookupKostraGroup(opts: {
	fetch: FetchLike;
	kommune: string;
	date: string;
	baseUrl?: string;
	signal?: AbortSignal;
}): Promise<{ ok: true; group: KostraGroupAssignment } | { ok: false; error: SsbError }> {
	// The number may come from a KOSTRA file's region code ("K-3201", "K3201"): Klass lists "3201".
	const kommune = kommuneNumber(opts.kommune);
	if (!kommune) return fail('unknown-kommune', 'Kommunenummer: skriv kommunens fire siffer for å slå opp KOSTRA-gruppen.');
	const [corr, cls] = await Promise.all([
		getText(kostraGroupCorrespondenceUrl(opts.date, opts.baseUrl), opts, klassHttpMessage),
		getText(kostraGroupClassificationUrl(opts.baseUrl), opts, klassHttpMessage)
	]);
	if (!corr.ok) return corr;
	const json = parseJson(corr.text, 'svaret fra klassifikasjonen');
	if (!json.ok) return json;
	const r = readKostraGroupCorrespondence(json.json, kommune, opts.date);
	if (!r.ok || !cls.ok) return r;
	const versions = parseJson(cls.text, 'klassifikasjonen');
	const version = versions.ok ? versionInForce(versions.json, opts.date) : undefined;
	if (version) {
		r.group.validFrom = version.validFrom;
		if (version.name) r.group.versionName = version.name;
	}
	return r;
}

/** "KOSTRA-gruppe 13 (SSB Klass 112, gyldig fra 1.1.2024)". */
export function kostraGroupLabel(g: Pick<KostraGroupAssignment, 'number' | 'validFrom' | 'date'>): string {
	const d = (iso: string) => {
		const [y, m, day] = iso.split('-');
		return `${Number(day)}.${Number(m)}.${y}`;
	};
	const when = g.validFrom ? `gyldig fra ${d(g.validFrom)}` : `per ${d(g.date)}`;
	return `KOSTRA-gruppe ${g.number} (SSB Klass ${KLASS_KOSTRA_GROUPS}, ${when})`;
}
