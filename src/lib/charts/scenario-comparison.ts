/** Required stock of several scenarios on one chart. */
import * as Plot from '@observablehq/plot';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { frameOptions, type ChartFrameOptions } from './frame.ts';

/** Distinct line styles as well as colours, so scenarios can be told apart in greyscale print. */
const SCENARIO_COLORS = ['#1f1f1f', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];

export function scenarioComparisonSpec(
	runs: { name: string; result: ProjectionResult }[],
	o: Partial<ChartFrameOptions> & { title?: string } = {}
): Plot.PlotOptions {
	const first = runs[0]?.result;
	const rows = runs.flatMap(({ name, result }) =>
		result.years.map((year, i) => ({ year, scenario: name, value: result.total.requiredStock[i] ?? 0 }))
	);
	const spec = frameOptions(
		{
			title: o.title ?? 'Scenarioer sammenlignet: nødvendig boligmasse',
			subtitle: o.subtitle ?? 'Boliger som trengs for å dekke behovet, med mål for ledighet',
			yLabel: 'Boliger',
			baseYear: first?.baseYear ?? 0,
			lastYear: first?.years.at(-1) ?? 0,
			...o
		},
		[Plot.lineY(rows, { x: 'year', y: 'value', stroke: 'scenario', strokeWidth: 2.5, tip: true }), Plot.ruleY([0])]
	);
	return {
		...spec,
		color: { domain: runs.map((r) => r.name), range: SCENARIO_COLORS.slice(0, Math.max(1, runs.length)), legend: true }
	};
}
