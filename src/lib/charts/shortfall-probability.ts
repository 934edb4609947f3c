/**
 * P(required stock > planned stock) for every year, from the Monte Carlo run (issue 10 item 9):
 * the chance that the planned stock does not hold. The key figure gives it for one year; this
 * chart shows when it rises. The same numbers as the table column and the key figures'
 * by-year list (report/key-figures.ts, probabilityByYear).
 */
import * as Plot from '@observablehq/plot';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';
import { probabilityByYear } from '#lib/core/report/key-figures.ts';
import { formatCount, formatPercent } from '#lib/core/text/number-format.ts';
import { frameOptions, percentTick, resultSpan, type ChartFrameOptions } from './frame.ts';
import { COLORS } from './palette.ts';

/** Legend text of the one series (the colour is COLORS.required: the same risk as the shaded gap). */
export const SHORTFALL_LEGEND = 'Sannsynlighet for at nødvendig bestand er større enn planlagt';

export function shortfallProbabilitySpec(
	result: ProjectionResult,
	mc: MonteCarloResult,
	o: Partial<ChartFrameOptions> & { title?: string } = {}
): Plot.PlotOptions {
	const rows = (probabilityByYear(result, mc) ?? []).map((p) => ({ ...p, series: SHORTFALL_LEGEND }));
	const spec = frameOptions(
		{
			title: o.title ?? 'Sannsynlighet for at planlagt bestand ikke holder',
			subtitle:
				o.subtitle ??
				`Andel av ${formatCount(mc.draws)} simuleringer der nødvendig bestand er større enn planlagt, hvert år`,
			yLabel: 'Sannsynlighet (%)',
			yTickFormat: percentTick,
			yTickChars: '100 %'.length,
			...resultSpan(result),
			// One line on a fixed 0–100 % scale reads well at two thirds of the usual height (and the
			// printed report keeps its length).
			height: 240,
			...o
		},
		[
			Plot.areaY(rows, { x: 'year', y: 'pct', fill: COLORS.required, fillOpacity: COLORS.shadeOpacity }),
			Plot.lineY(rows, {
				x: 'year',
				y: 'pct',
				stroke: 'series',
				strokeWidth: 2.5,
				tip: { format: { x: (d: number) => String(d), y: (d: number) => formatPercent(d), stroke: false } }
			}),
			// A dot per year: the value is a yearly figure, not a continuous curve.
			Plot.dot(rows, { x: 'year', y: 'pct', fill: 'series', r: 2.5 }),
			// Even odds: above the line a shortfall is more likely than not.
			Plot.ruleY([50], { stroke: COLORS.baseYear, strokeDasharray: '2,3' }),
			Plot.ruleY([0])
		]
	);
	return {
		...spec,
		y: { ...spec.y, domain: [0, 100] },
		color: { domain: [SHORTFALL_LEGEND], range: [COLORS.required], legend: true }
	};
}
