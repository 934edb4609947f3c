/** Tornado chart: how far each uncertain assumption, alone from low to high, moves the required stock. */
import * as Plot from '@observablehq/plot';
import type { SensitivityResult } from '#lib/core/model/result.ts';
import { formatCount } from '#lib/core/text/number-format.ts';

export function tornadoSpec(
	sens: SensitivityResult,
	o: { title?: string; width?: number; height?: number; fontSize?: number; document?: Document; maxBars?: number } = {}
): Plot.PlotOptions {
	const bars = sens.bars.slice(0, o.maxBars ?? 10);
	const rows = bars.flatMap((b) => [
		{ label: b.label, end: 'Lav verdi', from: sens.baseline, to: b.outputAtLow },
		{ label: b.label, end: 'Høy verdi', from: sens.baseline, to: b.outputAtHigh }
	]);
	return {
		title: o.title ?? `Følsomhet: nødvendig boligmasse i ${sens.year}`,
		subtitle: `Hver forutsetning alene satt til lav og høy verdi; midtlinjen er ${formatCount(sens.baseline)} boliger`,
		width: o.width ?? 720,
		height: 60 + bars.length * 34,
		// Room for the longest label (about 7 px a character at 13 px), within reason.
		marginLeft: Math.min(460, Math.max(160, 16 + Math.max(0, ...bars.map((b) => b.label.length)) * 7 * ((o.fontSize ?? 13) / 13))),
		style: { fontSize: `${o.fontSize ?? 13}px`, fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif' },
		x: { label: 'Boliger', grid: true, tickFormat: (d: number) => formatCount(d) },
		y: { label: null, domain: bars.map((b) => b.label) },
		color: { domain: ['Lav verdi', 'Høy verdi'], range: ['#56B4E9', '#D55E00'], legend: true },
		marks: [
			Plot.barX(rows, { y: 'label', x1: 'from', x2: 'to', fill: 'end', tip: true }),
			Plot.ruleX([sens.baseline], { stroke: '#1f1f1f' })
		],
		...(o.document ? { document: o.document } : {})
	};
}
