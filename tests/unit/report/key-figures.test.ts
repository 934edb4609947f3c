import { describe, expect, it } from 'vitest';
import { probabilityByYear, waitingFigures } from '#lib/core/report/key-figures.ts';
import { probabilityColumn, yearlyTable, YEARLY_COLUMNS } from '#lib/core/report/yearly-table.ts';
import { runMonteCarlo, runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

describe('headline figures for every year and in capacity mode', () => {
	const nb = createExampleNotebook();
	const capacity = nb.scenarios.find((s) => s.assumptions.mode === 'capacity')!;
	const input = engineInputOf(nb.base, nb.population, capacity.assumptions);
	const result = runProjection(input);
	const mc = runMonteCarlo(input, { draws: 200 })!;

	it('P(required > planned) for every year, the same numbers in the key figures and the table column', () => {
		const byYear = probabilityByYear(result, mc)!;
		expect(byYear.map((p) => p.year)).toEqual(Array.from(result.years));
		const table = yearlyTable(result, [...YEARLY_COLUMNS, probabilityColumn(mc)]);
		byYear.forEach((p, i) => {
			expect(p.pct).toBe((mc.probRequiredExceedsPlanned[i] ?? NaN) * 100);
			expect(table[i]!.at(-1)).toBe(p.pct);
			expect(p.pct).toBeGreaterThanOrEqual(0);
			expect(p.pct).toBeLessThanOrEqual(100);
		});
		expect(probabilityByYear(result, null)).toBeNull();
	});

	it('waiting list and expected waiting time per group and in total', () => {
		const year = nb.base.baseYear + 10;
		const i = result.years.indexOf(year);
		const rows = waitingFigures(result, year)!;
		expect(rows.map((r) => r.group)).toEqual([...GROUP_IDS, 'total']);
		for (const g of GROUP_IDS) {
			const r = rows.find((x) => x.group === g)!;
			expect(r.waiting).toBe(result.groups[g].waiting[i]);
			expect(r.waitingTimeYears).toBe(result.groups[g].waitingTimeYears[i]);
		}
		expect(rows.at(-1)!.waiting).toBe(result.total.waiting[i]);
		expect(waitingFigures(result, 1900)).toBeNull();
	});
});
