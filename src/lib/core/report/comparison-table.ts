/**
 * Several scenarios year by year: required stock of each, and the difference from the first.
 * Used by a table cell that shows more than one scenario.
 */
import type { ProjectionResult } from '../model/result.ts';

export interface ComparisonTable {
	header: string[];
	rows: number[][];
}

export function comparisonTable(runs: readonly { name: string; result: ProjectionResult }[]): ComparisonTable {
	const first = runs[0];
	if (!first) return { header: [], rows: [] };
	const header = ['År', ...runs.map((r) => `Nødvendig bestand: ${r.name}`), ...runs.slice(1).map((r) => `${r.name} − ${first.name}`)];
	const rows = first.result.years.map((year, i) => {
		const values = runs.map((r) => r.result.total.requiredStock[i] ?? 0);
		const base = values[0] ?? 0;
		return [year, ...values, ...values.slice(1).map((v) => v - base)];
	});
	return { header, rows };
}
