/**
 * What a typed number field accepts, and the Norwegian message when it does not: the parsing and
 * range check behind NumberField (and so UncertainField), kept out of the component so it can be
 * tested and read on its own. Pure; no DOM.
 */
import { parseNorwegianNumber } from './number-format.ts';

/** A number field's unit, allowed range and editing step. */
export interface NumberInputSpec {
	unit?: string;
	min?: number;
	max?: number;
	/** Strictly greater than min (e.g. botid must be over 0 years). */
	minExclusive?: boolean;
	/** Arrow-key step. */
	step?: number;
	/** Decimals shown. */
	decimals?: number;
}

/** Bounds in messages read naturally: "over 0 år", "høyst 7,5 %". */
const bound = (v: number) => (Number.isInteger(v) ? String(v) : String(v).replace('.', ','));

/** " Tillatt: over 0 til 100 år. Verdien er ikke brukt.": the whole range, so a refused value says what would be accepted. */
function rangeHint({ min, max, minExclusive, unit }: NumberInputSpec): string {
	if (min === undefined || max === undefined) return ' Verdien er ikke brukt.';
	return ` Tillatt: ${minExclusive ? 'over ' : 'fra '}${bound(min)} til ${bound(max)}${unit ? ` ${unit}` : ''}. Verdien er ikke brukt.`;
}

/**
 * The number typed ("1 234,5" or "1234.5"), or a message naming the field (`label`) and what is
 * allowed; `example` is the value the message suggests when the text is not a number.
 */
export function readNumberInput(raw: string, label: string, spec: NumberInputSpec, example: string): number | string {
	const { min, max, minExclusive, unit } = spec;
	const u = unit ? ` ${unit}` : '';
	const n = parseNorwegianNumber(raw);
	if (Number.isNaN(n)) return `${label}: skriv et tall, for eksempel ${example}.`;
	if (min !== undefined && (minExclusive ? n <= min : n < min)) return `${label} må være ${minExclusive ? 'over' : 'minst'} ${bound(min)}${u}.${rangeHint(spec)}`;
	if (max !== undefined && n > max) return `${label} kan ikke være over ${bound(max)}${u}.${rangeHint(spec)}`;
	return n;
}
