/**
 * Cost uncertainty: every cost figure with a range is drawn (seeded, one uniform per figure and
 * draw, the engine's sfc32 and inverse CDFs), the budget recomputed per draw, and P10/P50/P90
 * taken per year. The plan's measures are held fixed: this is the spread of what the same plan
 * costs, not of how many dwellings are needed (that fan is the engine's Monte Carlo).
 */
import { sampleSpread } from '#lib/core/engine/distributions.ts';
import { percentilesBySort } from '#lib/core/engine/percentiles.ts';
import { sfc32 } from '#lib/core/engine/prng.ts';
import { COST_ITEMS, costOf, type CostValues } from './costs.ts';
import { economyPlanYears, planBudget, sumOver, type BudgetInput } from './budget.ts';

export interface CostFan {
	draws: number;
	seed: number;
	years: number[];
	/** Yearly net cost per percentile, index ↔ years. */
	netCost: { p10: number[]; p50: number[]; p90: number[] };
	/** Net investment over the økonomiplan period (T0+1 … T0+4). */
	netInvestmentEconomyPlan: { p10: number; p50: number; p90: number };
	/** False when no cost figure has a range: the fan is a line. */
	uncertain: boolean;
}

const PS = [10, 50, 90] as const;

export function costFan(input: BudgetInput, opts: { draws?: number; seed?: number } = {}): CostFan {
	const draws = Math.max(1, Math.floor(opts.draws ?? 500));
	const seed = opts.seed ?? 1;
	const rng = sfc32(seed);
	const items = COST_ITEMS.map((i) => ({ key: i.key, u: costOf(input.plan, i.key) }));
	const uncertain = items.some((i) => i.u.spread);
	const n = input.horizonYears;
	const perYear = Array.from({ length: n }, () => new Float64Array(draws));
	const econ = new Float64Array(draws);
	const { from, to } = economyPlanYears(input.base.baseYear);
	let years: number[] = [];
	for (let d = 0; d < draws; d++) {
		const values: Record<string, number> = {};
		for (const { key, u } of items) {
			// Always consume one uniform per figure, so adding a range to one figure leaves the others' draws unchanged.
			const r = rng.next();
			values[key] = u.spread ? sampleSpread(u.spread, u.value, r) : u.value;
		}
		const b = planBudget({ ...input, costs: values as CostValues, totalsOnly: true });
		years = b.years;
		for (let i = 0; i < n; i++) perYear[i]![d] = b.total.netCost[i] ?? 0;
		econ[d] = sumOver(b.total.netInvestment, b.years, from, to);
	}
	const out = new Float64Array(PS.length);
	const netCost = { p10: [] as number[], p50: [] as number[], p90: [] as number[] };
	for (let i = 0; i < n; i++) {
		percentilesBySort(perYear[i]!, PS, out);
		netCost.p10.push(out[0]!);
		netCost.p50.push(out[1]!);
		netCost.p90.push(out[2]!);
	}
	percentilesBySort(econ, PS, out);
	return { draws, seed, years, netCost, netInvestmentEconomyPlan: { p10: out[0]!, p50: out[1]!, p90: out[2]! }, uncertain };
}
