import { describe, expect, it } from 'vitest';
import { keyFigures, probabilityText } from '#lib/core/report/key-figures.ts';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';

/** Only what keyFigures reads: the years and the total's required stock, planned stock and gap. */
const result = {
	baseYear: 2025,
	years: [2025, 2026, 2027],
	total: { requiredStock: [100, 104, 110], plannedStock: [100, 100, 106], gap: [0, 4, 4] }
} as unknown as ProjectionResult;

const mc = (p10: number[], p90: number[], prob: number[]) =>
	({ bands: { 'total.requiredStock': { 10: p10, 50: p10, 90: p90 } }, probRequiredExceedsPlanned: prob }) as unknown as MonteCarloResult;

describe('key figures: the uncertainty run', () => {
	it('gives the required stock, the change from today, the gap per year and the chance the plan holds', () => {
		const k = keyFigures(result, 2027, mc([100, 101, 104], [100, 108, 116], [0, 0.7, 0.6]));
		expect(k).toMatchObject({ requiredStock: 110, changeFromToday: 10, plannedStock: 106, gap: 4, newPerYear: 2, requiredRange: { p10: 104, p90: 116 }, noSpread: false });
		expect(k?.probabilitySufficient).toBeCloseTo(0.4, 12);
	});

	it('says when the uncertainty run has no spread (every assumption a single value), so the chance is not shown as a certainty', () => {
		const k = keyFigures(result, 2027, mc([100, 104, 110], [100, 104, 110], [0, 1, 1]));
		expect(k?.noSpread).toBe(true);
		// Before the uncertainty run there is nothing to say yet.
		expect(keyFigures(result, 2027, null)?.noSpread).toBe(false);
	});
});

describe('the chance as the key figures and the comparison show it', () => {
	it('«…» before the uncertainty run, «–» without spread, else the percentage', () => {
		expect(probabilityText({ probabilitySufficient: null, noSpread: false })).toBe('…');
		expect(probabilityText({ probabilitySufficient: 0, noSpread: true })).toBe('–');
		expect(probabilityText({ probabilitySufficient: 0.4, noSpread: false })).toBe('40,0 %');
	});
});
