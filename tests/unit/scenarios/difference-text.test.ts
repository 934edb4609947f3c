/** The differences in numbers (issue 15): the line itself, and the same lines in print and exports. */
import { describe, expect, it } from 'vitest';
import { createExampleNotebook, EXAMPLE_SCENARIO_IDS } from '#lib/core/example/index.ts';
import { describeOverrides, uncertainText } from '#lib/core/scenarios/difference-text.ts';
import { assumptionsById, reconcileVariants } from '#lib/core/scenarios/overrides.ts';
import { assumptionsAppendix } from '#lib/core/report/assumptions-appendix.ts';
import { contextLines } from '#lib/core/export/scenario-table.ts';
import { projectionSheets } from '#lib/core/export/workbook.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';

function edited(mutate: (nb: Notebook) => void): Notebook {
	const nb = createExampleNotebook();
	const before = assumptionsById(nb.scenarios);
	mutate(nb);
	reconcileVariants(nb, before);
	return nb;
}
const turnover = (nb: Notebook) => nb.scenarios.find((s) => s.id === EXAMPLE_SCENARIO_IDS.turnover)!;

describe('describeOverrides', () => {
	it('names the field, both values in nb-NO numbers with the unit, and both scenarios', () => {
		const nb = edited((d) => {
			turnover(d).assumptions.groups.rop.tenure = { kind: 'botid', years: { value: 4.5 } };
		});
		const lines = describeOverrides(nb, turnover(nb)).map((l) => l.text);
		expect(lines).toContain('Botid ROP: 6,0 (4,5–8,0) → 4,5 år (Basis → Økt gjennomstrømming)');
	});

	it('a plain value and a whole new object: "Botid ROP: 6,0 → 4,5 år", "ingen → …"', () => {
		const nb = edited((d) => {
			d.scenarios[0]!.assumptions.groups.rop.tenure = { kind: 'botid', years: { value: 6 } };
			turnover(d).assumptions.groups.rop.tenure = { kind: 'botid', years: { value: 4.5 } };
		});
		const lines = describeOverrides(nb, turnover(nb)).map((l) => l.text);
		expect(lines).toContain('Botid ROP: 6,0 → 4,5 år (Basis → Økt gjennomstrømming)');
		expect(lines).toContain('Mål for gjennomstrømming ROP: ingen → Endring i gjennomstrømming innen 2030 11,1 % (Basis → Økt gjennomstrømming)');
	});

	it('settings, series and the capacity mode', () => {
		const nb = createExampleNotebook();
		const texts = nb.scenarios.flatMap((s) => describeOverrides(nb, s).map((l) => l.text));
		expect(texts).toContain('Beregningsmåte: Behov (boliger som trengs) → Kapasitet (planlagte boliger, venteliste) (Basis → Kapasitet: dagens plan)');
		expect(texts.some((t) => t.startsWith('Bosatte flyktninger per år Flyktninger: 2025: 45; 2026: 40'))).toBe(true);
		expect(describeOverrides(nb, nb.scenarios[0]!)).toEqual([]);
	});

	it('an override that does not apply now says so', () => {
		const nb = edited((d) => {
			turnover(d).assumptions.groups.andre.tenure = { kind: 'botid', years: { value: 2 } };
		});
		const before = assumptionsById(nb.scenarios);
		nb.scenarios[0]!.assumptions.groups.andre.tenure = { kind: 'exitRate', pctPerYear: { value: 10 } };
		reconcileVariants(nb, before);
		const line = describeOverrides(nb, turnover(nb)).find((l) => l.path === 'groups.andre.tenure.years')!;
		expect(line.inactive).toBe(true);
		expect(line.text).toContain('gjelder ikke nå, fordi Basis ikke har denne forutsetningen');
	});

	it('formats ranges: triangular and P10–P90', () => {
		expect(uncertainText({ value: 6, spread: { kind: 'triangular', low: 4.5, high: 8 } })).toBe('6,0 (4,5–8,0)');
		expect(uncertainText({ value: 0.8, spread: { kind: 'p10p90', p10: 0.6, p90: 0.9 } })).toBe('0,8 (P10–P90 0,6–0,9)');
		expect(uncertainText({ value: 0.25 })).toBe('0,25');
	});
});

describe('the same lines in print and exports', () => {
	const nb = createExampleNotebook();
	const capacity = nb.scenarios.find((s) => s.id === EXAMPLE_SCENARIO_IDS.capacity)!;
	const expected = describeOverrides(nb, capacity).map((l) => l.text);

	it('the printed appendix lists them in the variant section, none for Basis', () => {
		const sections = assumptionsAppendix(nb, nb.scenarios);
		expect(sections.find((s) => s.id === capacity.id)!.overrides).toEqual(expected);
		expect(sections.find((s) => s.id === 'basis')!.overrides).toBeUndefined();
	});

	it('the export context block carries them as "Endring" lines; the workbook sheet of the variant too', () => {
		expect(contextLines({ kommune: 'K', scenario: capacity.name, differences: expected, date: new Date('2026-01-01') })).toContainEqual(['Endring', expected[0]]);
		const run = (id: string) => runProjection(engineInputOf(nb.base, nb.population, nb.scenarios.find((s) => s.id === id)!.assumptions));
		const sheets = projectionSheets({
			scenarios: [nb.scenarios[0]!, capacity].map((scenario) => ({ scenario, result: run(scenario.id) })),
			context: { kommune: 'K', date: new Date('2026-01-01') }
		});
		expect(sheets[1]!.rows).toContainEqual(['Endring', expected[0]]);
		expect(sheets[0]!.rows.some((r) => r[0] === 'Endring')).toBe(false);
	});

	it('a variant whose parent has no sheet (no result) still names its differences, from the notebook\'s scenarios', () => {
		const result = runProjection(engineInputOf(nb.base, nb.population, capacity.assumptions));
		const context = { kommune: 'K', date: new Date('2026-01-01') };
		const alone = projectionSheets({ scenarios: [{ scenario: capacity, result }], context });
		expect(alone[0]!.rows.some((r) => r[0] === 'Endring')).toBe(false);
		const withNotebook = projectionSheets({ scenarios: [{ scenario: capacity, result }], allScenarios: nb.scenarios, context });
		expect(withNotebook[0]!.rows.filter((r) => r[0] === 'Endring').map((r) => r[1])).toEqual(expected);
	});
});
