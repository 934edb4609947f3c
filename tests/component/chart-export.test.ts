/** Charts exported for reports: one standalone SVG with title, legend and explicit fonts, no HTML. */
import { describe, expect, it } from 'vitest';
import { runProjection } from '#lib/core/engine/index.ts';
import { needByGroupSpec } from '#lib/charts/need-by-group.ts';
import { requiredVsPlannedSpec } from '#lib/charts/required-vs-planned.ts';
import { chartToSvg } from '#lib/adapters/charts/export-chart.ts';
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
