/**
 * What a projection run returns. Series are Float64Array of length horizonYears + 1, index 0 is
 * the base year T0 (observed state; flows at index 0 are the base-year flows).
 * Typed arrays so the worker can transfer them without copying.
 */
import type { GroupId } from './groups.ts';

export interface GroupSeries {
	/** H: households in a municipal dwelling at the end of the year. */
	tenants: Float64Array;
	/** Q: households waiting at the end of the year. */
	waiting: Float64Array;
	/** Need: H + Q (households that need a dwelling). */
	need: Float64Array;
	/** A: new need arising in the year. */
	newNeed: Float64Array;
	/** I: move-ins during the year. */
	moveIns: Float64Array;
	/** X: exits during the year. */
	exits: Float64Array;
	/** Households leaving the waiting list without a dwelling during the year. */
	waitingAttrition: Float64Array;
	/** Dwellings needed for this group: need / (1 − vacancy). */
	requiredStock: Float64Array;
	/** Gjennomstrømming, KOSTRA definition: move-ins ÷ dwellings the group occupies, %. */
	turnoverPct: Float64Array;
	/** Estimated botid, Agenda Kaupang definition: dwellings occupied ÷ move-ins, years. */
	botidEstimated: Float64Array;
	/** The model's own mean tenure (the tenure assumption in force that year), years. */
	meanTenure: Float64Array;
	/** Expected waiting time by Little's law: waiting ÷ move-ins, years. */
	waitingTimeYears: Float64Array;
}

export interface TotalSeries extends GroupSeries {
	/** S: planned stock (all segments) at the end of the year. */
	plannedStock: Float64Array;
	/** R: required stock, Σ need / (1 − vacancy). */
	requiredStock: Float64Array;
	/** R − S (positive: dwellings missing). */
	gap: Float64Array;
	/** Gap accumulated: new dwellings needed from T0 to the year, max(0, …) per year summed. */
	gapCumulative: Float64Array;
	/** Vacant ÷ stock, % (capacity mode: actual; need mode: the target). */
	vacancyPct: Float64Array;
	/** Gjennomstrømming, KOSTRA definition over all dwellings (incl. vacant): move-ins ÷ stock, %. */
	turnoverAllDwellingsPct: Float64Array;
	/** Estimated botid over all dwellings (incl. vacant): stock ÷ move-ins, years. */
	botidAllDwellings: Float64Array;
}

export interface CalibrationNote {
	group: GroupId;
	/** Dot path of the calibrated field, e.g. "demand.ratePer1000". */
	field: string;
	value: number;
	/** Norwegian explanation shown to the planner. */
	explanation: string;
}

export interface ProjectionResult {
	baseYear: number;
	years: number[];
	mode: 'need' | 'capacity';
	groups: Record<GroupId, GroupSeries>;
	total: TotalSeries;
	calibration: CalibrationNote[];
	/**
	 * Capacity mode only: each stock segment per year, in base-data order. Absent in need mode
	 * (households are not placed in segments there).
	 */
	segments?: SegmentSeries[];
	/** Notes about the run (e.g. population held flat after its last year). Absent when there are none. */
	warnings?: ResultWarning[];
}

/**
 * One note about a run. `code` is stable (tests, exports, filters); `message` is the Norwegian text
 * every output prints; `year` and `group` say where it applies, when it applies to one.
 */
export interface ResultWarning {
	code: string;
	message: string;
	year?: number;
	group?: GroupId;
}

/** One stock segment in a capacity run; series of length horizonYears + 1 like the others. */
export interface SegmentSeries {
	/** StockSegment.id and .name. */
	id: string;
	name: string;
	/** Planned dwellings at the end of the year (base data + planned changes). */
	dwellings: Float64Array;
	/** Dwellings occupied at the end of the year: the groups' tenants and the households outside the groups. */
	occupied: Float64Array;
	/** max(0, dwellings − occupied): vacant dwellings, whether let during the year or held as friction vacancy. */
	free: Float64Array;
}

export const PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const;
export type Percentile = (typeof PERCENTILES)[number];

/** Monte Carlo bands: for each reported series, one Float64Array per percentile. */
export interface MonteCarloResult {
	draws: number;
	seed: number;
	years: number[];
	/** Keyed "total.requiredStock", "rop.need", …; bands[key][percentile][yearIndex]. */
	bands: Record<string, Record<Percentile, Float64Array>>;
	/** Per year: share of draws in which required stock exceeds planned stock. */
	probRequiredExceedsPlanned: Float64Array;
}

export interface SensitivityBar {
	/** E.g. "rop.tenure.years". */
	assumption: string;
	/** Norwegian label, e.g. "Botid, ROP". */
	label: string;
	low: number;
	high: number;
	/** Output value with the assumption at its low and high end, the rest at their values. */
	outputAtLow: number;
	outputAtHigh: number;
}

export interface SensitivityResult {
	year: number;
	/** What was measured, e.g. "total.requiredStock". */
	output: string;
	baseline: number;
	/** Sorted by |outputAtHigh − outputAtLow|, largest first. */
	bars: SensitivityBar[];
}
