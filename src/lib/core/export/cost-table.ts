/**
 * One scenario's plan budget as the rows of a report file: the cost sheet of the XLSX workbook,
 * the cost section of the CSV download and the runner's `--ut` files. One row per year to the
 * horizon, the økonomiplan years marked, whole kroner at fixed prices of the base year (the block
 * above the table says so). Columns: the budget's lines in total, then net investment and yearly
 * net cost per measure kind and per target group (only those the plan has).
 * Layout and column meanings: docs/file-format.md, "Report exports"; formulas: docs/model.md, "Plan and cost".
 */
import type { GroupId } from '#lib/core/model/groups.ts';
import { BUDGET_LINES, budgetBreakdowns, economyPlanYears, type BudgetBreakdown, type PlanBudget } from '#lib/core/plan/budget.ts';
import { planKeyFigures } from '#lib/core/plan/key-figures.ts';
import { contextLines, type ExportContext } from './scenario-table.ts';

/** How a column's numbers are written: the year, text, whole dwellings, whole kroner. */
export type CostColumnKind = 'year' | 'text' | 'count' | 'kr';

export interface CostColumn {
	key: string;
	header: string;
	kind: CostColumnKind;
	value: (budget: PlanBudget, i: number) => number | string;
}

export interface CostTable {
	/** Label/value lines before the table (what the numbers are, prices, the økonomiplan period), ending with an empty line. */
	block: (string | number | null)[][];
	header: string[];
	rows: (number | string)[][];
	columns: CostColumn[];
}

/** Text of the period column for a year inside the økonomiplan; empty after it. */
export const ECONOMY_PLAN_MARK = 'Økonomiplan';

export const PRICES_NOTE = (baseYear: number) =>
	`Kroner i faste ${baseYear}-priser (uten prisvekst). Kostnadene gjelder tiltakene i planen, ikke boligene kommunen har i dag.`;

function breakdownColumns({ key, name, lines }: BudgetBreakdown): CostColumn[] {
	return [
		{ key: `${key}.netInvestment`, header: `Netto investering – ${name} (kr)`, kind: 'kr', value: (_b, i) => lines.netInvestment[i] ?? 0 },
		{ key: `${key}.netCost`, header: `Årlig nettokostnad – ${name} (kr)`, kind: 'kr', value: (_b, i) => lines.netCost[i] ?? 0 }
	];
}

/** The columns for this budget: totals always; a measure kind or group only when its amounts are not all zero. */
export function costColumns(budget: PlanBudget, baseYear: number, labels: Partial<Record<GroupId, string>> = {}): CostColumn[] {
	const { from, to } = economyPlanYears(baseYear);
	const cols: CostColumn[] = [
		{ key: 'year', header: 'År', kind: 'year', value: (b, i) => b.years[i] ?? Number.NaN },
		{ key: 'period', header: 'Periode', kind: 'text', value: (b, i) => ((b.years[i] ?? 0) >= from && (b.years[i] ?? 0) <= to ? ECONOMY_PLAN_MARK : '') },
		{ key: 'dwellingsAdded', header: 'Nye boliger klare (netto, boliger)', kind: 'count', value: (b, i) => b.dwellingsAdded[i] ?? 0 },
		...BUDGET_LINES.map((l): CostColumn => ({ key: `total.${l.key}`, header: `${l.label} (kr)`, kind: 'kr', value: (b, i) => b.total[l.key][i] ?? 0 }))
	];
	for (const breakdown of budgetBreakdowns(budget, labels)) cols.push(...breakdownColumns(breakdown));
	return cols;
}

export function costTable(budget: PlanBudget, baseYear: number, opts: { context?: ExportContext; labels?: Partial<Record<GroupId, string>> } = {}): CostTable {
	const columns = costColumns(budget, baseYear, opts.labels);
	// The same figures as the plan cell's key figures (plan/key-figures.ts).
	const k = planKeyFigures(budget, baseYear);
	const { from, to } = k;
	const last = budget.years[budget.years.length - 1] ?? to;
	const block: (string | number | null)[][] = [
		...contextLines(opts.context),
		['Beløp', PRICES_NOTE(baseYear)],
		[ECONOMY_PLAN_MARK, `${from}–${to}`],
		[`Netto investering ${from}–${to} (kr)`, Math.round(k.netInvestmentEconomyPlan)],
		[`Netto investering ${from}–${last} (kr)`, Math.round(k.netInvestmentToHorizon)],
		['Nåverdi av planens utgifter og inntekter (kr)', Math.round(budget.presentValue)],
		[]
	];
	return {
		block,
		header: columns.map((c) => c.header),
		rows: budget.years.map((_, i) => columns.map((c) => c.value(budget, i))),
		columns
	};
}
