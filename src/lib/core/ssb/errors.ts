/**
 * Typed errors for SSB imports. Every `message` is Norwegian bokmål, names the field or dimension
 * and says what is wrong, so the UI can show it as is.
 */
export type SsbErrorCode =
	| 'empty'
	| 'not-csv-or-jsonstat'
	| 'wrong-table'
	| 'missing-dimension'
	| 'unknown-kommune'
	| 'unknown-alternative'
	| 'missing-values'
	| 'offline'
	| 'http'
	| 'bad-response';

export interface SsbError {
	code: SsbErrorCode;
	/** Norwegian, specific: what is wrong and where. */
	message: string;
	/** Technical detail (English or raw), for a "vis detaljer" toggle and logs. */
	detail?: string;
}

export type SsbResult<T> = ({ ok: true } & T) | { ok: false; error: SsbError };

export function ssbError(code: SsbErrorCode, message: string, detail?: string): SsbError {
	return detail === undefined ? { code, message } : { code, message, detail };
}

export function fail(code: SsbErrorCode, message: string, detail?: string): { ok: false; error: SsbError } {
	return { ok: false, error: ssbError(code, message, detail) };
}

/** SSB's symbols for a value that is not a number (Statistikkbanken "tegnforklaring"). */
export const MISSING_MARKERS: Readonly<Record<string, string>> = {
	'.': 'tall kan ikke forekomme',
	'..': 'tallgrunnlag mangler',
	'...': 'oppgave mangler',
	':': 'vises ikke av konfidensialitetshensyn'
};

/**
 * SSB's "-" means "null" (exactly zero), not missing. It is read as 0, and the readers report
 * how many cells used it so the UI can show the rule.
 */
export const ZERO_MARKER = '-';

export function describeMarker(marker: string): string {
	return MISSING_MARKERS[marker] ?? 'ukjent symbol';
}
