/**
 * Pure edits of a scenario's plan, used by the plan cell inside `session.update`. Editing a
 * proposed measure makes it the planner's own (a new proposal keeps it).
 */
import type { ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { Plan, PlanMeasure } from '#lib/core/model/plan.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';

/** The scenario's plan, created empty when it has none. */
export function ensurePlan(a: ScenarioAssumptions): Plan {
	if (!a.plan) a.plan = { measures: [] };
	return a.plan;
}

export function updateMeasure(plan: Plan, index: number, patch: Partial<PlanMeasure>): void {
	const m = plan.measures[index];
	if (!m) return;
	const next: PlanMeasure = { ...m, ...patch };
	delete next.proposed;
	if (next.kind !== 'salg') delete next.grantPaidYear;
	if (!next.decided) delete next.decided;
	plan.measures[index] = next;
}

export function addMeasure(plan: Plan, m: PlanMeasure): void {
	plan.measures.push(m);
}

export function removeMeasure(plan: Plan, index: number): void {
	plan.measures.splice(index, 1);
}

/** The planner's own cost figure; `null` returns the figure to its placeholder default. */
export function setCost(plan: Plan, key: string, value: Uncertain | null): void {
	const costs = { ...(plan.costs ?? {}) };
	if (value) costs[key] = value;
	else delete costs[key];
	if (Object.keys(costs).length) plan.costs = costs;
	else delete plan.costs;
}
