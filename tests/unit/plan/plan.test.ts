import { describe, expect, it } from 'vitest';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { ScenarioAssumptionsSchema } from '#lib/core/format/schema.ts';
import type { ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { Plan } from '#lib/core/model/plan.ts';
import { triangular } from '#lib/core/model/uncertain.ts';
import { planBudget } from '#lib/core/plan/budget.ts';
import { annuityPayment, costOf, isPlaceholder, presentValue, rentalGrant, unamortisedShare } from '#lib/core/plan/costs.ts';
import { planKeyFigures, investmentTable } from '#lib/core/plan/key-figures.ts';
import { availableYear, decidedMeasuresOf, engineInputOf } from '#lib/core/plan/measures.ts';
import { proposePlan, splitInteger } from '#lib/core/plan/proposal.ts';
import { costFan } from '#lib/core/plan/uncertainty.ts';
import { formatAmount, formatKroner, formatMillions } from '#lib/core/text/money-format.ts';

const nb = createExampleNotebook();
const basis = nb.scenarios[0]!;
const run = (a: ScenarioAssumptions) => runProjection(engineInputOf(nb.base, nb.population, a));
const noPlan = (a: ScenarioAssumptions): ScenarioAssumptions => {
	const { plan: _drop, ...rest } = a;
	return rest;
};
/** The scenario with only the changes the kommune had decided before the plan (the stock without the plan). */
const decidedOnly = (a: ScenarioAssumptions): ScenarioAssumptions => ({
	...noPlan(a),
	plan: { measures: (a.plan?.measures ?? []).filter((m) => m.decided) }
});

describe('measures feed the planned stock', () => {
	it('a scenario without a plan has no stock changes: today’s stock all through', () => {
		const a = noPlan(basis.assumptions);
		expect(engineInputOf(nb.base, nb.population, a).scenario.stockChanges).toEqual([]);
		const today = nb.base.segments.reduce((s, x) => s + x.dwellings, 0);
		expect(new Set(run(a).total.plannedStock)).toEqual(new Set([today]));
	});

	it('adds a measure to the stock in its available year, with sales negative', () => {
		const a: ScenarioAssumptions = {
			...noPlan(basis.assumptions),
			plan: {
				measures: [
					{ decisionYear: 2026, segmentId: 'ordinaer', kind: 'nybygg', count: 5, leadTimeYears: 2 },
					{ decisionYear: 2027, segmentId: 'ordinaer', kind: 'salg', count: 2 }
				]
			}
		};
		const with_ = run(a).total.plannedStock;
		const without = run(noPlan(basis.assumptions)).total.plannedStock;
		expect(with_[1]! - without[1]!).toBe(0); // 2026
		expect(with_[2]! - without[2]!).toBe(-2); // 2027: sale
		expect(with_[3]! - without[3]!).toBe(3); // 2028: build ready
	});

	it('old stock changes become decided measures that keep the signed change year by year', () => {
		const old = [
			{ year: 2026, segmentId: 'ordinaer', kind: 'avsluttet-innleie', count: -4 },
			{ year: 2027, segmentId: 'bemannet', kind: 'nybygg', count: 8 },
			{ year: 2028, segmentId: 'ordinaer', kind: 'salg', count: -6 },
			{ year: 2029, segmentId: 'ordinaer', kind: 'innleie', count: -2 },
			{ year: 2030, segmentId: 'ordinaer', kind: 'salg', count: 3 },
			{ year: 2031, segmentId: 'omsorg', kind: 'konvertering', count: 12 }
		];
		const measures = decidedMeasuresOf(old);
		expect(measures.map((m) => [m.kind, m.count])).toEqual([
			['avsluttet-innleie', 4],
			['nybygg', 8],
			['salg', 6],
			['avsluttet-innleie', 2],
			['kjop', 3],
			['konvertering', 12]
		]);
		expect(measures.every((m) => m.decided === true && m.leadTimeYears === 0)).toBe(true);
		const plan: Plan = { measures };
		expect(ScenarioAssumptionsSchema.safeParse({ ...noPlan(basis.assumptions), plan }).success).toBe(true);
		const back = engineInputOf(nb.base, nb.population, { ...noPlan(basis.assumptions), plan }).scenario.stockChanges;
		expect(back.map((c) => [c.year, c.segmentId, c.count])).toEqual(old.map((c) => [c.year, c.segmentId, c.count]));
	});

	it('a decided measure changes the stock but costs nothing in the plan; unticked, it is costed', () => {
		const build = { decisionYear: 2027, segmentId: 'ordinaer', kind: 'nybygg' as const, count: 4 };
		const input = { base: nb.base, horizonYears: 10 };
		const decided = planBudget({ ...input, plan: { measures: [{ ...build, decided: true }] } });
		const own = planBudget({ ...input, plan: { measures: [build] } });
		expect(decided.total.investment.every((x) => x === 0)).toBe(true);
		expect(decided.total.netCost.every((x) => x === 0)).toBe(true);
		expect(decided.presentValue).toBe(0);
		expect(own.total.investment.some((x) => x > 0)).toBe(true);
		const a = { ...noPlan(basis.assumptions), plan: { measures: [{ ...build, decided: true }] } };
		const b = { ...noPlan(basis.assumptions), plan: { measures: [build] } };
		expect(Array.from(run(a).total.plannedStock)).toEqual(Array.from(run(b).total.plannedStock));
	});
});

describe('proposal', () => {
	const need = { ...noPlan(basis.assumptions), plan: { measures: decidedOnly(basis.assumptions).plan!.measures, targetYear: 2029 } as Plan };
	const first = run(need);
	const plan = proposePlan({ result: first, base: nb.base, plan: need.plan! });

	it('closes the gap by the target year and keeps it closed', () => {
		expect(Math.max(...first.total.gap)).toBeGreaterThan(1);
		const after = run({ ...need, plan });
		after.years.forEach((y, i) => {
			if (y >= 2029) expect(after.total.gap[i], String(y)).toBeLessThanOrEqual(1e-9);
		});
	});

	it('keeps the decided measures first and respects lead times and the mix', () => {
		const decided = need.plan.measures;
		expect(plan.measures.slice(0, decided.length)).toEqual(decided);
		const proposed = plan.measures.slice(decided.length);
		for (const m of proposed) {
			expect(m.proposed).toBe(true);
			expect(m.decisionYear).toBeGreaterThanOrEqual(2026);
			if (m.kind === 'nybygg') expect(availableYear(m, plan)).toBeGreaterThanOrEqual(2029);
		}
		const by = (k: string) => proposed.filter((m) => m.kind === k).reduce((s, m) => s + m.count, 0);
		const total = by('kjop') + by('nybygg') + by('innleie');
		expect(by('kjop') / total).toBeCloseTo(0.4, 1);
		expect(by('innleie') / total).toBeCloseTo(0.2, 1);
	});

	it('keeps the planner’s own measures and replaces only proposed ones', () => {
		const own = { decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop' as const, count: 2 };
		const edited: Plan = { ...plan, measures: [own, ...plan.measures] };
		const again = proposePlan({ result: run({ ...need, plan: edited }), base: nb.base, plan: edited });
		expect(again.measures).toContainEqual(own);
		const total = (p: Plan) => p.measures.reduce((s, m) => s + m.count, 0);
		// Two dwellings of the planner's own: the new proposal needs about two fewer.
		expect(total(again)).toBeLessThanOrEqual(total(plan) + 2);
		expect(again.measures.filter((m) => m.proposed).reduce((s, m) => s + m.count, 0)).toBeLessThan(total(plan));
	});

	it('splitInteger sums exactly', () => {
		expect(splitInteger(7, [1, 1, 1])).toEqual([3, 2, 2]);
		expect(splitInteger(5, [0, 0])).toEqual([0, 0]);
	});
});

describe('costs', () => {
	it('grant per dwelling is capped at 80 m² and at the investment', () => {
		expect(rentalGrant('oslo', 100, 5e6)).toBe(1_696_000);
		expect(rentalGrant('ovrige', 80, 5e6)).toBe(680_000);
		expect(rentalGrant('oslo', 60, 500_000)).toBe(500_000);
	});

	it('write-down: 3,3 % per completed year, nothing left after 30 years', () => {
		expect(unamortisedShare(0, 3.3, 30)).toBe(1);
		expect(unamortisedShare(10.9, 3.3, 30)).toBeCloseTo(0.67, 12);
		expect(unamortisedShare(29, 3.3, 30)).toBeCloseTo(0.043, 12);
		expect(unamortisedShare(30, 3.3, 30)).toBe(0);
	});

	it('annuity and present value', () => {
		expect(annuityPayment(1000, 0, 10)).toBe(100);
		// Annuity repays the principal: PV of the payments at the loan rate equals it.
		const pay = annuityPayment(1_000_000, 4, 20);
		const years = Array.from({ length: 20 }, (_, i) => 2026 + i);
		expect(presentValue(years.map(() => pay), years, 2025, 4)).toBeCloseTo(1_000_000, 4);
	});

	it('placeholders until the planner enters their own', () => {
		expect(isPlaceholder(undefined, 'invest.kjop.ordinaer')).toBe(true);
		const plan: Plan = { measures: [], costs: { 'invest.kjop.ordinaer': { value: 4e6 } } };
		expect(isPlaceholder(plan, 'invest.kjop.ordinaer')).toBe(false);
		expect(costOf(plan, 'invest.kjop.ordinaer').value).toBe(4e6);
	});

	it('key figure sentence and økonomiplan table', () => {
		const plan: Plan = { measures: [{ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 10 }] };
		const b = planBudget({ plan, base: nb.base, horizonYears: 10 });
		const k = planKeyFigures(b, 2025);
		expect(k.sentence).toBe('netto investering 2026–2029: 32,9 mill. kr');
		const t = investmentTable(b, 2025);
		expect(t.years).toEqual([2026, 2027, 2028, 2029]);
		const net = t.rows.find((r) => r.label === 'Netto investering')!;
		expect(net.values).toEqual([32_900_000, 0, 0, 0, 32_900_000]);
		expect(t.rows.some((r) => r.label === 'Netto investering: Kjøp i markedet')).toBe(true);
	});

	it('money in nb-NO', () => {
		expect(formatMillions(48_200_000).replace(/\s/g, ' ')).toBe('48,2 mill. kr');
		expect(formatKroner(1_234_000).replace(/\s/g, ' ')).toBe('1 234 000 kr');
		expect(formatAmount(-2_231_712).replace(/\s/g, ' ')).toBe('−2,2 mill. kr');
	});
});

describe('cost fan', () => {
	const plan: Plan = {
		measures: [{ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 10 }],
		costs: { 'invest.kjop.ordinaer': triangular(3_000_000, 3_800_000, 5_000_000), 'running.ordinaer': triangular(40_000, 60_000, 90_000) }
	};
	const input = { plan, base: nb.base, horizonYears: 10 };

	it('is ordered, seeded and reproducible', () => {
		const a = costFan(input, { draws: 300, seed: 7 });
		const b = costFan(input, { draws: 300, seed: 7 });
		expect(a).toEqual(b);
		expect(a.uncertain).toBe(true);
		a.years.forEach((_, i) => {
			expect(a.netCost.p10[i]!).toBeLessThanOrEqual(a.netCost.p50[i]!);
			expect(a.netCost.p50[i]!).toBeLessThanOrEqual(a.netCost.p90[i]!);
		});
		expect(a.netInvestmentEconomyPlan.p90).toBeGreaterThan(a.netInvestmentEconomyPlan.p10);
	});

	it('collapses to the deterministic budget without ranges', () => {
		const fixedPlan: Plan = { measures: plan.measures };
		const f = costFan({ ...input, plan: fixedPlan }, { draws: 20 });
		const b = planBudget({ ...input, plan: fixedPlan });
		expect(f.uncertain).toBe(false);
		expect(f.netCost.p50).toEqual(b.total.netCost);
		expect(f.netCost.p10).toEqual(b.total.netCost);
	});
});

describe('the example plan', () => {
	it('is the proposal for Basis, decided in the økonomiplan period', async () => {
		const { createExamplePlan } = await import('#lib/core/example/plan.ts');
		const stored = createExamplePlan();
		expect(basis.assumptions.plan).toEqual(stored);
		// The proposal keeps the decided measures first, as the stored plan has them.
		const a = { ...noPlan(basis.assumptions), plan: { ...stored, measures: stored.measures.filter((m) => m.decided) } };
		const proposed = proposePlan({ result: run(a), base: nb.base, plan: a.plan });
		expect(stored.measures).toEqual(proposed.measures.filter((m) => m.decided || m.decisionYear <= 2029));
	});

	it('has a plan cell for Basis', () => {
		expect(nb.cells.some((c) => c.kind === 'plan' && c.scenarioId === basis.id)).toBe(true);
	});
});

describe('plan edits', () => {
	it('an edited proposal becomes the planner’s own; costs return to placeholders', async () => {
		const { updateMeasure, setCost, ensurePlan, removeMeasure } = await import('#lib/core/plan/edits.ts');
		const a = noPlan(basis.assumptions);
		const plan = ensurePlan(a);
		expect(a.plan).toBe(plan);
		plan.measures.push({ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 1, proposed: true });
		updateMeasure(plan, 0, { count: 3 });
		expect(plan.measures[0]).toEqual({ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 3 });
		setCost(plan, 'rent.ordinaer', { value: 120_000 });
		expect(isPlaceholder(plan, 'rent.ordinaer')).toBe(false);
		setCost(plan, 'rent.ordinaer', null);
		expect(plan.costs).toBeUndefined();
		removeMeasure(plan, 0);
		expect(plan.measures).toEqual([]);
	});
});

describe('plan validation', () => {
	it('accepts the example plan', async () => {
		const { validatePlan } = await import('#lib/core/plan/validate.ts');
		expect(validatePlan(basis.assumptions.plan!, nb.base, 30)).toEqual([]);
	});

	it('names the measure or figure and the problem, in Norwegian', async () => {
		const { validatePlan } = await import('#lib/core/plan/validate.ts');
		const bad: Plan = {
			targetYear: 2020,
			mix: { kjop: 140 },
			costs: { 'rent.ordinaer': { value: -5 }, 'ukjent.tall': { value: 1 } },
			measures: [
				{ decisionYear: 2025, segmentId: 'finnes-ikke', kind: 'kjop', count: 1.5 },
				{ decisionYear: 2027, segmentId: 'ordinaer', kind: 'salg', count: 1, grantPaidYear: 2030 }
			]
		};
		const messages = validatePlan(bad, nb.base, 30).map((i) => `${i.path}: ${i.message}`);
		expect(messages).toEqual([
			'plan.measures.0.segmentId: Tiltak 1 (Kjøp i markedet) gjelder en boligdel som ikke finnes («finnes-ikke»).',
			'plan.measures.0.decisionYear: Tiltak 1 (Kjøp i markedet): vedtaksåret må være et helt år fra 2026 til 2055.',
			'plan.measures.0.count: Tiltak 1 (Kjøp i markedet): antall boliger må være et helt tall, 0 eller mer.',
			'plan.measures.1.grantPaidYear: Tiltak 2 (Salg): året tilskuddet ble utbetalt, kan ikke være etter salget.',
			'plan.targetYear: Målåret for forslaget må være et helt år fra 2026 til 2055.',
			'plan.mix.kjop: Andelen kjøp i markedet må være fra 0 til 100 %.',
			'plan.costs.rent.ordinaer: Husleieinntekt per utleid bolig, ordinær bolig må være et tall, 0 eller mer.',
			'plan.costs.ukjent.tall: Ukjent kostnadstall «ukjent.tall». Kjente tall: 30 faste nøkler, se docs/model.md.'
		]);
	});
});

describe('plan comparison', () => {
	it('says how many dwellings and how much net investment a variant saves', async () => {
		const { comparePlans } = await import('#lib/core/plan/comparison.ts');
		const turnover = nb.scenarios.find((s) => s.id === 'okt-gjennomstromming')!;
		const b = run(basis.assumptions);
		const t = run(turnover.assumptions);
		const bigger: Plan = { ...basis.assumptions.plan!, measures: [...basis.assumptions.plan!.measures, { decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 2 }] };
		const d = comparePlans(
			{ name: 'Økt gjennomstrømming', result: t, budget: planBudget({ plan: turnover.assumptions.plan!, base: nb.base, horizonYears: 30 }) },
			{ name: 'Basis', result: b, budget: planBudget({ plan: bigger, base: nb.base, horizonYears: 30 }) },
			2035
		);
		expect(d.dwellings).toBeCloseTo(t.total.requiredStock[10]! - b.total.requiredStock[10]!, 9);
		expect(d.dwellings).toBeLessThan(-5);
		// Two fewer purchases: 2 × (3 800 000 − 510 000).
		expect(d.netInvestment).toBeCloseTo(-6_580_000, 6);
		expect(d.sentence.replace(/\s/g, ' ')).toBe(
			`Økt gjennomstrømming sparer ${Math.round(-d.dwellings)} boliger og 6,6 mill. kr i netto investering til 2035 sammenlignet med Basis.`
		);
		// Other directions keep both halves explicit.
		const reverse = comparePlans(
			{ name: 'Basis', result: b, budget: planBudget({ plan: bigger, base: nb.base, horizonYears: 30 }) },
			{ name: 'Økt gjennomstrømming', result: t, budget: planBudget({ plan: turnover.assumptions.plan!, base: nb.base, horizonYears: 30 }) },
			2035
		);
		expect(reverse.sentence.replace(/\s/g, ' ')).toBe(`Basis trenger ${Math.round(d.dwellings * -1)} boliger mer og har 6,6 mill. kr mer i netto investering til 2035 sammenlignet med Økt gjennomstrømming.`);
	});

	it('the comparison cell: every scenario with a plan against the first, and whether its plan is still the same', async () => {
		const { scenarioCostComparisons } = await import('#lib/core/plan/comparison.ts');
		const turnover = nb.scenarios.find((s) => s.id === 'okt-gjennomstromming')!;
		const b = run(basis.assumptions);
		const t = run(turnover.assumptions);
		const same = scenarioCostComparisons([{ scenario: basis, result: b }, { scenario: turnover, result: t }], nb.base, 2035);
		expect(same).toHaveLength(1);
		expect(same[0]).toMatchObject({ scenarioId: turnover.id, samePlan: true, netInvestment: 0 });
		// The variant re-proposed for its own, smaller gap: fewer dwellings and less net investment.
		const proposed = proposePlan({ result: t, base: nb.base, plan: turnover.assumptions.plan! });
		const own = { ...turnover, assumptions: { ...turnover.assumptions, plan: proposed } };
		const [d] = scenarioCostComparisons([{ scenario: basis, result: b }, { scenario: own, result: run(own.assumptions) }], nb.base, 2035);
		expect(d!.samePlan).toBe(false);
		expect(d!.netInvestment).toBeLessThan(-1_000_000);
		expect(d!.sentence.replace(/\s/g, ' ')).toMatch(/^Økt gjennomstrømming sparer \d+ boliger og \d+,\d mill\. kr i netto investering til 2035 sammenlignet med Basis\.$/);
		// No plan among the compared scenarios, or the reference without a result: nothing to say.
		expect(scenarioCostComparisons([{ scenario: { ...basis, assumptions: noPlan(basis.assumptions) }, result: b }, { scenario: { ...turnover, assumptions: noPlan(turnover.assumptions) }, result: t }], nb.base, 2035)).toEqual([]);
		expect(scenarioCostComparisons([{ scenario: basis, result: null }, { scenario: turnover, result: t }], nb.base, 2035)).toEqual([]);
		// A reference without a plan counts as no measures: the variant's whole net investment is the difference.
		const [vsNone] = scenarioCostComparisons([{ scenario: { ...basis, assumptions: noPlan(basis.assumptions) }, result: b }, { scenario: turnover, result: t }], nb.base, 2035);
		expect(vsNone!.netInvestment).toBeGreaterThan(1_000_000);
	});
});

describe('plan CSV', () => {
	it('one row per year in whole kroner, Norwegian Excel format, with the kommune, scenario and date above the table', async () => {
		const { costCsv } = await import('#lib/core/export/csv.ts');
		const plan: Plan = { measures: [{ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 1 }] };
		const csv = costCsv(planBudget({ plan, base: nb.base, horizonYears: 3 }), 2025, {
			context: { kommune: 'Eksempelkommune', scenario: 'Basis', date: new Date('2026-01-02') }
		});
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
		expect(lines.slice(0, 2)).toEqual(['Kommune;Eksempelkommune', 'Scenario;Basis']);
		const header = lines.findIndex((l) => l.startsWith('År;'));
		expect(lines.slice(header + 1)).toHaveLength(3);
		expect(lines[header]).toMatch(/^År;Periode;Nye boliger klare \(netto, boliger\);Investering \(kr\);/);
		expect(lines[header + 1]).toBe('2026;Økonomiplan;1;3800000;510000;0;0;3290000;0;60000;0;130000;-70000;3290000;-70000;3290000;-70000');
		expect(lines[header + 2]).toBe('2027;Økonomiplan;0;0;0;0;0;0;157188;60000;0;130000;87188;0;87188;0;87188');
	});
});

describe('cost sensitivity', () => {
	it('ranks the cost figures with ranges by their effect on the present value', async () => {
		const { costSensitivity } = await import('#lib/core/plan/sensitivity.ts');
		const plan: Plan = {
			measures: [{ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 10 }],
			costs: { 'invest.kjop.ordinaer': triangular(3_000_000, 3_800_000, 5_000_000), 'running.ordinaer': triangular(50_000, 60_000, 70_000), 'rent.ordinaer': { value: 130_000 } }
		};
		const s = costSensitivity({ plan, base: nb.base, horizonYears: 10 });
		expect(s.bars.map((b) => b.assumption)).toEqual(['plan.costs.invest.kjop.ordinaer', 'plan.costs.running.ordinaer']);
		// 10 purchases 1 200 000 dearer, paid in 2026: PV + 12 mill. kr / 1,04.
		expect(s.bars[0]!.outputAtHigh - s.baseline).toBeCloseTo(12 / 1.04, 9);
		expect(s.bars[1]!.outputAtLow).toBeLessThan(s.baseline);
	});
});

describe('a variant that changes its plan', () => {
	it('is described as changing its measures and its cost figures', async () => {
		const { describeOverrides } = await import('#lib/core/scenarios/difference-text.ts');
		const { diffOverrides } = await import('#lib/core/scenarios/overrides.ts');
		const variant = JSON.parse(JSON.stringify(basis)) as typeof basis;
		variant.assumptions.plan!.measures[0]!.count += 1;
		variant.assumptions.plan!.costs = { 'rent.ordinaer': { value: 1 } };
		variant.basedOn = basis.id;
		variant.id = 'variant';
		variant.overrides = diffOverrides(basis.assumptions, variant.assumptions);
		const labels = describeOverrides({ scenarios: [basis, variant] }, variant).map((l) => l.label);
		expect(labels[0]).toBe('Tiltak i planen');
		expect(labels).toEqual(['Tiltak i planen', 'Kostnadsforutsetninger']);
	});
});
