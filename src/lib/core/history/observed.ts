/**
 * The kommune's observed years: `BaseData.history` plus the base year itself (from the base data's
 * own totals when the history does not report T0). Pure.
 */
import type { BaseData, HistoryYear } from '#lib/core/model/base-data.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';

/** The base year's observed totals, from the base data (new tenants only if every group reports them). */
export function baseYearObserved(base: BaseData): HistoryYear {
	const row: HistoryYear = {
		year: base.baseYear,
		dwellings: base.segments.reduce((n, s) => n + s.dwellings, 0),
		vacant: base.vacant,
		waiting: GROUP_IDS.reduce((n, g) => n + base.groups[g].waiting, 0)
	};
	const flows = GROUP_IDS.map((g) => base.groups[g].newTenantsLastYear);
	if (flows.every((v) => v !== undefined)) row.newTenants = (flows as number[]).reduce((a, b) => a + b, 0);
	return row;
}

/** Observed years in ascending order, up to and including the base year. */
export function observedYears(base: BaseData): HistoryYear[] {
	const rows = (base.history?.years ?? []).filter((y) => y.year < base.baseYear).map((y) => ({ ...y }));
	const t0 = base.history?.years.find((y) => y.year === base.baseYear);
	// The base data is what the projection starts from: it wins over a history row for T0.
	rows.push({ ...t0, ...baseYearObserved(base) });
	return rows.sort((a, b) => a.year - b.year);
}
