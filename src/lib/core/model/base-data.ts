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

export interface BaseData {
	baseYear: number;
	segments: StockSegment[];
	/** Vacant dwellings at T0 (all segments). */
	vacant: number;
	groups: Record<GroupId, GroupBase>;
	provenance: Provenance;
}
