/**
 * The worked examples of docs/model.md, "Plan and cost": one purchase, one build with lead time,
 * one sale of a granted dwelling within 30 years, costs per target group. Every number is written out here and in the docs.
 */
import { describe, expect, it } from 'vitest';
import { planBudget, type GroupKey } from '#lib/core/plan/budget.ts';
import { segmentGroupShares } from '#lib/core/plan/proposal.ts';
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { planToStockChanges } from '#lib/core/plan/measures.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { Plan } from '#lib/core/model/plan.ts';
import { createExampleBaseData } from '#lib/core/example/index.ts';

const base: BaseData = createExampleBaseData(); // base year 2025; segments ordinaer (all), bemannet, omsorg
const at = (years: number[], line: number[], year: number) => line[years.indexOf(year)] ?? NaN;

describe('worked example P1: one purchase', () => {
	// One ordinary dwelling bought in 2026 (lead time 0), grant group «øvrige kommuner», default costs.
	const plan: Plan = { measures: [{ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 1 }] };
	const b = planBudget({ plan, base, horizonYears: 10 });

	it('adds the dwelling to the stock in 2026', () => {
		expect(planToStockChanges(plan)).toEqual([{ year: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 1 }]);
	});

	it('invests 3 800 000, receives 8 500 kr/m² × 60 m² = 510 000 in grant: net 3 290 000 in 2026', () => {
		expect(at(b.years, b.total.investment, 2026)).toBe(3_800_000);
		expect(at(b.years, b.total.grants, 2026)).toBe(510_000);
		expect(at(b.years, b.total.netInvestment, 2026)).toBe(3_290_000);
		expect(at(b.years, b.total.netInvestment, 2027)).toBe(0);
	});

	it('yearly: running 60 000 − rent 130 000 from 2026; annuity 157 188 (2,5 %, 30 years) from 2027', () => {
		expect(at(b.years, b.total.netCost, 2026)).toBeCloseTo(-70_000, 6);
		expect(at(b.years, b.total.capitalCost, 2027)).toBeCloseTo(157_188.438, 2);
		expect(at(b.years, b.total.netCost, 2027)).toBeCloseTo(87_188.438, 2);
	});
});

describe('worked example P2: one build with lead time', () => {
	// Four staffed dwellings decided in 2026 with the default lead time of 3 years for a new build.
	const plan: Plan = { measures: [{ decisionYear: 2026, segmentId: 'bemannet', kind: 'nybygg', count: 4 }] };
	const b = planBudget({ plan, base, horizonYears: 10 });

	it('is available in 2029', () => {
		expect(planToStockChanges(plan)).toEqual([{ year: 2029, segmentId: 'bemannet', kind: 'nybygg', count: 4 }]);
		expect(at(b.years, b.dwellingsAdded, 2029)).toBe(4);
		expect(at(b.years, b.dwellingsAdded, 2026)).toBe(0);
	});

	it('pays 4 × 5 500 000 evenly in 2027, 2028 and 2029', () => {
		expect(at(b.years, b.total.investment, 2026)).toBe(0);
		for (const y of [2027, 2028, 2029]) expect(at(b.years, b.total.investment, y)).toBeCloseTo(22_000_000 / 3, 6);
	});

	it('receives the care grant 45 % × min(5 500 000, 3 778 000) = 1 700 100 per unit in 2029', () => {
		expect(at(b.years, b.total.grants, 2029)).toBeCloseTo(4 * 1_700_100, 6);
		expect(at(b.years, b.total.grants, 2028)).toBe(0);
		expect(b.total.netInvestment.reduce((s, x) => s + x, 0)).toBeCloseTo(22_000_000 - 6_800_400, 6);
	});

	it('has no yearly cost before the dwellings are ready', () => {
		expect(at(b.years, b.total.netCost, 2028)).toBe(0);
		// 2029: running 4 × 90 000 − rent 4 × 150 000
		expect(at(b.years, b.total.netCost, 2029)).toBeCloseTo(-240_000, 6);
	});
});

describe('worked example P3: sale of a granted dwelling within 30 years', () => {
	// An ordinary dwelling in Oslo, granted 21 200 × 60 = 1 272 000 in 2015, sold in 2027:
	// 12 completed years written down by 3,3 % = 39,6 %, so 60,4 % = 768 288 is repaid.
	const plan: Plan = {
		grantZone: 'oslo',
		measures: [{ decisionYear: 2027, segmentId: 'ordinaer', kind: 'salg', count: 1, grantPaidYear: 2015 }]
	};
	const b = planBudget({ plan, base, horizonYears: 10 });

	it('removes the dwelling in 2027', () => {
		expect(planToStockChanges(plan)).toEqual([{ year: 2027, segmentId: 'ordinaer', kind: 'salg', count: -1 }]);
	});

	it('sells for 3 000 000 and repays 768 288: net investment −2 231 712', () => {
		expect(at(b.years, b.total.saleIncome, 2027)).toBe(3_000_000);
		expect(at(b.years, b.total.grantRepayment, 2027)).toBeCloseTo(768_288, 6);
		expect(at(b.years, b.total.netInvestment, 2027)).toBeCloseTo(-2_231_712, 6);
	});

	it('repays nothing for a grant paid 30 or more years before the sale', () => {
		const old = planBudget({ plan: { ...plan, measures: [{ ...plan.measures[0]!, grantPaidYear: 1997 }] }, base, horizonYears: 10 });
		expect(at(old.years, old.total.grantRepayment, 2027)).toBe(0);
	});

	it('saves running cost and loses rent from the year of sale', () => {
		expect(at(b.years, b.total.netCost, 2027)).toBeCloseTo(-60_000 + 130_000, 6);
	});
});

describe('worked example P4: costs per target group (which group’s gap a dwelling serves)', () => {
	// Claims in 2027, max(0, required − tenants today): ROP 61 − 55 = 6, funksjon 50 − 48 = 2,
	// eldre 60 − 52 = 8, flyktning 40 − 44 → 0, andre 19 − 15 = 4. Only `requiredStock` is read.
	const required: Record<GroupId, number> = { rop: 61, funksjon: 50, eldre: 60, flyktning: 40, andre: 19 };
	const years = Array.from({ length: 11 }, (_, i) => 2025 + i);
	const result = {
		baseYear: 2025,
		years: Float64Array.from(years),
		groups: Object.fromEntries(GROUP_IDS.map((g) => [g, { requiredStock: new Float64Array(years.length).fill(required[g]) }]))
	} as unknown as ProjectionResult;
	const plan: Plan = {
		measures: [
			// Bemannet (ROP and funksjon): a purchase gets no care grant; 2 × 4 500 000 shared 6 : 2.
			{ decisionYear: 2027, segmentId: 'bemannet', kind: 'kjop', count: 2 },
			// The shared pool serves the groups whose dwellings the proposal puts there (ROP, flyktning, andre;
			// funksjon and eldre have earmarked segments): 3 × (3 800 000 − 510 000) shared 6 : 0 : 4.
			{ decisionYear: 2027, segmentId: 'ordinaer', kind: 'kjop', count: 3 },
			// A measure the planner gave a group is that group's alone.
			{ decisionYear: 2027, segmentId: 'ordinaer', kind: 'kjop', count: 1, group: 'flyktning' }
		]
	};
	const b = planBudget({ plan, base, horizonYears: 10, groupShares: segmentGroupShares(result, base) });
	const net = (g: GroupKey) => at(b.years, b.byGroup[g].netInvestment, 2027);

	it('shares each segment’s dwellings among the groups it serves, by their claims', () => {
		expect(net('rop')).toBeCloseTo(6_750_000 + 5_922_000, 6); // 9 000 000 × 6/8 + 9 870 000 × 6/10
		expect(net('funksjon')).toBeCloseTo(2_250_000, 6); // 9 000 000 × 2/8
		expect(net('andre')).toBeCloseTo(3_948_000, 6); // 9 870 000 × 4/10
		expect(net('flyktning')).toBeCloseTo(3_290_000, 6); // its own purchase; no claim on the pool
		expect(net('eldre')).toBe(0);
		expect(net('felles')).toBe(0);
		expect(GROUP_IDS.reduce((s, g) => s + net(g), 0)).toBeCloseTo(at(b.years, b.total.netInvestment, 2027), 6); // 22 160 000
	});

	it('shares the yearly net cost the same way: bemannet running 90 000 − rent 150 000 per dwelling', () => {
		expect(at(b.years, b.byGroup.funksjon.netCost, 2027)).toBeCloseTo(-60_000 * 2 * (2 / 8), 6);
	});

	it('reports a segment whose groups have no claim as «Felles»', () => {
		const none = { ...result, groups: Object.fromEntries(GROUP_IDS.map((g) => [g, { requiredStock: new Float64Array(years.length) }])) } as unknown as ProjectionResult;
		const f = planBudget({ plan: { measures: [plan.measures[0]!] }, base, horizonYears: 10, groupShares: segmentGroupShares(none, base) });
		expect(at(f.years, f.byGroup.felles.netInvestment, 2027)).toBe(9_000_000);
	});
});
