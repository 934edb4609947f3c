import { describe, expect, it } from 'vitest';
import { runProjection, runSensitivity } from '#lib/core/engine/index.ts';
import { fixed } from '#lib/core/model/uncertain.ts';
import { exampleInput } from './fixtures.ts';

describe('runSensitivity', () => {
	it.each(['need', 'capacity'] as const)('one bar per uncertain assumption, sorted by swing (%s)', (mode) => {
		const input = exampleInput(mode);
		const det = runProjection(input);
		const s = runSensitivity(input, { year: 2040, output: 'total.requiredStock' });
		expect(s.year).toBe(2040);
		expect(s.output).toBe('total.requiredStock');
		expect(s.baseline).toBe(det.total.requiredStock[16]);
		expect(s.bars).toHaveLength(13);
		const swing = s.bars.map((b) => Math.abs(b.outputAtHigh - b.outputAtLow));
		for (let i = 1; i < swing.length; i++) expect(swing[i] as number).toBeLessThanOrEqual(swing[i - 1] as number);
		const botid = s.bars.find((b) => b.assumption === 'rop.tenure.years');
		expect(botid?.label).toBe('Botid – ROP');
		expect(botid?.low).toBe(4);
		expect(botid?.high).toBe(7);
		const share = s.bars.find((b) => b.assumption === 'flyktning.demand.shareNeedingPct');
		expect(share?.low).toBe(40);
		expect(share?.high).toBe(70);
		expect(share?.outputAtHigh as number).toBeGreaterThan(share?.outputAtLow as number);
	});

	it('the gap output is required stock minus planned stock', () => {
		const input = exampleInput();
		const req = runSensitivity(input, { year: 2030, output: 'total.requiredStock' });
		const gap = runSensitivity(input, { year: 2030, output: 'total.gap' });
		const stock = runProjection(input).total.plannedStock[6] as number;
		expect(gap.baseline).toBeCloseTo(req.baseline - stock, 9);
		expect(gap.bars.map((b) => b.assumption)).toEqual(req.bars.map((b) => b.assumption));
	});

	it('no spreads → no bars', () => {
		const input = exampleInput();
		input.scenario.vacancyTargetPct = fixed(5);
		for (const g of Object.values(input.scenario.groups)) g.waitingAttritionPctPerYear = fixed(5);
		const s = runSensitivity(input, { year: 2030, output: 'total.gap' });
		expect(s.bars.some((b) => b.assumption === 'vacancyTargetPct')).toBe(false);
	});
});
