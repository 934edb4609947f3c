/**
 * Checks of a plan read from a file or typed by the planner: Norwegian messages that name the
 * measure or cost figure and the problem. The plan is kept as it is; the cell shows the messages
 * and the engine's own checks still guard the stock (a segment never below 0).
 */
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { Plan } from '#lib/core/model/plan.ts';
import { COST_ITEMS, costItem } from './costs.ts';
import { availableYear, leadTimeOf, MEASURE_LABELS } from './measures.ts';
import { MIX_KINDS } from './proposal.ts';

export interface PlanIssue {
	/** Dot path inside the scenario's assumptions, e.g. "plan.measures.2.count". */
	path: string;
	message: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function validatePlan(plan: Plan, base: BaseData, horizonYears: number): PlanIssue[] {
	const issues: PlanIssue[] = [];
	const push = (path: string, message: string) => issues.push({ path, message });
	const T0 = base.baseYear;
	const last = T0 + horizonYears;
	const segIds = new Set(base.segments.map((s) => s.id));
	plan.measures.forEach((m, i) => {
		const p = `plan.measures.${i}`;
		const name = `Tiltak ${i + 1} (${MEASURE_LABELS[m.kind] ?? m.kind})`;
		if (!segIds.has(m.segmentId)) push(`${p}.segmentId`, `${name} gjelder en boligdel som ikke finnes («${m.segmentId}»).`);
		if (!Number.isInteger(m.decisionYear) || m.decisionYear <= T0 || m.decisionYear > last)
			push(`${p}.decisionYear`, `${name}: vedtaksåret må være et helt år fra ${T0 + 1} til ${last}.`);
		if (!finite(m.count) || m.count < 0 || !Number.isInteger(m.count)) push(`${p}.count`, `${name}: antall boliger må være et helt tall, 0 eller mer.`);
		const lead = leadTimeOf(m, plan);
		if (!Number.isInteger(lead) || lead < 0 || lead > 30) push(`${p}.leadTimeYears`, `${name}: ledetiden må være et helt antall år fra 0 til 30.`);
		if (m.grantPaidYear !== undefined && (!Number.isInteger(m.grantPaidYear) || m.grantPaidYear > availableYear(m, plan)))
			push(`${p}.grantPaidYear`, `${name}: året tilskuddet ble utbetalt, kan ikke være etter salget.`);
	});
	if (plan.targetYear !== undefined && (!Number.isInteger(plan.targetYear) || plan.targetYear <= T0 || plan.targetYear > last))
		push('plan.targetYear', `Målåret for forslaget må være et helt år fra ${T0 + 1} til ${last}.`);
	for (const k of MIX_KINDS) {
		const v = plan.mix?.[k];
		if (v !== undefined && (!finite(v) || v < 0 || v > 100)) push(`plan.mix.${k}`, `Andelen ${MEASURE_LABELS[k].toLowerCase()} må være fra 0 til 100 %.`);
	}
	for (const [key, u] of Object.entries(plan.costs ?? {})) {
		const item = costItem(key);
		if (!item) {
			push(`plan.costs.${key}`, `Ukjent kostnadstall «${key}». Kjente tall: ${COST_ITEMS.length} faste nøkler, se docs/model.md.`);
			continue;
		}
		const values = [u.value, ...(u.spread ? (u.spread.kind === 'triangular' ? [u.spread.low, u.spread.high] : [u.spread.p10, u.spread.p90]) : [])];
		if (values.some((v) => !finite(v) || v < 0)) push(`plan.costs.${key}`, `${item.label} må være et tall, 0 eller mer.`);
		else if (item.unit === '%' && values.some((v) => v > 100)) push(`plan.costs.${key}`, `${item.label} kan ikke være over 100 %.`);
		else if (key === 'loanTermYears' && u.value < 1) push(`plan.costs.${key}`, `${item.label} må være minst 1 år.`);
	}
	return issues;
}
