/**
 * The yearly numbers of one scenario as a table (columns with Norwegian headers and units).
 * One definition used by the table cell, the spreadsheet copy, CSV/XLSX export and the runner.
 */
import { GROUP_IDS, GROUP_SHORT_LABELS } from '../model/groups.ts';
import type { MonteCarloResult, ProjectionResult } from '../model/result.ts';

export interface TableColumn {
	key: string;
	header: string;
	/** 'count' = whole households/dwellings, 'years', 'percent'. */
	kind: 'year' | 'count' | 'years' | 'percent';
	values: (result: ProjectionResult, i: number) => number;
}

const at = (a: Float64Array, i: number) => a[i] ?? 0;

export const YEARLY_COLUMNS: readonly TableColumn[] = [
	{ key: 'year', header: 'År', kind: 'year', values: (r, i) => r.years[i] ?? 0 },
	...GROUP_IDS.map(
		(g): TableColumn => ({
			key: `${g}.need`,
			header: `Behov ${GROUP_SHORT_LABELS[g]}`,
			kind: 'count',
			values: (r, i) => at(r.groups[g].need, i)
		})
	),
	{ key: 'total.need', header: 'Behov i alt (husstander)', kind: 'count', values: (r, i) => at(r.total.need, i) },
	{ key: 'total.tenants', header: 'Leietakere', kind: 'count', values: (r, i) => at(r.total.tenants, i) },
	{ key: 'total.waiting', header: 'Venteliste', kind: 'count', values: (r, i) => at(r.total.waiting, i) },
	{ key: 'total.moveIns', header: 'Innflyttinger', kind: 'count', values: (r, i) => at(r.total.moveIns, i) },
	{ key: 'total.exits', header: 'Utflyttinger', kind: 'count', values: (r, i) => at(r.total.exits, i) },
	{
		key: 'total.turnoverPct',
		header: 'Gjennomstrømming, bebodde boliger (%)',
		kind: 'percent',
		values: (r, i) => at(r.total.turnoverPct, i)
	},
	{ key: 'total.botidEstimated', header: 'Beregnet botid, bebodde boliger (år)', kind: 'years', values: (r, i) => at(r.total.botidEstimated, i) },
	{ key: 'total.requiredStock', header: 'Nødvendig bestand (boliger)', kind: 'count', values: (r, i) => at(r.total.requiredStock, i) },
	{ key: 'total.plannedStock', header: 'Planlagt bestand (boliger)', kind: 'count', values: (r, i) => at(r.total.plannedStock, i) },
	{ key: 'total.gap', header: 'Mangler (+) / overskudd (−)', kind: 'count', values: (r, i) => at(r.total.gap, i) }
];

export function yearlyTable(result: ProjectionResult, columns: readonly TableColumn[] = YEARLY_COLUMNS): number[][] {
	return result.years.map((_, i) => columns.map((c) => c.values(result, i)));
}

/**
 * P(required stock > planned stock) per year, in %, from a Monte Carlo run of the same scenario
 * (issue 10 item 9). Appended to the yearly table once the bands are there.
 */
export function probabilityColumn(mc: MonteCarloResult): TableColumn {
	return {
		key: 'total.probRequiredExceedsPlanned',
		header: 'Sannsynlighet nødvendig > planlagt bestand (%)',
		kind: 'percent',
		values: (_r, i) => (mc.probRequiredExceedsPlanned[i] ?? 0) * 100
	};
}
