/**
 * Pure edits of a notebook document (no Svelte, no storage): the session applies them inside
 * `update()`, so each is one undo step and is autosaved. Tested in Node.
 */
import type { Cell, CellKind, ChartKind, Notebook, Scenario } from '../model/notebook.ts';
import { newCellYear } from './cells.ts';

export function newId(prefix: string, existing: Iterable<string>, random = Math.random): string {
	const taken = new Set(existing);
	for (;;) {
		const id = `${prefix}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
		if (!taken.has(id)) return id;
	}
}

export function moveCell(doc: Notebook, cellId: string, delta: -1 | 1): void {
	const i = doc.cells.findIndex((c) => c.id === cellId);
	const j = i + delta;
	if (i < 0 || j < 0 || j >= doc.cells.length) return;
	const [cell] = doc.cells.splice(i, 1);
	if (cell) doc.cells.splice(j, 0, cell);
}

export function deleteCell(doc: Notebook, cellId: string): void {
	const i = doc.cells.findIndex((c) => c.id === cellId);
	if (i >= 0) doc.cells.splice(i, 1);
}

export function addCell(doc: Notebook, kind: CellKind, opts: { chart?: ChartKind; random?: () => number } = {}): Cell {
	const id = newId('celle', doc.cells.map((c) => c.id), opts.random);
	const basis = doc.scenarios[0]?.id ?? '';
	const year = newCellYear(doc);
	let cell: Cell;
	switch (kind) {
		case 'note':
			cell = { id, kind, markdown: 'Skriv et notat her. Du kan bruke **Markdown**.' };
			break;
		case 'assumptions':
			cell = { id, kind, scenarioId: basis };
			break;
		case 'chart':
			cell = { id, kind, chart: opts.chart ?? 'need-by-group', scenarioIds: opts.chart === 'scenario-comparison' ? doc.scenarios.map((s) => s.id) : [basis], ...(opts.chart === 'tornado' ? { year } : {}) };
			break;
		case 'table':
			cell = { id, kind, scenarioIds: [basis] };
			break;
		case 'key-figures':
			cell = { id, kind, scenarioId: basis, year };
			break;
		case 'comparison':
			cell = { id, kind, scenarioIds: doc.scenarios.map((s) => s.id), year };
			break;
		case 'plan':
			cell = { id, kind, scenarioId: basis };
			break;
	}
	doc.cells.push(cell);
	return cell;
}

/** A variant: a full copy of a scenario's assumptions under a new name, remembering its origin. */
export function copyScenario(doc: Notebook, fromId: string, name: string, random = Math.random): Scenario | null {
	const from = doc.scenarios.find((s) => s.id === fromId);
	if (!from) return null;
	const copy: Scenario = {
		id: newId('scenario', doc.scenarios.map((s) => s.id), random),
		name,
		description: `Kopi av ${from.name}.`,
		basedOn: from.id,
		// JSON copy, not structuredClone: inside session.update() the document is a Svelte $state
		// proxy, which structuredClone refuses. Documents are plain JSON by design.
		assumptions: JSON.parse(JSON.stringify(from.assumptions)) as Scenario['assumptions']
	};
	doc.scenarios.push(copy);
	return copy;
}

/** Removes a scenario and every reference to it (cells that only showed it are removed too). */
export function deleteScenario(doc: Notebook, id: string): void {
	if (doc.scenarios.length <= 1) return;
	doc.scenarios = doc.scenarios.filter((s) => s.id !== id);
	const fallback = doc.scenarios[0]?.id ?? '';
	for (const s of doc.scenarios) if (s.basedOn === id) delete s.basedOn;
	doc.cells = doc.cells.flatMap((c): Cell[] => {
		if ('scenarioId' in c) return c.scenarioId === id ? [] : [c];
		if ('scenarioIds' in c) {
			const ids = c.scenarioIds.filter((x) => x !== id);
			return ids.length ? [{ ...c, scenarioIds: ids }] : c.kind === 'chart' && c.chart !== 'scenario-comparison' ? [{ ...c, scenarioIds: [fallback] }] : [];
		}
		return [c];
	});
}

/**
 * Dot paths of the assumptions where `variant` differs from `base` (for "differs from Basis").
 * An uncertain number ({ value, spread }) is one assumption: a new estimate that also moved its
 * range counts once.
 */
export function differingPaths(base: unknown, variant: unknown, prefix = ''): string[] {
	if (JSON.stringify(base) === JSON.stringify(variant)) return [];
	const isLeaf = (x: unknown) =>
		typeof x !== 'object' || x === null || Array.isArray(x) || 'value' in (x as Record<string, unknown>);
	if (isLeaf(base) || isLeaf(variant)) return [prefix || '(alt)'];
	const keys = new Set([...Object.keys(base as object), ...Object.keys(variant as object)]);
	return [...keys].flatMap((k) =>
		differingPaths((base as Record<string, unknown>)[k], (variant as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k)
	);
}
