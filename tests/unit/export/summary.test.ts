import { describe, expect, it } from 'vitest';
import { SUMMARY_HEADER, summaryCsv, summaryRows, summaryWorkbook, warningRows } from '#lib/core/export/summary.ts';
import { fakeResult } from './result-fixture.ts';
import { readCsv } from './read-csv.ts';
import { unzip } from './unzip.ts';

const who = { file: 'a.json', kommune: 'Sør-Fron', kommunenummer: '3449', notebook: 'Plan', scenario: 'Basis' };
const result = {
	...fakeResult(11),
	warnings: [
		{ code: 'population-held', message: 'Befolkningen holdes flat.' },
		{ code: 'over-occupied', message: 'For få boliger i 2027.', year: 2027, group: 'eldre' as const }
	]
};
const mc = { draws: 10, seed: 1, years: result.years, bands: {}, probRequiredExceedsPlanned: Float64Array.from(result.years, (_, i) => i / 10) };

describe('runner summary', () => {
	it('T0+4 and T0+10 by default: need, required, planned, gap, P in percent, warnings', () => {
		const rows = summaryRows([{ ...who, result, monteCarlo: mc }]);
		expect(rows.map((r) => r[5])).toEqual([2029, 2035]);
		const [r4] = rows;
		expect(r4!.slice(0, 5)).toEqual(['a.json', '3449', 'Sør-Fron', 'Plan', 'Basis']);
		expect(r4![6]).toBe(result.total.need[4]);
		expect(r4![7]).toBe(result.total.requiredStock[4]);
		expect(r4![8]).toBe(result.total.plannedStock[4]);
		expect(r4![9]).toBe(result.total.gap[4]);
		expect(r4![10]).toBeCloseTo(40);
		// Columns 11–13 are the plan's costs, empty without a plan (cost-export.test.ts).
		expect(r4!.slice(11, 14)).toEqual([null, null, null]);
		expect(r4![14]).toBe('Befolkningen holdes flat. | For få boliger i 2027.');
		expect(r4![15]).toBe('');
	});

	it('explicit years; a year outside the projection is left out; no Monte Carlo leaves P empty; errors are rows', () => {
		const rows = summaryRows([{ ...who, result }, { ...who, scenario: 'Feil', error: 'Feltet x: må være et tall' }], [2026, 2099]);
		expect(rows).toHaveLength(2);
		expect(rows[0]![5]).toBe(2026);
		expect(rows[0]![10]).toBeNull();
		expect(rows[1]!.slice(4)).toEqual(['Feil', null, null, null, null, null, null, null, null, null, '', 'Feltet x: må være et tall']);
	});

	it('CSV with the documented header; XLSX with a warnings sheet giving code, year and group', () => {
		const csv = readCsv(summaryCsv([{ ...who, result, monteCarlo: mc }], { bom: false }));
		expect(csv[0]).toEqual([...SUMMARY_HEADER]);
		expect(csv[1]![10]).toBe('40,0');
		expect(warningRows([{ ...who, result }])).toEqual([
			['a.json', '3449', 'Sør-Fron', 'Plan', 'Basis', 'population-held', null, '', 'Befolkningen holdes flat.'],
			['a.json', '3449', 'Sør-Fron', 'Plan', 'Basis', 'over-occupied', 2027, 'Eldre', 'For få boliger i 2027.']
		]);
		const files = unzip(summaryWorkbook([{ ...who, result, monteCarlo: mc }]));
		const sheet2 = new TextDecoder().decode(files.get('xl/worksheets/sheet2.xml'));
		expect(sheet2).toContain('over-occupied');
		expect(sheet2).toContain('<v>2027</v>');
	});
});
