/**
 * A variant's plan against the scenario it was copied from: the difference in dwellings needed
 * and in net investment, in one Norwegian sentence («Økt gjennomstrømming sparer 9 boliger og
 * 27,0 mill. kr i netto investering til 2035 sammenlignet med Basis»).
 */
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { formatMillions } from '#lib/core/text/money-format.ts';
import { formatCount } from '#lib/core/text/number-format.ts';
import { sumOver, type PlanBudget } from './budget.ts';

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
	const money =
		Math.abs(netInvestment) < 50_000
			? 'samme netto investering'
			: netInvestment < 0
				? `${formatMillions(-netInvestment)} mindre i netto investering`
				: `${formatMillions(netInvestment)} mer i netto investering`;
	return { year, dwellings, netInvestment, sentence: `${variant.name} ${need} og har ${money} til ${year} sammenlignet med ${reference.name}.` };
}
