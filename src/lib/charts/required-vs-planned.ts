/**
 * Required stock against planned stock, with the gap shaded. With `observed` (the notebook's
 * history, BaseData.history) the stock line starts in the observed years before T0, marked with
 * dots and left of the shaded projected period: one line per series through observed and projected.
 */
import * as Plot from '@observablehq/plot';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { frameOptions, observedDots, observedRows, resultSpan, type ChartFrameOptions } from './frame.ts';
import { COLORS } from './palette.ts';
import type { HistoryYear } from '#lib/core/model/base-data.ts';

export function requiredVsPlannedSpec(
	result: ProjectionResult,
	o: Partial<ChartFrameOptions> & { title?: string; observed?: readonly HistoryYear[] } = {}
): Plot.PlotOptions {
	const { observed: history, ...frame } = o;
	const observed = observedRows(history, result.baseYear, 'dwellings', 'Planlagt bestand');
	const rows = result.years.map((year, i) => ({
		year,
		required: result.total.requiredStock[i] ?? 0,
		planned: result.total.plannedStock[i] ?? 0
	}));
	const lines = [
		...rows.map((r) => ({ year: r.year, series: 'Nødvendig bestand', value: r.required })),
		...observed,
		...rows.map((r) => ({ year: r.year, series: 'Planlagt bestand', value: r.planned }))
	];
	const last = rows.at(-1);
	const spec = frameOptions(
		{
			title: o.title ?? 'Nødvendig og planlagt boligmasse',
			subtitle:
				o.subtitle ??
				(result.mode === 'need' ? 'Behov ÷ (1 − mål for ledighet); skravert: manglende boliger' : 'Kapasitetsmodus'),
			yLabel: 'Boliger',
			...resultSpan(result),
			...frame
		},
		[
			// Shade only the shortage (required above planned), as the subtitle says.
			Plot.areaY(rows, { x: 'year', y1: 'planned', y2: (d: { planned: number; required: number }) => Math.max(d.planned, d.required), fill: COLORS.gap, fillOpacity: COLORS.shadeOpacity }),
			// Planned stock dashed, so the two lines differ in print without colour too.
			Plot.lineY(
				lines.filter((d) => d.series === 'Nødvendig bestand'),
				{ x: 'year', y: 'value', stroke: 'series', strokeWidth: 2.5, tip: true }
			),
			Plot.lineY(
				lines.filter((d) => d.series === 'Planlagt bestand'),
				{ x: 'year', y: 'value', stroke: 'series', strokeWidth: 2.5, strokeDasharray: '6,4', tip: true }
			),
			// Observed years (before T0): dots on the stock line, outside the shaded projected period.
			...observedDots(observed, COLORS.planned),
			...(last
				? [
						// The higher line's label above it, the lower's below: when the lines end close
						// together (a stock that just meets the need) the two labels must not overprint.
						Plot.text([{ year: last.year, value: last.required, label: 'Nødvendig' }], {
							x: 'year',
							y: 'value',
							text: 'label',
							dx: -4,
							dy: last.required >= last.planned ? -8 : 12,
							textAnchor: 'end',
							fontWeight: 600
						}),
						Plot.text([{ year: last.year, value: last.planned, label: 'Planlagt' }], {
							x: 'year',
							y: 'value',
							text: 'label',
							dx: -4,
							dy: last.required >= last.planned ? 12 : -8,
							textAnchor: 'end',
							fontWeight: 600
						})
					]
				: []),
			Plot.ruleY([0])
		]
	);
	return {
		...spec,
		color: { domain: ['Nødvendig bestand', 'Planlagt bestand'], range: [COLORS.required, COLORS.planned], legend: true }
	};
}
