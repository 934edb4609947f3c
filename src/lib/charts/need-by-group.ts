/** Need (households in or waiting for a municipal dwelling) per target group, stacked. */
import * as Plot from '@observablehq/plot';
import { GROUP_IDS, GROUP_SHORT_LABELS } from '#lib/core/model/groups.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { frameOptions, resultSpan, type ChartFrameOptions } from './frame.ts';
import { COLORS, groupColorScale } from './palette.ts';

export interface NeedRow {
	year: number;
	group: string;
	need: number;
}

export function needByGroupRows(result: ProjectionResult): NeedRow[] {
	return GROUP_IDS.flatMap((g) =>
		result.years.map((year, i) => ({ year, group: GROUP_SHORT_LABELS[g], need: result.groups[g].need[i] ?? 0 }))
	);
}

export function needByGroupSpec(
	result: ProjectionResult,
	o: Partial<ChartFrameOptions> & { title?: string } = {}
): Plot.PlotOptions {
	const rows = needByGroupRows(result);
	const spec = frameOptions(
		{
			title: o.title ?? 'Behov per målgruppe',
			subtitle: o.subtitle ?? 'Husstander som bor i eller venter på kommunal bolig',
			yLabel: 'Husstander',
			...resultSpan(result),
			...o
		},
		[
			// Outlined: neighbouring group colours are under 3:1 against each other (palette.ts).
			Plot.areaY(rows, {
				x: 'year',
				y: 'need',
				fill: 'group',
				order: groupColorScale.domain,
				stroke: COLORS.groupSeparator,
				strokeWidth: 1,
				tip: true
			}),
			Plot.ruleY([0])
		]
	);
	return { ...spec, color: { ...groupColorScale, legend: true } };
}
