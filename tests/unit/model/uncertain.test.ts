import { describe, expect, it } from 'vitest';
import { withValue } from '#lib/core/model/uncertain.ts';

describe('withValue (a new estimate for an uncertain number)', () => {
	it('keeps a range that still contains the value', () => {
		expect(withValue({ value: 6, spread: { kind: 'triangular', low: 4.5, high: 8 } }, 7)).toEqual({ value: { value: 7, spread: { kind: 'triangular', low: 4.5, high: 8 } }, moved: false });
	});
	it('moves a range that no longer contains it, keeping its relative width', () => {
		expect(withValue({ value: 6, spread: { kind: 'triangular', low: 4.5, high: 8 } }, 3)).toEqual({ value: { value: 3, spread: { kind: 'triangular', low: 2.25, high: 4 } }, moved: true });
		expect(withValue({ value: 2, spread: { kind: 'p10p90', p10: 1, p90: 4 } }, 10)).toEqual({ value: { value: 10, spread: { kind: 'p10p90', p10: 5, p90: 20 } }, moved: true });
	});
	it('leaves a fixed number fixed', () => {
		expect(withValue({ value: 6 }, 3)).toEqual({ value: { value: 3 }, moved: false });
	});
});
