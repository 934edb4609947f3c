/** A short Norwegian title for a cell: slide overview, print table of contents, accessible names. */
import type { Cell, Notebook } from './model/notebook.ts';
import { CHART_LABELS } from './text/chart-labels.ts';


export function cellTitle(cell: Cell, doc: Notebook): string {
	const scenarioName = (id: string | undefined) => doc.scenarios.find((s) => s.id === id)?.name ?? '';
	switch (cell.kind) {
		case 'note': {
			const heading = cell.markdown.match(/^#{1,4}\s+(.+)$/m)?.[1];
			const firstLine = cell.markdown.trim().split('\n')[0] ?? '';
			return (heading ?? firstLine.replace(/[*_#>`]/g, '')).trim().slice(0, 80) || 'Notat';
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
			return `Tiltaksplan og kostnader: ${scenarioName(cell.scenarioId)}`;
	}
}
