/**
 * WCAG 2.1 1.4.11 (non-text contrast, 3:1) for the parts of the charts a reader needs: every band
 * is bounded by an edge or line with 3:1 against what it touches, and the lines drawn on bands keep
 * 3:1 against them. The fills themselves are pale on purpose (the lines must stand out on them).
 */
import { describe, expect, it } from 'vitest';
import { COLORS, GROUP_COLORS } from '#lib/charts/palette.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { composite, contrastRatio, relativeLuminance } from '#lib/charts/contrast.ts';

const WHITE = '#ffffff';
/** The projected period's grey, what the bands are drawn on. */
const PROJECTED = composite('#000000', COLORS.projectedOpacity);

describe('contrast', () => {
	it('computes WCAG ratios', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
		// #767676 is the well-known lightest grey with 4.5:1 on white.
		expect(contrastRatio('#767676', WHITE)).toBeGreaterThanOrEqual(4.5);
		expect(relativeLuminance('#fff')).toBe(1);
		expect(composite('#000000', 0.5)).toBe('#808080');
		expect(() => relativeLuminance('blue')).toThrow(/rrggbb/);
	});
});

describe('fan chart (Monte Carlo)', () => {
	const backgrounds = { white: WHITE, projected: PROJECTED, outer: COLORS.bandOuter, inner: COLORS.bandInner };
	it.each(Object.entries(backgrounds))('band edges have 3:1 against %s', (_, bg) => {
		expect(contrastRatio(COLORS.bandEdge, bg)).toBeGreaterThanOrEqual(3);
	});
	it('the median and the planned line have 3:1 against the bands they cross', () => {
		for (const bg of [COLORS.bandInner, COLORS.bandOuter, PROJECTED]) {
			expect(contrastRatio(COLORS.band, bg)).toBeGreaterThanOrEqual(3);
			expect(contrastRatio(COLORS.planned, bg)).toBeGreaterThanOrEqual(3);
		}
	});
	it('the fills alone are under 3:1 (why the edges are drawn)', () => {
		expect(contrastRatio(COLORS.bandOuter, WHITE)).toBeLessThan(3);
	});
});

describe('shaded shortage and cost band', () => {
	const shade = composite(COLORS.gap, COLORS.shadeOpacity, PROJECTED);
	it('the required-stock line bounding the shortage keeps 3:1 against the shading and the background', () => {
		expect(contrastRatio(COLORS.required, shade)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(COLORS.required, PROJECTED)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(COLORS.planned, shade)).toBeGreaterThanOrEqual(3);
	});
	it('the cost band edges keep 3:1 against the band and the background', () => {
		const band = composite(COLORS.required, COLORS.shadeOpacity, PROJECTED);
		expect(contrastRatio(COLORS.costBandEdge, band)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(COLORS.costBandEdge, PROJECTED)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(COLORS.costBandEdge, WHITE)).toBeGreaterThanOrEqual(3);
	});
	it('the base-year rule has 3:1 against white and the projected grey', () => {
		expect(contrastRatio(COLORS.baseYear, WHITE)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(COLORS.baseYear, PROJECTED)).toBeGreaterThanOrEqual(3);
	});
});

describe('stacked need per target group', () => {
	const colours = GROUP_IDS.map((g) => GROUP_COLORS[g]);
	it('neighbouring group colours alone are under 3:1 (why every area is outlined)', () => {
		// Stacked in display order: each area touches the next one.
		const neighbours = colours.slice(1).map((c, i) => contrastRatio(colours[i]!, c));
		expect(Math.max(...neighbours)).toBeLessThan(3);
	});
	it.each(GROUP_IDS)('the separator has 3:1 against the %s area', (g) => {
		expect(contrastRatio(COLORS.groupSeparator, GROUP_COLORS[g])).toBeGreaterThanOrEqual(3);
	});
	it('the separator has 3:1 against white and the projected grey (the top of the stack)', () => {
		expect(contrastRatio(COLORS.groupSeparator, WHITE)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(COLORS.groupSeparator, PROJECTED)).toBeGreaterThanOrEqual(3);
	});
});
