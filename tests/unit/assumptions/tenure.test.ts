import { describe, expect, it } from 'vitest';
import { convertTenure, impliedBotid } from '#lib/core/assumptions/tenure.ts';

describe('tenure arithmetic', () => {
	it('mean tenure of each model', () => {
		expect(impliedBotid({ kind: 'botid', years: { value: 8 } })).toBe(8);
		expect(impliedBotid({ kind: 'lease', leaseYears: 3, renewalPct: { value: 25 } })).toBe(4);
		expect(impliedBotid({ kind: 'exitRate', pctPerYear: { value: 20 } })).toBe(5);
		expect(impliedBotid({ kind: 'exitRate', pctPerYear: { value: 0 } })).toBe(Infinity);
	});

	it('switching model keeps the mean tenure', () => {
		const botid = { kind: 'botid' as const, years: { value: 6 } };
		expect(convertTenure(botid, 'exitRate')).toEqual({ kind: 'exitRate', pctPerYear: { value: 16.7 } });
		expect(convertTenure(botid, 'lease')).toEqual({ kind: 'lease', leaseYears: 3, renewalPct: { value: 50 } });
		expect(impliedBotid(convertTenure(botid, 'lease'))).toBe(6);
		expect(convertTenure({ kind: 'lease', leaseYears: 5, renewalPct: { value: 50 } }, 'botid')).toEqual({ kind: 'botid', years: { value: 10 } });
		expect(convertTenure(botid, 'botid')).toBe(botid);
	});
});
