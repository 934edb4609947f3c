/**
 * The one way the core asks SSB for something over HTTP (PxWebApi for tables, Klass for
 * classifications): `fetch` is injected, so tests replay recorded responses and never touch the
 * network, and every failure becomes a Norwegian message that says what to do. Each API words its
 * own HTTP errors (`httpMessage`); going offline, an aborted request and a body cut short read the
 * same for both.
 */
import { fail, type SsbError } from './errors.ts';

/** The part of a fetch Response used here. */
export interface ResponseLike {
	ok: boolean;
	status: number;
	statusText?: string;
	text(): Promise<string>;
}
export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<ResponseLike>;

/** SSB's own words in an error body (PxWebApi: `title`; Klass: `error`/`message`), as « … », or ''. */
export function apiErrorText(body: string): string {
	try {
		const j = JSON.parse(body) as unknown;
		if (j && typeof j === 'object') {
			const o = j as Record<string, unknown>;
			const t = o['title'] ?? o['error'] ?? o['detail'] ?? o['message'];
			if (typeof t === 'string' && t !== '') return ` SSB svarte: «${t}».`;
		}
	} catch {
		/* not JSON */
	}
	return '';
}

/** GET `url` as text; an HTTP error is worded by `httpMessage(status, body)`. */
export async function getText(
	url: string,
	opts: { fetch: FetchLike; signal?: AbortSignal },
	httpMessage: (status: number, body: string) => string
): Promise<{ ok: true; text: string } | { ok: false; error: SsbError }> {
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
	if (!res.ok) return fail('http', httpMessage(res.status, body), `${res.status} ${res.statusText ?? ''} ${url}`.trim());
	return { ok: true, text: body };
}

export function parseJson(text: string, what: string): { ok: true; json: unknown } | { ok: false; error: SsbError } {
	try {
		return { ok: true, json: JSON.parse(text) as unknown };
	} catch (e) {
		return fail('bad-response', `SSB svarte, men ${what} var ikke gyldig JSON.`, String(e));
	}
}
