/**
 * Hindcast: what the model, calibrated on an earlier observed year, gives for the years up to the
 * base year, beside what the kommune observed. Observed values are solid lines with dots; the
 * model's are dashed. One colour per measure (waiting list, new tenant households).
 */
import * as Plot from '@observablehq/plot';
import type { Hindcast, HindcastMeasure } from '#lib/core/history/hindcast.ts';
import { HINDCAST_MEASURE_LABELS } from '#lib/core/history/hindcast.ts';
import type { HistoryYear } from '#lib/core/model/base-data.ts';
import { topAxisMargin, yearAxis, yearMarker } from './frame.ts';
import { formatCount } from '#lib/core/text/number-format.ts';

const MEASURES: readonly HindcastMeasure[] = ['waiting', 'newTenants'];
/** Tips: the year without a thousands separator, the value rounded. */
const TIP_FORMAT = { x: (d: number) => String(d), y: (d: number) => formatCount(Math.round(d)), stroke: false, fill: false, z: false } as const;
const MEASURE_COLORS: Readonly<Record<HindcastMeasure, string>> = { waiting: '#D55E00', newTenants: '#0072B2' };

export interface HindcastRow {
	year: number;
	series: string;
	source: 'Observert' | 'Modellen';
	value: number;
}

/** The rows the chart draws: observed from the calibration year, modelled after it (starting at the observed value). */
export function hindcastRows(h: Hindcast, observed: readonly HistoryYear[]): HindcastRow[] {
	const rows: HindcastRow[] = [];
	for (const m of MEASURES) {
		const series = HINDCAST_MEASURE_LABELS[m].name;
		for (const o of observed) {
			const v = o[m];
			if (o.year >= h.fromYear && o.year <= h.toYear && v !== undefined) rows.push({ year: o.year, series, source: 'Observert', value: v });
		}
		const start = observed.find((o) => o.year === h.fromYear)?.[m];
		if (start !== undefined) rows.push({ year: h.fromYear, series, source: 'Modellen', value: start });
		for (const p of h.points) if (p.measure === m) rows.push({ year: p.year, series, source: 'Modellen', value: p.modelled });
	}
	return rows;
}

export function hindcastSpec(
	h: Hindcast,
	observed: readonly HistoryYear[],
	o: { width?: number; height?: number; fontSize?: number; document?: Document } = {}
): Plot.PlotOptions {
	const rows = hindcastRows(h, observed);
	const observedRows = rows.filter((r) => r.source === 'Observert');
	const modelRows = rows.filter((r) => r.source === 'Modellen');
	return {
		title: `Tilbakeblikk: modellen kalibrert på ${h.fromYear} mot det som ble observert`,
		subtitle: 'Heltrukket med prikker: observert (KOSTRA). Stiplet: modellen. Husstander.',
		width: o.width ?? 560,
		height: o.height ?? 260,
		marginTop: topAxisMargin(o.fontSize ?? 13),
		marginLeft: 56,
		marginRight: 24,
		style: { fontSize: `${o.fontSize ?? 13}px`, fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif' },
		// Whole years only: the span is a few years, where the default ticks would give 2021.5.
		x: { ...yearAxis(), ticks: Array.from({ length: h.toYear - h.fromYear + 1 }, (_, i) => h.fromYear + i) },
		y: { label: 'Husstander', grid: true, zero: true, tickFormat: (d: number) => formatCount(d) },
		color: {
			domain: MEASURES.map((m) => HINDCAST_MEASURE_LABELS[m].name),
			range: MEASURES.map((m) => MEASURE_COLORS[m]),
			legend: true
		},
		marks: [
			...yearMarker(h.fromYear, `Kalibrert på ${h.fromYear}`, o.fontSize ?? 13),
			Plot.lineY(observedRows, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2.5 }),
			Plot.dot(observedRows, { x: 'year', y: 'value', fill: 'series', r: 3.5, tip: { format: TIP_FORMAT }, channels: { Størrelse: 'series', Kilde: 'source' } }),
			Plot.lineY(modelRows, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: '6,4', tip: { format: TIP_FORMAT }, channels: { Størrelse: 'series', Kilde: 'source' } }),
			Plot.ruleY([0])
		],
		...(o.document ? { document: o.document } : {})
	};
}
