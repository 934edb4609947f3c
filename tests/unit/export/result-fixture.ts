/** A small synthetic ProjectionResult (3 years) with recognisable values, for export tests. */
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { GroupSeries, ProjectionResult, TotalSeries } from '#lib/core/model/result.ts';

const GROUP_KEYS: (keyof GroupSeries)[] = [
	'tenants', 'waiting', 'need', 'newNeed', 'moveIns', 'exits', 'waitingAttrition', 'requiredStock', 'turnoverPct', 'botidEstimated', 'meanTenure', 'waitingTimeYears'
];

function series(base: number, n: number): Float64Array {
	return Float64Array.from({ length: n }, (_, i) => base + i * 1.25);
}

export function fakeResult(n = 3): ProjectionResult {
	const groups = {} as Record<GroupId, GroupSeries>;
	GROUP_IDS.forEach((g, gi) => {
		const s = {} as GroupSeries;
		GROUP_KEYS.forEach((k, ki) => (s[k] = series(100 * (gi + 1) + ki, n)));
		groups[g] = s;
	});
	const total = {} as TotalSeries;
	GROUP_KEYS.forEach((k, ki) => (total[k] = series(1000 + ki, n)));
	total.plannedStock = series(2000, n);
	total.gap = Float64Array.from({ length: n }, (_, i) => -3.26 + i * 10);
	total.gapCumulative = series(0, n);
	total.vacancyPct = series(5, n);
	total.turnoverAllDwellingsPct = series(12, n);
	total.botidAllDwellings = Float64Array.from({ length: n }, (_, i) => (i === 0 ? Number.POSITIVE_INFINITY : 8));
	return { baseYear: 2025, years: Array.from({ length: n }, (_, i) => 2025 + i), mode: 'need', groups, total, calibration: [] };
}
