/**
 * Population by single-year age and calendar year for one kommune (one projection alternative).
 *
 * `values[y][a]` is the number of inhabitants aged `ages[a]` at the start of year `years[y]`
 * (SSB reports status at 1 January; the engine reads year t's population for year t's flows).
 * The last age is open-ended ("maxAge and older").
 */
export interface PopulationSeries {
	/** Consecutive calendar years, ascending. */
	years: number[];
	/** Consecutive single-year ages starting at 0, e.g. 0..105; the last one means "and older". */
	ages: number[];
	/** values[yearIndex][ageIndex], persons, ≥ 0. */
	values: number[][];
	provenance: Provenance;
}

/** Where a set of numbers came from, shown wherever it is used. */
export interface Provenance {
	kind: 'example' | 'entered' | 'imported';
	/** E.g. "SSB tabell 14288" or "Eksempeldata (fiktiv)". */
	source: string;
	/** SSB projection alternative, e.g. "MMMM". */
	alternative?: string;
	/** ISO date the data was retrieved or imported. */
	retrieved?: string;
	fileName?: string;
	note?: string;
	/**
	 * A starting point to replace before the numbers are used (a new notebook's empty base data).
	 * Listed under "Før tallene kan brukes". Absent = false. (Kind 'example' is always a placeholder
	 * outside the fictional example kommune.)
	 */
	placeholder?: boolean;
}

/** An inclusive age band, e.g. 18–66 or 80+ (`to` omitted = open-ended). */
export interface AgeBand {
	from: number;
	to?: number;
}

/** A yearly series typed by the planner or imported: year → value. Missing years are 0. */
export type YearSeries = Record<string, number>;

/**
 * Persons in an age band (inclusive; `to` omitted = up to the open-ended top age) in one year of
 * the series. The one band total: the engine, the SSB import and the base-data summary use it.
 * Ages are consecutive from 0, so an age is its index.
 */
export function ageBandTotal(series: PopulationSeries, band: AgeBand, yearIndex: number): number {
	const row = series.values[yearIndex];
	if (!row) return 0;
	const last = series.ages.length - 1;
	const from = Math.max(0, band.from);
	const to = band.to === undefined ? last : Math.min(last, band.to);
	let sum = 0;
	for (let a = from; a <= to; a++) sum += row[a] ?? 0;
	return sum;
}
