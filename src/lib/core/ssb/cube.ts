/**
 * The common shape both readers (JSON-stat and CSV) produce: classified dimensions with their
 * categories in file order, and a cell lookup by one category index per dimension.
 */
import type { CellValue } from './csv.ts';
import type { DimensionKind } from './dimensions.ts';

export interface CubeCategory {
	code: string;
	label: string;
}

export interface CubeDimension {
	id: string;
	label: string;
	kind: DimensionKind;
	categories: CubeCategory[];
}

export interface Cube {
	format: 'json-stat' | 'csv';
	/** The dataset label / CSV title line, e.g. "14288: Framskrevet folkemengde 1. januar, ...". */
	title?: string;
	/** SSB table number if the file says it (JSON-stat extension.px.tableid, or the title). */
	tableId?: string;
	/** ISO time the table was updated, if given. */
	updated?: string;
	dimensions: CubeDimension[];
	/** Value at one category index per dimension (same order as `dimensions`); undefined = absent. */
	get(indexes: readonly number[]): CellValue | undefined;
	/** Number of cells that hold an SSB symbol (missing/confidential) rather than a number. */
	missingCount: number;
	/** Number of cells with SSB's "-" (null), read as 0. */
	zeroMarkerCount: number;
}

/** The first dimension of a kind, with its position. */
export function findDimension(cube: Cube, kind: DimensionKind): { index: number; dim: CubeDimension } | undefined {
	const index = cube.dimensions.findIndex((d) => d.kind === kind);
	const dim = cube.dimensions[index];
	return dim ? { index, dim } : undefined;
}

/** A five-digit SSB table number at the start of a title: "14288: Framskrevet ..." → "14288". */
export function tableIdFromTitle(title: string | undefined): string | undefined {
	if (!title) return undefined;
	const m = /(?:^|tabell\s*)(\d{5})\b/i.exec(title.trim());
	return m?.[1];
}
