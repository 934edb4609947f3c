import { describe, expect, it } from 'vitest';
import { describeDifferences } from '#lib/core/report/scenario-differences.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { copyScenario } from '#lib/core/notebook/edits.ts';

describe('describeDifferences', () => {
	it('names what the example variants change, as the exports name it', () => {
		const nb = createExampleNotebook();
		const [basis, turnover, refugees] = nb.scenarios;
		const t = describeDifferences(basis!, turnover!);
		expect(t.length).toBeGreaterThan(0);
		expect(t.every((d) => /^(ROP|Flyktninger|Andre).*: /.test(d))).toBe(true);
		expect(describeDifferences(basis!, refugees!).some((d) => d.startsWith('Flyktninger: '))).toBe(true);
	});

	it('a fresh copy differs in nothing; a changed value is named once', () => {
		const nb = createExampleNotebook();
		const v = copyScenario(nb, nb.scenarios[0]!.id, 'Kopi')!;
		expect(describeDifferences(nb.scenarios[0]!, v)).toEqual([]);
		v.assumptions.groups.andre.waitingAttritionPctPerYear = { value: 30, spread: { kind: 'triangular', low: 20, high: 40 } };
		v.assumptions.horizonYears = 20;
		expect(describeDifferences(nb.scenarios[0]!, v)).toEqual(['Framskrivingsperiode', 'Andre: Frafall fra ventelisten']);
	});
});
