/**
 * The report workbook: one sheet per scenario (yearly results, per group and total: the same
 * rows and columns as that scenario's CSV, see scenario-table.ts) and a "Forutsetninger" sheet
 * with the base data and every scenario's assumptions.
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

export interface WorkbookInput extends ColumnOptions {
	/** `monteCarlo`, when there is one, adds P(required > planned) per year. */
	scenarios: readonly { scenario: Scenario; result: ProjectionResult; monteCarlo?: MonteCarloResult | null }[];
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

export function projectionSheets(input: WorkbookInput): XlsxSheet[] {
	const columns = input.columns ?? projectionColumns(input);
	const sheets: XlsxSheet[] = input.scenarios.map(({ scenario, result, monteCarlo }) => {
		// A variant's sheet says what it changes from its parent (when the parent is exported too).
		const differences = describeOverrides({ scenarios: input.scenarios.map((s) => s.scenario) }, scenario).map((l) => l.text);
		const context = input.context ? { ...input.context, scenario: scenario.name, ...(differences.length ? { differences } : {}) } : undefined;
		const table = scenarioTable(result, columns, { context, monteCarlo });
		return {
			name: scenario.name,
			rows: [...table.block, table.header, ...table.rows],
			headerRows: table.block.length + 1,
			columnFormats: table.columns.map((c) => FORMAT_BY_KIND[c.kind]),
			columnWidths: table.columns.map((c) => (c.kind === 'year' ? 10 : 16))
		};
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
