import { describe, expect, it } from 'vitest';
import {
	ageBandSeries,
	ageBandTotal,
	ageBandWarning,
	describePopulationTable,
	extractPopulation,
	readPopulationFile,
	type PopulationTable
} from '#lib/core/ssb/population.ts';
import { fixture } from './helpers.ts';

function table(name: string): PopulationTable {
	const r = readPopulationFile(fixture(name), name);
	if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
	return r.table;
}

function series(t: PopulationTable, kommune: string, alternative: string) {
	const r = extractPopulation(t, { kommune, alternative, retrieved: '2026-11-21' });
	if (!r.ok) throw new Error(r.error.message);
	return r;
}

/** Men + women at one age/year from the wide CSV fixture (independent of the readers). */
function fromCsvLines(kommune: string, ageLabel: string, col: number): number {
	const lines = fixture('population-14288-wide.csv').split('\r\n');
	let sum = 0;
	for (const l of lines) {
		if (!l.startsWith(`"${kommune}`) || !l.includes(`;"${ageLabel}";`)) continue;
		sum += Number(l.split(';')[3 + col]);
	}
	return sum;
}

describe('readPopulationFile', () => {
	it('lists kommuner, alternatives, years, ages and sexes of the JSON-stat file', () => {
		const t = table('population-14288.json');
		expect(t.format).toBe('json-stat');
		expect(t.tableId).toBe('14288');
		expect(t.kommuner).toEqual([
			{ code: '3201', name: 'Bærum' },
			{ code: '1151', name: 'Utsira' }
		]);
		expect(t.alternatives.map((a) => a.code)).toEqual(['MMMM', 'LLML']);
		expect(t.alternatives[0]!.label).toBe('Hovedalternativet (MMMM)');
		expect(t.years).toEqual([2024, 2025, 2026, 2027, 2028]);
		expect(t.ages).toHaveLength(106);
		expect(t.ages[105]).toBe(105);
		expect(t.lastAgeLabel).toBe('105 år eller eldre');
		expect(t.sexHandling).toBe('sum');
		expect(t.missingCount).toBe(2);
		expect(t.notes.join(' ')).toMatch(/2 celler med SSBs symboler/);
		expect(describePopulationTable(t)).toBe(
			'SSB tabell 14288 (JSON-stat), 2 regioner, 2 alternativer (MMMM, LLML), år 2024–2028, alder 0–105 år eller eldre, menn og kvinner legges sammen.'
		);
	});
	it('reads the same structure from the wide and the long CSV', () => {
		for (const name of ['population-14288-wide.csv', 'population-long-alternative.csv']) {
			const t = table(name);
			expect(t.format).toBe('csv');
			expect(t.kommuner.map((k) => k.code)).toEqual(['3201', '1151']);
			expect(t.alternatives.map((a) => a.code)).toEqual(['MMMM', 'LLML']);
			expect(t.years).toEqual([2024, 2025, 2026, 2027, 2028]);
			expect(t.ages).toHaveLength(106);
		}
		expect(table('population-14288-wide.csv').tableId).toBe('14288');
	});
});

describe('extractPopulation', () => {
	it('sums men and women per single-year age and fills the provenance', () => {
		const r = series(table('population-14288.json'), '3201', 'MMMM');
		expect(r.series.years).toEqual([2024, 2025, 2026, 2027, 2028]);
		expect(r.series.ages).toHaveLength(106);
		expect(r.series.values).toHaveLength(5);
		expect(r.series.values[0]![0]).toBe(fromCsvLines('3201 Bærum', '0 år', 0));
		expect(r.series.values[4]![80]).toBe(fromCsvLines('3201 Bærum', '80 år', 4));
		expect(r.series.values[0]![105]).toBe(fromCsvLines('3201 Bærum', '105 år eller eldre', 0));
		expect(r.series.provenance).toEqual({
			kind: 'imported',
			source: 'SSB tabell 14288',
			alternative: 'MMMM',
			retrieved: '2026-11-21',
			fileName: 'population-14288.json',
			note: expect.stringMatching(/^Bærum \(3201\); Hovedalternativet \(MMMM\); menn og kvinner lagt sammen/)
		});
	});
	it('gives the same series from JSON-stat, wide CSV and long CSV', () => {
		const files = ['population-14288.json', 'population-14288-wide.csv', 'population-long-alternative.csv'];
		for (const [kommune, alt] of [
			['3201', 'MMMM'],
			['3201', 'LLML'],
			['Bærum', 'Lav nasjonal vekst (LLML)']
		] as const) {
			const [a, b, c] = files.map((f) => series(table(f), kommune, alt).series.values);
			expect(b).toEqual(a);
			expect(c).toEqual(a);
		}
		// Utsira MMMM: JSON and long CSV agree; the wide CSV has SSB's "-" (0) at age 104.
		const j = series(table('population-14288.json'), '1151', 'MMMM').series.values;
		expect(series(table('population-long-alternative.csv'), '1151', 'MMMM').series.values).toEqual(j);
		const w = series(table('population-14288-wide.csv'), '1151', 'MMMM');
		expect(w.series.values[0]![104]).toBe(0);
		expect(w.warnings.join(' ')).toMatch(/«-» \(null\) er lest som 0/);
		expect(w.series.values[0]![103]).toBe(j[0]![103]);
	});
	it('alternatives differ', () => {
		const t = table('population-14288.json');
		const m = series(t, '3201', 'MMMM').series.values[4]!;
		const l = series(t, '3201', 'LLML').series.values[4]!;
		expect(m.reduce((a, b) => a + b)).toBeGreaterThan(l.reduce((a, b) => a + b));
	});
	it('refuses a needed cell with ".." or ":" and names year, age, sex and symbol', () => {
		for (const f of ['population-14288.json', 'population-14288-wide.csv', 'population-long-alternative.csv']) {
			const r = extractPopulation(table(f), { kommune: '1151', alternative: 'LLML' });
			expect(r.ok).toBe(false);
			if (r.ok) continue;
			expect(r.error.code).toBe('missing-values');
			expect(r.error.message).toContain('Utsira (1151), alternativ LLML');
			expect(r.error.message).toContain('2 celler');
			expect(r.error.message).toContain('2027, 90 år (kvinner): «..» (tallgrunnlag mangler)');
			expect(r.error.message).toContain('2028, 100 år (menn): «:» (vises ikke av konfidensialitetshensyn)');
			expect(r.error.message).toContain('Ingenting er endret');
		}
	});
	it('names unknown kommuner and alternatives and lists what the file has', () => {
		const t = table('population-14288.json');
		const k = extractPopulation(t, { kommune: '0301', alternative: 'MMMM' });
		expect(!k.ok && k.error.code).toBe('unknown-kommune');
		expect(!k.ok && k.error.message).toBe('Kommunen «0301» finnes ikke i filen. Filen har: 3201 Bærum, 1151 Utsira.');
		const a = extractPopulation(t, { kommune: '3201', alternative: 'HHMH' });
		expect(!a.ok && a.error.code).toBe('unknown-alternative');
		expect(!a.ok && a.error.message).toMatch(/«HHMH» finnes ikke.*MMMM \(Hovedalternativet \(MMMM\)\), LLML/);
		const none = extractPopulation(t, { alternative: 'MMMM' });
		expect(!none.ok && none.error.message).toBe('Filen har 2 regioner. Velg hvilken kommune du vil bruke.');
	});
	it('finds the kommune by name or K-code', () => {
		const t = table('population-14288.json');
		expect(extractPopulation(t, { kommune: 'bærum', alternative: 'MMMM' }).ok).toBe(true);
		expect(extractPopulation(t, { kommune: 'K-3201', alternative: 'mmmm' }).ok).toBe(true);
	});
	it('uses the only kommune and alternative without asking, and uses "Begge kjønn" when present', () => {
		const csv = ['region;kjønn;alder;år;Hovedalternativet (MMMM)', ...[0, 1, 2].flatMap((a) => [
			`3201 Bærum;Begge kjønn;${a === 2 ? '2 år eller eldre' : `${a} år`};2024;${100 + a}`,
			`3201 Bærum;Menn;${a === 2 ? '2 år eller eldre' : `${a} år`};2024;${50 + a}`
		])].join('\n');
		const r = readPopulationFile(csv, 'liten.csv');
		if (!r.ok) throw new Error(r.error.message);
		expect(r.table.sexHandling).toBe('total-category');
		const s = extractPopulation(r.table, {});
		if (!s.ok) throw new Error(s.error.message);
		expect(s.series.values).toEqual([[100, 101, 102]]);
		expect(s.series.provenance.alternative).toBe('MMMM');
		expect(s.series.provenance.source).toBe('SSB (tabellnummer ikke oppgitt i filen)');
		expect(s.warnings.join(' ')).toMatch(/Høyeste alder i filen er «2 år eller eldre»/);
	});
});

describe('bad files', () => {
	it.each([
		['empty.csv', 'empty', /er tom/],
		['not-jsonstat.json', 'not-csv-or-jsonstat', /ikke et JSON-stat 2.0-datasett/],
		['kostra-12008.json', 'wrong-table', /KOSTRA-tall om kommunale boliger/],
		['kostra-12008.csv', 'wrong-table', /KOSTRA-tall om kommunale boliger/],
		['wrong-table-areal.json', 'wrong-table', /ikke en befolkningsframskriving.*«Areal \(km²\)»/],
		['population-no-age.csv', 'missing-dimension', /mangler dimensjonen «alder»/],
		['population-age-groups.csv', 'wrong-table', /ingen ettårige aldre \(fant f\.eks\. «0-4 år»\)/]
	])('%s → %s', (name, code, message) => {
		const r = readPopulationFile(fixture(name), name);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.code).toBe(code);
		expect(r.error.message).toMatch(message);
	});
	it('whitespace only is empty, HTML is not SSB data', () => {
		expect(readPopulationFile('  \r\n ', 'x.csv')).toMatchObject({ ok: false, error: { code: 'empty', message: 'Filen «x.csv» er tom.' } });
		expect(readPopulationFile('<!DOCTYPE html><html></html>', 'x.csv')).toMatchObject({ ok: false, error: { code: 'not-csv-or-jsonstat' } });
		expect(readPopulationFile('{not json', 'x.json')).toMatchObject({ ok: false, error: { code: 'not-csv-or-jsonstat' } });
	});
	it('refuses gaps in years and ages', () => {
		const years = readPopulationFile('region;alder;år;MMMM\n3201;0 år;2024;1\n3201;0 år;2030;1\n', 'y.csv');
		expect(!years.ok && years.error.message).toMatch(/hopper fra 2024 til 2030/);
		const ages = readPopulationFile('region;alder;år;MMMM\n3201;0 år;2024;1\n3201;2 år;2024;1\n', 'a.csv');
		expect(!ages.ok && ages.error.message).toMatch(/mangler 1 ettårige aldre \(1 år\)/);
	});
	it('reads sexes from wide headers ("Menn 2024") and years as a stub column', () => {
		const csv = [
			'"region";"alder";"år";"Menn 2024";"Kvinner 2024"',
			'"3201 Bærum";"0 år";"2024";10;11',
			'"3201 Bærum";"1 år eller eldre";"2024";20;21'
		].join('\r\n');
		const csv2 = [
			'"region";"alder";"Menn 2024";"Kvinner 2024"',
			'"3201 Bærum";"0 år";10;11',
			'"3201 Bærum";"1 år eller eldre";20;21'
		].join('\r\n');
		for (const text of [csv, csv2]) {
			const r = readPopulationFile(text, 'k.csv');
			if (!r.ok) throw new Error(r.error.message);
			expect(r.table.sexHandling).toBe('sum');
			const s = extractPopulation(r.table, {});
			expect(s.ok && s.series.values).toEqual([[21, 41]]);
		}
	});
	it('a file with only one sex is refused', () => {
		const r = readPopulationFile('region;kjønn;alder;år;MMMM\n3201;Menn;0 år;2024;1\n', 'm.csv');
		expect(!r.ok && r.error.message).toMatch(/«kjønn» har bare «Menn»/);
	});
});

describe('age bands', () => {
	const s = series(table('population-14288.json'), '3201', 'MMMM').series;
	it('sums bands, open-ended to the top', () => {
		const row = s.values[2]!;
		expect(ageBandTotal(s, { from: 80 }, 2)).toBe(row.slice(80).reduce((a, b) => a + b));
		expect(ageBandTotal(s, { from: 18, to: 66 }, 2)).toBe(row.slice(18, 67).reduce((a, b) => a + b));
		expect(ageBandTotal(s, { from: 0 }, 2)).toBe(row.reduce((a, b) => a + b));
		expect(ageBandTotal(s, { from: 0 }, 99)).toBe(0);
		expect(ageBandSeries(s, { from: 80 })).toHaveLength(5);
	});
	it('warns when a band reaches past the open top age', () => {
		expect(ageBandWarning(s, { from: 80 })).toBeUndefined();
		expect(ageBandWarning(s, { from: 90, to: 110 })).toMatch(/105 år eller eldre/);
		expect(ageBandWarning(s, { from: 120 })).toMatch(/over høyeste alder/);
	});
});
