/**
 * What a chart must say about the modelling choices that shape it (issue 10 items 4 and 8), so a
 * reader does not take a choice for a fact:
 * - the waiting list at T0 is housed in the first projected year in need mode, which shows as a
 *   jump in move-ins (and a turn in need and required stock); which choice (`waitingAtStart`)
 *   applies to which group decides what follows (docs/model.md, "The waiting list at the start");
 * - refugee and manual series past their last given year follow a rule (`afterLastYear`); the
 *   subtitle names it wherever the chart draws years after that year.
 * Pure: a function of the scenario and the base data. ChartCell shows it under and in the chart
 * (screen and print); the export keeps the subtitle.
 */
import type { ScenarioAssumptions } from '../model/assumptions.ts';
import { AFTER_LAST_YEAR_LABELS } from './assumption-catalogue.ts';
import type { BaseData } from '../model/base-data.ts';
import { GROUP_IDS, GROUP_SHORT_LABELS, type GroupId } from '../model/groups.ts';
import type { ChartKind } from '../model/notebook.ts';
import { waitingIsLasting } from '../engine/calibration-choices.ts';
import { driverSeries, lastGivenYear } from '../engine/series-rules.ts';
import { formatCount } from '../text/number-format.ts';

/** The charts whose first projected year shows the waiting list being housed. */
const FIRST_YEAR_CHARTS: ReadonlySet<ChartKind> = new Set(['need-by-group', 'flows', 'required-vs-planned']);
/** The charts that draw new need (directly or through need), so a series rule changes what they show. */
const SERIES_CHARTS: ReadonlySet<ChartKind> = new Set(['need-by-group', 'flows', 'required-vs-planned', 'monte-carlo-fan', 'shortfall-probability']);

export interface ChartNotes {
	/** Appended to the chart's subtitle; absent when no series rule applies within the horizon. */
	subtitle?: string;
	/** Sentences shown under the chart. */
	notes: string[];
}

type Input = Pick<ScenarioAssumptions, 'mode' | 'horizonYears' | 'groups'>;

const names = (gs: readonly { g: GroupId; n: number }[]) =>
	gs.map(({ g, n }) => `${GROUP_SHORT_LABELS[g]} (${formatCount(n)})`).join(', ');

/**
 * The first-year note, or null where nothing jumps: capacity mode (the list is housed as dwellings
 * free up) or nobody waiting at T0.
 */
export function firstYearNote(a: Input, base: Pick<BaseData, 'baseYear' | 'groups'>, chart: ChartKind = 'flows'): string | null {
	if (a.mode !== 'need') return null;
	const waiting = GROUP_IDS.map((g) => ({ g, n: base.groups[g].waiting })).filter((x) => x.n > 0);
	if (waiting.length === 0) return null;
	const total = waiting.reduce((s, x) => s + x.n, 0);
	// Refugee and manual drivers give the inflow directly: the choice changes nothing there (docs/model.md).
	const direct = waiting.filter(({ g }) => a.groups[g].demand.kind === 'refugees' || a.groups[g].demand.kind === 'manual');
	const calibrated = waiting.filter((x) => !direct.includes(x));
	const lasting = calibrated.filter(({ g }) => waitingIsLasting(a.groups[g]));
	const backlog = calibrated.filter((x) => !lasting.includes(x));
	const first = base.baseYear + 1;
	return [
		`Første år (${first}): ${total === 1 ? 'den ene husstanden' : `de ${formatCount(total)} husstandene`} på ventelisten ved utgangen av ${base.baseYear} får bolig, ` +
			'fordi behovsberegningen gir alle med behov en bolig. ' +
			// Only the flows chart draws move-ins and turnover; the need charts show the year apart.
			(chart === 'flows' ? 'Derfor hopper innflyttingen og gjennomstrømmingen det året.' : 'Derfor skiller det første året seg ut i figuren.'),
		backlog.length ? `Engangsetterslep for ${names(backlog)}: etterpå går behovet tilbake til tilstrømmingens nivå.` : '',
		lasting.length ? `Del av det varige behovet for ${names(lasting)}: kalibreringen holder leietakere + ventende over tid.` : '',
		direct.length ? `For ${names(direct)} er nytt behov oppgitt direkte, så valget endrer ikke tilstrømmingen.` : '',
		'Valget gjøres per målgruppe under «Ventelisten ved start» i forutsetningene.'
	]
		.filter(Boolean)
		.join(' ');
}

/**
 * "Flyktninger etter 2028: siste verdi gjentas" for each refugee or manual series whose last given
 * year falls before the horizon's end (only there does the rule decide anything), or null.
 */
export function seriesRuleNote(a: Input, baseYear: number): string | null {
	const lastYear = baseYear + a.horizonYears;
	const parts: string[] = [];
	for (const g of GROUP_IDS) {
		const d = a.groups[g].demand;
		if (d.kind !== 'refugees' && d.kind !== 'manual') continue;
		const last = lastGivenYear(driverSeries(d));
		if (last === undefined || last >= lastYear) continue;
		parts.push(`${GROUP_SHORT_LABELS[g]} etter ${last}: ${AFTER_LAST_YEAR_LABELS[d.afterLastYear ?? 'hold'].toLowerCase()}`);
	}
	return parts.length ? parts.join('; ') : null;
}

export function chartNotes(chart: ChartKind, a: Input, base: Pick<BaseData, 'baseYear' | 'groups'>): ChartNotes {
	const rule = SERIES_CHARTS.has(chart) ? seriesRuleNote(a, base.baseYear) : null;
	const jump = FIRST_YEAR_CHARTS.has(chart) ? firstYearNote(a, base, chart) : null;
	return { ...(rule ? { subtitle: rule } : {}), notes: jump ? [jump] : [] };
}
