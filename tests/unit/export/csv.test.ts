import { describe, expect, it } from 'vitest';
import { csvText, formatCsvNumber, projectionToCsv, toCsv } from '#lib/core/export/csv.ts';
import { projectionColumns } from '#lib/core/export/columns.ts';
import { YEARLY_COLUMNS } from '#lib/core/report/yearly-table.ts';
import { fakeResult } from './result-fixture.ts';
import { readCsv } from './read-csv.ts';

describe('formatCsvNumber', () => {
	it('uses decimal comma, no grouping, no -0, empty for non-finite', () => {
		expect(formatCsvNumber(1234.56, 1)).toBe('1234,6');
		expect(formatCsvNumber(-3.26, 1)).toBe('-3,3');
		expect(formatCsvNumber(-0.01, 1)).toBe('0,0');
		expect(formatCsvNumber(2026, 0)).toBe('2026');
		expect(formatCsvNumber(Number.NaN, 1)).toBe('');
		expect(formatCsvNumber(Number.POSITIVE_INFINITY, 1)).toBe('');
	});
});

describe('csvText / toCsv', () => {
	it('quotes per RFC 4180 and defuses formulas', () => {
		expect(csvText('Basis')).toBe('Basis');
		expect(csvText('a;b')).toBe('"a;b"');
		expect(csvText('si "hei"')).toBe('"si ""hei"""');
		expect(csvText('to\nlinjer')).toBe('"to\nlinjer"');
		expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvText('-5')).toBe("'-5");
		expect(csvText(' mellomrom')).toBe('" mellomrom"');
	});

	it('starts with a BOM, ends lines with CRLF, and round-trips through a reader', () => {
		const text = toCsv([['Navn', 'Verdi'], ['Sør-Fron; «æøå»', 1.25], [null, -2]]);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(readCsv(text.slice(1))).toEqual([['Navn', 'Verdi'], ['Sør-Fron; «æøå»', '1,3'], ['', '-2,0']]);
		expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
	});
});

describe('projectionToCsv', () => {
	it('has one row per year, per-group and total columns, Norwegian headers', () => {
		const r = fakeResult();
		const rows = readCsv(projectionToCsv(r).slice(1));
		expect(rows).toHaveLength(1 + r.years.length);
		const header = rows[0]!;
		expect(header[0]).toBe('År');
		expect(header[1]).toBe('Behov (leietakere + venteliste) – ROP (husstander)');
		expect(header[6]).toBe('Behov (leietakere + venteliste) – i alt (husstander)');
		expect(header).toContain('Nødvendig bestand – Eldre (boliger)');
		expect(header).toContain('Mangler (+) / overskudd (−) (boliger)');
		expect(header.length).toBe(projectionColumns().length);
		for (const row of rows) expect(row.length).toBe(header.length);
		expect(rows.slice(1).map((row) => row[0])).toEqual(['2025', '2026', '2027']);
		// rop.need = 100 + index of 'need' (2) + 1.25·year index
		expect(rows[2]![1]).toBe('103,3');
		const gapIdx = header.indexOf('Mangler (+) / overskudd (−) (boliger)');
		expect(rows[1]![gapIdx]).toBe('-3,3');
	});

	it('uses the given group labels and decimals, and writes non-finite as empty', () => {
		const r = fakeResult();
		const text = projectionToCsv(r, { labels: { rop: 'Rus; psykisk helse' }, groupMeasures: ['need'], totalMeasures: ['botidAllDwellings'], decimals: { count: 0 } });
		const rows = readCsv(text.slice(1));
		expect(rows[0]![1]).toBe('Behov (leietakere + venteliste) – Rus; psykisk helse (husstander)');
		expect(text).toContain('"Behov (leietakere + venteliste) – Rus; psykisk helse (husstander)"');
		expect(rows[1]![1]).toBe('102');
		expect(rows[1]![rows[0]!.length - 1]).toBe('');
		expect(rows[2]![rows[0]!.length - 1]).toBe('8,0');
	});

	it('can export the on-screen table columns (YEARLY_COLUMNS)', () => {
		const rows = readCsv(projectionToCsv(fakeResult(), { columns: YEARLY_COLUMNS, bom: false }));
		expect(rows[0]).toEqual(YEARLY_COLUMNS.map((c) => c.header));
	});
});

describe('assumptionsToCsv', () => {
	it('lists base data and assumptions with decimal comma and no lost precision', async () => {
		const { assumptionsToCsv } = await import('#lib/core/export/csv.ts');
		const { buildMinimalNotebook } = await import('../format/fixtures.ts');
		const nb = buildMinimalNotebook();
		const rows = readCsv(assumptionsToCsv(nb.scenarios, { base: nb.base }).slice(1));
		expect(rows[0]).toEqual(['Scenario', 'Målgruppe', 'Forutsetning', 'Verdi', 'Enhet', 'Usikkerhet', 'Lav / P10', 'Høy / P90']);
		expect(rows).toContainEqual(['Basis', 'Andre', 'Botid', '3,5', 'år', 'Fast', '', '']);
		expect(rows).toContainEqual(['Basis', 'Nedsatt funksjonsevne', 'Nytt behov per 1 000 innbyggere 18–66 år', '0,4', 'husstander per 1 000 per år', 'Fast', '', '']);
		expect(rows).toContainEqual(['Grunnlag 2025', 'ROP', 'Leietakere', '110', 'husstander', '', '', '']);
		expect(rows.find((r) => r[2] === 'Personer per husstand')?.[3]).toBe('2,6');
	});
});

describe('numbers stay numbers (issue 14)', () => {
	it('negative and decimal assumptions are plain nb-NO numbers, text is still defused', async () => {
		const { assumptionsToCsv } = await import('#lib/core/export/csv.ts');
		const { buildMinimalNotebook } = await import('../format/fixtures.ts');
		const nb = buildMinimalNotebook();
		nb.scenarios[0]!.name = '-Minus';
		const text = assumptionsToCsv(nb.scenarios, { base: nb.base });
		expect(text).not.toMatch(/'-\d/);
		const rows = readCsv(text.slice(1));
		const sale = rows.find((r) => r[2]!.startsWith('Salg 2028'));
		expect(sale?.[3]).toBe('-2');
		expect(rows.find((r) => r[2] === 'Personer per husstand')?.[3]).toBe('2,6');
		// A scenario name is text: the formula guard still applies to it.
		expect(rows.some((r) => r[0] === "'-Minus")).toBe(true);
	});

	it('toCsv with trim decimals drops trailing zeros only', () => {
		expect(toCsv([[-2, 0.125, 3.1, 0, -0.00001]], { bom: false, decimals: ['trim', 'trim', 'trim', 'trim', 'trim'] })).toBe('-2;0,125;3,1;0;0\r\n');
	});
});

describe('scenario, kommune, date and warnings inside the file', () => {
	const context = { kommune: 'Sør-Fron', kommunenummer: '3449', notebook: 'Plan 2026', scenario: 'Basis: høy', date: new Date(2026, 10, 29) };

	it('starts with the label/value block, then an empty line, then the table', () => {
		const r = { ...fakeResult(), warnings: [{ code: 'population-held', message: 'Befolkningen er holdt flat etter 2050.' }] };
		const rows = readCsv(projectionToCsv(r, { columns: YEARLY_COLUMNS, context, bom: false }));
		expect(rows.slice(0, 6)).toEqual([
			['Kommune', 'Sør-Fron (3449)'],
			['Notatbok', 'Plan 2026'],
			['Scenario', 'Basis: høy'],
			['Tall per', '2026-11-29'],
			['Advarsel', 'Befolkningen er holdt flat etter 2050.'],
			['']
		]);
		expect(rows[6]).toEqual(YEARLY_COLUMNS.map((c) => c.header));
		expect(rows.slice(7).map((row) => row[0])).toEqual(['2025', '2026', '2027']);
	});

	it('warnings reach the file even without context', () => {
		const r = { ...fakeResult(), warnings: [{ code: 'over-occupied', message: 'Planlagt bestand er lavere enn antall leietakere i 2027.', year: 2027 }] };
		const rows = readCsv(projectionToCsv(r, { bom: false }));
		expect(rows[0]).toEqual(['Advarsel', 'Planlagt bestand er lavere enn antall leietakere i 2027.']);
		expect(rows[2]![0]).toBe('År');
	});

	it('adds P(required > planned) per year as a last column in percent', async () => {
		const { PROBABILITY_HEADER } = await import('#lib/core/export/scenario-table.ts');
		const r = fakeResult();
		const mc = { draws: 10, seed: 1, years: r.years, bands: {}, probRequiredExceedsPlanned: Float64Array.from([0, 0.25, 0.875]) };
		const rows = readCsv(projectionToCsv(r, { columns: YEARLY_COLUMNS, monteCarlo: mc, bom: false }));
		expect(rows[0]!.at(-1)).toBe(PROBABILITY_HEADER);
		expect(rows.slice(1).map((row) => row.at(-1))).toEqual(['0,0', '25,0', '87,5']);
	});
});
