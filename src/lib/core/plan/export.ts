/**
 * The plan's yearly budget as CSV (Excel with Norwegian settings: semicolons, decimal comma, BOM):
 * one row per year to the horizon, whole kroner at fixed prices of the base year.
 */
import { toCsv, type CsvCell } from '#lib/core/export/csv.ts';
import { BUDGET_LINES, type PlanBudget } from './budget.ts';

export function planBudgetToCsv(b: PlanBudget, baseYear: number): string {
	const header: CsvCell[] = ['År', 'Nye boliger (netto)', ...BUDGET_LINES.map((c) => `${c.label} (kr, faste ${baseYear}-kroner)`)];
	const rows: CsvCell[][] = b.years.map((y, i) => [y, b.dwellingsAdded[i] ?? 0, ...BUDGET_LINES.map((c) => b.total[c.key][i] ?? 0)]);
	return toCsv([header, ...rows], { decimals: header.map(() => 0) });
}
