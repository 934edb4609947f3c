/**
 * What each cell kind is, in one place: its name, which scenario(s) it shows, the year it reports
 * on, and its title (slides, print contents, the notebook's toolbar and accessible names).
 * The kind → component map is in components/CellBody.svelte.
 */
import type { Cell, CellKind, Notebook } from '../model/notebook.ts';
import { CHART_LABELS } from '../text/chart-labels.ts';

/** The name of each kind: the cell's toolbar, its accessible name and its buttons ("Flytt notat opp"). */
export const CELL_KIND_LABELS: Readonly<Record<CellKind, string>> = {
	note: 'Notat',
	assumptions: 'Forutsetninger',
	chart: 'Figur',
	table: 'Tabell',
	'key-figures': 'Nøkkeltall',
	comparison: 'Sammenligning',
	plan: 'Tiltaksplan og kostnader'
};

/** Years after the base year a key-figures, comparison or tornado cell reports on unless told. */
export const DEFAULT_YEARS_AHEAD = 10;

/** The year a cell reports on (key figures, comparison, tornado), or undefined for kinds without one. */
export function cellYear(cell: Cell, doc: Pick<Notebook, 'base'>): number | undefined {
	if (cell.kind === 'key-figures' || cell.kind === 'comparison' || (cell.kind === 'chart' && cell.chart === 'tornado')) {
		return cell.year ?? doc.base.baseYear + DEFAULT_YEARS_AHEAD;
	}
	return undefined;
}

/** The year a new cell reports on: ten years ahead, or the horizon's end if that comes first. */
export function newCellYear(doc: Pick<Notebook, 'base' | 'scenarios'>): number {
	const horizon = doc.scenarios[0]?.assumptions.horizonYears ?? DEFAULT_YEARS_AHEAD;
	return doc.base.baseYear + Math.min(DEFAULT_YEARS_AHEAD, horizon);
}

/** Whether a cell shows several scenarios side by side (it then has no single scenario). */
export function showsSeveralScenarios(cell: Cell): boolean {
	return cell.kind === 'comparison' || (cell.kind === 'chart' && cell.chart === 'scenario-comparison');
}

/** The one scenario a cell shows (notes and comparisons have none). An empty list means the first scenario. */
export function cellScenario(cell: Cell, doc?: Pick<Notebook, 'scenarios'>): string | undefined {
	if (cell.kind === 'assumptions' || cell.kind === 'key-figures' || cell.kind === 'plan') return cell.scenarioId;
	if (cell.kind === 'table' || (cell.kind === 'chart' && !showsSeveralScenarios(cell))) return cell.scenarioIds[0] ?? doc?.scenarios[0]?.id;
	return undefined;
}

/** The scenarios a cell shows, in order. */
export function cellScenarios(cell: Cell, doc: Pick<Notebook, 'scenarios'>): string[] {
	if (cell.kind === 'note') return [];
	if (showsSeveralScenarios(cell)) return 'scenarioIds' in cell ? cell.scenarioIds : [];
	const one = cellScenario(cell, doc);
	return one === undefined ? [] : [one];
}

/** Makes a single-scenario cell show another scenario (comparisons keep their list). */
export function setCellScenario(cell: Cell, scenarioId: string): void {
	if (cell.kind === 'assumptions' || cell.kind === 'key-figures' || cell.kind === 'plan') cell.scenarioId = scenarioId;
	else if (cell.kind === 'table' || (cell.kind === 'chart' && !showsSeveralScenarios(cell))) cell.scenarioIds = [scenarioId];
}

/** A short Norwegian title for a cell: slides, print contents, the toolbar and accessible names. */
export function cellTitle(cell: Cell, doc: Pick<Notebook, 'scenarios' | 'base'>): string {
	const scenarioName = (id: string | undefined) => doc.scenarios.find((s) => s.id === id)?.name ?? '';
	switch (cell.kind) {
		case 'note': {
			const heading = cell.markdown.match(/^#{1,4}\s+(.+)$/m)?.[1];
			const firstLine = cell.markdown.trim().split('\n')[0] ?? '';
			return (heading ?? firstLine.replace(/[*_#>`]/g, '')).trim().slice(0, 80) || CELL_KIND_LABELS.note;
		}
		case 'assumptions':
			return `Forutsetninger: ${scenarioName(cell.scenarioId)}`;
		case 'chart':
			return cell.title ?? CHART_LABELS[cell.chart];
		case 'table':
			return cell.title ?? `Tall per år: ${scenarioName(cell.scenarioIds[0])}`;
		case 'key-figures':
			return `Nøkkeltall ${cell.year}: ${scenarioName(cell.scenarioId)}`;
		case 'comparison':
			return `Scenarioer sammenlignet, ${cell.year}`;
		case 'plan':
			return `${CELL_KIND_LABELS.plan}: ${scenarioName(cell.scenarioId)}`;
	}
}
