import { describe, expect, it } from 'vitest';
import {
	classifyKostraMeasure,
	extractKostra,
	readKostraFile,
	suggestGroupMapping,
	turnoverIndicators,
	type KostraFigures,
	type KostraTable
} from '#lib/core/ssb/kostra.ts';
import { fixture } from './helpers.ts';

function table(name: string): KostraTable {
	const r = readKostraFile(fixture(name), name);
	if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
	return r.table;
}
function figures(name: string, kommune: string, year?: number): KostraFigures {
	const r = extractKostra(table(name), year === undefined ? { kommune } : { kommune, year });
	if (!r.ok) throw new Error(r.error.message);
	return r.figures;
}

describe('readKostraFile', () => {
	it.each(['kostra-12008.json', 'kostra-12008.csv'])('lists kommuner, years and recognised statistics (%s)', (name) => {
		const t = table(name);
		expect(t.tableId).toBe('12008');
		expect(t.kommuner.map((k) => k.code)).toEqual(['3201', '1151']);
		expect(t.years).toEqual([2022, 2023, 2024]);
		expect(t.measures.map((m) => [m.kind, m.category ?? null, m.percent])).toEqual([
			['dwellings', null, false],
			['vacant', null, false],
			['wheelchair', null, true],
			['newTenants', null, false],
			['newTenants', 'flyktning', false],
			['newTenants', 'rop', false],
			['newTenants', 'tilpasset', false],
			['newTenants', 'andre', false],
			['waiting', null, false],
			['waiting', 'flyktning', false]
		]);
		expect(t.ignored).toEqual(['Kommunalt disponerte boliger per 1 000 innbyggere', 'Søknader om kommunal bolig']);
	});
	it.each([
		['population-14288.json', 'wrong-table', /dimensjonen «alder».*befolkningstabell/],
		['wrong-table-areal.json', 'wrong-table', /Ingen av statistikkvariablene.*«Areal \(km²\)»/],
		['empty.csv', 'empty', /tom/]
	])('%s → %s', (name, code, message) => {
		const r = readKostraFile(fixture(name), name);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.code).toBe(code);
		expect(r.error.message).toMatch(message);
	});
	it('refuses a file without a year dimension', () => {
		const r = readKostraFile('region;statistikkvariabel;value\n3201 Bærum;Kommunalt disponerte boliger i alt;2180\n', 'x.csv');
		expect(r).toMatchObject({ ok: false, error: { code: 'missing-dimension', message: expect.stringMatching(/mangler «år»/) } });
	});
});

describe('classifyKostraMeasure', () => {
	it.each([
		['Kommunalt eide boliger', 'dwellings', undefined],
		['Antall nyinnflyttede husstander med rusproblemer', 'newTenants', 'rop'],
		['Andel nyinnflyttede flyktninger (prosent)', 'newTenants', 'flyktning'],
		['Husstander på venteliste med behov for tilrettelagt bolig', 'waiting', 'tilpasset'],
		['Kommunalt disponerte boliger per 1 000 innbyggere', undefined, undefined],
		['Brutto driftsutgifter, kroner', undefined, undefined]
	])('%s', (label, kind, category) => {
		const m = classifyKostraMeasure('c', label);
		expect(m?.kind).toBe(kind);
		expect(m?.category).toBe(category);
	});
	it('marks ownership parts of the stock', () => {
		expect(classifyKostraMeasure('c', 'Kommunalt eide boliger')?.stockPart).toBe(true);
		expect(classifyKostraMeasure('c', 'Kommunalt disponerte boliger i alt')?.stockPart).toBe(false);
	});
});

describe('extractKostra', () => {
	it('reads the latest year for Bærum, the same from JSON-stat and CSV', () => {
		const j = figures('kostra-12008.json', '3201');
		const c = figures('kostra-12008.csv', '3201');
		expect(j).toMatchObject({
			year: 2024,
			source: 'SSB tabell 12008',
			dwellings: 2180,
			vacant: 110,
			wheelchairAccessible: 1090,
			newTenants: 272,
			newTenantsByCategory: { flyktning: 60, rop: 58, tilpasset: 96, andre: 58 },
			waiting: 160,
			waitingByCategory: { flyktning: 15 },
			missing: []
		});
		expect(j.notes.join(' ')).toMatch(/1090 er regnet ut fra andelen 50 % av 2180/);
		expect({ ...c, fileName: '' }).toEqual({ ...j, fileName: '' });
	});
	it('takes a chosen year', () => {
		expect(figures('kostra-12008.json', 'Bærum', 2022).dwellings).toBe(2150);
		const r = extractKostra(table('kostra-12008.json'), { kommune: '3201', year: 2019 });
		expect(!r.ok && r.error.message).toBe('Året 2019 finnes ikke i KOSTRA-filen. Filen har 2022, 2023, 2024.');
	});
	it('lists confidential and missing figures for the small kommune instead of inventing zeros', () => {
		for (const name of ['kostra-12008.json', 'kostra-12008.csv']) {
			const u = figures(name, '1151');
			expect(u.year).toBe(2024);
			expect(u.dwellings).toBe(7);
			expect(u.newTenants).toBe(2);
			expect(u.newTenantsByCategory).toEqual({});
			expect(u.waiting).toBeUndefined();
			expect(u.missing).toContain('«Nyinnflyttede husstander, flyktninger» for 2024 er «:» (vises ikke av konfidensialitetshensyn).');
			expect(u.missing).toContain('«Husstander på venteliste i alt» for 2024 er «..» (tallgrunnlag mangler).');
		}
	});
	it('refuses a kommune whose figures are all SSB symbols', () => {
		const t = readKostraFile('region;statistikkvariabel;2023;2024\n1151 Utsira;Kommunalt disponerte boliger i alt;..;:\n', 'x.csv');
		if (!t.ok) throw new Error(t.error.message);
		expect(extractKostra(t.table)).toMatchObject({
			ok: false,
			error: { code: 'missing-values', message: 'KOSTRA-filen har ingen tall for Utsira i noen av årene 2023, 2024 (bare symboler som «..» eller «:»).' }
		});
	});
	it('names an unknown kommune', () => {
		const r = extractKostra(table('kostra-12008.json'), { kommune: '0301' });
		expect(r).toMatchObject({ ok: false, error: { code: 'unknown-kommune', message: 'Kommunen «0301» finnes ikke i KOSTRA-filen. Filen har: 3201 Bærum, 1151 Utsira.' } });
	});
	it('sums separate reasons into one category and ownership parts into the stock', () => {
		const csv = [
			'region;statistikkvariabel;2024',
			'3201 Bærum;Kommunalt eide boliger;100',
			'3201 Bærum;Innleide boliger;20',
			'3201 Bærum;Boliger med tildelingsrett;10',
			'3201 Bærum;Nyinnflyttede husstander med psykiske lidelser;3',
			'3201 Bærum;Nyinnflyttede husstander med rusproblemer;2',
			'3201 Bærum;Nyinnflyttede husstander med både rus og psykiske lidelser;1'
		].join('\n');
		const t = readKostraFile(csv, 'x.csv');
		if (!t.ok) throw new Error(t.error.message);
		const f = extractKostra(t.table);
		if (!f.ok) throw new Error(f.error.message);
		expect(f.figures.dwellings).toBe(130);
		expect(f.figures.newTenantsByCategory.rop).toBe(6);
		expect(f.figures.missing.join(' ')).toMatch(/ingen statistikkvariabel for ledige boliger/);
	});
});

describe('suggestGroupMapping', () => {
	const bærum = figures('kostra-12008.json', '3201');
	it('maps SSB categories to groups and splits the adapted-dwelling category 50/50 by default', () => {
		const p = suggestGroupMapping(bærum);
		expect(p.adaptedSplit).toMatchObject({ elderlyShare: 0.5, basis: 'default' });
		expect(p.groups.flyktning).toMatchObject({ newTenantsLastYear: 60, waiting: 15 });
		expect(p.groups.rop).toMatchObject({ newTenantsLastYear: 58 });
		expect(p.groups.rop.waiting).toBeUndefined();
		expect(p.groups.funksjon.newTenantsLastYear).toBe(48);
		expect(p.groups.eldre.newTenantsLastYear).toBe(48);
		expect(p.groups.andre.newTenantsLastYear).toBe(58);
		expect(p.unassigned).toMatchObject({ waiting: 145 });
		expect(p.unassigned.newTenants).toBeUndefined();
		expect(p.mapping).toHaveLength(4);
	});
	it('splits by the kommune’s own tenants when given, or by the planner’s share', () => {
		const t = suggestGroupMapping(bærum, { currentTenants: { funksjon: 30, eldre: 10 } });
		expect(t.adaptedSplit).toMatchObject({ elderlyShare: 0.25, basis: 'current-tenants' });
		expect(t.groups.eldre.newTenantsLastYear).toBe(24);
		expect(t.groups.funksjon.newTenantsLastYear).toBe(72);
		const p = suggestGroupMapping(bærum, { adaptedElderlyShare: 0.7, currentTenants: { funksjon: 30, eldre: 10 } });
		expect(p.adaptedSplit.basis).toBe('planner');
		expect(p.groups.eldre.newTenantsLastYear! + p.groups.funksjon.newTenantsLastYear!).toBe(96);
		expect(p.adaptedSplit.text).toMatch(/70 % til Eldre/);
	});
	it('leaves groups empty where SSB has no number', () => {
		const p = suggestGroupMapping(figures('kostra-12008.json', '1151'));
		expect(p.groups.flyktning.newTenantsLastYear).toBeUndefined();
		expect(p.unassigned.newTenants).toBe(2);
	});
});

describe('turnoverIndicators', () => {
	it('computes both definitions for Bærum', () => {
		const t = turnoverIndicators(figures('kostra-12008.json', '3201'));
		expect(t.allDwellings.turnoverPercent).toBeCloseTo((272 / 2180) * 100, 10);
		expect(t.allDwellings.botidYears).toBeCloseTo(2180 / 272, 10);
		expect(t.occupiedDwellings.dwellings).toBe(2070);
		expect(t.occupiedDwellings.turnoverPercent).toBeCloseTo((272 / 2070) * 100, 10);
		expect(t.occupiedDwellings.botidYears).toBeCloseTo(2070 / 272, 10);
		expect(t.allDwellings.definition).toMatch(/KOSTRA-definisjonen/);
		expect(t.occupiedDwellings.definition).toMatch(/bebodde boliger/);
		expect(t.notes).toEqual([]);
	});
	it('explains what cannot be computed', () => {
		const f = { ...figures('kostra-12008.json', '3201') };
		delete f.vacant;
		const t = turnoverIndicators(f);
		expect(t.occupiedDwellings.turnoverPercent).toBeUndefined();
		expect(t.notes.join(' ')).toMatch(/ledige boliger mangler/);
		const z = turnoverIndicators({ ...f, newTenants: 0 });
		expect(z.allDwellings.botidYears).toBeUndefined();
		expect(z.allDwellings.turnoverPercent).toBe(0);
	});
});
