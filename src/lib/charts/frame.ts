/**
 * What every time-series chart shares: year axis without thousands separator, nb-NO numbers on
 * the y axis, the base year marked and the projected years shaded, so an audience can tell
 * observed from projected at a glance.
 */
import * as Plot from '@observablehq/plot';
import { formatCount } from '#lib/core/text/number-format.ts';
import { COLORS } from './palette.ts';

export interface ChartFrameOptions {
	title: string;
	subtitle?: string;
	/** Appended to the subtitle: what a modelling choice does to the chart (core/report/chart-notes.ts). */
	subtitleNote?: string;
	caption?: string;
	yLabel: string;
	baseYear: number;
	lastYear: number;
	width?: number;
	height?: number;
	yTickFormat?: (d: number) => string;
	/** Text size in px for axes and labels: 13 on screen, larger on a projector. */
	fontSize?: number;
	/** jsdom/tests pass their document; the browser uses the global one. */
	document?: Document;
}

/**
 * Room below the plot for the tick labels and, under them, a centred axis label. Plot's default
 * puts the label at the right end of the tick row, where it ran into the last year ("År →" over
 * 2055); centred on its own line it can never touch a tick.
 */
export function bottomAxisMargin(fontSize: number): number {
	return Math.ceil(fontSize * 2.7 + 12);
}

export function yearAxis(): Plot.ScaleOptions {
	return { label: 'År', labelAnchor: 'center', labelArrow: 'none', tickFormat: (d: number) => String(d), ticks: 6 };
}

/** Shading of the projected period and a rule with a label at the base year. */
export function baseYearMarks(baseYear: number, lastYear: number): Plot.Markish[] {
	return [
		Plot.rectX([{ x1: baseYear, x2: lastYear }], {
			x1: 'x1',
			x2: 'x2',
			fill: '#000',
			fillOpacity: 0.035
		}),
		Plot.ruleX([baseYear], { stroke: COLORS.baseYear, strokeDasharray: '4,3' }),
		Plot.text([baseYear], {
			x: (d: number) => d,
			frameAnchor: 'top',
			dy: 2,
			dx: 4,
			textAnchor: 'start',
			text: () => `Basisår ${baseYear} (observert) → framskrevet`,
			fill: COLORS.baseYear,
			fontSize: 11
		})
	];
}

export function frameOptions(o: ChartFrameOptions, marks: Plot.Markish[]): Plot.PlotOptions {
	return {
		title: o.title,
		...(o.subtitle || o.subtitleNote ? { subtitle: [o.subtitle, o.subtitleNote].filter(Boolean).join('. ') } : {}),
		...(o.caption ? { caption: o.caption } : {}),
		width: o.width ?? 720,
		height: o.height ?? 360,
		// Room for «16,0» left of the plot and half of «2055» right of it: fixed for 13 px text, they
		// cut the tick labels off at a projector's text size.
		marginLeft: Math.max(56, Math.ceil((o.fontSize ?? 13) * 3.3)),
		marginRight: Math.max(24, Math.ceil((o.fontSize ?? 13) * 1.4)),
		marginBottom: bottomAxisMargin(o.fontSize ?? 13),
		style: { fontSize: `${o.fontSize ?? 13}px`, fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif' },
		x: yearAxis(),
		y: { label: o.yLabel, grid: true, tickFormat: o.yTickFormat ?? ((d: number) => formatCount(d)) },
		marks: [...baseYearMarks(o.baseYear, o.lastYear), ...marks],
		...(o.document ? { document: o.document } : {})
	};
}
