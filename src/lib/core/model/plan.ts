/**
 * The acquisition plan of a scenario and its cost assumptions (issue 16). Plain JSON.
 * Formulas, defaults and sources: docs/model.md, "Plan and cost".
 *
 * Every field is optional: a scenario without a plan has today's stock all through and no costs.
 * The planned stock changes of schema version 3 and earlier are measures marked `decided` here.
 */
import type { GroupId } from './groups.ts';
import type { Uncertain } from './uncertain.ts';

/**
 * What a measure does to the stock. 'tilvisning' (allocation-right agreement with a private
 * owner) adds dwellings the kommune may allocate without owning or renting them.
 */
export const MEASURE_KINDS = ['nybygg', 'kjop', 'innleie', 'tilvisning', 'konvertering', 'salg', 'avsluttet-innleie'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Dwelling kinds that cost differently (issue 16: ordinary, adapted, staffed). */
export const DWELLING_KINDS = ['ordinaer', 'tilpasset', 'bemannet'] as const;
export type DwellingKind = (typeof DWELLING_KINDS)[number];

/**
 * One planned measure: `count` dwellings of `kind` in `segmentId`, decided in `decisionYear` and
 * available `leadTimeYears` later. `count` is never negative: sales and ended leases remove.
 */
export interface PlanMeasure {
	decisionYear: number;
	segmentId: string;
	kind: MeasureKind;
	count: number;
	/** Years from decision to available dwelling. Absent: the plan's lead time for the kind. */
	leadTimeYears?: number;
	/** The target group whose gap the measure serves. Absent: shared by the segment's groups. */
	group?: GroupId;
	/** Made by "Foreslå tiltak" and not edited since: a new proposal replaces it. */
	proposed?: boolean;
	/**
	 * Sales only: the year Husbanken's grant for the sold dwellings was paid out. Absent: no grant
	 * to repay (none received, or written off).
	 */
	grantPaidYear?: number;
	/**
	 * Already decided before this plan (a council decision in the current budget): the measure
	 * changes the stock like any other, but its cost lies outside this plan and the budget leaves
	 * it out («Vedtatt – kostnaden ligger i gjeldende budsjett»). The planned stock changes of
	 * schema version 3 and earlier become such measures (core/format/migrations.ts). The planner
	 * unticks it to let the plan count the cost. Absent: false.
	 */
	decided?: boolean;
}

/** Share of the proposed dwellings per kind, %; the shares should add up to 100. */
export type PlanMix = Partial<Record<'nybygg' | 'kjop' | 'innleie' | 'tilvisning', number>>;

/** Kommune groups of Husbanken's tilskudd til utleieboliger (rates in core/plan/costs.ts). */
export const GRANT_ZONES = ['oslo', 'baerum', 'gruppe3', 'gruppe4', 'gruppe5', 'ovrige'] as const;
export type GrantZone = (typeof GRANT_ZONES)[number];

export interface Plan {
	measures: PlanMeasure[];
	/** The year by which the proposal closes the gap. Absent: base year + 4 (end of the økonomiplan). */
	targetYear?: number;
	/** The proposal's mix. Absent: 40 % kjøp, 40 % nybygg, 20 % innleie. */
	mix?: PlanMix;
	/** Lead time per kind, years. Absent kinds: the defaults in core/plan/measures.ts. */
	leadTimes?: Partial<Record<MeasureKind, number>>;
	/** Cost kind of each segment's dwellings. Absent: shared pool 'ordinaer', earmarked 'bemannet'. */
	segmentKinds?: Record<string, DwellingKind>;
	/** The planner's own cost figures by cost key (core/plan/costs.ts); absent keys use the placeholder default. */
	costs?: Record<string, Uncertain>;
	/** The kommune's group for the rental-dwelling grant. Absent: 'ovrige' (the lowest rate). */
	grantZone?: GrantZone;
}
