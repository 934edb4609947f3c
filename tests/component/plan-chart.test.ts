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
