/**
 * Hindcast: would the model have predicted the present? Run the projection from an earlier
 * observed year with the same assumptions and calibration rules, the stock held to what the
 * kommune really had, and set the waiting list and new tenant households it predicts beside what
 * was observed. Method and its approximations: docs/model.md, "Hindcast". Uses only the engine's
 * public entry point (`runProjection`); pure.
 */
import { runProjection } from '#lib/core/engine/index.ts';
import type { BaseData, HistoryYear } from '#lib/core/model/base-data.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import type { ScenarioAssumptions, StockChange } from '#lib/core/model/assumptions.ts';
import type { EngineScenario } from '#lib/core/model/engine-input.ts';
import type { PopulationSeries, YearSeries } from '#lib/core/model/population.ts';
import { observedYears } from './observed.ts';

/** Fewer observed years (T0 included) than this and there is nothing to check against. */
export const MIN_HINDCAST_YEARS = 4;

export type HindcastMeasure = 'waiting' | 'newTenants';

export const HINDCAST_MEASURE_LABELS: Readonly<Record<HindcastMeasure, { name: string; unit: string }>> = {
	waiting: { name: 'Husstander på venteliste', unit: 'husstander på venteliste' },
	newTenants: { name: 'Nyinnflyttede husstander', unit: 'nyinnflyttede husstander' }
};

export interface HindcastPoint {
	year: number;
	measure: HindcastMeasure;
	observed: number;
	modelled: number;
	/** modelled − observed. */
	error: number;
	/** error ÷ observed; undefined when nothing was observed (0). */
	relativeError?: number;
}

export interface Hindcast {
	/** The year the model was calibrated on (its T0 in the hindcast). */
	fromYear: number;
	toYear: number;
	points: HindcastPoint[];
	/** Plain Norwegian, one per measure: "Kalibrert på 2021 bommet modellen på 2025 med +4 …". */
	sentences: string[];
	/** Approximations made for this run (Norwegian). */
	notes: string[];
}

export type HindcastResult = { ok: true; hindcast: Hindcast } | { ok: false; reason: string };

/**
 * The engine input for a run from `fromYear`: the base year's facts scaled to that year's
 * observed totals, the stock path set to the observed stock, planned policy changes removed.
 */
export function hindcastInput(input: EngineInput, fromYear: number, observed: readonly HistoryYear[]): { input: EngineInput; notes: string[] } {
	const { base, population, scenario } = input;
	const notes: string[] = [];
	const t0 = observed.find((y) => y.year === base.baseYear)!;
	const start = observed.find((y) => y.year === fromYear)!;
	const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
	const stockRatio = ratio(start.dwellings, t0.dwellings) ?? 1;
	const vacantStart = start.vacant ?? (t0.vacant ?? 0) * stockRatio;
	const occupiedRatio = ratio((start.dwellings ?? 0) - vacantStart, (t0.dwellings ?? 0) - (t0.vacant ?? 0)) ?? stockRatio;
	const waitingRatio = ratio(start.waiting, t0.waiting) ?? occupiedRatio;
	const flowRatio = ratio(start.newTenants, t0.newTenants) ?? occupiedRatio;
	const earlyBase: BaseData = {
		baseYear: fromYear,
		segments: base.segments.map((s) => ({ ...s, groups: s.groups === 'all' ? 'all' : [...s.groups], dwellings: s.dwellings * stockRatio })),
		vacant: vacantStart,
		groups: Object.fromEntries(
			GROUP_IDS.map((g) => {
				const gb = base.groups[g];
				const next = { tenants: gb.tenants * occupiedRatio, waiting: gb.waiting * waitingRatio } as BaseData['groups'][typeof g];
				if (gb.newTenantsLastYear !== undefined) next.newTenantsLastYear = gb.newTenantsLastYear * flowRatio;
				return [g, next];
			})
		) as BaseData['groups'],
		provenance: { ...base.provenance }
	};
	notes.push(
		`Fordelingen på målgrupper i ${fromYear} er antatt lik den i ${base.baseYear}; totalene (boliger, ledige, venteliste, nyinnflyttede) er de observerte.`
	);
	// The stock follows what was observed: one change a year in the first shared segment.
	const segment = base.segments.find((s) => s.groups === 'all') ?? base.segments[0];
	const stockChanges: StockChange[] = [];
	let previous = start.dwellings;
	for (let y = fromYear + 1; y <= base.baseYear; y++) {
		const row = observed.find((o) => o.year === y);
		if (segment && row?.dwellings !== undefined && previous !== undefined && row.dwellings !== previous) {
			const count = row.dwellings - previous;
			stockChanges.push({ year: y, segmentId: segment.id, kind: count > 0 ? 'nybygg' : 'salg', count });
		}
		if (row?.dwellings !== undefined) previous = row.dwellings;
	}
	const groups = structuredClone(scenario.groups);
	let seriesHeld = false;
	for (const g of GROUP_IDS) {
		const a = groups[g];
		// Planned policy changes did not happen before T0.
		delete a.turnoverTarget;
		const d = a.demand;
		if (d.kind === 'prevalence') {
			delete d.targetSharePct;
			delete d.targetYear;
		}
		if (d.kind === 'refugees') seriesHeld = fillBackwards(d.settledPerYear, fromYear, base.baseYear) || seriesHeld;
		if (d.kind === 'manual') seriesHeld = fillBackwards(d.perYear, fromYear, base.baseYear) || seriesHeld;
	}
	if (seriesHeld)
		notes.push(`Bosatte flyktninger og manuelt innlagt behov har ingen tall før ${base.baseYear}; årene fra ${fromYear} bruker det første oppgitte året.`);
	// The observed stock is the whole story before T0: the plan's measures (all after T0) play no part.
	const earlyScenario: EngineScenario = {
		...structuredClone(scenario),
		horizonYears: base.baseYear - fromYear,
		mode: 'capacity',
		groups,
		stockChanges
	};
	const earlyPopulation = populationFrom(population, fromYear);
	if (earlyPopulation !== population)
		notes.push(`Befolkningstallene starter i ${population.years[0]}; årene fra ${fromYear} bruker befolkningen i ${population.years[0]}.`);
	return { input: { base: earlyBase, population: earlyPopulation, scenario: earlyScenario }, notes };
}

/** Give every year from `from` to `to` − 1 that has no value the first value given at or after `to`. */
function fillBackwards(series: YearSeries, from: number, to: number): boolean {
	const given = Object.keys(series)
		.map(Number)
		.filter((y) => y >= to)
		.sort((a, b) => a - b);
	const first = given[0];
	if (first === undefined) return false;
	let filled = false;
	for (let y = from; y < to; y++) {
		if (series[String(y)] === undefined) {
			series[String(y)] = series[String(first)]!;
			filled = true;
		}
	}
	return filled;
}

/** The population extended back to `fromYear` by holding its first year (unchanged if it covers it). */
function populationFrom(pop: PopulationSeries, fromYear: number): PopulationSeries {
	const first = pop.years[0];
	if (first === undefined || first <= fromYear) return pop;
	const extra = first - fromYear;
	return {
		...pop,
		years: [...Array.from({ length: extra }, (_, i) => fromYear + i), ...pop.years],
		values: [...Array.from({ length: extra }, () => [...pop.values[0]!]), ...pop.values]
	};
}

/**
 * The hindcast of a notebook scenario, or why there is none. Calibrated on the earliest observed
 * year from which every later year up to T0 reports the stock.
 */
export function runHindcast(input: EngineInput): HindcastResult {
	const observed = observedYears(input.base);
	if (observed.length < MIN_HINDCAST_YEARS)
		return {
			ok: false,
			reason: `Tilbakeblikket trenger minst ${MIN_HINDCAST_YEARS} observerte år (basisåret medregnet); notatboken har ${observed.length}. Importer KOSTRA-tall for flere år.`
		};
	// The earliest year from which the stock is known every year up to T0.
	let fromIndex = observed.length - 1;
	while (fromIndex > 0 && observed[fromIndex - 1]!.dwellings !== undefined && observed[fromIndex - 1]!.year === observed[fromIndex]!.year - 1) fromIndex--;
	const span = observed.length - fromIndex;
	if (span < MIN_HINDCAST_YEARS)
		return {
			ok: false,
			reason: `Tilbakeblikket trenger antall boliger for minst ${MIN_HINDCAST_YEARS} sammenhengende år fram til basisåret; bare ${span} har det.`
		};
	// A stock that halves or doubles from one year to the next is history from another kommune (or
	// another definition) than the base data, not something the model should be checked against.
	for (let i = fromIndex + 1; i < observed.length; i++) {
		const a = observed[i - 1]!;
		const b = observed[i]!;
		if (a.dwellings !== undefined && b.dwellings !== undefined && a.dwellings > 0 && (b.dwellings / a.dwellings > 2 || b.dwellings / a.dwellings < 0.5))
			return {
				ok: false,
				reason: `Historikken passer ikke med grunnlagsdataene: ${a.year} har ${a.dwellings} boliger, ${b.year} har ${b.dwellings}. Sjekk at historikken og grunnlagsdataene gjelder samme kommune.`
			};
	}
	const fromYear = observed[fromIndex]!.year;
	const { input: early, notes } = hindcastInput(input, fromYear, observed);
	let result;
	try {
		result = runProjection(early);
	} catch (e) {
		return { ok: false, reason: `Modellen kunne ikke kjøres fra ${fromYear}: ${e instanceof Error ? e.message : String(e)}` };
	}
	const points: HindcastPoint[] = [];
	for (const row of observed.slice(fromIndex + 1)) {
		const i = row.year - fromYear;
		const modelled: Record<HindcastMeasure, number | undefined> = {
			waiting: result.total.waiting[i],
			newTenants: result.total.moveIns[i]
		};
		for (const measure of ['waiting', 'newTenants'] as const) {
			const obs = row[measure];
			const mod = modelled[measure];
			if (obs === undefined || mod === undefined) continue;
			const p: HindcastPoint = { year: row.year, measure, observed: obs, modelled: mod, error: mod - obs };
			if (obs > 0) p.relativeError = (mod - obs) / obs;
			points.push(p);
		}
	}
	const toYear = input.base.baseYear;
	const sentences = (['waiting', 'newTenants'] as const).flatMap((m) => {
		const last = points.filter((p) => p.measure === m).at(-1);
		return last ? [hindcastSentence(fromYear, last)] : [];
	});
	return { ok: true, hindcast: { fromYear, toYear, points, sentences, notes } };
}

const nb = (v: number, digits = 0) => v.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).replace(/\u2212/g, '−');

/** "Kalibrert på 2021 bommet modellen på 2025 med +4 husstander på venteliste (20 %)." */
export function hindcastSentence(fromYear: number, p: HindcastPoint): string {
	const rounded = Math.round(p.error);
	const unit = HINDCAST_MEASURE_LABELS[p.measure].unit;
	if (rounded === 0) return `Kalibrert på ${fromYear} traff modellen ${p.year} for ${unit}: avviket er under én (observert ${nb(p.observed)}).`;
	const sign = rounded > 0 ? '+' : '−';
	const pct = p.relativeError !== undefined ? ` (${nb(Math.abs(p.relativeError) * 100)} %)` : '';
	return `Kalibrert på ${fromYear} bommet modellen på ${p.year} med ${sign}${nb(Math.abs(rounded))} ${unit}${pct}: modellen ga ${nb(p.modelled)}, observert ${nb(p.observed)}.`;
}
