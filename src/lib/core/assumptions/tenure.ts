/**
 * Tenure arithmetic shared by the editor and the docs: the mean tenure (botid) a tenure model
 * implies, and switching model while keeping that mean.
 */
import type { TenureModel } from '../model/assumptions.ts';

/** Mean tenure in years: botid; L / (1 − renewal share) for leases; 100 / exit % for exit rates. */
export function impliedBotid(t: TenureModel): number {
	if (t.kind === 'botid') return t.years.value;
	if (t.kind === 'lease') return t.renewalPct.value >= 100 ? Infinity : t.leaseYears / (1 - t.renewalPct.value / 100);
	return t.pctPerYear.value > 0 ? 100 / t.pctPerYear.value : Infinity;
}

/**
 * Switching how tenure is modelled keeps the same mean tenure, so the projection does not jump:
 * botid b ⇔ annual exit 100/b % ⇔ leases of L years (kept, else 3) renewed with share 1 − L/b.
 */
export function convertTenure(t: TenureModel, kind: TenureModel['kind']): TenureModel {
	if (t.kind === kind) return t;
	const b = Math.max(0.5, impliedBotid(t));
	const round = (x: number) => Math.round(x * 10) / 10;
	if (kind === 'botid') return { kind, years: { value: round(b) } };
	if (kind === 'exitRate') return { kind, pctPerYear: { value: round(100 / b) } };
	const L = t.kind === 'lease' ? t.leaseYears : 3;
	return { kind, leaseYears: L, renewalPct: { value: Math.max(0, Math.min(95, round(100 * (1 - L / b)))) } };
}
