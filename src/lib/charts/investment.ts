/**
 * "Investering per år": the plan's net investment (after grants, sale income and repaid grants)
 * per year, stacked by measure, with the yearly net cost as a line and, when the cost figures
 * have ranges, its P10–P90 band. Millions of kroner at fixed prices of the base year.
 */
import * as Plot from '@observablehq/plot';
import type { MeasureKind } from '#lib/core/model/plan.ts';
import { MEASURE_KINDS } from '#lib/core/model/plan.ts';
import type { PlanBudget } from '#lib/core/plan/budget.ts';
import { MEASURE_LABELS } from '#lib/core/plan/measures.ts';
import type { CostFan } from '#lib/core/plan/uncertainty.ts';
import { formatDecimal } from '#lib/core/text/number-format.ts';
import type { SensitivityResult } from '#lib/core/model/result.ts';
import { frameOptions, type ChartFrameOptions } from './frame.ts';
import { tornadoSpec, type TornadoOptions } from './tornado.ts';
import { COLORS } from './palette.ts';

/** Okabe–Ito colours per measure, distinct from the group colours' meaning. */
const MEASURE_COLORS: Readonly<Record<MeasureKind, string>> = {
	nybygg: '#0072B2',
	kjop: '#E69F00',
	innleie: '#009E73',
	tilvisning: '#56B4E9',
	konvertering: '#CC79A7',
	salg: '#999999',
	'avsluttet-innleie': '#F0E442'
};

const NET_COST = 'Årlig nettokostnad';

export function investmentSpec(
	budget: PlanBudget,
	baseYear: number,
	o: Partial<ChartFrameOptions> & { title?: string; fan?: CostFan | null } = {}
): Plot.PlotOptions {
	const mill = (x: number) => x / 1e6;
	const bars = MEASURE_KINDS.flatMap((k) =>
		budget.years.map((year, i) => ({ year, measure: MEASURE_LABELS[k], value: mill(budget.byKind[k].netInvestment[i] ?? 0) }))
	).filter((d) => Math.abs(d.value) > 1e-9);
	const kinds = MEASURE_KINDS.filter((k) => bars.some((d) => d.measure === MEASURE_LABELS[k]));
	const cost = budget.years.map((year, i) => ({ year, value: mill(budget.total.netCost[i] ?? 0) }));
	const fan = o.fan?.uncertain ? o.fan : null;
	const band = fan ? fan.years.map((year, i) => ({ year, p10: mill(fan.netCost.p10[i] ?? 0), p90: mill(fan.netCost.p90[i] ?? 0) })) : [];
	const spec = frameOptions(
		{
			title: o.title ?? 'Investering per år',
			subtitle:
				o.subtitle ??
				`Netto investering etter tilskudd per tiltak (søyler) og årlig nettokostnad (linje${fan ? ', skravert 80 % sannsynlig' : ''}), mill. kr i faste ${baseYear}-kroner`,
			yLabel: 'Mill. kr',
			baseYear,
			lastYear: budget.years.at(-1) ?? baseYear,
			yTickFormat: (d: number) => formatDecimal(d),
			...o
		},
		[
			// Bars centred on the year on the shared linear year axis (stacked per year by x1).
			Plot.rectY(bars, { x1: (d: { year: number }) => d.year - 0.4, x2: (d: { year: number }) => d.year + 0.4, y: 'value', fill: 'measure', tip: true }),
			...(fan
				? [
						Plot.areaY(band, { x: 'year', y1: 'p10', y2: 'p90', fill: COLORS.required, fillOpacity: COLORS.shadeOpacity }),
						// Its edges carry the band (WCAG 1.4.11: the pale fill alone is under 3:1).
						...(['p10', 'p90'] as const).map((y) => Plot.lineY(band, { x: 'year', y, stroke: COLORS.costBandEdge, strokeWidth: 1, strokeDasharray: '2,2' }))
					]
				: []),
			Plot.lineY(cost, { x: 'year', y: 'value', stroke: COLORS.required, strokeWidth: 2.5, tip: true, title: (d: { value: number }) => `${NET_COST}: ${formatDecimal(d.value)} mill. kr` }),
			Plot.ruleY([0])
		]
	);
	return {
		...spec,
		color: { domain: kinds.map((k) => MEASURE_LABELS[k]), range: kinds.map((k) => MEASURE_COLORS[k]), legend: true }
	};
}

/**
 * The tornado of cost figures (core/plan/sensitivity.ts), mill. kr: the present value of the plan
 * (output 'plan.presentValue', the plan cell) or the yearly net cost in the year ('plan.netCost',
 * the tornado cell).
 */
export function costTornadoSpec(sens: SensitivityResult, baseYear: number, o: TornadoOptions = {}): Plot.PlotOptions {
	const title = sens.output === 'plan.netCost' ? `Følsomhet: årlig nettokostnad i tiltaksplanen i ${sens.year}` : 'Følsomhet: nåverdi av planens kostnader';
	const spec = tornadoSpec(sens, { title, ...o });
	return {
		...spec,
		subtitle: `Hvert kostnadstall alene satt til lav og høy verdi; midtlinjen er ${formatDecimal(sens.baseline)} mill. kr (faste ${baseYear}-kroner)`,
		x: { label: 'Mill. kr', grid: true, tickFormat: (d: number) => formatDecimal(d) }
	};
}
