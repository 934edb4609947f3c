/**
 * What every time-series chart shares: year axis without thousands separator, nb-NO numbers on
 * the y axis, the base year marked and the projected years shaded, so an audience can tell
 * observed from projected at a glance.
 */
import * as Plot from '@observablehq/plot';
import { formatCount } from '#lib/core/text/number-format.ts';
import type { HistoryYear } from '#lib/core/model/base-data.ts';
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
	/** Characters in the widest y tick label: 4 («16,0», «250») unless a chart says otherwise («100 %» is 5). */
	yTickChars?: number;
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

/**
 * Room above the plot for two rows: Plot's y-axis label («↑ Boliger») at the top of the chart, a
 * year marker's label under it, just over the frame. Inside the plot the marker's label ran into the
 * data (the first bar of «Investering per år» reaches the top of the frame); above the frame
 * nothing is drawn that it could touch.
 */
/** One series' observed years before T0 (BaseData.history), as rows of a line that goes on into the projection. */
export function observedRows(
	history: readonly HistoryYear[] | undefined,
	baseYear: number,
	field: 'newTenants' | 'dwellings',
	series: string
): { year: number; series: string; value: number }[] {
	return (history ?? [])
		.filter((h) => h.year < baseYear && h[field] !== undefined)
		.map((h) => ({ year: h.year, series, value: h[field] as number }))
		.sort((a, b) => a.year - b.year);
}

/** Dots on the observed part of a line, named «Observert» in their tip: no dots when nothing was observed. */
export function observedDots(rows: readonly { year: number; value: number }[], fill: string): Plot.Markish[] {
	return rows.length > 0 ? [Plot.dot(rows, { x: 'year', y: 'value', fill, r: 3, tip: true, title: () => 'Observert' })] : [];
}

/** Tick labels of a percentage axis in nb-NO ("12,5 %"). */
export function percentTick(d: number): string {
	return `${d.toLocaleString('nb-NO')} %`;
}

/**
 * Room left of the plot for y tick labels of `chars` characters (about 0.6 em each in the system
 * font) and the tick: 3.3 em for «16,0». «100 %» needs 3.9 em: at 18 px the shortfall chart's «1»
 * was cut off on a slide.
 */
export function leftAxisMargin(fontSize: number, chars = 4): number {
	return Math.max(56, Math.ceil(fontSize * (0.6 * chars + 0.9)));
}

export function topAxisMargin(fontSize: number): number {
	return Math.ceil(fontSize * 2.6 + 6);
}

/** Text size of a year marker's label: a little under the axis text, never under 11 px. */
function markerFontSize(fontSize: number): number {
	return Math.max(11, Math.round(fontSize * 0.85));
}

/**
 * A dashed rule at `year` and its label in the top margin's lower row (see topAxisMargin), starting
 * at the rule. The plot needs `marginTop: topAxisMargin(fontSize)`.
 */
export function yearMarker(year: number, label: string, fontSize = 13): Plot.Markish[] {
	return [
		Plot.ruleX([year], { stroke: COLORS.baseYear, strokeDasharray: '4,3' }),
		Plot.text([year], {
			x: (d: number) => d,
			frameAnchor: 'top',
			lineAnchor: 'bottom',
			dy: -Math.ceil(fontSize * 0.35),
			textAnchor: 'start',
			text: () => label,
			fill: COLORS.baseYear,
			fontSize: markerFontSize(fontSize)
		})
	];
}

/** Shading of the projected period and a rule with a label at the base year. */
export function baseYearMarks(baseYear: number, lastYear: number, fontSize = 13): Plot.Markish[] {
	return [
		Plot.rectX([{ x1: baseYear, x2: lastYear }], {
			x1: 'x1',
			x2: 'x2',
			fill: '#000',
			fillOpacity: COLORS.projectedOpacity
		}),
		...yearMarker(baseYear, `Basisår ${baseYear} (observert) → framskrevet`, fontSize)
	];
}

/**
 * Plot puts a y tick every 35 px, right for 13 px text; at a projector's 26 px the labels touched
 * (0, 20, 40 … 360 on a 1080 px slide). From 16 px up, one tick is asked for every 3.5 lines:
 * Plot rounds to 1-2-5 steps and may give up to about twice as many, still 1.5 lines apart.
 */
function yTicks(o: ChartFrameOptions): { ticks?: number } {
	const fontSize = o.fontSize ?? 13;
	if (fontSize <= 16) return {};
	const plotHeight = (o.height ?? 360) - topAxisMargin(fontSize) - bottomAxisMargin(fontSize);
	return { ticks: Math.max(3, Math.floor(plotHeight / (fontSize * 3.5))) };
}

/** The span a chart of a result shades and marks: its base year and its last projected year. */
export function resultSpan(result: { baseYear: number; years: readonly number[] }): Pick<ChartFrameOptions, 'baseYear' | 'lastYear'> {
	return { baseYear: result.baseYear, lastYear: result.years.at(-1) ?? result.baseYear };
}

export function frameOptions(o: ChartFrameOptions, marks: Plot.Markish[]): Plot.PlotOptions {
	return {
		title: o.title,
		...(o.subtitle || o.subtitleNote ? { subtitle: [o.subtitle, o.subtitleNote].filter(Boolean).join('. ') } : {}),
		...(o.caption ? { caption: o.caption } : {}),
		width: o.width ?? 720,
		height: o.height ?? 360,
		// Room for the widest y tick label left of the plot and half of «2055» right of it: fixed for
		// 13 px text, they cut the tick labels off at a projector's text size.
		marginLeft: leftAxisMargin(o.fontSize ?? 13, o.yTickChars),
		marginRight: Math.max(24, Math.ceil((o.fontSize ?? 13) * 1.4)),
		marginTop: topAxisMargin(o.fontSize ?? 13),
		marginBottom: bottomAxisMargin(o.fontSize ?? 13),
		style: { fontSize: `${o.fontSize ?? 13}px`, fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif' },
		x: yearAxis(),
		y: { label: o.yLabel, grid: true, tickFormat: o.yTickFormat ?? ((d: number) => formatCount(d)), ...yTicks(o) },
		marks: [...baseYearMarks(o.baseYear, o.lastYear, o.fontSize ?? 13), ...marks],
		...(o.document ? { document: o.document } : {})
	};
}
