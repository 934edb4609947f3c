/**
 * Pure edits of a notebook document (no Svelte, no storage): the session applies them inside
 * `update()`, so each is one undo step and is autosaved. Tested in Node.
 */
import type { Cell, CellKind, ChartKind, Notebook, Scenario } from '../model/notebook.ts';
import { newCellYear } from './cells.ts';
import { reparent, resetOverrides, withDescendants } from '../scenarios/overrides.ts';

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

/**
 * A variant of a scenario: inherits every value from it (no overrides yet) until the planner
 * changes one (core/scenarios/overrides.ts). Its `assumptions` start as the parent's effective values.
 */
export function copyScenario(doc: Notebook, fromId: string, name: string, random = Math.random): Scenario | null {
	const from = doc.scenarios.find((s) => s.id === fromId);
	if (!from) return null;
	const copy: Scenario = {
		id: newId('scenario', doc.scenarios.map((s) => s.id), random),
		name,
		description: `Variant av ${from.name}: arver alle verdier som ikke er endret her.`,
		basedOn: from.id,
		overrides: {},
		// JSON copy, not structuredClone: inside session.update() the document is a Svelte $state
		// proxy, which structuredClone refuses. Documents are plain JSON by design.
		assumptions: JSON.parse(JSON.stringify(from.assumptions)) as Scenario['assumptions']
	};
	doc.scenarios.push(copy);
	return copy;
}

/**
 * «Tilbakestill til Basis»: the variant's overrides at and inside `path` go ("groups.rop.tenure.years":
 * one field; "groups.rop": a group; "": the whole variant), so it inherits those values again once
 * the session reconciles the edit. Nothing happens for a missing scenario or a root.
 */
export function resetScenario(doc: Pick<Notebook, 'scenarios'>, id: string, path = ''): void {
	const s = doc.scenarios.find((x) => x.id === id);
	if (s) resetOverrides(s, path);
}

/**
 * What happens to the variants of a deleted scenario: 'reparent' — they inherit from Basis (the
 * first root), or become self-contained when the deleted scenario is itself a root, keeping their
 * effective values; 'delete' — they are deleted with it, and their own variants too.
 */
export type ChildrenChoice = 'reparent' | 'delete';

/** The variants that inherit directly from a scenario. */
export function childrenOf(doc: Pick<Notebook, 'scenarios'>, id: string): Scenario[] {
	return doc.scenarios.filter((s) => s.basedOn === id);
}

/**
 * Removes a scenario and every reference to it (cells that only showed it are removed too). Its
 * variants are re-parented or deleted as `children` says. The last scenario is never removed.
 */
export function deleteScenario(doc: Notebook, id: string, children: ChildrenChoice = 'reparent'): void {
	const doomed = new Set(children === 'delete' ? withDescendants(doc.scenarios, [id]) : [id]);
	if (doc.scenarios.length - doomed.size < 1) return;
	const deletedIsRoot = doc.scenarios.find((s) => s.id === id)?.basedOn === undefined;
	const remaining = doc.scenarios.filter((s) => !doomed.has(s.id));
	// The variants of a deleted root keep all their values and inherit no longer (as the dialog in
	// ScenarioBar says), even when another root exists; those of a deleted variant inherit from Basis.
	const newParent = deletedIsRoot ? null : (remaining.find((s) => s.basedOn === undefined) ?? null);
	for (const s of remaining) if (s.basedOn !== undefined && doomed.has(s.basedOn)) reparent(s, newParent);
	doc.scenarios = remaining;
	const fallback = doc.scenarios[0]?.id ?? '';
	doc.cells = doc.cells.flatMap((c): Cell[] => {
		if ('scenarioId' in c) return doomed.has(c.scenarioId) ? [] : [c];
		if ('scenarioIds' in c) {
			const ids = c.scenarioIds.filter((x) => !doomed.has(x));
			return ids.length ? [{ ...c, scenarioIds: ids }] : c.kind === 'chart' && c.chart !== 'scenario-comparison' ? [{ ...c, scenarioIds: [fallback] }] : [];
		}
		return [c];
	});
}
