/**
 * Every chart kind drawn by Observable Plot from a fixed result, as an SVG snapshot: a change in a
 * chart shows up as a reviewable diff. Also checks what a projector audience needs: Norwegian
 * title, axis labels with units, the base year marked, the group colours fixed.
 */
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { runMonteCarlo, runProjection, runSensitivity } from '#lib/core/engine/index.ts';
import { needByGroupSpec } from '#lib/charts/need-by-group.ts';
import { requiredVsPlannedSpec } from '#lib/charts/required-vs-planned.ts';
import { flowsSpec, turnoverSpec } from '#lib/charts/flows.ts';
import { monteCarloFanSpec } from '#lib/charts/monte-carlo-fan.ts';
import { scenarioComparisonSpec } from '#lib/charts/scenario-comparison.ts';
import { tornadoSpec } from '#lib/charts/tornado.ts';
import { GROUP_COLORS } from '#lib/charts/palette.ts';
import { exampleInput } from '../unit/engine/fixtures.ts';

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
	['scenario-comparison', scenarioComparisonSpec([{ name: 'Basis', result }, { name: 'Variant', result: runProjection({ ...input, scenario: { ...input.scenario, vacancyTargetPct: { value: 8 } } }) }])],
	['tornado', tornadoSpec(sens)]
];

describe('chart specs', () => {
	it.each(specs)('%s draws a titled figure with a legend (SVG snapshot)', (name, spec) => {
		const el = draw(spec);
		// With a title or legend Plot returns a <figure>, not an <svg>: export must handle that.
		expect(el.tagName.toLowerCase()).toBe('figure');
		expect(el.querySelector('h2')?.textContent).toMatch(/\p{L}/u);
		expect(el.querySelector('svg')).not.toBeNull();
		expect(el.outerHTML).toMatchSnapshot(name);
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
});
