import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseCsv, parseNumberCell } from '#lib/core/ssb/csv.ts';

describe('parseCsv', () => {
	it('reads quoted semicolon CSV with BOM and CRLF', () => {
		const text = '\ufeff"region";"alder";"2024"\r\n"3201 Bærum";"0 år";867\r\n';
		expect(parseCsv(text)).toEqual([
			['region', 'alder', '2024'],
			['3201 Bærum', '0 år', '867']
		]);
	});
	it('keeps delimiters, escaped quotes and line breaks inside quotes', () => {
		const text = '"a;b";"say ""hei""";"line1\nline2"\nx;y;z';
		expect(parseCsv(text)).toEqual([
			['a;b', 'say "hei"', 'line1\nline2'],
			['x', 'y', 'z']
		]);
	});
	it('drops empty lines, keeps empty cells, trims unquoted cells', () => {
		expect(parseCsv('a; b ;\n\n\n1;;3\n')).toEqual([
			['a', 'b', ''],
			['1', '', '3']
		]);
	});
	it('handles a last line without newline and a lone CR line end', () => {
		expect(parseCsv('a;b\r1;2')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});
	it('detects the delimiter, preferring semicolon', () => {
		expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
		expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
		expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
		expect(detectDelimiter('"x,y";z')).toBe(';');
	});
	it('round-trips any table of strings written with quotes (property)', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'ø', ';', '"', '\n', '\r', ' ', ',', '1', '.') , maxLength: 8 });
		fc.assert(
			fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
				const text = table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\r\n');
				const expected = table.filter((r) => r.some((c) => c !== ''));
				expect(parseCsv(text, ';')).toEqual(expected);
			})
		);
	});
});

describe('parseNumberCell', () => {
	it.each([
		['867', 867],
		['1 234', 1234],
		['1\u00a0234', 1234],
		['16,6', 16.6],
		['16.6', 16.6],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		['-12', -12],
		['0', 0]
	])('reads %s as %d', (raw, value) => {
		expect(parseNumberCell(raw)).toEqual({ kind: 'number', value });
	});
	it('reads SSB symbols as missing, with the marker', () => {
		for (const m of ['.', '..', '...', ':'])
			expect(parseNumberCell(m)).toEqual({ kind: 'missing', marker: m });
		expect(parseNumberCell('')).toEqual({ kind: 'missing', marker: '' });
	});
	it('reads "-" (SSB null) as 0', () => {
		expect(parseNumberCell('-')).toEqual({ kind: 'number', value: 0 });
	});
	it('rejects text', () => {
		expect(parseNumberCell('abc').kind).toBe('invalid');
		expect(parseNumberCell('12abc').kind).toBe('invalid');
	});
});
