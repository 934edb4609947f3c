import { describe, expect, it } from 'vitest';
import { readNumberInput } from '#lib/core/text/number-input.ts';

describe('readNumberInput', () => {
	const botid = { min: 0, minExclusive: true, max: 100, unit: 'år' };

	it('reads Norwegian and plain notation within the range', () => {
		expect(readNumberInput('7,5', 'Botid', botid, '8')).toBe(7.5);
		expect(readNumberInput('1 234,5', 'Antall', {}, '1')).toBe(1234.5);
		expect(readNumberInput('12.25', 'Antall', { min: 0, max: 100 }, '1')).toBe(12.25);
	});

	it('names the field and suggests an example when the text is not a number', () => {
		expect(readNumberInput('mange', 'Botid – ROP', botid, '8')).toBe('Botid – ROP: skriv et tall, for eksempel 8.');
	});

	it('says the whole allowed range when a bound is broken, exclusive bounds as "over"', () => {
		expect(readNumberInput('0', 'Botid – ROP', botid, '8')).toBe('Botid – ROP må være over 0 år. Tillatt: over 0 til 100 år. Verdien er ikke brukt.');
		expect(readNumberInput('101', 'Botid – ROP', botid, '8')).toBe('Botid – ROP kan ikke være over 100 år. Tillatt: over 0 til 100 år. Verdien er ikke brukt.');
		expect(readNumberInput('-1', 'Andel', { min: 0, max: 7.5, unit: '%' }, '1')).toBe('Andel må være minst 0 %. Tillatt: fra 0 til 7,5 %. Verdien er ikke brukt.');
	});

	it('without both bounds only says the value is not used', () => {
		expect(readNumberInput('-3', 'Frafall', { min: 0 }, '1')).toBe('Frafall må være minst 0. Verdien er ikke brukt.');
	});
});
