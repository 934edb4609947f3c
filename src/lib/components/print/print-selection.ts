/**
 * Which cells a printout contains. Pure (no DOM), so the print page and its tests agree.
 * - `alt` (default): every visible cell, in notebook order (hidden cells are never printed).
 * - `sammenligning` (?utvalg=sammenligning): only the scenario comparisons: comparison tables
 *   and scenario-comparison charts, for a saksframlegg that compares alternatives.
 */
import type { Cell, Notebook } from '#lib/core/model/notebook.ts';

export type PrintSelection = 'alt' | 'sammenligning';

export function parseSelection(value: string | null | undefined): PrintSelection {
	return value === 'sammenligning' ? 'sammenligning' : 'alt';
}

export function printCells(doc: Pick<Notebook, 'cells'>, selection: PrintSelection): Cell[] {
	const visible = doc.cells.filter((c) => !c.hidden);
	if (selection === 'alt') return visible;
	return visible.filter((c) => c.kind === 'comparison' || (c.kind === 'chart' && c.chart === 'scenario-comparison'));
}
