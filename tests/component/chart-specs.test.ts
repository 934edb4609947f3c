/**
 * Every chart kind drawn by Observable Plot from a fixed result, as an SVG snapshot: a change in a
 * chart shows up as a reviewable diff (one beautified file per chart in __snapshots__/charts/, one
 * element a line, as Plot keeps its own test output). Also checks what a projector audience needs: Norwegian
 * title, axis labels with units, the base year marked, the group colours fixed.
 */
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { runMonteCarlo, runProjection, runSensitivity } from '#lib/core/engine/index.ts';
import { needByGroupSpec } from '#lib/charts/need-by-group.ts';
import { requiredVsPlannedSpec } from '#lib/charts/required-vs-planned.ts';
import { flowsSpec, turnoverSpec } from '#lib/charts/flows.ts';
import { monteCarloFanSpec } from '#lib/charts/monte-carlo-fan.ts';
import { SHORTFALL_LEGEND, shortfallProbabilitySpec } from '#lib/charts/shortfall-probability.ts';
import { scenarioComparisonSpec } from '#lib/charts/scenario-comparison.ts';
import { tornadoSpec } from '#lib/charts/tornado.ts';
import { COLORS, GROUP_COLORS } from '#lib/charts/palette.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { exampleInput } from '../unit/engine/fixtures.ts';
import { beautifyMarkup } from './support/beautify-markup.ts';

const input = exampleInput('need', 20);
const result = runProjection(input);
const mc = runMonteCarlo(input, { draws: 200, seed: 7 })!;
const sens = runSensitivity(input, { year: input.base.baseYear + 10, output: 'total.requiredStock' });

function draw(spec: Plot.PlotOptions): Element {
	return Plot.plot({ ...spec, document }) as Element;
}

const specs: [string, Plot.PlotOptions][] = [
	['need-by-group', needByGroupSpec(result)],
	['required-vs-planned', requiredVsPlannedSpec(result)],
	['flows', flowsSpec(result)],
	['turnover', turnoverSpec(result)],
	['monte-carlo-fan', monteCarloFanSpec(result, mc)],
	['shortfall-probability', shortfallProbabilitySpec(result, mc)],
	['scenario-comparison', scenarioComparisonSpec([{ name: 'Basis', result }, { name: 'Variant', result: runProjection({ ...input, scenario: { ...input.scenario, vacancyTargetPct: { value: 8 } } }) }])],
	['tornado', tornadoSpec(sens)]
];

describe('chart specs', () => {
	it.each(specs)('%s draws a titled figure with a legend (SVG snapshot)', async (name, spec) => {
		const el = draw(spec);
		// With a title or legend Plot returns a <figure>, not an <svg>: export must handle that.
		expect(el.tagName.toLowerCase()).toBe('figure');
		expect(el.querySelector('h2')?.textContent).toMatch(/\p{L}/u);
		expect(el.querySelector('svg')).not.toBeNull();
		await expect(beautifyMarkup(el.outerHTML)).toMatchFileSnapshot(`./__snapshots__/charts/${name}.html`);
	});

	it.each(specs.filter(([n]) => n !== 'tornado'))('%s marks the base year and labels the axes in Norwegian', (_, spec) => {
		const el = draw(spec);
		expect(el.textContent).toContain(`Basisår ${result.baseYear}`);
		expect(el.textContent).toContain('År');
		// Years print without a thousands separator.
		expect(el.textContent).not.toMatch(/2[ ,.\u00a0]0[0-9]{2}/);
	});

	it('uses the fixed colour of each group', () => {
		const html = draw(needByGroupSpec(result)).outerHTML;
		for (const c of Object.values(GROUP_COLORS)) expect(html.toLowerCase()).toContain(c.toLowerCase());
	});

	it('outlines every group area in the separator colour (neighbouring colours are under 3:1)', () => {
		const areas = [...draw(needByGroupSpec(result)).querySelectorAll('svg [aria-label="area"] path')];
		expect(areas).toHaveLength(GROUP_IDS.length);
		for (const a of areas) {
			const stroke = a.getAttribute('stroke') ?? a.parentElement?.getAttribute('stroke');
			expect(stroke?.toLowerCase()).toBe(COLORS.groupSeparator);
		}
	});

	it.each(specs.filter(([n]) => n !== 'tornado'))('%s centres the year label below the ticks, clear of the last year', (_, spec) => {
		const svg = draw(spec).querySelector(':scope > svg')!;
		const label = [...svg.querySelectorAll('text')].find((t) => t.textContent === 'År');
		expect(label, 'a year axis label').toBeDefined();
		expect(label!.closest('[text-anchor]')?.getAttribute('text-anchor') ?? label!.getAttribute('text-anchor')).toBe('middle');
		const width = Number(svg.getAttribute('width'));
		const x = Number(/translate\(([\d.]+)/.exec(label!.getAttribute('transform') ?? '')?.[1]);
		expect(Math.abs(x - width / 2)).toBeLessThan(width * 0.15);
	});

	it('starts the flows chart\'s move-in line in the observed years before T0, marked with dots', () => {
		const t0 = result.baseYear;
		const observed = [
			{ year: t0 - 2, newTenants: 31 },
			{ year: t0 - 3, newTenants: 29 },
			{ year: t0 - 1, dwellings: 200 },
			{ year: t0, newTenants: 99 }
		];
		const svg = draw(flowsSpec(result, { observed })).querySelector(':scope > svg')!;
		// Two dots: the years before T0 that report new tenant households (T0 is the projection's own).
		const dots = [...svg.querySelectorAll('circle')];
		expect(dots).toHaveLength(2);
		// At two different years (the third row before T0 has no new tenants, T0 is the projection's own).
		expect(new Set(dots.map((c) => c.getAttribute('cx'))).size).toBe(2);
		// Without a history the chart is as before: no dots.
		expect(draw(flowsSpec(result)).querySelectorAll('circle')).toHaveLength(0);
	});

	it('gives every mark of the fan chart a legend entry, the dashed planned stock included', () => {
		const text = draw(monteCarloFanSpec(result, mc)).textContent ?? '';
		for (const entry of ['90 % sannsynlig', '50 % sannsynlig', 'Median', 'Planlagt bestand']) expect(text).toContain(entry);
	});

	it('keeps the end labels of required and planned stock apart when the lines end together', () => {
		const meets = { ...result, total: { ...result.total, plannedStock: Float64Array.from(result.total.requiredStock) } };
		const svg = draw(requiredVsPlannedSpec(meets)).querySelector(':scope > svg')!;
		const labelY = (label: string) => {
			const t = [...svg.querySelectorAll('text')].find((x) => x.textContent === label)!;
			// Plot places a text by its own translate(x,y) and shifts the mark's group by (dx,dy).
			const ty = (el: Element | null) => Number(/translate\([^,]+,\s*([-\d.]+)\)/.exec(el?.getAttribute('transform') ?? '')?.[1] ?? 0);
			return ty(t) + ty(t.parentElement);
		};
		// 13 px text: the baselines at least 18 px apart, so the words cannot overprint.
		expect(Math.abs(labelY('Nødvendig') - labelY('Planlagt'))).toBeGreaterThanOrEqual(18);
		expect(labelY('Nødvendig')).toBeLessThan(labelY('Planlagt'));
	});

	it('appends what a modelling choice does to the chart (a series rule) to the subtitle', () => {
		const el = draw(needByGroupSpec(result, { subtitleNote: 'Flyktninger etter 2028: null' }));
		expect(el.querySelector('h3')?.textContent).toBe('Husstander som bor i eller venter på kommunal bolig. Flyktninger etter 2028: null');
		expect(draw(needByGroupSpec(result)).querySelector('h3')?.textContent).toBe('Husstander som bor i eller venter på kommunal bolig');
	});

	it('keeps y tick labels apart at a projector’s text size (they touched at 26 px)', () => {
		const gaps = (spec: Plot.PlotOptions) => {
			const ys = [...draw(spec).querySelectorAll('g[aria-label="y-axis tick label"] text')]
				.map((t) => Number(/translate\([\d.-]+,([\d.-]+)\)/.exec(t.getAttribute('transform') ?? '')?.[1]))
				.sort((a, b) => a - b);
			expect(ys.length).toBeGreaterThanOrEqual(3);
			return Math.min(...ys.slice(1).map((y, i) => y - ys[i]!));
		};
		for (const fontSize of [18, 26]) {
			expect(gaps(needByGroupSpec(result, { fontSize, height: 600 })), `${fontSize} px`).toBeGreaterThanOrEqual(1.5 * fontSize);
			expect(gaps(monteCarloFanSpec(result, mc, { fontSize, height: 600 })), `${fontSize} px`).toBeGreaterThanOrEqual(1.5 * fontSize);
		}
	});

	it('leaves room left of the plot for «100 %» at a projector’s text size (the «1» was cut off)', () => {
		for (const fontSize of [13, 18, 26]) {
			const spec = shortfallProbabilitySpec(result, mc, { fontSize });
			// About 0.6 em a character in the system font, plus the tick and its gap.
			expect(spec.marginLeft!, `${fontSize} px`).toBeGreaterThanOrEqual(fontSize * 0.6 * '100 %'.length + 9);
			// Wider than a chart whose widest label is «250».
			if (fontSize > 13) expect(spec.marginLeft!).toBeGreaterThan(needByGroupSpec(result, { fontSize }).marginLeft!);
		}
	});

	it('draws P(required > planned) for every year on a 0–100 % axis, from the Monte Carlo run', () => {
		const svg = draw(shortfallProbabilitySpec(result, mc)).querySelector(':scope > svg')!;
		const text = svg.closest('figure')?.textContent ?? '';
		expect(text).toContain(SHORTFALL_LEGEND);
		expect(text).toContain('Sannsynlighet (%)');
		expect(text).toContain('100 %');
		// One dot per year, at the run's probability: 0 % at the bottom of the plot, 100 % at the top.
		const dots = [...svg.querySelectorAll('circle')];
		expect(dots).toHaveLength(result.years.length);
		const ys = dots.map((c) => Number(c.getAttribute('cy')));
		const p = [...mc.probRequiredExceedsPlanned];
		const hi = p.indexOf(Math.max(...p));
		const lo = p.indexOf(Math.min(...p));
		expect(p[hi]!).toBeGreaterThan(p[lo]!);
		expect(ys[hi]!).toBeLessThan(ys[lo]!);
	});

	it.each([390, 720, 1400])('draws the tornado at %i px with bars of positive width and every label whole', (width) => {
		for (const fontSize of [13, 18]) {
			const svg = draw(tornadoSpec(sens, { width, fontSize })).querySelector(':scope > svg')!;
			const rects = [...svg.querySelectorAll('rect')].filter((r) => r.getAttribute('width') !== null);
			expect(rects.length).toBeGreaterThanOrEqual(sens.bars.slice(0, 10).length);
			for (const r of rects) expect(Number(r.getAttribute('width'))).toBeGreaterThanOrEqual(0);
			for (const r of rects) expect(Number(r.getAttribute('x'))).toBeGreaterThanOrEqual(0);
			// Wrapped labels are split into <tspan>s; joined, each label is there in full.
			const text = svg.textContent?.replace(/\s+/g, '') ?? '';
			for (const b of sens.bars.slice(0, 10)) expect(text).toContain(b.label.replace(/\s+/g, ''));
		}
	});

	it('draws the tornado’s «Boliger» with its descender inside the chart, and ticks apart on a projector', () => {
		for (const fontSize of [13, 26]) {
			const svg = draw(tornadoSpec(sens, { width: 1800, fontSize, height: 700 })).querySelector(':scope > svg')!;
			const label = svg.querySelector('g[aria-label="x-axis label"]')!;
			const baseline =
				Number(/translate\([\d.-]+,([\d.-]+)\)/.exec(label.getAttribute('transform') ?? '')?.[1]) +
				Number(/translate\([\d.-]+,([\d.-]+)\)/.exec(label.querySelector('text')!.getAttribute('transform') ?? '')?.[1]);
			// A «g» reaches about 0.23 em below the baseline.
			expect(baseline + 0.23 * fontSize, `${fontSize} px`).toBeLessThanOrEqual(Number(svg.getAttribute('height')));
			const xs = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')]
				.map((t) => Number(/translate\(([\d.-]+)/.exec(t.getAttribute('transform') ?? '')?.[1]))
				.sort((a, b) => a - b);
			// «270» is about 1.8 em wide: at least one em between neighbours.
			expect(Math.min(...xs.slice(1).map((x, i) => x - xs[i]!)), `${fontSize} px`).toBeGreaterThanOrEqual(2.8 * fontSize);
		}
	});

	it('fits the tornado into the height a slide gives it', () => {
		const spec = tornadoSpec(sens, { width: 1200, fontSize: 18, height: 400 });
		expect(spec.height).toBeLessThanOrEqual(400);
	});
});
