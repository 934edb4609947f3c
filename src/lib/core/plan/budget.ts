/**
 * What a plan costs per year: investment, grants, sale income and grant repayment (the capital
 * side), capital cost, running cost, lease and rent (the yearly side), by measure kind and by
 * target group. Kroner at fixed prices of the base year. Only the plan's own measures are costed:
 * today's stock and the measures marked `decided` (paid for in the current budget) are outside it. Formulas: docs/model.md, "Plan and cost".
 */
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { GroupId } from '#lib/core/model/groups.ts';
import { GROUP_IDS, GROUP_SHORT_LABELS } from '#lib/core/model/groups.ts';
import type { DwellingKind, MeasureKind, Plan, PlanMeasure } from '#lib/core/model/plan.ts';
import { MEASURE_KINDS } from '#lib/core/model/plan.ts';
import {
	RENTAL_GRANT_WRITE_DOWN_PCT,
	RENTAL_GRANT_WRITE_DOWN_YEARS,
	annuityPayment,
	careGrant,
	costValues,
	presentValue,
	rentalGrant,
	unamortisedShare,
	type CostValues
} from './costs.ts';
import { availableYear, leadTimeOf, MEASURE_LABELS, segmentKindOf } from './measures.ts';

/** Yearly amounts, kroner, index i ↔ `years[i]`. */
export interface CostLines {
	investment: number[];
	grants: number[];
	saleIncome: number[];
	grantRepayment: number[];
	/** investment − grants − sale income + grant repayment. */
	netInvestment: number[];
	capitalCost: number[];
	runningCost: number[];
	leaseCost: number[];
	rentIncome: number[];
	/** capital cost + running cost + lease − rent income. */
	netCost: number[];
}

/** The budget's yearly lines with their Norwegian names, in the order every cost table shows them. */
export const BUDGET_LINES: readonly { key: keyof CostLines; label: string }[] = [
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

export type GroupKey = GroupId | 'felles';

export interface PlanBudget {
	/** T0+1 … T0+horizon. */
	years: number[];
	total: CostLines;
	byKind: Record<MeasureKind, CostLines>;
	/** By target group; 'felles' for measures not attributed to a group. */
	byGroup: Record<GroupKey, CostLines>;
	/** Net dwellings the plan adds per available year (decided measures left out, like their cost). */
	dwellingsAdded: number[];
	/** Present value at T0 of net investment + running + lease − rent over the years (real rate). */
	presentValue: number;
}

/** How a measure without a group is shared among groups in a year: weights ≥ 0 (normalised here). */
export type GroupShares = (segmentId: string, year: number) => Partial<Record<GroupId, number>>;

export interface BudgetInput {
	plan: Plan;
	base: BaseData;
	horizonYears: number;
	/** Defaults to the plan's deterministic values. */
	costs?: CostValues;
	groupShares?: GroupShares;
	/** Only the totals (the cost fan's draws): byKind and byGroup are empty arrays. */
	totalsOnly?: boolean;
}

const LINE_KEYS = [
	'investment',
	'grants',
	'saleIncome',
	'grantRepayment',
	'netInvestment',
	'capitalCost',
	'runningCost',
	'leaseCost',
	'rentIncome',
	'netCost'
] as const satisfies readonly (keyof CostLines)[];

function emptyLines(n: number): CostLines {
	return Object.fromEntries(LINE_KEYS.map((k) => [k, new Array<number>(n).fill(0)])) as unknown as CostLines;
}

/** The grant one dwelling of this kind receives when bought, built or converted for `investment`. */
export function grantPerDwelling(kind: MeasureKind, dwelling: DwellingKind, investment: number, plan: Plan, c: CostValues): number {
	if (dwelling === 'bemannet') {
		// Investeringstilskudd: purchases that are only a change of owner get none (Husbanken's guidance).
		if (kind === 'kjop') return 0;
		return careGrant(investment, c['careGrantPct'] ?? 0, c['careMaxCost'] ?? 0);
	}
	return rentalGrant(plan.grantZone ?? 'ovrige', c[`area.${dwelling}`] ?? 0, investment);
}

/** Unamortised grant to repay on selling one dwelling of this kind, `completedYears` after payout. */
export function repaymentPerDwelling(dwelling: DwellingKind, completedYears: number, plan: Plan, c: CostValues): number {
	const grant = grantPerDwelling('nybygg', dwelling, c[`invest.nybygg.${dwelling}`] ?? 0, plan, c);
	if (dwelling === 'bemannet') {
		const years = c['careWriteDownYears'] ?? 20;
		return grant * unamortisedShare(completedYears, 100 / years, years);
	}
	return grant * unamortisedShare(completedYears, RENTAL_GRANT_WRITE_DOWN_PCT, RENTAL_GRANT_WRITE_DOWN_YEARS);
}

/** Yearly cash lines of one measure. */
export function measureLines(m: PlanMeasure, input: BudgetInput, c: CostValues): CostLines {
	const { plan, base, horizonYears } = input;
	const T0 = base.baseYear;
	const n = horizonYears;
	const lines = emptyLines(n);
	const idx = (year: number) => year - T0 - 1;
	const add = (key: keyof CostLines, year: number, amount: number) => {
		const i = idx(year);
		if (i >= 0 && i < n) lines[key][i] = (lines[key][i] ?? 0) + amount;
	};
	const fromYearOn = (key: keyof CostLines, year: number, amount: number) => {
		for (let y = Math.max(year, T0 + 1); y <= T0 + n; y++) add(key, y, amount);
	};
	const dwelling = segmentKindOf(plan, base, m.segmentId);
	const A = availableYear(m, plan);
	const L = leadTimeOf(m, plan);
	const count = m.count;

	switch (m.kind) {
		case 'nybygg':
		case 'kjop':
		case 'konvertering': {
			const perDwelling = c[`invest.${m.kind}.${dwelling}`] ?? 0;
			const investment = perDwelling * count;
			// A build is paid as it is built: evenly over the lead time's years up to availability.
			const spread = m.kind === 'kjop' ? 1 : Math.max(1, L);
			for (let k = 0; k < spread; k++) add('investment', A - k, investment / spread);
			const grant = grantPerDwelling(m.kind, dwelling, perDwelling, plan, c) * count;
			// Husbanken pays when the dwellings are taken into use.
			add('grants', A, grant);
			// The net investment is borrowed when the dwellings are ready; instalments from the next year.
			const payment = annuityPayment(investment - grant, c['loanRatePct'] ?? 0, Math.round(c['loanTermYears'] ?? 0));
			for (let y = A + 1; y < A + 1 + Math.round(c['loanTermYears'] ?? 0); y++) add('capitalCost', y, payment);
			fromYearOn('runningCost', A, (c[`running.${dwelling}`] ?? 0) * count);
			fromYearOn('rentIncome', A, (c[`rent.${dwelling}`] ?? 0) * count);
			break;
		}
		case 'innleie':
			fromYearOn('leaseCost', A, (c[`lease.${dwelling}`] ?? 0) * count);
			fromYearOn('rentIncome', A, (c[`rent.${dwelling}`] ?? 0) * count);
			break;
		case 'tilvisning':
			// The owner lets to the tenant directly; the kommune only holds the right to allocate.
			break;
		case 'salg': {
			add('saleIncome', A, (c[`sale.${dwelling}`] ?? 0) * count);
			if (m.grantPaidYear !== undefined) add('grantRepayment', A, repaymentPerDwelling(dwelling, A - m.grantPaidYear, plan, c) * count);
			fromYearOn('runningCost', A, -(c[`running.${dwelling}`] ?? 0) * count);
			fromYearOn('rentIncome', A, -(c[`rent.${dwelling}`] ?? 0) * count);
			break;
		}
		case 'avsluttet-innleie':
			fromYearOn('leaseCost', A, -(c[`lease.${dwelling}`] ?? 0) * count);
			fromYearOn('rentIncome', A, -(c[`rent.${dwelling}`] ?? 0) * count);
			break;
	}
	for (let i = 0; i < n; i++) {
		lines.netInvestment[i] = lines.investment[i]! - lines.grants[i]! - lines.saleIncome[i]! + lines.grantRepayment[i]!;
		lines.netCost[i] = lines.capitalCost[i]! + lines.runningCost[i]! + lines.leaseCost[i]! - lines.rentIncome[i]!;
	}
	return lines;
}

function addInto(target: CostLines, src: CostLines, weight = 1): void {
	for (const k of LINE_KEYS) {
		const t = target[k];
		src[k].forEach((v, i) => {
			t[i] = (t[i] ?? 0) + v * weight;
		});
	}
}

export function planBudget(input: BudgetInput): PlanBudget {
	const { plan, base, horizonYears: n } = input;
	const c = input.costs ?? costValues(plan);
	const T0 = base.baseYear;
	const years = Array.from({ length: n }, (_, i) => T0 + 1 + i);
	const total = emptyLines(n);
	const detail = input.totalsOnly ? 0 : n;
	const byKind = Object.fromEntries(MEASURE_KINDS.map((k) => [k, emptyLines(detail)])) as Record<MeasureKind, CostLines>;
	const byGroup = Object.fromEntries([...GROUP_IDS, 'felles'].map((g) => [g, emptyLines(detail)])) as Record<GroupKey, CostLines>;
	const dwellingsAdded = new Array<number>(n).fill(0);
	for (const m of plan.measures) {
		// A decided measure's cost lies in the current budget: it changes the stock, not this plan's cost.
		if (!(m.count > 0) || m.decided) continue;
		const lines = measureLines(m, input, c);
		const A = availableYear(m, plan);
		const i = A - T0 - 1;
		if (i >= 0 && i < n) dwellingsAdded[i] = (dwellingsAdded[i] ?? 0) + (m.kind === 'salg' || m.kind === 'avsluttet-innleie' ? -m.count : m.count);
		addInto(total, lines);
		if (input.totalsOnly) continue;
		addInto(byKind[m.kind], lines);
		if (m.group) {
			addInto(byGroup[m.group], lines);
			continue;
		}
		const shares = input.groupShares?.(m.segmentId, Math.min(A, T0 + n)) ?? {};
		const sum = GROUP_IDS.reduce((s, g) => s + Math.max(0, shares[g] ?? 0), 0);
		if (sum <= 0) addInto(byGroup.felles, lines);
		else for (const g of GROUP_IDS) if ((shares[g] ?? 0) > 0) addInto(byGroup[g], lines, (shares[g] as number) / sum);
	}
	const cash = years.map((_, i) => total.netInvestment[i]! + total.runningCost[i]! + total.leaseCost[i]! - total.rentIncome[i]!);
	return { years, total, byKind, byGroup, dwellingsAdded, presentValue: presentValue(cash, years, T0, c['discountRatePct'] ?? 0) };
}

/** One breakdown of a budget: a measure kind's or a target group's lines, with its Norwegian name. */
export interface BudgetBreakdown {
	/** "kind.nybygg", "group.rop", "group.felles". */
	key: string;
	name: string;
	lines: CostLines;
}

const moves = (lines: CostLines) => lines.netInvestment.some((v) => Math.abs(v) > 0.5) || lines.netCost.some((v) => Math.abs(v) > 0.5);

/**
 * The breakdowns every cost output shows, in order: per measure kind, then per target group
 * («Felles» last), each only when it moves an amount (net investment or yearly net cost) in some
 * year. `groupNames` overrides the groups' short names (a notebook's own names).
 */
export function budgetBreakdowns(b: PlanBudget, groupNames: Partial<Record<GroupId, string>> = {}): BudgetBreakdown[] {
	const names = { ...GROUP_SHORT_LABELS, ...groupNames };
	const out: BudgetBreakdown[] = [];
	for (const k of MEASURE_KINDS) out.push({ key: `kind.${k}`, name: MEASURE_LABELS[k], lines: b.byKind[k] });
	for (const g of GROUP_IDS) out.push({ key: `group.${g}`, name: names[g], lines: b.byGroup[g] });
	out.push({ key: 'group.felles', name: 'Felles', lines: b.byGroup.felles });
	return out.filter((x) => moves(x.lines));
}

/** Sum of a yearly line over the years from `from` to `to` inclusive. */
export function sumOver(line: readonly number[], years: readonly number[], from: number, to: number): number {
	let s = 0;
	years.forEach((y, i) => {
		if (y >= from && y <= to) s += line[i] ?? 0;
	});
	return s;
}

/** The økonomiplan period: the four years after the base year. */
export function economyPlanYears(baseYear: number): { from: number; to: number } {
	return { from: baseYear + 1, to: baseYear + 4 };
}
