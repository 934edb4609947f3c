/** Need (households in or waiting for a municipal dwelling) per target group, stacked. */
import * as Plot from '@observablehq/plot';
import { GROUP_IDS, GROUP_SHORT_LABELS } from '#lib/core/model/groups.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { frameOptions, resultSpan, type ChartFrameOptions } from './frame.ts';
import { groupColorScale } from './palette.ts';

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
			Plot.areaY(rows, { x: 'year', y: 'need', fill: 'group', order: groupColorScale.domain, tip: true }),
			Plot.ruleY([0])
		]
	);
	return { ...spec, color: { ...groupColorScale, legend: true } };
}
