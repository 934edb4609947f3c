import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatPercent, formatSignedCount, parseNorwegianNumber } from '#lib/core/text/number-format.ts';

// nb-NO uses a narrow no-break space (U+00A0) as thousands separator and U+2212 as minus.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('nb-NO number formatting', () => {
	it('formats counts with a space as thousands separator', () => {
		expect(norm(formatCount(12345.4))).toBe('12 345');
		expect(formatCount(-0.2)).toBe('0');
	});
	it('formats decimals with a decimal comma', () => {
		expect(formatDecimal(7.2727)).toBe('7,3');
		expect(formatPercent(12.5)).toBe('12,5 %');
	});
	it('signs changes and never prints NaN', () => {
		expect(norm(formatSignedCount(12))).toBe('+12');
		expect(norm(formatSignedCount(-3))).toBe('-3');
		expect(formatCount(Number.NaN)).toBe('–');
		expect(formatDecimal(Infinity)).toBe('–');
	});
});

describe('parsing what a Norwegian planner types', () => {
	it.each([
		['7,5', 7.5],
		['7.5', 7.5],
		['1 234,5', 1234.5],
		['1\u00a0234', 1234],
		['\u22123', -3],
		['  12 ', 12]
	])('%s → %d', (text, value) => expect(parseNorwegianNumber(text)).toBe(value));

	it.each(['', 'abc', '1,2,3', '7 år', '--1'])('refuses %s', (text) => expect(parseNorwegianNumber(text)).toBeNaN());
});
