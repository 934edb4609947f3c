import { afterEach, describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '#lib/core/text/dates.ts';

describe('localIsoDate', () => {
	afterEach(() => {
		vi.useRealTimers();
	});
	it('writes the local calendar day, zero-padded', () => {
		expect(localIsoDate(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
		expect(localIsoDate(new Date(2026, 10, 29, 0, 0, 0))).toBe('2026-11-29');
		expect(localIsoDate(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31');
	});
	it('is the Norwegian day just after midnight, where the UTC date is still yesterday', () => {
		const tz = process.env.TZ;
		process.env.TZ = 'Europe/Oslo';
		try {
			const justAfterMidnight = new Date(2026, 5, 1, 0, 30);
			expect(justAfterMidnight.toISOString().slice(0, 10)).toBe('2026-05-31');
			expect(localIsoDate(justAfterMidnight)).toBe('2026-06-01');
		} finally {
			if (tz === undefined) delete process.env.TZ;
			else process.env.TZ = tz;
		}
	});
	it('defaults to now', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date(2027, 2, 14, 0, 15));
		expect(localIsoDate()).toBe('2027-03-14');
	});
});
