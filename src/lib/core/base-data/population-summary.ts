/**
 * What the Grunnlagsdata panel shows about a population series (inhabitants in the base and
 * horizon year, the years it does not cover) and replacing a notebook's population.
 */
import type { Notebook } from '../model/notebook.ts';
import type { PopulationSeries } from '../model/population.ts';
import { ageBandTotal } from '../ssb/population.ts';

export interface BandFigures {
	base?: number;
	horizon?: number;
}

export interface PopulationSummary {
	baseYear: number;
	horizonYear: number;
	firstYear?: number;
	lastYear?: number;
	total: BandFigures;
	age80plus: BandFigures;
	age18to66: BandFigures;
	/** The series has the base year (the engine needs it). */
	coversBaseYear: boolean;
	/** Norwegian notes on years the series does not cover. */
	notes: string[];
}

/** Inhabitants in the base year and the horizon year; 80+ and 18–66; what is not covered. */
export function summarizePopulation(series: PopulationSeries, baseYear: number, horizonYears: number): PopulationSummary {
	const horizonYear = baseYear + horizonYears;
	const first = series.years[0];
	const last = series.years[series.years.length - 1];
	const at = (year: number, from: number, to?: number): number | undefined => {
		const i = series.years.indexOf(year);
		return i < 0 ? undefined : ageBandTotal(series, to === undefined ? { from } : { from, to }, i);
	};
	const band = (from: number, to?: number): BandFigures => {
		const b: BandFigures = {};
		const v0 = at(baseYear, from, to);
		const v1 = at(horizonYear, from, to);
		if (v0 !== undefined) b.base = v0;
		if (v1 !== undefined) b.horizon = v1;
		return b;
	};
	const s: PopulationSummary = {
		baseYear,
		horizonYear,
		total: band(0),
		age80plus: band(80),
		age18to66: band(18, 66),
		coversBaseYear: first !== undefined && last !== undefined && first <= baseYear && baseYear <= last,
		notes: populationCoverageNotes(series, baseYear, horizonYears)
	};
	if (first !== undefined) s.firstYear = first;
	if (last !== undefined) s.lastYear = last;
	return s;
}

/**
 * What the planner must know about the years a population series covers: an error if the base
 * year is missing (the projection cannot start), a note if it ends before the horizon (the
 * engine holds the last year's population flat, as its own warning says).
 */
export function populationCoverageNotes(series: Pick<PopulationSeries, 'years'>, baseYear: number, horizonYears: number): string[] {
	const first = series.years[0];
	const last = series.years[series.years.length - 1];
	if (first === undefined || last === undefined) return ['Befolkningstallene har ingen år.'];
	const horizon = baseYear + horizonYears;
	const notes: string[] = [];
	if (first > baseYear || last < baseYear)
		notes.push(
			`Befolkningstallene gjelder ${first}–${last} og dekker ikke basisåret ${baseYear}. Framskrivingen må starte i basisåret; velg en tabell eller et uttrekk som har ${baseYear}.`
		);
	else if (last < horizon)
		notes.push(
			`Befolkningstallene går bare til ${last}, men framskrivingen går til ${horizon}. For årene ${last + 1}–${horizon} bruker beregningen befolkningen i ${last} uendret. Last ned alle årene til ${horizon} fra SSB for å unngå det.`
		);
	return notes;
}

/** Longest horizon among the notebook's scenarios (years after the base year). */
export function maxHorizon(doc: Pick<Notebook, 'scenarios'>): number {
	return doc.scenarios.reduce((m, s) => Math.max(m, s.assumptions.horizonYears), 0) || 10;
}

/** Replace the notebook's population (inside `session.update`). The series is copied. */
export function applyPopulation(doc: Notebook, series: PopulationSeries): void {
	doc.population = structuredClone(series);
}
