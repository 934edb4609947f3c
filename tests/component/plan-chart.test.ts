/** "Investering per år" drawn by Observable Plot: title, unit, legend per measure, the fan when costs have ranges. */
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { investmentSpec } from '#lib/charts/investment.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { Plan } from '#lib/core/model/plan.ts';
import { triangular } from '#lib/core/model/uncertain.ts';
import { planBudget } from '#lib/core/plan/budget.ts';
import { costFan } from '#lib/core/plan/uncertainty.ts';

const nb = createExampleNotebook();
const plan = nb.scenarios[0]!.assumptions.plan!;
const budget = planBudget({ plan, base: nb.base, horizonYears: 30 });

describe('investment chart', () => {
	it('is titled, in millions at fixed prices, with one legend entry per measure in the plan', () => {
		const el = Plot.plot({ ...investmentSpec(budget, 2025), document }) as Element;
		expect(el.querySelector('h2')?.textContent).toBe('Investering per år');
		expect(el.textContent).toContain('mill. kr i faste 2025-kroner');
		expect(el.textContent).toContain('Mill. kr');
		const legend = el.textContent ?? '';
		for (const label of ['Nybygg', 'Kjøp i markedet']) expect(legend).toContain(label);
		expect(el.querySelectorAll('rect').length).toBeGreaterThan(3);
	});

	it('shades the 80 % band of net cost when a cost has a range', () => {
		const uncertain: Plan = { ...plan, costs: { 'running.bemannet': triangular(60_000, 90_000, 150_000) } };
		const b = planBudget({ plan: uncertain, base: nb.base, horizonYears: 30 });
		const fan = costFan({ plan: uncertain, base: nb.base, horizonYears: 30 }, { draws: 100, seed: 3 });
		const el = Plot.plot({ ...investmentSpec(b, 2025, { fan }), document }) as Element;
		expect(el.textContent).toContain('skravert 80 % sannsynlig');
		const without = Plot.plot({ ...investmentSpec(budget, 2025), document }) as Element;
		expect(without.textContent).not.toContain('skravert');
	});
});

/** The y a `<g transform="translate(x,y)">` chain adds up to for an element. */
function translatedY(el: Element): number {
	let y = 0;
	for (let n: Element | null = el; n && n.tagName.toLowerCase() !== 'svg'; n = n.parentElement) {
		const m = /translate\(\s*[-\d.]+\s*,\s*([-\d.]+)\s*\)/.exec(n.getAttribute('transform') ?? '');
		if (m) y += Number(m[1]);
	}
	return y;
}

describe('base-year marker', () => {
	it.each([13, 18, 26])('sits above the frame, under the y-axis label, where no bar can reach it (text %i px)', (fontSize) => {
		const spec = investmentSpec(budget, 2025, { fontSize });
		const el = Plot.plot({ ...spec, document }) as Element;
		const marker = [...el.querySelectorAll('text')].find((t) => t.textContent?.startsWith('Basisår 2025'));
		expect(marker).toBeDefined();
		const markerBaseline = translatedY(marker!);
		const markerSize = Number(marker!.closest('g')?.getAttribute('font-size'));
		// Baseline above the frame's top edge, so the whole label is outside the plot area.
		expect(markerBaseline).toBeLessThan(Number(spec.marginTop));
		// The y-axis label («↑ Mill. kr», one line from the top) ends above the marker's top.
		const yLabel = el.querySelector('g[aria-label="y-axis label"] text')!;
		expect(translatedY(yLabel) + fontSize).toBeLessThanOrEqual(markerBaseline - markerSize * 0.8);
		// The bars start at or below the frame's top.
		const barTops = [...el.querySelectorAll('g[aria-label="rect"] rect')].map((r) => translatedY(r) + Number(r.getAttribute('y')));
		expect(barTops.length).toBeGreaterThan(0);
		expect(Math.min(...barTops)).toBeGreaterThanOrEqual(Number(spec.marginTop) - 0.5);
	});
});

describe('cost tornado', () => {
	it('is in millions of kroner with the cost figure as label', async () => {
		const { costTornadoSpec } = await import('#lib/charts/investment.ts');
		const { costSensitivity } = await import('#lib/core/plan/sensitivity.ts');
		const uncertain: Plan = { ...plan, costs: { 'invest.nybygg.bemannet': triangular(4_500_000, 5_500_000, 7_000_000) } };
		const el = Plot.plot({ ...costTornadoSpec(costSensitivity({ plan: uncertain, base: nb.base, horizonYears: 30 }), 2025), document }) as Element;
		expect(el.querySelector('h2')?.textContent).toBe('Følsomhet: nåverdi av planens kostnader');
		expect(el.textContent).toContain('Mill. kr');
		// Long tornado labels wrap over several lines (tspans): read each label as its lines joined.
		const labels = [...el.querySelectorAll('text')].map((t) => {
			const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent);
			return lines.length > 0 ? lines.join(' ') : t.textContent;
		});
		expect(labels).toContain('Investering per bolig, nybygg, bemannet bolig / omsorgsbolig');
	});
});
