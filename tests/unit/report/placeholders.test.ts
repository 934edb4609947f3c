import { describe, expect, it } from 'vitest';
import { clearReplacedSources, listPlaceholders } from '#lib/core/report/placeholders.ts';
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
		expect(s.valueSources).toBeUndefined();
	});

	it('the fictional example has none; an old "new notebook" with example data names them', () => {
		expect(listPlaceholders(createExampleNotebook())).toEqual([]);
		const old = createExampleNotebook();
		old.kommune = { name: 'Nordby', number: '1234' };
		expect(listPlaceholders(old).map((p) => p.key)).toEqual(['population', 'base']);
	});
});
