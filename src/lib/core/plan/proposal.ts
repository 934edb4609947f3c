/**
 * The proposed plan: measures per year that close the gap between required and planned stock by
 * a target year, in the planner's mix and respecting lead times. docs/model.md, "Plan and cost".
 */
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { GroupId } from '#lib/core/model/groups.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import type { MeasureKind, Plan, PlanMeasure, PlanMix } from '#lib/core/model/plan.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { availableYear, leadTimeOf, measureSign } from './measures.ts';

/** Issue 16's example mix: 40 % purchase, 40 % build, 20 % lease. */
export const DEFAULT_MIX: Readonly<Required<PlanMix>> = { kjop: 40, nybygg: 40, innleie: 20, tilvisning: 0 };
export const MIX_KINDS = ['kjop', 'nybygg', 'innleie', 'tilvisning'] as const satisfies readonly MeasureKind[];

export function mixOf(plan: Pick<Plan, 'mix'> | undefined): Required<PlanMix> {
	return { ...DEFAULT_MIX, ...(plan?.mix ?? {}) };
}

/** Absent: the end of the økonomiplan period (base year + 4). */
export function targetYearOf(plan: Pick<Plan, 'targetYear'> | undefined, baseYear: number): number {
	return plan?.targetYear ?? baseYear + 4;
}

/**
 * Groups that need dwellings with round-the-clock services (issue 16: eldre, funksjon): their
 * share of the gap goes to an earmarked segment for them when there is one; every other group's
 * share goes to the shared pool.
 */
const STAFFED_GROUPS: readonly GroupId[] = ['funksjon', 'eldre'];

/** The segment a group's proposed dwellings go to. */
export function proposalSegment(base: BaseData, g: GroupId): string | undefined {
	const shared = base.segments.find((s) => s.groups === 'all');
	if (STAFFED_GROUPS.includes(g)) {
		const own = base.segments.find((s) => s.groups !== 'all' && s.groups.includes(g));
		if (own) return own.id;
	}
	return (shared ?? base.segments.find((s) => s.groups !== 'all' && s.groups.includes(g)))?.id;
}

/**
 * Each group's claim on new dwellings in a year: what it requires beyond the dwellings its
 * tenants occupy today, max(0, R_g(t) − H_g(T0)). Used to split the total gap over groups.
 */
export function groupClaims(result: ProjectionResult, base: BaseData, year: number): Record<GroupId, number> {
	const i = Math.max(0, Math.min(result.years.length - 1, year - result.baseYear));
	return Object.fromEntries(
		GROUP_IDS.map((g) => [g, Math.max(0, (result.groups[g].requiredStock[i] ?? 0) - (base.groups[g]?.tenants ?? 0))])
	) as Record<GroupId, number>;
}

/**
 * Which groups' gap a segment's dwellings serve, and how much (for costs per target group; the
 * budget normalises the weights): an earmarked segment serves the groups it lists, the shared
 * pool the groups whose proposed dwellings go there (`proposalSegment`); each in proportion to
 * its claim in the year. No claim at all: no weights, and the budget reports the cost as «Felles».
 */
export function segmentGroupShares(result: ProjectionResult, base: BaseData) {
	return (segmentId: string, year: number): Partial<Record<GroupId, number>> => {
		const claims = groupClaims(result, base, year);
		const segment = base.segments.find((s) => s.id === segmentId);
		const serves = (g: GroupId) => (segment && segment.groups !== 'all' ? segment.groups.includes(g) : proposalSegment(base, g) === segmentId);
		const out: Partial<Record<GroupId, number>> = {};
		for (const g of GROUP_IDS) if (serves(g)) out[g] = claims[g];
		return out;
	};
}

/** Split an integer over weights by largest remainder (sums exactly to `n`). */
export function splitInteger(n: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
	if (n <= 0 || sum <= 0) return weights.map(() => 0);
	const raw = weights.map((w) => (Math.max(0, w) / sum) * n);
	const out = raw.map(Math.floor);
	let left = n - out.reduce((s, x) => s + x, 0);
	const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		out[i] = (out[i] ?? 0) + 1;
		left--;
	}
	return out;
}

export interface ProposalOptions {
	/** Result of the scenario WITH its current plan (as the session computes it). */
	result: ProjectionResult;
	base: BaseData;
	plan: Plan;
}

/**
 * A new plan: the planner's own (edited) measures kept, earlier proposed measures replaced by a
 * new proposal for the gap that remains without them.
 *
 * 1. Gap without proposed measures: gap(t) + Σ proposed net additions available by t (in need
 *    mode required stock does not depend on the stock, so this is exact).
 * 2. Dwellings to add by year t, cumulative: C(t) = max over s ≤ t of that gap (dwellings once
 *    added are kept), for t ≥ target year; before the target year a straight ramp from 0 to
 *    C(target) so the gap closes step by step.
 * 3. Whole dwellings due by t, ceil(C(t)), split over the kinds by the mix (largest remainder);
 *    what a year adds is decided `lead time` years earlier, never before T0 + 1: additions that cannot be ready in time are
 *    moved to the first year the kind can deliver.
 * 4. Each year's additions are split over groups by their claims and go to each group's segment.
 */
export function proposePlan({ result, base, plan }: ProposalOptions): Plan {
	const T0 = result.baseYear;
	const n = result.years.length - 1;
	const lastYear = T0 + n;
	const target = Math.min(Math.max(targetYearOf(plan, T0), T0 + 1), lastYear);
	const kept = plan.measures.filter((m) => !m.proposed);
	const proposedNet = new Array<number>(n + 1).fill(0);
	for (const m of plan.measures) {
		if (!m.proposed) continue;
		const i = availableYear(m, plan) - T0;
		if (i >= 1 && i <= n) proposedNet[i] = (proposedNet[i] ?? 0) + measureSign(m.kind) * m.count;
	}
	// 1–2
	const cumulative = new Array<number>(n + 1).fill(0);
	let added = 0;
	let runMax = 0;
	const gapWithout = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= n; i++) {
		added += proposedNet[i] ?? 0;
		gapWithout[i] = (result.total.gap[i] ?? 0) + added;
	}
	const ti = target - T0;
	for (let i = 1; i <= n; i++) {
		if (i >= ti) {
			runMax = Math.max(runMax, gapWithout[i] ?? 0);
			cumulative[i] = runMax;
		}
	}
	const atTarget = cumulative[ti] ?? 0;
	for (let i = 1; i < ti; i++) cumulative[i] = (atTarget * i) / ti;

	// 3
	const mix = mixOf(plan);
	const mixSum = MIX_KINDS.reduce((s, k) => s + Math.max(0, mix[k]), 0);
	const measures: PlanMeasure[] = [];
	if (mixSum > 0) {
		// Whole dwellings due by each year, split over the kinds by largest remainder (sums exactly).
		const dueByKind = cumulative.map((c) => splitInteger(Math.ceil(c - 1e-9), MIX_KINDS.map((k) => mix[k])));
		MIX_KINDS.forEach((k, ki) => {
			if (!(mix[k] > 0)) return;
			const lead = leadTimeOf({ kind: k, decisionYear: T0, segmentId: '', count: 0 }, plan);
			const firstYear = T0 + 1 + lead;
			let given = 0;
			for (let i = 1; i <= n; i++) {
				const year = T0 + i;
				if (year < firstYear) continue;
				// Everything due by this year that could not be ready earlier is delivered now.
				const due = dueByKind[i]?.[ki] ?? 0;
				const count = due - given;
				if (count <= 0) continue;
				given = due;
				// 4
				const claims = groupClaims(result, base, year);
				const bySegment = new Map<string, number>();
				const parts = splitInteger(count, GROUP_IDS.map((g) => claims[g]));
				const fallback = base.segments.find((s) => s.groups === 'all')?.id ?? base.segments[0]?.id;
				GROUP_IDS.forEach((g, gi) => {
					const seg = proposalSegment(base, g) ?? fallback;
					if (seg && (parts[gi] ?? 0) > 0) bySegment.set(seg, (bySegment.get(seg) ?? 0) + (parts[gi] as number));
				});
				if (bySegment.size === 0 && fallback) bySegment.set(fallback, count);
				for (const [segmentId, c] of bySegment) measures.push({ decisionYear: year - lead, segmentId, kind: k, count: c, proposed: true });
			}
		});
	}
	measures.sort((a, b) => a.decisionYear - b.decisionYear || a.kind.localeCompare(b.kind) || a.segmentId.localeCompare(b.segmentId));
	return { ...plan, measures: [...kept, ...measures] };
}
