/**
 * Yearly series typed by the planner (refugees settled, manual new need) past their last given year
 * (docs/model.md, "Series past their last given year").
 */
import type { AfterLastYear } from '#lib/core/model/assumptions.ts';
import type { YearSeries } from '#lib/core/model/population.ts';

/** The trend rule fits a line through at most this many of the last given years. */
export const SERIES_TREND_YEARS = 5;

/** Given years ascending with their values. */
function points(s: YearSeries): { years: number[]; values: number[] } {
	const years = Object.keys(s)
		.map(Number)
		.sort((a, b) => a - b);
	return { years, values: years.map((y) => s[String(y)] ?? 0) };
}

/** The series a refugee or manual driver is given by (people settled, or new need per year). */
export function driverSeries(d: { kind: 'refugees'; settledPerYear: YearSeries } | { kind: 'manual'; perYear: YearSeries }): YearSeries {
	return d.kind === 'refugees' ? d.settledPerYear : d.perYear;
}

/** The series' last given year, or undefined for an empty series. */
export function lastGivenYear(s: YearSeries): number | undefined {
	return points(s).years.at(-1);
}

/**
 * Least-squares line through the last (up to SERIES_TREND_YEARS) given years: value at `year`,
 * never below 0. One given year: that value (a flat line).
 */
function trendValue(years: number[], values: number[], year: number): number {
	const from = Math.max(0, years.length - SERIES_TREND_YEARS);
	const xs = years.slice(from);
	const ys = values.slice(from);
	const m = xs.length;
	const mx = xs.reduce((a, x) => a + x, 0) / m;
	const my = ys.reduce((a, y) => a + y, 0) / m;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < m; i++) {
		sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
		sxx += ((xs[i] as number) - mx) ** 2;
	}
	const slope = sxx > 0 ? sxy / sxx : 0;
	const v = my + slope * (year - mx);
	return v > 0 ? v : 0;
}

/**
 * The value of a yearly series in `year`: a given year's value; a missing year before the last
 * given one is 0; after the last given year the rule decides (absent: 'hold').
 */
export function seriesValue(s: YearSeries, year: number, rule: AfterLastYear = 'hold'): number {
	const direct = s[String(year)];
	if (direct !== undefined) return direct;
	const { years, values } = points(s);
	const lastYear = years.length > 0 ? (years[years.length - 1] as number) : -Infinity;
	if (year < lastYear || years.length === 0) return 0;
	if (rule === 'zero') return 0;
	if (rule === 'trend') return trendValue(years, values, year);
	return values[values.length - 1] as number;
}

/**
 * When a held last value follows a jump (more than twice, or less than half, the given year before
 * it) and is repeated for at least this many years of the horizon, the run says so.
 */
export const HELD_JUMP_MIN_YEARS = 5;
export const HELD_JUMP_FACTOR = 2;

/** The jump a held series repeats, or null: last and previous given years and values, years held. */
export function heldJump(
	s: YearSeries,
	rule: AfterLastYear | undefined,
	lastHorizonYear: number
): { prevYear: number; prev: number; lastYear: number; last: number; heldYears: number } | null {
	if ((rule ?? 'hold') !== 'hold') return null;
	const { years, values } = points(s);
	if (years.length < 2) return null;
	const lastYear = years[years.length - 1] as number;
	const prevYear = years[years.length - 2] as number;
	const last = values[values.length - 1] as number;
	const prev = values[values.length - 2] as number;
	const heldYears = lastHorizonYear - lastYear;
	if (heldYears < HELD_JUMP_MIN_YEARS) return null;
	const jump = prev > 0 ? last > HELD_JUMP_FACTOR * prev || last < prev / HELD_JUMP_FACTOR : last > 0;
	return jump ? { prevYear, prev, lastYear, last, heldYears } : null;
}
