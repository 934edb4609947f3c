/**
 * The plan's yearly budget as CSV (Excel with Norwegian settings: semicolons, decimal comma, BOM):
 * one row per year to the horizon, whole kroner at fixed prices of the base year.
 */
import { toCsv, type CsvCell } from '#lib/core/export/csv.ts';
import type { CostLines, PlanBudget } from './budget.ts';

const COLUMNS: readonly { key: keyof CostLines; label: string }[] = [
	{ key: 'investment', label: 'Investering' },
	{ key: 'grants', label: 'Tilskudd fra Husbanken' },
	{ key: 'saleIncome', label: 'Salgsinntekter' },
	{ key: 'grantRepayment', label: 'Tilbakebetalt tilskudd' },
	{ key: 'netInvestment', label: 'Netto investering' },
	{ key: 'capitalCost', label: 'Kapitalkostnad' },
	{ key: 'runningCost', label: 'Drift og vedlikehold' },
	{ key: 'leaseCost', label: 'Leie til private' },
	{ key: 'rentIncome', label: 'Husleieinntekter' },
	{ key: 'netCost', label: 'Årlig nettokostnad' }
];

export function planBudgetToCsv(b: PlanBudget, baseYear: number): string {
	const header: CsvCell[] = ['År', 'Nye boliger (netto)', ...COLUMNS.map((c) => `${c.label} (kr, faste ${baseYear}-kroner)`)];
	const rows: CsvCell[][] = b.years.map((y, i) => [y, b.dwellingsAdded[i] ?? 0, ...COLUMNS.map((c) => b.total[c.key][i] ?? 0)]);
	return toCsv([header, ...rows], { decimals: header.map(() => 0) });
}
