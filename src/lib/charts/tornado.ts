/** Tornado chart: how far each uncertain assumption, alone from low to high, moves the required stock. */
import * as Plot from '@observablehq/plot';
import type { SensitivityResult } from '#lib/core/model/result.ts';
import { formatCount } from '#lib/core/text/number-format.ts';
import { bottomAxisMargin } from './frame.ts';

/** Below this width the labels go above their bars instead of beside them (a phone). */
export const TORNADO_NARROW_WIDTH = 560;

export interface TornadoOptions {
	title?: string;
	/** The width the chart is drawn at: the layout depends on it (PlotFigure passes the cell's width). */
	width?: number;
	/** The most height the chart may take (a slide); rows get thinner, never below one text line. */
	height?: number;
	fontSize?: number;
	document?: Document;
	maxBars?: number;
}

/** Plot wraps text at `lineWidth` ems; an average character is about half an em wide. */
const CHARS_PER_EM = 2;
/**
 * Plot measures the text it wraps with Helvetica-like widths; the fonts a browser actually uses
 * (DejaVu Sans, Segoe UI) run up to a fifth wider, so wrap a fifth early: a label is never cut.
 */
const WRAP_SAFETY = 0.8;

function linesFor(label: string, lineWidthEm: number): number {
	return Math.max(1, Math.ceil(label.length / (lineWidthEm * CHARS_PER_EM)));
}

export function tornadoSpec(sens: SensitivityResult, o: TornadoOptions = {}): Plot.PlotOptions {
	const bars = sens.bars.slice(0, o.maxBars ?? 10);
	const rows = bars.flatMap((b) => [
		{ label: b.label, end: 'Lav verdi', from: sens.baseline, to: b.outputAtLow },
		{ label: b.label, end: 'Høy verdi', from: sens.baseline, to: b.outputAtHigh }
	]);
	const width = o.width ?? 720;
	const fontSize = o.fontSize ?? 13;
	const lineHeight = fontSize * 1.2;
	const narrow = width < TORNADO_NARROW_WIDTH;
	const longest = Math.max(0, ...bars.map((b) => b.label.length));
	// Beside the bars the labels get up to 45 % of the width and wrap within it, so none is cut off
	// and the bars keep at least half the chart; above the bars they get the whole width.
	const marginLeft = narrow ? 8 : Math.round(Math.min(width * 0.45, 16 + (longest * fontSize) / CHARS_PER_EM));
	const marginRight = 24;
	const lineWidthEm = ((narrow ? width - marginLeft - marginRight : marginLeft - 12) / fontSize) * WRAP_SAFETY;
	const maxLines = Math.max(1, ...bars.map((b) => linesFor(b.label, lineWidthEm)));
	const marginTop = 12;
	const marginBottom = bottomAxisMargin(fontSize);
	// Beside: a row holds its label's lines. Above: a row holds the label and a bar of one line's height.
	const wantedRow = narrow ? maxLines * lineHeight + lineHeight + 10 : Math.max(34 * (fontSize / 13), maxLines * lineHeight + 8);
	const fitted = o.height ? (o.height - marginTop - marginBottom) / Math.max(1, bars.length) : wantedRow;
	const row = Math.max(narrow ? maxLines * lineHeight + 12 : lineHeight + 4, Math.min(wantedRow, fitted));
	// In the narrow layout the gap between bars (the band padding) is where the label goes.
	const padding = narrow ? Math.min(0.75, (maxLines * lineHeight + 4) / row) : 0.2;
	return {
		title: o.title ?? `Følsomhet: nødvendig boligmasse i ${sens.year}`,
		subtitle: `Hver forutsetning alene satt til lav og høy verdi; midtlinjen er ${formatCount(sens.baseline)} boliger`,
		width,
		height: Math.round(marginTop + marginBottom + bars.length * row),
		marginTop,
		marginBottom,
		marginLeft,
		marginRight,
		style: { fontSize: `${fontSize}px`, fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif' },
		x: {
			label: 'Boliger',
			labelAnchor: 'center',
			labelArrow: 'none',
			// Plot sets the label's baseline 3 px above the bottom edge, where the «g» of «Boliger» was cut off.
			labelOffset: marginBottom - 3 - Math.ceil(fontSize * 0.25),
			grid: true,
			tickFormat: (d: number) => formatCount(d),
			// At a projector's text size Plot's tick every 80 px put «240 242 244 …» shoulder to shoulder.
			...(fontSize > 16 ? { ticks: Math.max(3, Math.floor((width - marginLeft - marginRight) / (fontSize * 4))) } : {})
		},
		y: { label: null, domain: bars.map((b) => b.label), padding, ...(narrow ? { axis: null } : {}) },
		color: { domain: ['Lav verdi', 'Høy verdi'], range: ['#56B4E9', '#D55E00'], legend: true },
		marks: [
			Plot.barX(rows, { y: 'label', x1: 'from', x2: 'to', fill: 'end', tip: true }),
			Plot.ruleX([sens.baseline], { stroke: '#1f1f1f' }),
			narrow
				? Plot.text(bars, {
						y: 'label',
						text: 'label',
						frameAnchor: 'left',
						textAnchor: 'start',
						lineAnchor: 'bottom',
						lineWidth: lineWidthEm,
						dy: -((row * (1 - padding)) / 2) - 2,
						fill: '#1f1f1f'
					})
				: Plot.axisY({ lineWidth: lineWidthEm, tickSize: 0, label: null })
		],
		...(o.document ? { document: o.document } : {})
	};
}
