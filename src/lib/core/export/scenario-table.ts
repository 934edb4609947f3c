/**
 * One scenario's yearly results as the rows of a report file, shared by the CSV download, the
 * XLSX sheet and the runner's `--ut` files, so a table's CSV and its XLSX sheet always have the
 * same rows and columns.
 *
 * Layout (documented in docs/file-format.md, "Report exports"):
 *   Kommune;Eksempelkommune (0301)      ┐ a label/value block naming what the numbers are,
 *   Notatbok;…                          │ only the lines that are known; then one line per
 *   Scenario;Basis                      │ warning of the result ("Advarsel";message);
 *   Tall per;2026-11-29                 │ then an empty line
 *   Advarsel;Befolkningen er holdt …    ┘
 *
 *   År;Behov …;…;Sannsynlighet for at nødvendig bestand er større enn planlagt (%)
 *   2026;…
 * Without context and warnings the file starts directly with the header row.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';
import type { TableColumn } from './columns.ts';
import { resultWarnings } from './warnings.ts';
import { localIsoDate } from '#lib/core/text/dates.ts';

/** What the numbers are: printed inside every exported file. */
export interface ExportContext {
	kommune: string;
	/** Four-digit kommunenummer; empty or absent for the fictional example. */
	kommunenummer?: string;
	notebook?: string;
	scenario: string;
	/** What the scenario changes from the one it inherits from, one line each (core/scenarios/difference-text.ts). */
	differences?: readonly string[];
	/** When the numbers were computed (the export or run moment). */
	date: Date;
}

/** Kommune, notebook and date of an export from this notebook (the scenario is added per file or sheet). */
export function notebookExportContext(nb: Pick<Notebook, 'title' | 'kommune'>, date: Date): Omit<ExportContext, 'scenario'> {
	return { kommune: nb.kommune.name, kommunenummer: nb.kommune.number, notebook: nb.title, date };
}

const PROBABILITY_KEY = 'total.probRequiredExceedsPlanned';
export const PROBABILITY_HEADER = 'Sannsynlighet for at nødvendig bestand er større enn planlagt (%)';

/** P(required stock > planned stock) of each year, in percent, matched to the result's years. */
export function probabilityColumn(mc: MonteCarloResult): TableColumn {
	return {
		key: PROBABILITY_KEY,
		header: PROBABILITY_HEADER,
		kind: 'percent',
		values: (r, i) => {
			const j = mc.years.indexOf(r.years[i] ?? Number.NaN);
			const p = j < 0 ? undefined : mc.probRequiredExceedsPlanned[j];
			return p === undefined ? Number.NaN : p * 100;
		}
	};
}

export function contextLines(context: ExportContext | undefined): [string, string][] {
	if (!context) return [];
	const kommune = context.kommunenummer ? `${context.kommune} (${context.kommunenummer})` : context.kommune;
	return [
		['Kommune', kommune],
		...(context.notebook ? ([['Notatbok', context.notebook]] as [string, string][]) : []),
		['Scenario', context.scenario],
		...(context.differences ?? []).map((d): [string, string] => ['Endring', d]),
		// The local day in ISO, so every spreadsheet reads it the same way.
		['Tall per', localIsoDate(context.date)]
	];
}

export interface ScenarioTable {
	/** Label/value lines before the table, ending with an empty line; [] when there is nothing to say. */
	block: (string | null)[][];
	header: string[];
	rows: number[][];
	columns: TableColumn[];
}

export function scenarioTable(
	result: ProjectionResult,
	columns: readonly TableColumn[],
	opts: { context?: ExportContext; monteCarlo?: MonteCarloResult | null } = {}
): ScenarioTable {
	// The on-screen table may already carry the probability (report/yearly-table.ts): never twice.
	const hasProbability = columns.some((c) => c.key === PROBABILITY_KEY);
	const cols = [...columns, ...(opts.monteCarlo && !hasProbability ? [probabilityColumn(opts.monteCarlo)] : [])];
	const lines: (string | null)[][] = [
		...contextLines(opts.context),
		...resultWarnings(result).map((w) => ['Advarsel', w.message])
	];
	return {
		block: lines.length > 0 ? [...lines, []] : [],
		header: cols.map((c) => c.header),
		rows: result.years.map((_, i) => cols.map((c) => c.values(result, i))),
		columns: cols
	};
}
