/**
 * The plan's key figures and its investment table for the økonomiplan period, shared by the plan
 * cell, print and any export. Norwegian text; amounts at fixed prices of the base year.
 */
import { formatMillions } from '#lib/core/text/money-format.ts';
import { BUDGET_LINES, budgetBreakdowns, economyPlanYears, sumOver, type CostLines, type PlanBudget } from './budget.ts';

export interface PlanKeyFigures {
	from: number;
	to: number;
	netInvestmentEconomyPlan: number;
	netInvestmentToHorizon: number;
	/** Yearly net cost in the last year of the økonomiplan period. */
	netCostLastEconomyYear: number;
	dwellingsEconomyPlan: number;
	presentValue: number;
	/** "netto investering 2026–2029: 48,2 mill. kr". */
	sentence: string;
}

export function planKeyFigures(b: PlanBudget, baseYear: number): PlanKeyFigures {
	const { from, to } = economyPlanYears(baseYear);
	const netInvestmentEconomyPlan = sumOver(b.total.netInvestment, b.years, from, to);
	const i = b.years.indexOf(to);
	return {
		from,
		to,
		netInvestmentEconomyPlan,
		netInvestmentToHorizon: b.total.netInvestment.reduce((s, x) => s + x, 0),
		netCostLastEconomyYear: i >= 0 ? (b.total.netCost[i] ?? 0) : 0,
		dwellingsEconomyPlan: sumOver(b.dwellingsAdded, b.years, from, to),
		presentValue: b.presentValue,
		sentence: `netto investering ${from}–${to}: ${formatMillions(netInvestmentEconomyPlan)}`
	};
}

export interface InvestmentTableRow {
	label: string;
	/** One amount per year of the økonomiplan period, then the period's sum. */
	values: number[];
}

export interface InvestmentTable {
	years: number[];
	rows: InvestmentTableRow[];
}

/** The budget lines of the table (names from BUDGET_LINES; the yearly net cost says what it holds). */
const TABLE_LINES: readonly (keyof CostLines)[] = ['investment', 'grants', 'saleIncome', 'grantRepayment', 'netInvestment', 'netCost'];
const ROW_LINES = BUDGET_LINES.filter((l) => TABLE_LINES.includes(l.key)).map((l) =>
	l.key === 'netCost' ? { ...l, label: 'Årlig nettokostnad (kapital, drift, leie − husleie)' } : l
);

/** The økonomiplan table: totals by line, then net investment by measure and by target group. */
export function investmentTable(b: PlanBudget, baseYear: number): InvestmentTable {
	const { from, to } = economyPlanYears(baseYear);
	const years = b.years.filter((y) => y >= from && y <= to);
	const row = (label: string, line: readonly number[]): InvestmentTableRow => {
		const values = years.map((y) => line[b.years.indexOf(y)] ?? 0);
		return { label, values: [...values, values.reduce((s, x) => s + x, 0)] };
	};
	const rows = ROW_LINES.map((l) => row(l.label, b.total[l.key]));
	// The breakdowns of every cost output, here only those with net investment in the period.
	for (const { name, lines } of budgetBreakdowns(b)) {
		const r = row(`Netto investering: ${name}`, lines.netInvestment);
		if (r.values.some((v) => Math.abs(v) > 0.5)) rows.push(r);
	}
	return { years, rows };
}
