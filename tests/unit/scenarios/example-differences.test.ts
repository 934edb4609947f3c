/** What the example's variants change, and a fresh variant (replaces the count-only describeDifferences). */
import { describe, expect, it } from 'vitest';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { copyScenario } from '#lib/core/notebook/edits.ts';
import { describeOverrides } from '#lib/core/scenarios/difference-text.ts';
import { assumptionsById, reconcileVariants } from '#lib/core/scenarios/overrides.ts';

describe('describeOverrides on the example', () => {
	it('names what the example variants change, as the exports name it', () => {
		const nb = createExampleNotebook();
		const [, turnover, refugees] = nb.scenarios;
		const t = describeOverrides(nb, turnover!).map((l) => l.label);
		expect(t.length).toBeGreaterThan(0);
		expect(t.every((d) => / (ROP|Flyktninger|Andre)$/.test(d))).toBe(true);
		expect(describeOverrides(nb, refugees!).some((l) => l.label.endsWith(' Flyktninger'))).toBe(true);
	});

	it('a fresh variant differs in nothing; a changed value is named once', () => {
		const nb = createExampleNotebook();
		const v = copyScenario(nb, nb.scenarios[0]!.id, 'Kopi')!;
		expect(describeOverrides(nb, v)).toEqual([]);
		const before = assumptionsById(nb.scenarios);
		v.assumptions.groups.andre.waitingAttritionPctPerYear = { value: 30, spread: { kind: 'triangular', low: 20, high: 40 } };
		v.assumptions.horizonYears = 20;
		reconcileVariants(nb, before);
		expect(describeOverrides(nb, v).map((l) => l.label)).toEqual(['Framskrivingsperiode', 'Frafall fra ventelisten Andre']);
	});

	it('a variant that changes its plan names the measures and the cost figures', () => {
		const nb = createExampleNotebook();
		const v = copyScenario(nb, nb.scenarios[0]!.id, 'Annen plan')!;
		const before = assumptionsById(nb.scenarios);
		v.assumptions.plan!.measures[0]!.count += 1;
		v.assumptions.plan!.costs = { ...v.assumptions.plan!.costs, 'rent.ordinaer': { value: 1 } };
		reconcileVariants(nb, before);
		const labels = describeOverrides(nb, v).map((l) => l.label);
		expect(labels).toContain('Tiltak i planen');
		expect(labels.some((l) => l !== 'Tiltak i planen')).toBe(true);
	});
});
