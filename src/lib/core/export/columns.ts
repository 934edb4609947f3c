/**
 * Column definitions for report exports of one projection: yearly rows, one column per group and
 * a total for each chosen measure, Norwegian headers with units. Uses the TableColumn shape of
 * report/yearly-table.ts, so YEARLY_COLUMNS (the on-screen table) can be exported as well.
 */
import { GROUP_IDS, GROUP_SHORT_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { GroupSeries, ProjectionResult, SegmentSeries, TotalSeries } from '#lib/core/model/result.ts';
import type { TableColumn } from '#lib/core/report/yearly-table.ts';

export type { TableColumn } from '#lib/core/report/yearly-table.ts';

export type GroupMeasure = keyof GroupSeries;
export type TotalOnlyMeasure = Exclude<keyof TotalSeries, keyof GroupSeries>;

type Kind = TableColumn['kind'];

/** Norwegian label, unit (for the header) and number kind of every series. */
export const MEASURES: Readonly<Record<GroupMeasure | TotalOnlyMeasure, { label: string; unit: string; kind: Kind }>> = {
	need: { label: 'Behov (leietakere + venteliste)', unit: 'husstander', kind: 'count' },
	tenants: { label: 'Leietakere', unit: 'husstander', kind: 'count' },
	waiting: { label: 'Venteliste', unit: 'husstander', kind: 'count' },
	newNeed: { label: 'Nytt behov', unit: 'husstander per år', kind: 'count' },
	moveIns: { label: 'Innflyttinger', unit: 'husstander per år', kind: 'count' },
	exits: { label: 'Utflyttinger', unit: 'husstander per år', kind: 'count' },
	waitingAttrition: { label: 'Frafall fra ventelisten', unit: 'husstander per år', kind: 'count' },
	requiredStock: { label: 'Nødvendig bestand', unit: 'boliger', kind: 'count' },
	turnoverPct: { label: 'Gjennomstrømming, bebodde boliger', unit: '%', kind: 'percent' },
	botidEstimated: { label: 'Beregnet botid, bebodde boliger', unit: 'år', kind: 'years' },
	meanTenure: { label: 'Botid i modellen', unit: 'år', kind: 'years' },
	waitingTimeYears: { label: 'Forventet ventetid', unit: 'år', kind: 'years' },
	plannedStock: { label: 'Planlagt bestand', unit: 'boliger', kind: 'count' },
	gap: { label: 'Mangler (+) / overskudd (−)', unit: 'boliger', kind: 'count' },
	gapCumulative: { label: 'Akkumulert mangel', unit: 'boliger', kind: 'count' },
	vacancyPct: { label: 'Ledighet', unit: '%', kind: 'percent' },
	turnoverAllDwellingsPct: { label: 'Gjennomstrømming, alle boliger', unit: '%', kind: 'percent' },
	botidAllDwellings: { label: 'Beregnet botid, alle boliger', unit: 'år', kind: 'years' }
};

export const DEFAULT_GROUP_MEASURES: readonly GroupMeasure[] = ['need', 'requiredStock', 'tenants', 'waiting', 'newNeed', 'moveIns', 'exits'];
export const DEFAULT_TOTAL_MEASURES: readonly TotalOnlyMeasure[] = ['plannedStock', 'gap', 'gapCumulative'];

export interface ColumnOptions {
	/** Group names for headers; default GROUP_SHORT_LABELS. */
	labels?: Partial<Record<GroupId, string>>;
	/** Measures shown per group and in total, in this order. */
	groupMeasures?: readonly GroupMeasure[];
	/** Measures that exist only in total (planned stock, gap, …). */
	totalMeasures?: readonly TotalOnlyMeasure[];
	/** Header of the total columns; default "i alt". */
	totalLabel?: string;
}

const at = (a: Float64Array | undefined, i: number) => a?.[i] ?? Number.NaN;

/** Year column, then for each measure one column per group and its total, then the total-only measures. */
export function projectionColumns(opts: ColumnOptions = {}): TableColumn[] {
	const labels = { ...GROUP_SHORT_LABELS, ...opts.labels };
	const totalLabel = opts.totalLabel ?? 'i alt';
	const cols: TableColumn[] = [{ key: 'year', header: 'År', kind: 'year', values: (r, i) => r.years[i] ?? Number.NaN }];
	for (const m of opts.groupMeasures ?? DEFAULT_GROUP_MEASURES) {
		const { label, unit, kind } = MEASURES[m];
		for (const g of GROUP_IDS) cols.push({ key: `${g}.${m}`, header: `${label} – ${labels[g]} (${unit})`, kind, values: (r, i) => at(r.groups[g][m], i) });
		cols.push({ key: `total.${m}`, header: `${label} – ${totalLabel} (${unit})`, kind, values: (r, i) => at(r.total[m], i) });
	}
	for (const m of opts.totalMeasures ?? DEFAULT_TOTAL_MEASURES) {
		const { label, unit, kind } = MEASURES[m];
		cols.push({ key: `total.${m}`, header: `${label} (${unit})`, kind, values: (r, i) => at(r.total[m], i) });
	}
	return cols;
}

/** Header row plus one row per year. */
export function projectionRows(result: ProjectionResult, columns: readonly TableColumn[]): { header: string[]; rows: number[][] } {
	return { header: columns.map((c) => c.header), rows: result.years.map((_, i) => columns.map((c) => c.values(result, i))) };
}

/** The series shown when a table looks at one group (or the total) in detail. */
export const GROUP_DETAIL_MEASURES: readonly GroupMeasure[] = [
	'need',
	'tenants',
	'waiting',
	'waitingTimeYears',
	'newNeed',
	'moveIns',
	'exits',
	'waitingAttrition',
	'turnoverPct',
	'botidEstimated',
	'meanTenure',
	'requiredStock'
];

/** Year, then every detail series of one group (or of the total), with the same labels as the exports. */
export function groupDetailColumns(group: GroupId | 'total'): TableColumn[] {
	const cols: TableColumn[] = [{ key: 'year', header: 'År', kind: 'year', values: (r, i) => r.years[i] ?? Number.NaN }];
	for (const m of GROUP_DETAIL_MEASURES) {
		const { label, unit, kind } = MEASURES[m];
		cols.push({
			key: `${group}.${m}`,
			header: `${label} (${unit})`,
			kind,
			values: (r, i) => at(group === 'total' ? r.total[m] : r.groups[group][m], i)
		});
	}
	return cols;
}

/**
 * Occupied and free dwellings of each stock segment per year (issue 10 item 10). Only capacity runs
 * place households in segments (`ProjectionResult.segments`); a result without them (need mode)
 * gives NaN, which the table and the files leave empty.
 */
export function segmentColumns(segments: readonly Pick<SegmentSeries, 'id' | 'name'>[]): TableColumn[] {
	const of = (r: ProjectionResult, id: string) => r.segments?.find((s) => s.id === id);
	return segments.flatMap(({ id, name }): TableColumn[] => [
		{ key: `segments.${id}.occupied`, header: `Bebodd: ${name} (boliger)`, kind: 'count', values: (r, i) => at(of(r, id)?.occupied, i) },
		{ key: `segments.${id}.free`, header: `Ledig: ${name} (boliger)`, kind: 'count', values: (r, i) => at(of(r, id)?.free, i) }
	]);
}
