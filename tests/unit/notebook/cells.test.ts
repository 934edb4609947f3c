import { describe, expect, it } from 'vitest';
import { cellScenario, cellScenarios, cellTitle, cellYear, newCellYear, setCellScenario } from '#lib/core/notebook/cells.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { Cell } from '#lib/core/model/notebook.ts';

describe('cell kinds in one place', () => {
	const doc = createExampleNotebook();
	const base = doc.base.baseYear;

	it('the year: given, or ten years ahead; none for kinds without one', () => {
		expect(cellYear({ id: 'a', kind: 'key-figures', scenarioId: 'basis', year: 2031 }, doc)).toBe(2031);
		expect(cellYear({ id: 'a', kind: 'chart', chart: 'tornado', scenarioIds: [] }, doc)).toBe(base + 10);
		expect(cellYear({ id: 'a', kind: 'chart', chart: 'flows', scenarioIds: [] }, doc)).toBeUndefined();
		expect(newCellYear({ ...doc, scenarios: [{ ...doc.scenarios[0]!, assumptions: { ...doc.scenarios[0]!.assumptions, horizonYears: 5 } }] })).toBe(base + 5);
	});

	it('the scenario(s) a cell shows, and switching it', () => {
		const chart: Cell = { id: 'c', kind: 'chart', chart: 'need-by-group', scenarioIds: [] };
		expect(cellScenario(chart, doc)).toBe(doc.scenarios[0]!.id);
		setCellScenario(chart, 'x');
		expect(cellScenarios(chart, doc)).toEqual(['x']);
		const cmp: Cell = { id: 'd', kind: 'chart', chart: 'scenario-comparison', scenarioIds: ['a', 'b'] };
		expect(cellScenario(cmp)).toBeUndefined();
		setCellScenario(cmp, 'x');
		expect(cellScenarios(cmp, doc)).toEqual(['a', 'b']);
		expect(cellScenarios({ id: 'n', kind: 'note', markdown: '' }, doc)).toEqual([]);
	});

	it('one title per cell', () => {
		expect(cellTitle({ id: 'n', kind: 'note', markdown: '# Hei\nmer' }, doc)).toBe('Hei');
		expect(cellTitle({ id: 'n', kind: 'note', markdown: '' }, doc)).toBe('Notat');
		expect(cellTitle({ id: 'k', kind: 'key-figures', scenarioId: doc.scenarios[0]!.id, year: 2035 }, doc)).toBe(`Nøkkeltall 2035: ${doc.scenarios[0]!.name}`);
	});
});
