/**
 * Which cost figures move the plan's cost most: each figure with a range set alone to its low and
 * high end (triangular low/high, or P10/P90), the rest at their values. The output, in millions of
 * kroner: the present value of the plan (all cost lines; the plan cell), or with `netCostYear` the
 * yearly net cost in that year (the tornado cell, beside the need drivers of the same year).
 * Same shape as the engine's sensitivity, so the tornado chart draws it.
 */
import type { SensitivityResult } from '#lib/core/model/result.ts';
import { planBudget, type BudgetInput } from './budget.ts';
import { COST_ITEMS, costOf, costValues } from './costs.ts';

export function costSensitivity(input: BudgetInput, opts: { netCostYear?: number } = {}): SensitivityResult {
	const values = costValues(input.plan);
	const year = opts.netCostYear;
	const pv = (costs: Record<string, number>) => {
		const b = planBudget({ ...input, costs, totalsOnly: true });
		return (year === undefined ? b.presentValue : (b.total.netCost[b.years.indexOf(year)] ?? 0)) / 1e6;
	};
	const baseline = pv({ ...values });
	const bars = COST_ITEMS.flatMap((item) => {
		const u = costOf(input.plan, item.key);
		if (!u.spread) return [];
		const [low, high] = u.spread.kind === 'triangular' ? [u.spread.low, u.spread.high] : [u.spread.p10, u.spread.p90];
		if (low === high) return [];
		return [{ assumption: `plan.costs.${item.key}`, label: item.label, low, high, outputAtLow: pv({ ...values, [item.key]: low }), outputAtHigh: pv({ ...values, [item.key]: high }) }];
	});
	bars.sort((a, b) => Math.abs(b.outputAtHigh - b.outputAtLow) - Math.abs(a.outputAtHigh - a.outputAtLow));
	return year === undefined
		? { year: input.base.baseYear + input.horizonYears, output: 'plan.presentValue', baseline, bars }
		: { year, output: 'plan.netCost', baseline, bars };
}
