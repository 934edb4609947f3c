// @vitest-environment jsdom
/**
 * Every chart kind, exported as SVG at magnitudes below and above 1 000 and 1 000 000, draws as a
 * PNG in Chromium (an SVG that is not XML, e.g. with &nbsp; in a thousands separator, fails to
 * load as an image: "Kunne ikke tegne figuren som bilde"). The SVG is made by the app's
 * chartToSvg in jsdom (this file's test environment), the PNG by the app's svgToPng in Chromium.
 */
import { describe, expect, it } from 'vitest';
import type * as Plot from '@observablehq/plot';
import { chartToSvg, svgToPng } from '#lib/adapters/charts/export-chart.ts';
import { flowsSpec, turnoverSpec } from '#lib/charts/flows.ts';
import { monteCarloFanSpec } from '#lib/charts/monte-carlo-fan.ts';
import { needByGroupSpec } from '#lib/charts/need-by-group.ts';
import { requiredVsPlannedSpec } from '#lib/charts/required-vs-planned.ts';
import { scenarioComparisonSpec } from '#lib/charts/scenario-comparison.ts';
import { tornadoSpec } from '#lib/charts/tornado.ts';
import { runMonteCarlo, runProjection, runSensitivity } from '#lib/core/engine/index.ts';
import type { MonteCarloResult, ProjectionResult, SensitivityResult } from '#lib/core/model/result.ts';
import { exampleInput } from '../unit/engine/fixtures.ts';
import { useBrowser } from './support/use-browser.ts';

const browser = useBrowser();

function scaleSeries<T extends object>(series: T, k: number): T {
	return Object.fromEntries(Object.entries(series).map(([key, v]) => [key, v instanceof Float64Array ? v.map((x) => x * k) : v])) as T;
}
const scaleResult = (r: ProjectionResult, k: number): ProjectionResult => ({
	...r,
	groups: Object.fromEntries(Object.entries(r.groups).map(([g, s]) => [g, scaleSeries(s, k)])) as ProjectionResult['groups'],
	total: scaleSeries(r.total, k)
});
const scaleMonteCarlo = (mc: MonteCarloResult, k: number): MonteCarloResult => ({
	...mc,
	bands: Object.fromEntries(Object.entries(mc.bands).map(([key, byP]) => [key, scaleSeries(byP, k)])) as MonteCarloResult['bands']
});
const scaleSensitivity = (s: SensitivityResult, k: number): SensitivityResult => ({
	...s,
	baseline: s.baseline * k,
	bars: s.bars.map((b) => ({ ...b, outputAtLow: b.outputAtLow * k, outputAtHigh: b.outputAtHigh * k }))
});

describe('chart export in Chromium', () => {
	it('every chart kind at every magnitude draws as a PNG of twice the SVG size', async () => {
		const input = exampleInput('need', 20);
		const result = runProjection(input);
		const mc = runMonteCarlo(input, { draws: 200 })!;
		const sens = runSensitivity(input, { year: input.base.baseYear + 10, output: 'total.requiredStock' });
		const peak = Math.max(...result.total.requiredStock);
		const kinds: Record<string, (k: number) => Plot.PlotOptions> = {
			'need-by-group': (k) => needByGroupSpec(scaleResult(result, k)),
			'required-vs-planned': (k) => requiredVsPlannedSpec(scaleResult(result, k)),
			flows: (k) => flowsSpec(scaleResult(result, k)),
			turnover: (k) => turnoverSpec(scaleResult(result, k)),
			'monte-carlo-fan': (k) => monteCarloFanSpec(scaleResult(result, k), scaleMonteCarlo(mc, k)),
			tornado: (k) => tornadoSpec(scaleSensitivity(sens, k)),
			'scenario-comparison': (k) => scenarioComparisonSpec([{ name: 'Basis', result: scaleResult(result, k) }, { name: 'Høy', result: scaleResult(result, 2 * k) }])
		};
		const context = { kommune: 'Eksempelkommune', scenario: 'Basis', date: new Date(2026, 10, 29) };
		const page = await browser().newPage();
		try {
			for (const [kind, spec] of Object.entries(kinds)) {
				for (const target of [500, 5000, 5_000_000]) {
					const svg = chartToSvg(spec(target / peak), { width: 800, description: kind, context, document });
					const drawn = (await page.evaluate(
						`(${svgToPng.toString()})(${JSON.stringify(svg)}, 2).then(async (b) => { const bmp = await createImageBitmap(b); return { type: b.type, width: bmp.width, height: bmp.height }; }, (e) => ({ error: String(e && e.message) }))`
					)) as { type: string; width: number; height: number } | { error: string };
					const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
					expect(drawn, `${kind} at ${target}`).toEqual({ type: 'image/png', width: 1600, height: 2 * height });
				}
			}
		} finally {
			await page.close();
		}
	}, 120_000);
});
