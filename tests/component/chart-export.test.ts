/** Charts exported for reports: one standalone SVG with title, legend and explicit fonts, no HTML. */
import { describe, expect, it } from 'vitest';
import { runProjection } from '#lib/core/engine/index.ts';
import { needByGroupSpec } from '#lib/charts/need-by-group.ts';
import { requiredVsPlannedSpec } from '#lib/charts/required-vs-planned.ts';
import { flowsSpec, turnoverSpec } from '#lib/charts/flows.ts';
import { monteCarloFanSpec } from '#lib/charts/monte-carlo-fan.ts';
import { scenarioComparisonSpec } from '#lib/charts/scenario-comparison.ts';
import { tornadoSpec } from '#lib/charts/tornado.ts';
import { runMonteCarlo, runSensitivity } from '#lib/core/engine/index.ts';
import type { MonteCarloResult, ProjectionResult, SensitivityResult } from '#lib/core/model/result.ts';
import type * as Plot from '@observablehq/plot';
import { chartContextLine, chartToSvg } from '#lib/adapters/charts/export-chart.ts';
import { GROUP_COLORS } from '#lib/charts/palette.ts';
import { exampleInput } from '../unit/engine/fixtures.ts';

const result = runProjection(exampleInput('need', 20));

describe('chartToSvg', () => {
	it('puts title, subtitle and legend inside one SVG with fonts set explicitly', () => {
		const svg = chartToSvg(needByGroupSpec(result), { width: 800, description: 'Behov per målgruppe', document });
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		const root = doc.documentElement;
		expect(root.tagName).toBe('svg');
		expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		expect(root.getAttribute('font-family')).toMatch(/Arial/);
		const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
		expect(texts).toContain('Behov per målgruppe');
		expect(texts).toContain('Husstander som bor i eller venter på kommunal bolig');
		for (const label of ['ROP', 'Nedsatt funksjonsevne', 'Eldre', 'Flyktninger', 'Andre']) expect(texts).toContain(label);
		for (const c of Object.values(GROUP_COLORS)) expect(svg.toLowerCase()).toContain(c.toLowerCase());
		// No HTML inside: a report tool must be able to open it as an image.
		expect(svg).not.toMatch(/<(figure|div|h2|h3|span)\b/);
		expect(svg).toContain(`Basisår ${result.baseYear}`);
	});

	it('escapes text that would break the XML', () => {
		const svg = chartToSvg(requiredVsPlannedSpec(result, { title: 'A & B <test>' }), { description: 'x', document });
		expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
		expect(svg).toContain('A &amp; B &lt;test&gt;');
	});
});

/** Every series × k: the same chart at another magnitude (axis labels 1 000, 1 000 000 …). */
function scaleSeries<T extends object>(series: T, k: number): T {
	return Object.fromEntries(Object.entries(series).map(([key, v]) => [key, v instanceof Float64Array ? v.map((x) => x * k) : v])) as T;
}
function scaleResult(r: ProjectionResult, k: number): ProjectionResult {
	const groups = Object.fromEntries(Object.entries(r.groups).map(([g, s]) => [g, scaleSeries(s, k)])) as ProjectionResult['groups'];
	return { ...r, groups, total: scaleSeries(r.total, k) };
}
function scaleMonteCarlo(mc: MonteCarloResult, k: number): MonteCarloResult {
	const bands = Object.fromEntries(Object.entries(mc.bands).map(([key, byP]) => [key, scaleSeries(byP, k)])) as MonteCarloResult['bands'];
	return { ...mc, bands };
}
function scaleSensitivity(s: SensitivityResult, k: number): SensitivityResult {
	return { ...s, baseline: s.baseline * k, bars: s.bars.map((b) => ({ ...b, outputAtLow: b.outputAtLow * k, outputAtHigh: b.outputAtHigh * k })) };
}

/** A strict XML parse of the SVG (jsdom's XML parser refuses undefined entities such as &nbsp;). */
function parseXml(svg: string): Document {
	const doc = new DOMParser().parseFromString(svg, 'application/xml');
	const error = doc.querySelector('parsererror');
	if (error) throw new Error(`Not XML: ${error.textContent}`);
	return doc;
}

describe('chartToSvg: every chart kind is well-formed standalone XML at every magnitude', () => {
	const input = exampleInput('need', 20);
	const mc = runMonteCarlo(input, { draws: 200 })!;
	const sens = runSensitivity(input, { year: input.base.baseYear + 10, output: 'total.requiredStock' });
	const peak = Math.max(...result.total.requiredStock);
	const context = { kommune: 'Eksempelkommune', scenario: 'Basis: «lav» & høy', date: new Date(2026, 10, 29) };
	const kinds: Record<string, (k: number) => Plot.PlotOptions> = {
		'need-by-group': (k) => needByGroupSpec(scaleResult(result, k)),
		'required-vs-planned': (k) => requiredVsPlannedSpec(scaleResult(result, k)),
		flows: (k) => flowsSpec(scaleResult(result, k)),
		turnover: (k) => turnoverSpec(scaleResult(result, k)),
		'monte-carlo-fan': (k) => monteCarloFanSpec(scaleResult(result, k), scaleMonteCarlo(mc, k)),
		tornado: (k) => tornadoSpec(scaleSensitivity(sens, k)),
		'scenario-comparison': (k) => scenarioComparisonSpec([
			{ name: 'Basis', result: scaleResult(result, k) },
			{ name: 'Høy: 2 × «ROP»', result: scaleResult(result, 2 * k) }
		])
	};
	// Largest value about 500, 5 000 and 5 000 000: below and above 1 000 and 1 000 000.
	const magnitudes = [500, 5000, 5_000_000].map((target) => target / peak);

	for (const [kind, spec] of Object.entries(kinds)) {
		it(`${kind}`, () => {
			for (const k of magnitudes) {
				const svg = chartToSvg(spec(k), { width: 800, description: kind, context, document });
				const doc = parseXml(svg);
				expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
				// Only XML's own five entities may appear; nb-NO's thousands separator stays a character.
				expect(svg.match(/&[a-zA-Z]+;/g)?.filter((e) => !['&amp;', '&lt;', '&gt;', '&quot;', '&apos;'].includes(e)) ?? []).toEqual([]);
				expect(svg).not.toContain('var(');
				expect(svg).not.toContain('system-ui');
				expect(svg).not.toMatch(/<style\b/);
				for (const el of doc.querySelectorAll('[font-family]')) expect(el.getAttribute('font-family')).toMatch(/^Arial/);
				const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
				expect(texts).toContain(chartContextLine(context));
				expect(doc.querySelector('title')?.textContent).toContain('Eksempelkommune · Basis: «lav» & høy · tall per 29.11.2026');
			}
		});
	}

	it('axis labels above 1 000 and 1 000 000 keep their no-break-space separators as characters', () => {
		const svg = chartToSvg(requiredVsPlannedSpec(scaleResult(result, 5_000_000 / peak)), { description: 'x', document });
		const labels = [...parseXml(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');
		expect(labels.some((l) => /^\d{1,3}(\u00a0\d{3}){2}$/.test(l))).toBe(true);
	});
});
