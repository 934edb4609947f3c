/**
 * The engine's inputs for one scenario: what a planner can change.
 * See docs/model.md for every formula and default. Plain JSON throughout.
 */
import type { GroupId } from './groups.ts';
import type { Plan } from './plan.ts';
import type { AgeBand, YearSeries } from './population.ts';
import type { Uncertain } from './uncertain.ts';

/** How new need (A, households per year) arises for a group. */
/**
 * What a refugee or manual series does after its last given year (docs/model.md, "Series past
 * their last given year"). Absent = 'hold' (the behaviour before the field existed).
 * - hold: repeat the last given value;
 * - zero: 0 after the last given year;
 * - trend: continue the least-squares line through the last given years (at most
 *   SERIES_TREND_YEARS), never below 0.
 */
export type AfterLastYear = 'hold' | 'zero' | 'trend';
export const AFTER_LAST_YEAR_RULES = ['hold', 'zero', 'trend'] as const satisfies readonly AfterLastYear[];

export type DemandDriver =
	/**
	 * A(t) = rate(t) × population(band, t) / 1000, rate(t) = rate × (1 + trend/100)^(t − T0).
	 * `ratePer1000` omitted: calibrated so that A(T0) equals today's exits (A = H / botid).
	 */
	| { kind: 'rate'; band: AgeBand; ratePer1000?: Uncertain; trendPctPerYear: Uncertain }
	/**
	 * Need (H + Q) = share(t) × population(band, t). share(t) moves linearly from `sharePct` at T0
	 * to `targetSharePct` in `targetYear` and stays there. `sharePct` omitted: calibrated from
	 * today's (H + Q) / population(band, T0). Inflow is whatever keeps need on that path.
	 */
	| {
			kind: 'prevalence';
			band: AgeBand;
			sharePct?: Uncertain;
			targetSharePct?: Uncertain;
			targetYear?: number;
	  }
	/**
	 * A(t) = settled(t) × share needing a municipal dwelling / persons per household.
	 * `settledPerYear`: IMDi's request or the council's decision, persons per calendar year;
	 * years after the last given year follow `afterLastYear` (absent: repeat the last value).
	 */
	| {
			kind: 'refugees';
			settledPerYear: YearSeries;
			shareNeedingPct: Uncertain;
			personsPerHousehold: Uncertain;
			afterLastYear?: AfterLastYear;
	  }
	/** A(t) typed by the planner, households per year; after the last given year: `afterLastYear` (absent: repeat it). */
	| { kind: 'manual'; perYear: YearSeries; afterLastYear?: AfterLastYear };

/** How tenancies end for a group. */
export type TenureModel =
	/** Mean tenure in years: X = H / botid (exponential tenure). */
	| { kind: 'botid'; years: Uncertain }
	/**
	 * Time-limited leases of `leaseYears` whole years, `renewalPct` renewed at each expiry;
	 * tenancies are tracked by duration so exits happen at lease ends.
	 * Mean tenure = L / (1 − renewal share).
	 */
	| { kind: 'lease'; leaseYears: number; renewalPct: Uncertain }
	/** Lifelong tenancies (funksjon, eldre): a share of tenants leave each year (death, institution). */
	| { kind: 'exitRate'; pctPerYear: Uncertain };

/**
 * "+x % gjennomstrømming by year y compared with T0", phased in linearly from T0 to y.
 * Translated into tenure: botid(t) = botid × 1 / (1 + x·phase(t)/100).
 */
export interface TurnoverTarget {
	changePct: Uncertain;
	byYear: number;
}

/**
 * How the base data's observed new tenant households (`GroupBase.newTenantsLastYear`) calibrate a
 * group (docs/model.md, "Calibration on observed flows"). Absent = 'none'.
 * - none: the observed flow is shown but not used (the behaviour before the field existed);
 * - inflow: new need at T0 = the observed new tenants (a calibrated rate then reproduces them);
 * - tenure: botid = tenants ÷ observed new tenants (replaces the botid assumption; botid tenure only).
 */
export type ObservedFlowUse = 'none' | 'inflow' | 'tenure';
export const OBSERVED_FLOW_USES = ['none', 'inflow', 'tenure'] as const satisfies readonly ObservedFlowUse[];

/**
 * The waiting list at T0 (docs/model.md, "The waiting list at the start"). Absent = the behaviour
 * before the field existed: 'backlog' for the rate, refugee and manual drivers, 'lasting' for the
 * prevalence driver (its share is calibrated over tenants + waiting).
 * - lasting: part of the lasting need: the calibration keeps tenants + waiting in the long run;
 * - backlog: a one-off backlog housed once, after which need returns to the inflow's level.
 */
export type WaitingAtStart = 'lasting' | 'backlog';
export const WAITING_AT_START_CHOICES = ['lasting', 'backlog'] as const satisfies readonly WaitingAtStart[];

export interface GroupAssumptions {
	demand: DemandDriver;
	tenure: TenureModel;
	turnoverTarget?: TurnoverTarget;
	/** Share of the waiting list that leaves it each year without a municipal dwelling (found plan A, moved away). */
	waitingAttritionPctPerYear: Uncertain;
	/** What the observed new tenant households calibrate. Absent = 'none'. */
	observedFlowUse?: ObservedFlowUse;
	/** The waiting list at T0: lasting need or one-off backlog. Absent: see WaitingAtStart. */
	waitingAtStart?: WaitingAtStart;
}

/**
 * Kinds of change to the stock (per year and segment) the engine reads. A notebook stores none:
 * the engine's list is made from the scenario's plan (core/plan/measures.ts, `engineInputOf`),
 * or from the register history by the hindcast.
 */
export const STOCK_CHANGE_KINDS = ['nybygg', 'kjop', 'innleie', 'avsluttet-innleie', 'salg', 'konvertering'] as const;
export type StockChangeKind = (typeof STOCK_CHANGE_KINDS)[number];

export interface StockChange {
	year: number;
	segmentId: string;
	kind: StockChangeKind;
	/** Dwellings; positive adds, negative removes (sales and ended leases are entered negative). */
	count: number;
}

export interface AllocationRule {
	/** proportional: free dwellings shared in proportion to waiting; priority: in `order`. */
	kind: 'proportional' | 'priority';
	order?: GroupId[];
}

export interface ScenarioAssumptions {
	/** Years projected after the base year, 1–30. */
	horizonYears: number;
	mode: 'need' | 'capacity';
	groups: Record<GroupId, GroupAssumptions>;
	/** Target vacancy (friksjonsledighet), % of stock. Default 5. */
	vacancyTargetPct: Uncertain;
	allocation: AllocationRule;
	monteCarlo: { seed: number; draws: number };
	/**
	 * Acquisition plan and costs (docs/model.md, "Plan and cost"); its measures, decided or planned,
	 * are every change to the stock. Absent: no change to the stock, no costs.
	 */
	plan?: Plan;
}
