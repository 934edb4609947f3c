/**
 * What the planner types in the Grunnlagsdata panel, read and checked:
 * counts and the kommune's number and name. Each check returns a Norwegian message naming the field.
 */
import { parseNorwegianNumber } from '../text/number-format.ts';

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
