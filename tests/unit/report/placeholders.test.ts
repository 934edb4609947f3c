import { describe, expect, it } from 'vitest';
import { clearReplacedSources, editKeepingOrigins, exampleNotice, listPlaceholders, type ReplacedSourcesMemory } from '#lib/core/report/placeholders.ts';
import { applyTypedEdits, recordFieldOrigins } from '#lib/core/base-data/field-origins.ts';
import { createNewNotebook, NATIONAL_DEFAULTS } from '#lib/core/notebook/new-notebook.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { enteredProvenance } from '#lib/core/base-data/edits.ts';
import { applyPopulation } from '#lib/core/base-data/population-summary.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';

const fresh = () => createNewNotebook({ kommuneName: 'Nordby', kommuneNumber: '1234', now: '2026-11-21T10:00:00.000Z', id: 'nb-1' });

describe('"Før tallene kan brukes"', () => {
	it('a new notebook names the population, the base data and every national default, with its source', () => {
		const items = listPlaceholders(fresh());
		expect(items.map((p) => p.key)).toEqual([
			'population',
			'base',
			'basis:vacancyTargetPct',
			...GROUP_IDS.flatMap((g) => [
				`basis:groups.${g}.tenure.years`,
				...(g === 'eldre' ? [] : [`basis:groups.${g}.demand.trendPctPerYear`]),
				`basis:groups.${g}.waitingAttritionPctPerYear`
			]),
			'basis:groups.flyktning.demand'
		]);
		const botid = items.find((p) => p.key === 'basis:groups.eldre.tenure.years')!;
		expect(botid.label).toBe('Botid – Eldre');
		expect(botid.detail).toBe(`Nasjonal standard: ${NATIONAL_DEFAULTS.botidYears.source}.`);
		expect(botid.target).toEqual({ kind: 'assumption', scenarioId: 'basis', group: 'eldre', path: 'tenure.years' });
		expect(items.find((p) => p.key === 'basis:vacancyTargetPct')?.label).toBe('Mål for ledighet (friksjonsledighet)');
	});

	it('nothing of the example is carried over: no stock plan, no target share, no uncertainty ranges', () => {
		const a = fresh().scenarios[0]!.assumptions;
		expect(a.plan).toBeUndefined();
		for (const g of GROUP_IDS) {
			const ga = a.groups[g];
			expect(JSON.stringify(ga)).not.toMatch(/spread|targetSharePct|ratePer1000|sharePct/);
		}
		expect(a.vacancyTargetPct).toEqual({ value: 5 });
	});

	it('shrinks as values are replaced, and is empty when none remain', () => {
		const nb = fresh();
		applyPopulation(nb, { ...nb.population, provenance: { kind: 'imported', source: 'SSB tabell 14288' } });
		nb.base.provenance = enteredProvenance(nb.base.provenance, '2026-11-21');
		expect(nb.base.provenance.placeholder).toBeUndefined();
		const s = nb.scenarios[0]!;
		clearReplacedSources(s, 'rop', 'tenure.years');
		expect(listPlaceholders(nb).some((p) => p.key === 'basis:groups.rop.tenure.years')).toBe(false);
		// Switching flyktning's driver replaces the driver and its trend.
		clearReplacedSources(s, 'flyktning', 'demand');
		expect(listPlaceholders(nb).some((p) => p.key.startsWith('basis:groups.flyktning.demand'))).toBe(false);
		for (const p of listPlaceholders(nb)) {
			if (p.target.kind === 'assumption') clearReplacedSources(s, p.target.group, p.target.path);
		}
		expect(listPlaceholders(nb)).toEqual([]);
		// What is left are the program's own settings («standard»): not stand-ins, never listed.
		expect(Object.values(s.valueSources ?? {}).map((v) => v.kind)).toEqual(expect.arrayContaining(['default']));
		expect(Object.values(s.valueSources ?? {}).every((v) => v.kind === 'default')).toBe(true);
	});

	it('the fictional example has none; an old "new notebook" with example data names them', () => {
		expect(listPlaceholders(createExampleNotebook())).toEqual([]);
		const old = createExampleNotebook();
		old.kommune = { name: 'Nordby', number: '1234' };
		// As stored before the example's values were marked: only its data are known to be the example's.
		for (const s of old.scenarios) delete s.valueSources;
		expect(listPlaceholders(old).map((p) => p.key)).toEqual(['population', 'base']);
	});

	it('the example’s own values, copied into a notebook for a real kommune, are listed as the example’s', () => {
		const copied = createExampleNotebook();
		copied.kommune = { name: 'Nordby', number: '1234' };
		const items = listPlaceholders(copied);
		expect(items.find((p) => p.key === 'basis:groups.rop.tenure.years')).toMatchObject({ label: 'Botid – ROP (rus og psykiske lidelser) (Basis)', detail: 'Eksempel: eksempelkommunen (fiktiv).' });
		// A marked path without a catalogue row of its own is named too.
		expect(items.find((p) => p.key === 'basis:groups.rop.demand.band')?.label).toBe('Aldersgruppe for nytt behov – ROP (rus og psykiske lidelser) (Basis)');
		// The stock changes decided before the plan (schema 4: decided plan measures) are listed one by one.
		expect(items.find((p) => p.key === 'basis:plan.measures.0')).toMatchObject({ label: 'Avsluttet innleie 2026, delbestand «ordinaer» (Basis)', detail: 'Eksempel: eksempelkommunen (fiktiv).' });
	});

	it('the fictional example says in one line that all its numbers are the example’s; no other notebook does', () => {
		const example = createExampleNotebook();
		expect(exampleNotice(example)).toMatch(/^Alle tallene er eksempeltall for Eksempelkommune, en fiktiv kommune/);
		expect(exampleNotice(fresh())).toBeNull();
	});

	it('names the base data still standing in, field by field, until each is typed or imported', () => {
		const nb = fresh();
		expect(listPlaceholders(nb).find((p) => p.key === 'base')?.detail).toBe(
			'Ikke fylt ut ennå: boliger, ledige boliger, leietakere, venteliste. Skriv inn tallene eller importer KOSTRA (tabell 12008).'
		);
		// KOSTRA fills the stock, the vacant dwellings and the waiting lists; the tenants are still to be typed.
		recordFieldOrigins(nb.base, ['segments.ordinaer.dwellings', 'vacant', ...GROUP_IDS.map((g) => `groups.${g}.waiting`)], { kind: 'imported', source: 'SSB tabell 12008, 2024' });
		nb.base.provenance = { kind: 'imported', source: 'SSB KOSTRA (tabell 12008)' };
		expect(listPlaceholders(nb).find((p) => p.key === 'base')?.detail).toBe('Ennå ikke kommunens egne tall: leietakere. Skriv inn tallene eller importer KOSTRA (tabell 12008).');
		applyTypedEdits(nb.base, GROUP_IDS.map((g) => ({ kind: 'group' as const, group: g, field: 'tenants' as const, value: 10 })), '2026-11-29');
		expect(listPlaceholders(nb).some((p) => p.key === 'base')).toBe(false);
	});
});

describe('editKeepingOrigins', () => {
	const botid = (s: ReturnType<typeof fresh>['scenarios'][number]) => s.assumptions.groups.rop.tenure;
	const setBotid = (s: ReturnType<typeof fresh>['scenarios'][number], v: number) => () => {
		const t = botid(s);
		if (t.kind === 'botid') t.years = { value: v };
	};

	it('a change drops the marker; an edit that changes nothing keeps it', () => {
		const s = fresh().scenarios[0]!;
		const memory: ReplacedSourcesMemory = new Map();
		editKeepingOrigins(s, 'rop', 'tenure.years', () => s.assumptions.groups.rop, setBotid(s, 8), memory);
		expect(s.valueSources?.['groups.rop.tenure.years']?.kind).toBe('national-default');
		editKeepingOrigins(s, 'rop', 'tenure.years', () => s.assumptions.groups.rop, setBotid(s, 6), memory);
		expect(s.valueSources?.['groups.rop.tenure.years']).toBeUndefined();
	});

	it('a refused entry taken back (the value returns to where it started) gives the marker back, in its old place', () => {
		const s = fresh().scenarios[0]!;
		const before = JSON.stringify(s);
		const memory: ReplacedSourcesMemory = new Map();
		// Typing "12" on the way to "120" passes 1 and 12 on; 120 is refused and 8 restored.
		editKeepingOrigins(s, 'rop', 'tenure.years', () => s.assumptions.groups.rop, setBotid(s, 1), memory);
		editKeepingOrigins(s, 'rop', 'tenure.years', () => s.assumptions.groups.rop, setBotid(s, 12), memory);
		expect(s.valueSources?.['groups.rop.tenure.years']).toBeUndefined();
		editKeepingOrigins(s, 'rop', 'tenure.years', () => s.assumptions.groups.rop, setBotid(s, 8), memory);
		expect(JSON.stringify(s)).toBe(before);
		expect(memory.size).toBe(0);
	});
});
