import { describe, expect, it } from 'vitest';
import {
	alternativeCode,
	classifyDimension,
	isBothSexes,
	kommuneNumber,
	regionName,
	parseSingleAge,
	splitRegionText
} from '#lib/core/ssb/dimensions.ts';

describe('classifyDimension', () => {
	it.each([
		['Region', 'region', undefined, 'region'],
		['KOKkommuneregion0000', 'region', 'geo', 'region'],
		['Kjonn', 'kjønn', undefined, 'sex'],
		['Alder', 'alder', undefined, 'age'],
		['Tid', 'år', 'time', 'time'],
		['år', 'år', undefined, 'time'],
		['ContentsCode', 'statistikkvariabel', 'metric', 'contents'],
		['Framskriv', 'alternativ', undefined, 'alternative'],
		['framskrivingsalternativ', 'framskrivingsalternativ', undefined, 'alternative'],
		['Landbakgrunn', 'landbakgrunn', undefined, 'other']
	] as const)('%s / %s → %s', (id, label, role, kind) => {
		expect(classifyDimension(id, label, role)).toBe(kind);
	});
});

describe('parseSingleAge', () => {
	it('reads codes and labels', () => {
		expect(parseSingleAge('000')).toEqual({ age: 0, openEnded: false });
		expect(parseSingleAge('17 år')).toEqual({ age: 17, openEnded: false });
		expect(parseSingleAge('105+')).toEqual({ age: 105, openEnded: true });
		expect(parseSingleAge('105 år eller eldre')).toEqual({ age: 105, openEnded: true });
		expect(parseSingleAge('100 år og over')).toEqual({ age: 100, openEnded: true });
	});
	it('rejects age groups and totals', () => {
		expect(parseSingleAge('0-4 år')).toBeUndefined();
		expect(parseSingleAge('F00-04')).toBeUndefined();
		expect(parseSingleAge('Alle aldre')).toBeUndefined();
		expect(parseSingleAge('999')).toBeDefined(); // a three-digit code is an age; the gap check catches it
	});
});

describe('codes', () => {
	it('finds the alternative code in SSB labels', () => {
		expect(alternativeCode('Personer1', 'Hovedalternativet (MMMM)')).toBe('MMMM');
		expect(alternativeCode('Personer7', 'Ingen nettoinnvandring (MMM0)')).toBe('MMM0');
		expect(alternativeCode('LLML', 'Lav nasjonal vekst')).toBe('LLML');
		expect(alternativeCode('Personer', 'Personer')).toBeUndefined();
	});
	it('splits region cells and finds kommune numbers', () => {
		expect(splitRegionText('3201 Bærum')).toEqual({ code: '3201', label: 'Bærum' });
		expect(splitRegionText('K-3201 Bærum')).toEqual({ code: 'K-3201', label: 'Bærum' });
		expect(splitRegionText('0301 Oslo - Oslove')).toEqual({ code: '0301', label: 'Oslo - Oslove' });
		expect(splitRegionText('Bærum')).toEqual({ code: 'Bærum', label: 'Bærum' });
		expect(kommuneNumber('K-3201')).toBe('3201');
		expect(kommuneNumber('3201')).toBe('3201');
		expect(kommuneNumber('32')).toBeUndefined();
		expect(regionName('3201', '3201 Bærum')).toBe('Bærum');
		expect(regionName('K-3201', '3201 Bærum')).toBe('Bærum');
		expect(regionName('3201', 'Bærum')).toBe('Bærum');
	});
	it('recognises the total sex category', () => {
		expect(isBothSexes('0', 'Begge kjønn')).toBe(true);
		expect(isBothSexes('1', 'Menn')).toBe(false);
	});
});
