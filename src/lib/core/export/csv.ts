/**
 * CSV that Excel with Norwegian settings opens correctly: semicolon separator, decimal comma,
 * UTF-8 with BOM (so æøå survive), CRLF line ends and quoting per RFC 4180. No thousands
 * separator (Excel would read "1 234" as text). Missing or non-finite numbers are empty cells.
 * Text cells that start with = + - @ (formula injection in Excel) get a leading apostrophe; the
 * guard is for text only: numbers are written by formatCsvNumber and stay numbers (−2 is "-2").
 */
import type { ProjectionResult } from '#lib/core/model/result.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { GroupId } from '#lib/core/model/groups.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import { ASSUMPTION_HEADER, assumptionRowCells, assumptionRows, baseDataRows } from './assumptions.ts';
import { projectionColumns, type ColumnOptions, type TableColumn } from './columns.ts';
import { scenarioTable, type ExportContext } from './scenario-table.ts';
import type { MonteCarloResult } from '#lib/core/model/result.ts';
import type { PlanBudget } from '#lib/core/plan/budget.ts';
import { costTable } from './cost-table.ts';

export type CsvCell = string | number | null | undefined;

export const CSV_BOM = '\uFEFF';

export interface CsvOptions {
	/** Default true (Excel needs it to read UTF-8). */
	bom?: boolean;
	/** Decimals per column kind; default count 1, years 1, percent 1 (year always 0). */
	decimals?: Partial<Record<'count' | 'years' | 'percent', number>>;
}

/** 1234.56 → "1234,6" (1 decimal). NaN/±Infinity → "". Never "-0". */
export function formatCsvNumber(n: number, decimals: number): string {
	if (!Number.isFinite(n)) return '';
	const s = n.toFixed(decimals);
	const t = /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
	return t.replace('.', ',');
}

const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One text field, quoted per RFC 4180 when needed, defused against formula injection. */
export function csvText(s: string): string {
	const safe = FORMULA_START.test(s) ? `'${s}` : s;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Up to 4 decimals, trailing zeros dropped: assumptions keep the precision they were entered with. */
export type CsvDecimals = number | 'trim';

function formatNumberCell(n: number, decimals: CsvDecimals): string {
	if (decimals !== 'trim') return formatCsvNumber(n, decimals);
	const s = formatCsvNumber(n, 4);
	return s.includes(',') ? s.replace(/0+$/, '').replace(/,$/, '') : s;
}

/** Rows to CSV text. Numbers use `decimals[i]` for column i (default 1). */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts: { bom?: boolean; decimals?: readonly CsvDecimals[] } = {}): string {
	const lines = rows.map((row) =>
		row
			.map((cell, i) => {
				if (cell === null || cell === undefined) return '';
				if (typeof cell === 'number') return formatNumberCell(cell, opts.decimals?.[i] ?? 1);
				return csvText(cell);
			})
			.join(';')
	);
	return `${opts.bom === false ? '' : CSV_BOM}${lines.join('\r\n')}\r\n`;
}

function decimalsFor(columns: readonly TableColumn[], d: CsvOptions['decimals'] = {}): number[] {
	return columns.map((c) => (c.kind === 'year' ? 0 : (d[c.kind] ?? 1)));
}

/**
 * One scenario's yearly results as CSV: a header row, one row per year, per group and total
 * columns (default: projectionColumns(opts)), or any TableColumn list (e.g. YEARLY_COLUMNS).
 * With `context` or result warnings the file starts with the label/value block of
 * scenario-table.ts; with `monteCarlo` a last column gives P(required > planned) per year.
 * With `budget` (the scenario's plan) a second table follows after an empty line: the costs per
 * year (cost-table.ts), under the heading «Kostnader i tiltaksplanen», in whole kroner.
 */
export function projectionToCsv(
	result: ProjectionResult,
	opts: CsvOptions &
		ColumnOptions & { columns?: readonly TableColumn[]; context?: ExportContext; monteCarlo?: MonteCarloResult | null; budget?: PlanBudget | null } = {}
): string {
	const table = scenarioTable(result, opts.columns ?? projectionColumns(opts), opts);
	const text = toCsv([...table.block, table.header, ...table.rows], { bom: opts.bom, decimals: decimalsFor(table.columns, opts.decimals) });
	if (!opts.budget) return text;
	// After the yearly table, under its own heading; the context is already at the top of the file.
	return `${text}\r\n${costCsv(opts.budget, result.baseYear, { labels: opts.labels, title: true, bom: false })}`;
}

/**
 * The plan's costs per year as CSV (cost-table.ts): the same columns as the XLSX cost sheet and the
 * cost section of a scenario's CSV, whole kroner. Alone (the plan cell's download) with the
 * kommune/scenario/date block; inside a scenario's CSV under the heading «Kostnader i tiltaksplanen».
 */
export function costCsv(
	budget: PlanBudget,
	baseYear: number,
	opts: { context?: ExportContext; labels?: Partial<Record<GroupId, string>>; title?: boolean; bom?: boolean } = {}
): string {
	const costs = costTable(budget, baseYear, { ...(opts.context ? { context: opts.context } : {}), labels: opts.labels });
	const rows = [...(opts.title ? [[COST_SECTION_TITLE]] : []), ...costs.block, costs.header, ...costs.rows];
	return toCsv(rows, { bom: opts.bom, decimals: costs.header.map(() => 0) });
}

/** The first line of the cost section in a scenario's CSV. */
export const COST_SECTION_TITLE = 'Kostnader i tiltaksplanen';

/** Base data and assumptions of the given scenarios as CSV (the «Forutsetninger» sheet, for Excel). */
export function assumptionsToCsv(
	scenarios: readonly Scenario[],
	opts: { base?: BaseData; labels?: Partial<Record<GroupId, string>>; bom?: boolean } = {}
): string {
	const rows = [...(opts.base ? baseDataRows(opts.base, opts.labels) : []), ...scenarios.flatMap((s) => assumptionRows(s, opts.labels))];
	// Assumptions keep their precision (up to 4 decimals, trailing zeros dropped), as numbers.
	return toCsv([[...ASSUMPTION_HEADER], ...rows.map(assumptionRowCells)], { bom: opts.bom, decimals: ASSUMPTION_HEADER.map(() => 'trim' as const) });
}
