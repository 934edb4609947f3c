/**
 * Observed facts at the base year T0 (status at 31.12): the same for every scenario of a notebook.
 */
import type { GroupId } from './groups.ts';
import type { Provenance } from './population.ts';

/** A part of the stock. The ordinary pool has `groups: 'all'`. */
export interface StockSegment {
	id: string;
	/** E.g. "Ordinære boliger", "Bemannede boliger", "Omsorgsboliger". */
	name: string;
	/** Which groups may live here: 'all' for the shared pool, else the named groups (earmarked). */
	groups: 'all' | GroupId[];
	/** Dwellings at disposal at T0 (owned, leased-in, allocation right), including vacant ones. */
	dwellings: number;
}

export interface GroupBase {
	/** Households living in a municipal dwelling at T0 (H). */
	tenants: number;
	/** Households with a positive decision and no dwelling at T0 (Q). */
	waiting: number;
	/** New tenant households during the base year (KOSTRA definition); optional, for calibration and checks. */
	newTenantsLastYear?: number;
}

/**
 * Observed totals of one year up to T0, as reported to KOSTRA (all five groups and any other
 * households together). Absent fields were not reported or not imported.
 */
export interface HistoryYear {
	year: number;
	/** Dwellings at disposal at year end, vacant ones included. */
	dwellings?: number;
	/** Vacant dwellings at year end. */
	vacant?: number;
	/** New tenant households during the year (nyinnflyttede husstander). */
	newTenants?: number;
	/** Households on the waiting list at year end. */
	waiting?: number;
}

/** The kommune's own history before T0: what the charts mark as observed and the hindcast checks against. */
export interface BaseHistory {
	/** Ascending, unique years, none after the base year. */
	years: HistoryYear[];
	provenance: Provenance;
}

/**
 * Where one number of the base data comes from, where the fields differ (a KOSTRA import fills
 * some, the planner types others): see `BaseData.fieldOrigins` and core/report/provenance.ts.
 */
export interface BaseFieldOrigin {
	/** As the value's label says it: oppgitt, importert, eksempel, plassholder. */
	kind: 'entered' | 'imported' | 'example' | 'placeholder';
	/** Norwegian: where an imported number comes from, "SSB KOSTRA (tabell 12008), 2024". */
	source?: string;
}

export interface BaseData {
	baseYear: number;
	segments: StockSegment[];
	/** Vacant dwellings at T0 (all segments). */
	vacant: number;
	groups: Record<GroupId, GroupBase>;
	provenance: Provenance;
	/**
	 * Observed years before T0 (optional). Absent = no history: the charts start at T0 and there is
	 * no hindcast, exactly as before the field existed. Never read by the projection itself.
	 */
	history?: BaseHistory;
	/**
	 * The origin of each number, once they differ: key = the field's path in BaseData ("vacant",
	 * "baseYear", "segments.<id>.dwellings", "groups.<g>.tenants|waiting|newTenantsLastYear";
	 * core/base-data/field-origins.ts). A key without an entry, and the whole map when absent (every
	 * file written before it existed), takes the origin of `provenance`. Optional: no schema bump.
	 */
	fieldOrigins?: Record<string, BaseFieldOrigin>;
}
