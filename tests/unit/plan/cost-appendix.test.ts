import { describe, expect, it } from 'vitest';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { triangular } from '#lib/core/model/uncertain.ts';
import { OWN_FIGURE_SOURCE, planCostRows, planCostSections } from '#lib/core/plan/cost-appendix.ts';
import { COST_ITEMS, RENTAL_GRANT_SOURCE } from '#lib/core/plan/costs.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';

const nb = createExampleNotebook();
const basis = nb.scenarios[0]!;

describe('the plan\'s cost figures in the printed appendix', () => {
	it('every cost figure and the grant group, nb-NO with unit, placeholders marked with their source; the kinds of a figure on one row', () => {
		const rows = planCostRows(basis);
		const perKindRows = new Set(COST_ITEMS.flatMap((i) => (i.perKind ? [i.perKind.row] : [])));
		const single = COST_ITEMS.filter((i) => !i.perKind).length;
		expect(rows).toHaveLength(1 + perKindRows.size + single);
		expect(rows[0]).toMatchObject({ key: 'plan.grantZone', status: 'placeholder', source: RENTAL_GRANT_SOURCE });
		const invest = rows.find((r) => r.key === 'plan.costs.invest.nybygg')!;
		expect(invest.field).toBe('Investering per bolig, nybygg');
		expect(invest.value.replace(/\s/g, ' ')).toBe('ordinær 4 500 000 kr, tilpasset 5 000 000 kr, bemannet 5 500 000 kr');
		expect(invest).toMatchObject({ status: 'placeholder', range: 'Fast verdi' });
		expect(invest.source).toMatch(/^Plassholder/);
		expect(rows.find((r) => r.key === 'plan.costs.loanRatePct')!.value.replace(/\s/g, ' ')).toBe('2,5 %');
	});

	it('a figure the kommune entered is «Oppgitt», with its range', () => {
		const own: Scenario = {
			...basis,
			assumptions: { ...basis.assumptions, plan: { ...basis.assumptions.plan!, grantZone: 'oslo', costs: { 'invest.kjop.ordinaer': triangular(3_000_000, 3_500_000, 4_000_000) } } }
		};
		const rows = planCostRows(own);
		expect(rows[0]).toMatchObject({ status: 'entered', value: 'Oslo (21 200 kr/m²)' });
		// One kind entered: the kinds of that figure get a row each, the placeholders still marked.
		expect(rows.find((r) => r.key === 'plan.costs.invest.kjop.tilpasset')).toMatchObject({ status: 'placeholder' });
		expect(rows.find((r) => r.key === 'plan.costs.invest.nybygg')).toBeDefined();
		const kjop = rows.find((r) => r.key === 'plan.costs.invest.kjop.ordinaer')!;
		expect(kjop).toMatchObject({ status: 'entered', source: OWN_FIGURE_SOURCE });
		expect(kjop.range.replace(/\s/g, ' ')).toBe('3 000 000–4 000 000 kr, mest sannsynlig 3 500 000');
	});

	it('one section for scenarios with the same figures; a scenario with other figures lists only its differences', () => {
		const withPlan = nb.scenarios.filter((s) => s.assumptions.plan);
		expect(withPlan.length).toBeGreaterThan(1);
		const same = planCostSections(withPlan);
		expect(same).toHaveLength(1);
		expect(same[0]!.title).toBe(`Kostnadsforutsetninger i tiltaksplanen: ${withPlan.map((s) => s.name).join(', ')}`);
		const other: Scenario = { ...withPlan[1]!, assumptions: { ...withPlan[1]!.assumptions, plan: { ...withPlan[1]!.assumptions.plan!, costs: { loanRatePct: { value: 3 } } } } };
		const sections = planCostSections([withPlan[0]!, other]);
		expect(sections).toHaveLength(2);
		expect(sections[1]!.rows.map((r) => r.key)).toEqual(['plan.costs.loanRatePct']);
		expect(sections[1]!.sameAs).toEqual({ scenario: withPlan[0]!.name, omitted: planCostRows(withPlan[0]!).length - 1 });
		const { plan: _drop, ...noPlan } = basis.assumptions;
		expect(planCostSections([{ ...basis, assumptions: noPlan }])).toEqual([]);
	});
});
