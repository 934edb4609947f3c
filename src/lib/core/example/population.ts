/**
 * The example kommune's population: a fictional, deterministic projection by single-year age
 * (0…105, the last age open) for 2025…2055, about 20 000 inhabitants in 2025.
 *
 * It is NOT SSB data. It is a "cohort-component-lite" projection, built to look like what a
 * planner of a Norwegian small-town kommune would download from SSB (docs/example-kommune.md):
 *
 * 1. Base year (1 January 2025): each age a is the birth cohort 2024 − a (size shaped after
 *    Norway's live births per year, approximated by the knots in BIRTHS_SHAPE), survived to age a
 *    with today's mortality (MORTALITY), times a small-town migration profile (SMALL_TOWN_FACTOR:
 *    fewer young adults, who have left for cities and universities, more 50+), scaled to exactly
 *    BASE_TOTAL inhabitants.
 * 2. Each following year: everyone ages one year with age-specific survival (mortality falling
 *    MORTALITY_IMPROVEMENT per year), the open age 105+ keeps its survivors, births come from
 *    women 15–49 with an age-specific fertility summing to TFR, and net migration by age
 *    (NET_MIGRATION, per inhabitant of that age) is added.
 *
 * Everything is plain arithmetic on fixed constants: the same numbers on every machine.
 * Ages are at 1 January (SSB's "status 1.1."), as the engine expects (values[y][a]).
 */
import type { PopulationSeries } from '#lib/core/model/population.ts';

export const POPULATION_FIRST_YEAR = 2025;
export const POPULATION_LAST_YEAR = 2055;
export const MAX_AGE = 105;
/** Inhabitants on 1 January 2025. */
export const BASE_TOTAL = 20_000;
/** Total fertility rate: Norway's was 1.44 in 2024 (SSB); held flat. */
export const TFR = 1.45;
/** Share of women among inhabitants aged 15–49 (the kommune does not track sex; roughly even, slightly fewer women). */
const FEMALE_SHARE_15_49 = 0.485;
/** Yearly relative fall in mortality at every age (life expectancy keeps rising slowly). */
export const MORTALITY_IMPROVEMENT = 0.01;

/**
 * Shape of Norway's live births by year of birth, in thousands (rounded from memory of SSB's
 * series; used only for the relative size of cohorts): low 1930s, the long post-war boom
 * 1946–1971, the trough around 1983, the 2009 peak and the fall after 2010.
 */
const BIRTHS_SHAPE: readonly (readonly [year: number, thousands: number])[] = [
	[1919, 62],
	[1925, 51],
	[1930, 46],
	[1935, 42],
	[1940, 48],
	[1945, 56],
	[1946, 64],
	[1950, 62],
	[1960, 61],
	[1965, 66],
	[1970, 65],
	[1975, 56],
	[1983, 49],
	[1990, 61],
	[2000, 59],
	[2009, 62],
	[2015, 59],
	[2020, 53],
	[2023, 51],
	[2024, 52]
];

/** Piecewise-linear interpolation in a sorted knot table; flat outside it. */
function interpolate(knots: readonly (readonly [number, number])[], x: number): number {
	const first = knots[0];
	const last = knots[knots.length - 1];
	if (!first || !last) return 0;
	if (x <= first[0]) return first[1];
	if (x >= last[0]) return last[1];
	for (let i = 1; i < knots.length; i++) {
		const b = knots[i] as readonly [number, number];
		if (x <= b[0]) {
			const a = knots[i - 1] as readonly [number, number];
			return a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
		}
	}
	return last[1];
}

/**
 * Probability of dying within a year at age a (both sexes), 2025 level: infant mortality about
 * 2 per 1 000, a low floor in childhood and youth, then Gompertz growth (about +11 % per year of
 * age) with q(80) ≈ 4 %, q(90) ≈ 12 %, q(100) ≈ 36 %, capped at 60 %. Close to Norwegian life
 * tables (life expectancy at birth about 83 years).
 */
export function mortality(age: number): number {
	if (age === 0) return 0.0022;
	const q = 0.0002 + 0.042 * Math.exp(0.115 * (age - 80));
	return Math.min(0.6, q);
}

/**
 * Small-town age profile relative to the country: the share of each birth cohort that lives in
 * the kommune compared with an even spread. Young adults have left for cities and universities;
 * some return with children; the 50+ are slightly over-represented.
 */
const SMALL_TOWN_FACTOR: readonly (readonly [age: number, factor: number])[] = [
	[0, 0.74],
	[6, 0.92],
	[10, 1.0],
	[17, 1.02],
	[21, 0.9],
	[27, 0.84],
	[35, 0.94],
	[45, 1.0],
	[55, 1.06],
	[70, 1.04],
	[90, 1.0]
];

/**
 * Net migration per inhabitant of each age and year (in minus out, incl. immigration):
 * children move in with their parents, 18–22 leave for study, 24–39 come back or arrive for work,
 * a small plus around retirement. About +0.3 % of the population a year in total.
 */
const NET_MIGRATION: readonly (readonly [age: number, rate: number])[] = [
	[0, 0.009],
	[9, 0.006],
	[15, 0.003],
	[17, 0.0],
	[19, -0.042],
	[22, -0.028],
	[25, 0.022],
	[30, 0.025],
	[39, 0.009],
	[50, 0.003],
	[60, 0.004],
	[67, 0.002],
	[75, 0.0],
	[105, 0.0]
];

/** Age-specific fertility (births per woman per year), a bell around age 31, summing to TFR over 15–49. */
export function fertilitySchedule(): number[] {
	const raw: number[] = [];
	let sum = 0;
	for (let a = 15; a <= 49; a++) {
		const z = (a - 31) / 5.2;
		const w = Math.exp(-0.5 * z * z);
		raw.push(w);
		sum += w;
	}
	return raw.map((w) => (w / sum) * TFR);
}

/** Base-year population by age (unrounded), summing to BASE_TOTAL. */
function basePopulation(): number[] {
	const values: number[] = [];
	let survival = 1;
	for (let a = 0; a <= MAX_AGE; a++) {
		const cohortYear = POPULATION_FIRST_YEAR - 1 - a;
		let v = interpolate(BIRTHS_SHAPE, cohortYear) * survival * interpolate(SMALL_TOWN_FACTOR, a);
		if (a === MAX_AGE) {
			// Open age group: the survivors of all older cohorts (geometric tail at the capped mortality).
			v = v / (1 - (1 - mortality(MAX_AGE)));
		}
		values.push(v);
		// Older cohorts lived through higher mortality than today's; an extra 0.2 % a year of age
		// beyond 60 keeps the oldest old from being overstated.
		survival *= (1 - mortality(a)) * (a >= 60 ? 0.99 : 1);
	}
	const total = values.reduce((s, v) => s + v, 0);
	return values.map((v) => (v * BASE_TOTAL) / total);
}

/** One projection step: population on 1 January of the next year from this year's. */
function step(pop: readonly number[], yearsAfterBase: number, fertility: readonly number[]): number[] {
	const improve = Math.pow(1 - MORTALITY_IMPROVEMENT, yearsAfterBase);
	const next = new Array<number>(MAX_AGE + 1).fill(0);
	let births = 0;
	for (let a = 15; a <= 49; a++) births += (pop[a] ?? 0) * FEMALE_SHARE_15_49 * (fertility[a - 15] ?? 0);
	// Births during the year, survived to 1 January (about half a year of infant mortality).
	next[0] = births * (1 - mortality(0) * improve * 0.5);
	for (let a = 0; a <= MAX_AGE; a++) {
		const to = Math.min(a + 1, MAX_AGE);
		const survivors = (pop[a] ?? 0) * (1 - mortality(a) * improve);
		next[to] = (next[to] ?? 0) + survivors;
	}
	for (let a = 0; a <= MAX_AGE; a++) {
		const v = (next[a] ?? 0) * (1 + interpolate(NET_MIGRATION, a));
		next[a] = v > 0 ? v : 0;
	}
	return next;
}

/**
 * Whole persons per age whose sum equals the rounded total (largest-remainder rounding), so the
 * base year shows exactly 20 000 inhabitants. Ties go to the younger age: deterministic.
 */
function roundPreservingTotal(values: readonly number[]): number[] {
	const floors = values.map((v) => Math.floor(v));
	let missing = Math.round(values.reduce((s, v) => s + v, 0)) - floors.reduce((s, v) => s + v, 0);
	const order = values.map((v, i) => ({ i, frac: v - Math.floor(v) })).sort((x, y) => y.frac - x.frac || x.i - y.i);
	for (const { i } of order) {
		if (missing <= 0) break;
		floors[i] = (floors[i] ?? 0) + 1;
		missing--;
	}
	return floors;
}

/**
 * The example population, 2025…2055, ages 0…105 (105 = "105 and older"), whole persons.
 * Deterministic: every call returns the same numbers.
 */
export function createExamplePopulation(): PopulationSeries {
	const fertility = fertilitySchedule();
	const years: number[] = [];
	const values: number[][] = [];
	let pop = basePopulation();
	for (let year = POPULATION_FIRST_YEAR; year <= POPULATION_LAST_YEAR; year++) {
		years.push(year);
		values.push(roundPreservingTotal(pop));
		pop = step(pop, year - POPULATION_FIRST_YEAR + 1, fertility);
	}
	const ages = Array.from({ length: MAX_AGE + 1 }, (_, a) => a);
	return {
		years,
		ages,
		values,
		provenance: {
			kind: 'example',
			source: 'Eksempeldata (fiktiv befolkningsframskriving)',
			note:
				'Oppdiktet befolkning for en tenkt småbykommune med om lag 20 000 innbyggere, laget med en enkel kohort-komponent-modell ' +
				'(aldring, dødelighet, fødsler med samlet fruktbarhet 1,45 og nettoinnflytting etter alder). Formen ligner SSBs framskrivinger, ' +
				'med sterk vekst i antall 80+ fra midten av 2020-tallet når etterkrigskullene blir 80 år. Bytt den ut med SSBs framskriving for din kommune.'
		}
	};
}
