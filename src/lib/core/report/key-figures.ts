/**
 * The few numbers a politician asks for, for one scenario and year: dwellings needed, change
 * from today, new dwellings per year to get there, and the chance that the planned stock suffices.
 */
import { GROUP_IDS, GROUP_SHORT_LABELS, type GroupId } from '../model/groups.ts';
import type { MonteCarloResult, ProjectionResult } from '../model/result.ts';
import { formatPercent } from '../text/number-format.ts';

export interface KeyFigures {
	year: number;
	yearIndex: number;
	requiredStock: number;
	requiredStockToday: number;
	changeFromToday: number;
	plannedStock: number;
	gap: number;
	/** Dwellings to add per year from the base year to `year` to close the gap (0 if none). */
	newPerYear: number;
	/** Share of simulations where the planned stock covers the required stock; null before MC. */
	probabilitySufficient: number | null;
	/** P10–P90 of required stock, when MC has run. */
	requiredRange: { p10: number; p90: number } | null;
	/**
	 * The uncertainty run has no spread: every assumption is a single value (a new notebook's, until
	 * the planner gives ranges), so the range is one number and the chance is 0 or 100 %. The cell
	 * says so instead of showing «80 % sannsynlig: 2 191–2 191» and a certain-looking «0,0 %».
	 */
	noSpread: boolean;
}

export function keyFigures(result: ProjectionResult, year: number, mc: MonteCarloResult | null): KeyFigures | null {
	const i = result.years.indexOf(year);
	if (i < 0) return null;
	const required = result.total.requiredStock[i] ?? 0;
	const today = result.total.requiredStock[0] ?? 0;
	const planned = result.total.plannedStock[i] ?? 0;
	const gap = result.total.gap[i] ?? 0;
	const span = Math.max(1, year - result.baseYear);
	const band = mc?.bands['total.requiredStock'];
	const prob = mc?.probRequiredExceedsPlanned[i];
	return {
		year,
		yearIndex: i,
		requiredStock: required,
		requiredStockToday: today,
		changeFromToday: required - today,
		plannedStock: planned,
		gap,
		newPerYear: Math.max(0, gap) / span,
		probabilitySufficient: prob === undefined ? null : 1 - prob,
		requiredRange: band ? { p10: band[10][i] ?? 0, p90: band[90][i] ?? 0 } : null,
		noSpread: band !== undefined && band[10].every((low, j) => low === band[90][j])
	};
}

/**
 * The chance that the planned stock holds, as the key figures and the comparison show it: «…» until
 * the uncertainty run is in, «–» when it has no spread (`noSpread`: 0 or 100 % would read as a
 * measured certainty), else the percentage.
 */
export function probabilityText(k: Pick<KeyFigures, 'probabilitySufficient' | 'noSpread'>): string {
	if (k.noSpread) return '–';
	return k.probabilitySufficient === null ? '…' : formatPercent(k.probabilitySufficient * 100);
}

/** P(required stock > planned stock) for every projected year, in %; null before Monte Carlo. */
export function probabilityByYear(result: ProjectionResult, mc: MonteCarloResult | null): { year: number; pct: number }[] | null {
	if (!mc) return null;
	return result.years.map((year, i) => ({ year, pct: (mc.probRequiredExceedsPlanned[i] ?? 0) * 100 }));
}

export interface WaitingFigure {
	group: GroupId | 'total';
	label: string;
	waiting: number;
	/** Expected waiting time (waiting ÷ move-ins, Little's law), years; Infinity when nobody moves in. */
	waitingTimeYears: number;
}

/**
 * Capacity mode's headline: households waiting at the end of `year` and the expected waiting time,
 * per group and in total. Null for another year than the result's.
 */
export function waitingFigures(result: ProjectionResult, year: number): WaitingFigure[] | null {
	const i = result.years.indexOf(year);
	if (i < 0) return null;
	const row = (group: GroupId | 'total', label: string, s: ProjectionResult['total']): WaitingFigure => ({
		group,
		label,
		waiting: s.waiting[i] ?? 0,
		waitingTimeYears: s.waitingTimeYears[i] ?? 0
	});
	return [...GROUP_IDS.map((g) => row(g, GROUP_SHORT_LABELS[g], result.groups[g] as ProjectionResult['total'])), row('total', 'I alt', result.total)];
}
