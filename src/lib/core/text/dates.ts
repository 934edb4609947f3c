/**
 * Dates as the planner's calendar has them. `Date.prototype.toISOString()` is UTC: between 00:00
 * and 01:00 (02:00 in summer) Norwegian time it still says yesterday, so a day written into a
 * notebook, a file name or a request to SSB is always taken from the local date here.
 */

/** 2026-11-29 (ISO), the local calendar day of `d` (default: now). */
export function localIsoDate(d: Date = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
