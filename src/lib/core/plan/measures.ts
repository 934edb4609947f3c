/**
 * Measures of an acquisition plan and how they feed the planned stock: `engineInputOf` turns the
 * plan into the stock changes the engine reads, at the one place where engine input is assembled.
 * Formulas: docs/model.md, "Plan and cost".
 */
import type { ScenarioAssumptions, StockChange, StockChangeKind } from '#lib/core/model/assumptions.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import { MEASURE_KINDS, type DwellingKind, type MeasureKind, type Plan, type PlanMeasure } from '#lib/core/model/plan.ts';
import type { PopulationSeries } from '#lib/core/model/population.ts';

/** Norwegian names of the measures (UI text). */
export const MEASURE_LABELS: Readonly<Record<MeasureKind, string>> = {
	nybygg: 'Nybygg',
	kjop: 'Kjøp i markedet',
	innleie: 'Innleie fra private',
	tilvisning: 'Tilvisningsavtale',
	konvertering: 'Ombygging',
	salg: 'Salg',
	'avsluttet-innleie': 'Avsluttet innleie'
};

/** Measures that take dwellings out of the stock. */
export const REMOVING_KINDS: readonly MeasureKind[] = ['salg', 'avsluttet-innleie'];

/**
 * Default lead time (years from decision to available dwelling), placeholders until the planner
 * enters their own. Choice, not from a source: a purchase in the market, a lease or an
 * allocation-right agreement can be in place the year it is decided; a new build needs
 * regulation, tender and construction (about three years); a conversion about two.
 */
export const DEFAULT_LEAD_TIMES: Readonly<Record<MeasureKind, number>> = {
	nybygg: 3,
	kjop: 0,
	innleie: 0,
	tilvisning: 1,
	konvertering: 2,
	salg: 0,
	'avsluttet-innleie': 0
};

/** Sign of a measure's effect on the stock: +1 adds, −1 removes. */
export function measureSign(kind: MeasureKind): 1 | -1 {
	return REMOVING_KINDS.includes(kind) ? -1 : 1;
}

export function leadTimeOf(m: PlanMeasure, plan: Pick<Plan, 'leadTimes'>): number {
	return m.leadTimeYears ?? plan.leadTimes?.[m.kind] ?? DEFAULT_LEAD_TIMES[m.kind];
}

/** The year the measure's dwellings count in the stock (end of that year, let during it). */
export function availableYear(m: PlanMeasure, plan: Pick<Plan, 'leadTimes'>): number {
	return m.decisionYear + leadTimeOf(m, plan);
}

/**
 * The stock change kind a measure is recorded as. Choice: an allocation-right agreement is
 * recorded as 'innleie' (both are dwellings at the kommune's disposal through a private owner);
 * the engine does not read the kind, only the count.
 */
function stockChangeKind(kind: MeasureKind): StockChangeKind {
	return kind === 'tilvisning' ? 'innleie' : kind;
}

/** One measure as the signed change to the stock in its available year. */
export function measureStockChange(m: PlanMeasure, plan: Pick<Plan, 'leadTimes'>): StockChange {
	return { year: availableYear(m, plan), segmentId: m.segmentId, kind: stockChangeKind(m.kind), count: measureSign(m.kind) * m.count };
}

/** The plan as signed stock changes per available year and segment. */
export function planToStockChanges(plan: Plan | undefined): StockChange[] {
	if (!plan) return [];
	return plan.measures.filter((m) => m.count !== 0).map((m) => measureStockChange(m, plan));
}

/**
 * The one place engine input is assembled from a notebook's facts and one scenario: the engine's
 * stock changes are the plan's measures, decided and planned alike.
 */
export function engineInputOf(base: BaseData, population: PopulationSeries, scenario: ScenarioAssumptions): EngineInput {
	return { base, population, scenario: { ...scenario, stockChanges: planToStockChanges(scenario.plan) } };
}

/** Raw stock change of schema version 3 and earlier (unvalidated JSON in a migration). */
export interface LegacyStockChange {
	year: number;
	segmentId: string;
	kind: string;
	count: number;
}

/**
 * The planned stock changes of schema version 3 and earlier as plan measures: already decided
 * (their cost is outside this plan), lead time 0, so the planned stock is the same year by year
 * and the cost totals do not change. Pure. A removal keeps its sign through its kind: a negative
 * change becomes 'avsluttet-innleie' when it was a lease, else 'salg'; a positive 'salg' or
 * 'avsluttet-innleie' (possible in the old list) becomes 'kjop' or 'innleie'.
 */
export function decidedMeasuresOf(changes: readonly LegacyStockChange[]): PlanMeasure[] {
	return changes.map((c) => {
		const removes = c.count < 0;
		const kind: MeasureKind = removes
			? c.kind === 'avsluttet-innleie' || c.kind === 'innleie'
				? 'avsluttet-innleie'
				: 'salg'
			: c.kind === 'salg'
				? 'kjop'
				: c.kind === 'avsluttet-innleie'
					? 'innleie'
					: isMeasureKind(c.kind)
						? c.kind
						: 'nybygg';
		return { decisionYear: c.year, segmentId: c.segmentId, kind, count: Math.abs(c.count), leadTimeYears: 0, decided: true };
	});
}

function isMeasureKind(k: string): k is MeasureKind {
	return (MEASURE_KINDS as readonly string[]).includes(k);
}

/**
 * Cost kind of a segment's dwellings. Choice: the shared pool holds ordinary dwellings; an
 * earmarked segment is staffed (bemannet) unless the planner says otherwise.
 */
export function segmentKindOf(plan: Pick<Plan, 'segmentKinds'> | undefined, base: BaseData, segmentId: string): DwellingKind {
	const own = plan?.segmentKinds?.[segmentId];
	if (own) return own;
	const seg = base.segments.find((s) => s.id === segmentId);
	return !seg || seg.groups === 'all' ? 'ordinaer' : 'bemannet';
}
