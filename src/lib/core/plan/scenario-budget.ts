/**
 * The budget of one scenario's plan as every output shows it (plan cell, exports, runner, print):
 * the scenario's own horizon, and measures without a group shared among the groups by their claims
 * in the scenario's result. One place, so a number in a file is the number on the screen.
 */
import type { ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { planBudget, type PlanBudget } from './budget.ts';
import { segmentGroupShares } from './proposal.ts';

/**
 * Null when the scenario's plan has no measure to cost (none, or only measures decided before the
 * plan, whose cost is in the current budget): such a scenario has no costs to report, as before its
 * stock changes became decided measures (schema version 4).
 */
export function scenarioPlanBudget(assumptions: Pick<ScenarioAssumptions, 'plan' | 'horizonYears'>, base: BaseData, result: ProjectionResult | null): PlanBudget | null {
	const plan = assumptions.plan;
	if (!plan || !plan.measures.some((m) => !m.decided)) return null;
	return planBudget({ plan, base, horizonYears: assumptions.horizonYears, ...(result ? { groupShares: segmentGroupShares(result, base) } : {}) });
}

/**
 * The same budget, or an empty one (no measures, no cost, every year zero) where the scenario has no
 * plan: what the plan cell shows and what a comparison counts for a scenario without measures.
 */
export function scenarioBudgetOrEmpty(assumptions: Pick<ScenarioAssumptions, 'plan' | 'horizonYears'>, base: BaseData, result: ProjectionResult | null): PlanBudget {
	return scenarioPlanBudget(assumptions, base, result) ?? planBudget({ plan: { measures: [] }, base, horizonYears: assumptions.horizonYears });
}
