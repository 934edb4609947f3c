/**
 * A variant's plan against the scenario it was copied from (the plan cell), or against the first
 * scenario of a comparison (the comparison cell): the difference in dwellings needed and in net
 * investment, in one Norwegian sentence («Økt gjennomstrømming sparer 9 boliger og 27,0 mill. kr
 * i netto investering til 2035 sammenlignet med Basis»).
 */
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { formatMillions } from '#lib/core/text/money-format.ts';
import { formatCount } from '#lib/core/text/number-format.ts';
import { sumOver, type PlanBudget } from './budget.ts';
import { scenarioBudgetOrEmpty } from './scenario-budget.ts';

export interface PlanRun {
	name: string;
	result: ProjectionResult;
	budget: PlanBudget;
}

export interface PlanDifference {
	year: number;
	/** Required stock in `year`, variant − reference (negative: fewer dwellings needed). */
	dwellings: number;
	/** Net investment from T0+1 to `year`, variant − reference, kroner. */
	netInvestment: number;
	sentence: string;
}

const dwellingWord = (n: number) => (Math.round(Math.abs(n)) === 1 ? 'bolig' : 'boliger');

export function comparePlans(variant: PlanRun, reference: PlanRun, year: number): PlanDifference {
	const at = (r: ProjectionResult) => r.total.requiredStock[year - r.baseYear] ?? 0;
	const dwellings = at(variant.result) - at(reference.result);
	const invest = (b: PlanBudget) => sumOver(b.total.netInvestment, b.years, b.years[0] ?? year, year);
	const netInvestment = invest(variant.budget) - invest(reference.budget);
	const d = Math.round(dwellings);
	const need = d === 0 ? 'trenger like mange boliger' : d < 0 ? `sparer ${formatCount(-d)} ${dwellingWord(d)}` : `trenger ${formatCount(d)} ${dwellingWord(d)} mer`;
	const sameMoney = Math.abs(netInvestment) < 50_000;
	// Both smaller: the issue's own wording, «sparer 9 boliger og 27,0 mill. kr i netto investering».
	if (d < 0 && !sameMoney && netInvestment < 0)
		return { year, dwellings, netInvestment, sentence: `${variant.name} ${need} og ${formatMillions(-netInvestment)} i netto investering til ${year} sammenlignet med ${reference.name}.` };
	const money = sameMoney
		? 'samme netto investering'
		: netInvestment < 0
			? `${formatMillions(-netInvestment)} mindre i netto investering`
			: `${formatMillions(netInvestment)} mer i netto investering`;
	return { year, dwellings, netInvestment, sentence: `${variant.name} ${need} og har ${money} til ${year} sammenlignet med ${reference.name}.` };
}

export interface ScenarioCostComparison extends PlanDifference {
	scenarioId: string;
	/** The same measures as the reference: a difference in need has not been turned into a different plan yet. */
	samePlan: boolean;
}

/**
 * The comparison cell's cost beside need: every scenario after the first that has a plan, against
 * the first (whose missing plan counts as no measures and no cost). Empty when no scenario compared
 * has a plan, or a result is missing.
 */
export function scenarioCostComparisons(
	runs: readonly { scenario: Pick<Scenario, 'id' | 'name' | 'assumptions'>; result: ProjectionResult | null }[],
	base: BaseData,
	year: number
): ScenarioCostComparison[] {
	const [ref, ...rest] = runs;
	if (!ref?.result || !rest.some((r) => r.scenario.assumptions.plan)) return [];
	const budgetOf = (r: { scenario: Pick<Scenario, 'assumptions'>; result: ProjectionResult }) => scenarioBudgetOrEmpty(r.scenario.assumptions, base, r.result);
	const refRun: PlanRun = { name: ref.scenario.name, result: ref.result, budget: budgetOf({ scenario: ref.scenario, result: ref.result }) };
	const measuresOf = (s: Pick<Scenario, 'assumptions'>) => JSON.stringify(s.assumptions.plan?.measures ?? []);
	return rest.flatMap((r) => {
		if (!r.scenario.assumptions.plan || !r.result) return [];
		const run: PlanRun = { name: r.scenario.name, result: r.result, budget: budgetOf({ scenario: r.scenario, result: r.result }) };
		return [{ ...comparePlans(run, refRun, year), scenarioId: r.scenario.id, samePlan: measuresOf(r.scenario) === measuresOf(ref.scenario) }];
	});
}
