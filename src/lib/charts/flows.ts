/**
 * Move-ins and exits per year (total), with gjennomstrømming and botid named in the subtitle.
 * With `observed` (the notebook's history, BaseData.history) the move-in line starts in the
 * observed years before T0 (new tenant households as KOSTRA reports them), marked with dots:
 * one line through observed and projected, as in «Nødvendig og planlagt boligmasse». KOSTRA
 * gives totals per SSB category, not per target group, so only the total is drawn.
 */
import * as Plot from '@observablehq/plot';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import type { HistoryYear } from '#lib/core/model/base-data.ts';
import { frameOptions, observedDots, observedRows, percentTick, resultSpan, type ChartFrameOptions } from './frame.ts';

/** Move-ins, exits, new need (Okabe–Ito blue, vermillion, green): the observed dots share the move-ins' colour. */
const FLOW_COLORS = ['#0072B2', '#D55E00', '#009E73'] as const;

export function flowsSpec(
	result: ProjectionResult,
	o: Partial<ChartFrameOptions> & { title?: string; observed?: readonly HistoryYear[] } = {}
): Plot.PlotOptions {
	const { observed: history, ...frame } = o;
	const observed = observedRows(history, result.baseYear, 'newTenants', 'Innflyttinger');
	const rows = [
		...observed,
		...result.years.flatMap((year, i) => [
			{ year, series: 'Innflyttinger', value: result.total.moveIns[i] ?? 0 },
			{ year, series: 'Utflyttinger', value: result.total.exits[i] ?? 0 },
			{ year, series: 'Nytt behov', value: result.total.newNeed[i] ?? 0 }
		])
	];
	const spec = frameOptions(
		{
			title: o.title ?? 'Innflyttinger, utflyttinger og nytt behov',
			subtitle:
				o.subtitle ??
				'Husstander per år. Gjennomstrømming = nye leietakere ÷ boliger (KOSTRA); botid = boliger ÷ nye leietakere',
			yLabel: 'Husstander per år',
			...resultSpan(result),
			...frame
		},
		[
			Plot.lineY(rows, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2.5, tip: true }),
			// Observed years (before T0): dots on the move-in line, outside the shaded projected period.
			...observedDots(observed, FLOW_COLORS[0]),
			Plot.ruleY([0])
		]
	);
	return {
		...spec,
		color: { domain: ['Innflyttinger', 'Utflyttinger', 'Nytt behov'], range: [...FLOW_COLORS], legend: true }
	};
}

/**
 * Gjennomstrømming over time in both definitions: over occupied dwellings and over all dwellings
 * (KOSTRA, incl. vacant). The botid equivalents are in the tips and the subtitle: botid = 100 ÷ %.
 */
export function turnoverSpec(result: ProjectionResult, o: Partial<ChartFrameOptions> & { title?: string } = {}): Plot.PlotOptions {
	const occupied = 'Over bebodde boliger';
	const all = 'Over alle boliger (KOSTRA, inkl. ledige)';
	const rows = result.years.flatMap((year, i) => [
		{ year, series: occupied, value: result.total.turnoverPct[i] ?? 0, botid: result.total.botidEstimated[i] ?? 0 },
		{ year, series: all, value: result.total.turnoverAllDwellingsPct[i] ?? 0, botid: result.total.botidAllDwellings[i] ?? 0 }
	]);
	const spec = frameOptions(
		{
			title: o.title ?? 'Gjennomstrømming og botid',
			subtitle:
				o.subtitle ??
				'Nye leietakere i året i % av boligene. Beregnet botid = 100 ÷ gjennomstrømming (12,5 % ≙ 8 år)',
			yLabel: 'Gjennomstrømming (%)',
			yTickFormat: percentTick,
			...resultSpan(result),
			...o
		},
		[
			Plot.lineY(rows, {
				x: 'year',
				y: 'value',
				stroke: 'series',
				strokeWidth: 2.5,
				channels: { 'Botid (år)': 'botid' },
				tip: { format: { x: (d: number) => String(d), y: (d: number) => `${d.toFixed(1).replace('.', ',')} %`, 'Botid (år)': (d: number) => d.toFixed(1).replace('.', ',') } }
			}),
			Plot.ruleY([0])
		]
	);
	return { ...spec, color: { domain: [occupied, all], range: ['#0072B2', '#D55E00'], legend: true } };
}
