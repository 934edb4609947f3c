/**
 * The report workbook: one sheet per scenario (yearly results, per group and total: the same
 * rows and columns as that scenario's CSV, see scenario-table.ts), after it a cost sheet for a
 * scenario with a plan (cost-table.ts), and a "Forutsetninger" sheet with the base data and every
 * scenario's assumptions.
 */
import type { GroupId } from '#lib/core/model/groups.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';
import { ASSUMPTION_HEADER, assumptionRowCells, assumptionRows, baseDataRows } from './assumptions.ts';
import { projectionColumns, type ColumnOptions, type TableColumn } from './columns.ts';
import { scenarioTable, type ExportContext } from './scenario-table.ts';
import { describeOverrides } from '../scenarios/difference-text.ts';
import { writeXlsx, type XlsxNumberFormat, type XlsxSheet } from './xlsx.ts';
import { costTable, type CostColumnKind } from './cost-table.ts';
import type { PlanBudget } from '#lib/core/plan/budget.ts';
import { scenarioPlanBudget } from '#lib/core/plan/scenario-budget.ts';

export interface WorkbookInput extends ColumnOptions {
	/** `monteCarlo`, when there is one, adds P(required > planned) per year. */
	/**
	 * `budget`: the plan's costs for the cost sheet; absent: computed from the scenario's plan when
	 * `base` is given (scenario-budget.ts); null or no plan: no cost sheet.
	 */
	scenarios: readonly { scenario: Scenario; result: ProjectionResult; monteCarlo?: MonteCarloResult | null; budget?: PlanBudget | null }[];
	/**
	 * The notebook's scenarios, so a variant's sheet names what it changes from its parent even when
	 * the parent has no sheet (no result, or a failed run). Default: the exported ones.
	 */
	allScenarios?: readonly Scenario[];
	/** Kommune, notebook and date, written above every scenario's table (the scenario's name is added per sheet). */
	context?: Omit<ExportContext, 'scenario'>;
	base?: BaseData;
	labels?: Partial<Record<GroupId, string>>;
	columns?: readonly TableColumn[];
	/** ZIP timestamps; default 1980-01-01 (reproducible bytes). */
	date?: Date;
}

/** The precision the app shows: whole households and dwellings, one decimal for years and percentages. */
const FORMAT_BY_KIND: Record<TableColumn['kind'], XlsxNumberFormat> = { year: 'general', count: 'count', years: 'decimal1', percent: 'decimal1' };

export const ASSUMPTIONS_SHEET_NAME = 'Forutsetninger';

const COST_FORMAT: Record<CostColumnKind, XlsxNumberFormat | undefined> = { year: 'general', text: undefined, count: 'count', kr: 'count' };
const COST_SHEET_SUFFIX = ' – kostnader';

/** "Basis – kostnader": the scenario's name shortened so the suffix survives Excel's 31 characters. */
export function costSheetName(scenarioName: string): string {
	return `${scenarioName.slice(0, 31 - COST_SHEET_SUFFIX.length).trimEnd()}${COST_SHEET_SUFFIX}`;
}

export function projectionSheets(input: WorkbookInput): XlsxSheet[] {
	const columns = input.columns ?? projectionColumns(input);
	const sheets: XlsxSheet[] = input.scenarios.flatMap(({ scenario, result, monteCarlo, budget }) => {
		// A variant's sheet says what it changes from its parent.
		const differences = describeOverrides({ scenarios: input.allScenarios ?? input.scenarios.map((s) => s.scenario) }, scenario).map((l) => l.text);
		const context = input.context ? { ...input.context, scenario: scenario.name, ...(differences.length ? { differences } : {}) } : undefined;
		const table = scenarioTable(result, columns, { context, monteCarlo });
		const out: XlsxSheet[] = [
			{
				name: scenario.name,
				rows: [...table.block, table.header, ...table.rows],
				headerRows: table.block.length + 1,
				columnFormats: table.columns.map((c) => FORMAT_BY_KIND[c.kind]),
				columnWidths: table.columns.map((c) => (c.kind === 'year' ? 10 : 16))
			}
		];
		const costs = budget !== undefined ? budget : input.base ? scenarioPlanBudget(scenario.assumptions, input.base, result) : null;
		if (costs) {
			const ct = costTable(costs, result.baseYear, { context, labels: input.labels });
			out.push({
				name: costSheetName(scenario.name),
				rows: [...ct.block, ct.header, ...ct.rows],
				headerRows: ct.block.length + 1,
				columnFormats: ct.columns.map((c) => COST_FORMAT[c.kind]),
				columnWidths: ct.columns.map((c) => (c.kind === 'year' ? 10 : c.kind === 'text' ? 13 : 18))
			});
		}
		return out;
	});
	const assumptionData = [
		...(input.base ? baseDataRows(input.base, input.labels) : []),
		...input.scenarios.flatMap(({ scenario }) => assumptionRows(scenario, input.labels))
	].map(assumptionRowCells);
	sheets.push({
		name: ASSUMPTIONS_SHEET_NAME,
		rows: [[...ASSUMPTION_HEADER], ...assumptionData],
		columnFormats: [undefined, undefined, undefined, 'general', undefined, undefined, 'general', 'general'],
		columnWidths: [22, 22, 48, 14, 24, 20, 10, 10]
	});
	return sheets;
}

/** The `.xlsx` bytes. */
export function projectionWorkbook(input: WorkbookInput): Uint8Array {
	return writeXlsx(projectionSheets(input), { date: input.date });
}
