/**
 * The files in tests/fixtures/ssb/real/ have the shapes SSB's PxWebApi v2 and Statistikkbanken
 * serve (hand-made, synthetic numbers; see generate-real-shapes.ts). Each is read to the numbers
 * the generator wrote.
 */
import { describe, expect, it } from 'vitest';
import { extractPopulation, readPopulationFile } from '#lib/core/ssb/population.ts';
import { extractKostra, extractKostraYears, kostraComparison, readKostraFile } from '#lib/core/ssb/kostra.ts';
import { historyFromKostra } from '#lib/core/ssb/kostra-apply.ts';
import { fixture, fixtureDecoded } from './helpers.ts';
import { persons } from '../../fixtures/ssb/generate-real-shapes.ts';

/** File, and how it names Bærum: codes-only files have no names, texts-only files no numbers. */
const POPULATION: [string, string, string[]][] = [
	['real/population-14746-codes.csv', '3201', ['3201', '1151']],
	['real/population-14746-texts-semicolon.csv', 'Bærum', ['Bærum', 'Utsira']],
	['real/population-14746-codes-texts-tab.csv', '3201', ['Bærum', 'Utsira']]
];

function population(name: string) {
	const r = readPopulationFile(fixtureDecoded(name), name);
	if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
	return r.table;
}

describe('population projections as SSB serves them', () => {
	it.each(POPULATION)('%s: lists both kommuner, MMMM and LLML, 2026–2030, ages 0–105', (name, _kommune, names) => {
		const t = population(name);
		expect(t.kommuner.map((k) => k.name)).toEqual(names);
		expect(t.alternatives.map((a) => a.code)).toEqual(['MMMM', 'LLML']);
		expect(t.years).toEqual([2026, 2027, 2028, 2029, 2030]);
		expect(t.ages).toHaveLength(106);
		expect(t.sexHandling).toBe('sum');
	});
	it.each(POPULATION)('%s: Bærum MMMM sums men and women to the generated numbers', (name, kommune) => {
		const t = population(name);
		const r = extractPopulation(t, { kommune, alternative: 'MMMM', retrieved: '2026-11-29' });
		if (!r.ok) throw new Error(r.error.message);
		expect(r.series.values[0]![0]).toBe(persons(0, 0, 0, 0, 0) + persons(0, 1, 0, 0, 0));
		expect(r.series.values[4]![105]).toBe(persons(0, 0, 105, 0, 4) + persons(0, 1, 105, 0, 4));
		expect(r.series.values[2]![67]).toBe(persons(0, 0, 67, 0, 2) + persons(0, 1, 67, 0, 2));
		expect(r.series.provenance.alternative).toBe('MMMM');
	});
	it('maps the codes-only statistic Personer1 to LLML and names the alternative for the planner', () => {
		const t = population('real/population-14746-codes.csv');
		expect(t.alternatives).toEqual([
			{ code: 'MMMM', label: 'Alternativ MMMM (Personer)' },
			{ code: 'LLML', label: 'Alternativ LLML (Personer1)' }
		]);
		expect(t.kommuner[0]).toEqual({ code: '3201', name: '3201' });
	});
	it('reads the texts-only Latin-1 file by its title and names its table', () => {
		const t = population('real/population-14746-texts-semicolon.csv');
		expect(t.tableId).toBe('14746');
		expect(t.lastAgeLabel).toBe('105 år eller eldre');
	});
	it('reading Latin-1 bytes as UTF-8 (the old File.text()) is what broke; decoded by charset it works', () => {
		const asUtf8 = readPopulationFile(fixture('real/population-14746-texts-semicolon.csv'), 'x.csv');
		expect(asUtf8.ok).toBe(false);
		expect(readPopulationFile(fixtureDecoded('real/population-14746-texts-semicolon.csv'), 'x.csv').ok).toBe(true);
	});
	it('names the missing cell (SSB "..") for Utsira LLML 2029, never a silent 0', () => {
		const r = extractPopulation(population('real/population-14746-codes.csv'), { kommune: '1151', alternative: 'LLML' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/2029, 90 år.*«\.\.» \(tallgrunnlag mangler\)/);
	});
});

const KOSTRA = ['real/kostra-12008-codes-texts.csv', 'real/kostra-12008.json'];

function kostra(name: string) {
	const r = readKostraFile(fixtureDecoded(name), name);
	if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
	return r.table;
}

describe('KOSTRA 12008 as SSB serves it', () => {
	it.each(KOSTRA)('%s: aggregates are never kommuner; historical kommuner are marked', (name) => {
		const t = kostra(name);
		expect(t.kommuner.map((k) => k.code)).toEqual(['3201', '3024', '0219', '1151']);
		expect(t.kommuner.find((k) => k.code === '0219')?.historical).toEqual({ to: 2019 });
		expect(t.kommuner.find((k) => k.code === '3024')?.historical).toEqual({ from: 2020, to: 2023 });
		expect(t.aggregates.map((a) => [a.code, a.kind])).toEqual([
			['EAK', 'landet'],
			['EAKUO', 'landet-uten-oslo'],
			['EKA32', 'fylke'],
			['EKG13', 'kostragruppe']
		]);
		expect(t.years).toEqual([2020, 2021, 2022, 2023, 2024]);
		expect(t.tableId).toBe('12008');
	});
	it.each(KOSTRA)('%s: statistics by code; the rate per 1 000 is not used', (name) => {
		const t = kostra(name);
		const byCode = Object.fromEntries(t.measures.map((m) => [m.code, [m.kind, m.category ?? null, m.percent, m.stockPart]]));
		expect(byCode['KOSantnyinnflytt0000']).toEqual(['newTenants', null, false, false]);
		expect(byCode['KOSandnyinnflytt0001']).toEqual(['newTenants', 'rop', true, false]);
		expect(byCode['KOSventelistetil0000']).toEqual(['waiting', 'tilpasset', false, false]);
		expect(byCode['KOSboligpkommuna0000']).toEqual(['dwellings', null, false, true]);
		expect(byCode['KOSboligSper10000000']).toBeUndefined();
	});
	it.each(KOSTRA)('%s: Bærum 2024 reads to the generated numbers; the rop share becomes a count', (name) => {
		const r = extractKostra(kostra(name), { kommune: '3201' });
		if (!r.ok) throw new Error(r.error.message);
		expect(r.figures).toMatchObject({ year: 2024, dwellings: 2180, vacant: 110, newTenants: 272, waiting: 160 });
		expect(r.figures.newTenantsByCategory.rop).toBe(Math.round(0.213 * 272));
		expect(r.figures.waitingByCategory.tilpasset).toBe(52);
	});
	it('an aggregate cannot be picked as the kommune', () => {
		const r = extractKostra(kostra(KOSTRA[0]!), { kommune: 'EAK' });
		expect(r).toMatchObject({ ok: false, error: { code: 'unknown-kommune' } });
	});
	it('reads all years of the kommune into a history up to the base year', () => {
		const years = extractKostraYears(kostra(KOSTRA[0]!), { kommune: '3201' });
		if (!years.ok) throw new Error(years.error.message);
		expect(years.years.map((f) => f.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
		const h = historyFromKostra(years.years, 2023, { retrieved: '2026-11-29', fileName: 'k.csv' });
		expect(h?.years).toEqual([
			{ year: 2020, dwellings: 2100, vacant: 90, newTenants: 250, waiting: 120 },
			{ year: 2021, dwellings: 2120, vacant: 92, newTenants: 255, waiting: 131 },
			{ year: 2022, dwellings: 2150, vacant: 95, newTenants: 262, waiting: 140 },
			{ year: 2023, dwellings: 2160, vacant: 101, newTenants: 270, waiting: 151 }
		]);
		expect(h?.provenance).toMatchObject({ kind: 'imported', source: 'SSB tabell 12008', fileName: 'k.csv' });
	});
	it('a historical kommune has no figures for years it did not exist ("." )', () => {
		const years = extractKostraYears(kostra(KOSTRA[0]!), { kommune: '3024' });
		if (!years.ok) throw new Error(years.error.message);
		expect(years.years.map((f) => f.year)).toEqual([2020, 2021, 2022, 2023]);
	});
	it('compares turnover with the chosen KOSTRA group and the country, and never guesses the group', () => {
		const t = kostra(KOSTRA[0]!);
		const f = extractKostra(t, { kommune: '3201' });
		if (!f.ok) throw new Error(f.error.message);
		const without = kostraComparison(t, f.figures);
		expect(without.text).toBe('Gjennomstrømming 2024: 12 % i kommunen, 12 % i landet.');
		expect(without.notes.join(' ')).toMatch(/klassifikasjon 112/);
		const withGroup = kostraComparison(t, f.figures, { kostraGroupCode: 'EKG13' });
		expect(withGroup.lines.map((l) => l.name)).toEqual(['kommunen', 'Kostragruppe 13', 'landet']);
		expect(withGroup.text).toMatch(/^Gjennomstrømming 2024: 12 % i kommunen, \d+ % i Kostragruppe 13, 12 % i landet\.$/);
	});
	it('a codes-only file still filters aggregates and advises a download with texts for unknown codes', () => {
		const t = kostra('real/kostra-12008-codes.csv');
		expect(t.kommuner.map((k) => k.code)).toEqual(['3201', '3024', '0219', '1151']);
		expect(t.aggregates.map((a) => a.name).slice(0, 2)).toEqual(['Landet', 'Landet uten Oslo']);
		expect(t.notes.join(' ')).toMatch(/Koder og tekster/);
		expect(t.ignored).toContain('KOSxdisponerte0000');
	});
});
