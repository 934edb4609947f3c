/** The Monte Carlo fan of required stock: P5–P95 and P25–P75 around the median, planned stock as a line. */
import * as Plot from '@observablehq/plot';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';
import { formatCount } from '#lib/core/text/number-format.ts';
import { frameOptions, resultSpan, type ChartFrameOptions } from './frame.ts';
import { COLORS } from './palette.ts';

export function fanRows(mc: MonteCarloResult, key = 'total.requiredStock') {
	const b = mc.bands[key];
	if (!b) return [];
	return mc.years.map((year, i) => ({
		year,
		p5: b[5][i] ?? 0,
		p25: b[25][i] ?? 0,
		p50: b[50][i] ?? 0,
		p75: b[75][i] ?? 0,
		p95: b[95][i] ?? 0
	}));
}

export function monteCarloFanSpec(
	result: ProjectionResult,
	mc: MonteCarloResult,
	o: Partial<ChartFrameOptions> & { title?: string } = {}
): Plot.PlotOptions {
	const rows = fanRows(mc);
	const planned = result.years.map((year, i) => ({ year, planned: result.total.plannedStock[i] ?? 0 }));
	const spec = frameOptions(
		{
			title: o.title ?? 'Usikkerhet: nødvendig boligmasse',
			subtitle:
				o.subtitle ??
				`${formatCount(mc.draws)} simuleringer (frø ${mc.seed})`,
			yLabel: 'Boliger',
			...resultSpan(result),
			...o
		},
		[
			Plot.areaY(rows, { x: 'year', y1: 'p5', y2: 'p95', fill: () => FAN_LEGEND.outer }),
			Plot.areaY(rows, { x: 'year', y1: 'p25', y2: 'p75', fill: () => FAN_LEGEND.inner }),
			// The pale bands are told apart by their edges (WCAG 1.4.11: 3:1 against white and both
			// bands; palette.ts): the 90 % band's dotted, the 50 % band's solid.
			...(['p5', 'p95'] as const).map((y) => Plot.lineY(rows, { x: 'year', y, stroke: COLORS.bandEdge, strokeWidth: 1, strokeDasharray: '2,2' })),
			...(['p25', 'p75'] as const).map((y) => Plot.lineY(rows, { x: 'year', y, stroke: COLORS.bandEdge, strokeWidth: 1 })),
			Plot.lineY(rows, { x: 'year', y: 'p50', stroke: () => FAN_LEGEND.median, strokeWidth: 2.5, tip: true }),
			Plot.lineY(planned, { x: 'year', y: 'planned', stroke: () => FAN_LEGEND.planned, strokeDasharray: '6,4', strokeWidth: 2 }),
			Plot.ruleY([0])
		]
	);
	// Every mark has a legend entry, the dashed planned-stock line included.
	return { ...spec, color: { domain: Object.values(FAN_LEGEND), range: [COLORS.bandOuter, COLORS.bandInner, COLORS.band, COLORS.planned], legend: true } };
}

/** Legend text of the fan's marks (the colours are in palette.ts). */
export const FAN_LEGEND = {
	outer: '90 % sannsynlig (P5–P95)',
	inner: '50 % sannsynlig (P25–P75)',
	median: 'Median',
	planned: 'Planlagt bestand (stiplet)'
} as const;
