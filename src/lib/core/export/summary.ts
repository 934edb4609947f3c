/**
 * The runner's summary across kommuner × scenarios: for each scenario of each notebook and each
 * chosen year (default T0 + 4 and T0 + 10), need, required stock, planned stock, gap and
 * P(required stock > planned stock), the plan's net investment in the økonomiplan period
 * (T0+1 … T0+4) and to the chosen year and its yearly net cost in that year (kroner, fixed prices
 * of the base year; empty without a plan), with the result's warnings; a notebook or file that
 * could not be run is a row with its error. As CSV (scenario-table's conventions) or XLSX (a
 * "Sammendrag" sheet and an "Advarsler" sheet with code, year and group as columns).
 */
import { GROUP_SHORT_LABELS } from '#lib/core/model/groups.ts';
import { economyPlanYears, sumOver, type PlanBudget } from '#lib/core/plan/budget.ts';
import type { MonteCarloResult, ProjectionResult } from '#lib/core/model/result.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { PROBABILITY_HEADER } from './scenario-table.ts';
import { resultWarnings } from './warnings.ts';
import { writeXlsx, type XlsxNumberFormat } from './xlsx.ts';

export interface SummaryItem {
	file: string;
	kommune: string;
	kommunenummer: string;
	notebook: string;
	scenario: string;
	result?: ProjectionResult;
	monteCarlo?: MonteCarloResult | null;
	/** The scenario's plan budget (core/plan/scenario-budget.ts); absent or null: no plan, cost columns empty. */
	budget?: PlanBudget | null;
	/** The scenario, notebook or file could not be run: why. */
	error?: string;
}

/** The default years of the summary: four and ten years after the base year. */
export const DEFAULT_SUMMARY_OFFSETS = [4, 10] as const;

export const SUMMARY_HEADER = [
	'Fil',
	'Kommunenummer',
	'Kommune',
	'Notatbok',
	'Scenario',
	'År',
	'Behov i alt (husstander)',
	'Nødvendig bestand (boliger)',
	'Planlagt bestand (boliger)',
	'Mangler (+) / overskudd (−) (boliger)',
	PROBABILITY_HEADER,
	'Netto investering T0+1–T0+4, økonomiplan (kr, faste priser i basisåret)',
	'Netto investering fra T0+1 til året (kr, faste priser i basisåret)',
	'Årlig nettokostnad i året (kr, faste priser i basisåret)',
	'Advarsler',
	'Feil'
] as const;

const NUMBER_COLUMNS: Record<number, { decimals: number; format: XlsxNumberFormat }> = {
	5: { decimals: 0, format: 'general' },
	6: { decimals: 1, format: 'count' },
	7: { decimals: 1, format: 'count' },
	8: { decimals: 1, format: 'count' },
	9: { decimals: 1, format: 'count' },
	10: { decimals: 1, format: 'decimal1' },
	11: { decimals: 0, format: 'count' },
	12: { decimals: 0, format: 'count' },
	13: { decimals: 0, format: 'count' }
};

export type SummaryCell = string | number | null;

/**
 * Rows of the summary. `years` gives the years for a result (explicit years, or T0 + 4 and T0 + 10
 * of that notebook's base year); a year outside the projection is left out.
 */
export function summaryRows(items: readonly SummaryItem[], years?: readonly number[]): SummaryCell[][] {
	const rows: SummaryCell[][] = [];
	for (const it of items) {
		const who = [it.file, it.kommunenummer, it.kommune, it.notebook, it.scenario];
		const r = it.result;
		if (!r || it.error) {
			rows.push([...who, null, null, null, null, null, null, null, null, null, '', it.error ?? 'Ikke beregnet.']);
			continue;
		}
		const warnings = resultWarnings(r)
			.map((w) => w.message)
			.join(' | ');
		const b = it.budget ?? null;
		const economy = economyPlanYears(r.baseYear);
		for (const year of years ?? DEFAULT_SUMMARY_OFFSETS.map((d) => r.baseYear + d)) {
			const i = r.years.indexOf(year);
			if (i < 0) continue;
			const j = it.monteCarlo ? it.monteCarlo.years.indexOf(year) : -1;
			const p = j >= 0 ? it.monteCarlo!.probRequiredExceedsPlanned[j] : undefined;
			rows.push([
				...who,
				year,
				r.total.need[i] ?? null,
				r.total.requiredStock[i] ?? null,
				r.total.plannedStock[i] ?? null,
				r.total.gap[i] ?? null,
				p === undefined ? null : p * 100,
				b ? sumOver(b.total.netInvestment, b.years, economy.from, economy.to) : null,
				b ? sumOver(b.total.netInvestment, b.years, economy.from, year) : null,
				b ? (b.total.netCost[b.years.indexOf(year)] ?? null) : null,
				warnings,
				''
			]);
		}
	}
	return rows;
}

export function summaryCsv(items: readonly SummaryItem[], opts: { years?: readonly number[]; bom?: boolean } = {}): string {
	const decimals = SUMMARY_HEADER.map((_, i) => NUMBER_COLUMNS[i]?.decimals ?? 1);
	return toCsv([[...SUMMARY_HEADER], ...(summaryRows(items, opts.years) as CsvCell[][])], { bom: opts.bom ?? true, decimals });
}

export const WARNINGS_HEADER = ['Fil', 'Kommunenummer', 'Kommune', 'Notatbok', 'Scenario', 'Kode', 'År', 'Målgruppe', 'Melding'] as const;

/** One row per warning, its code, year and group in their own columns. */
export function warningRows(items: readonly SummaryItem[]): SummaryCell[][] {
	return items.flatMap((it) =>
		it.result
			? resultWarnings(it.result).map((w) => [
					it.file,
					it.kommunenummer,
					it.kommune,
					it.notebook,
					it.scenario,
					w.code,
					w.year ?? null,
					w.group ? GROUP_SHORT_LABELS[w.group] : '',
					w.message
				])
			: []
	);
}

export function summaryWorkbook(items: readonly SummaryItem[], opts: { years?: readonly number[]; date?: Date } = {}): Uint8Array {
	return writeXlsx(
		[
			{
				name: 'Sammendrag',
				rows: [[...SUMMARY_HEADER], ...summaryRows(items, opts.years)],
				columnFormats: SUMMARY_HEADER.map((_, i) => NUMBER_COLUMNS[i]?.format),
				columnWidths: [24, 10, 18, 22, 22, 8, 14, 14, 14, 14, 18, 18, 18, 18, 40, 40]
			},
			{
				name: 'Advarsler',
				rows: [[...WARNINGS_HEADER], ...warningRows(items)],
				columnFormats: WARNINGS_HEADER.map(() => 'general' as const),
				columnWidths: [24, 10, 18, 22, 22, 22, 8, 16, 80]
			}
		],
		{ date: opts.date }
	);
}
