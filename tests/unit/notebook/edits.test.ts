import { describe, expect, it } from 'vitest';
import { addCell, copyScenario, deleteCell, deleteScenario, moveCell, resetScenario } from '#lib/core/notebook/edits.ts';
import { diffOverrides } from '#lib/core/scenarios/overrides.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';

describe('cell edits', () => {
	it('adds, moves and deletes a note cell', () => {
		const nb = createExampleNotebook();
		const n = nb.cells.length;
		const cell = addCell(nb, 'note');
		expect(nb.cells).toHaveLength(n + 1);
		expect(nb.cells.at(-1)?.id).toBe(cell.id);
		moveCell(nb, cell.id, -1);
		expect(nb.cells.at(-2)?.id).toBe(cell.id);
		moveCell(nb, nb.cells[0]!.id, -1); // at the top: nothing happens
		deleteCell(nb, cell.id);
		expect(nb.cells.some((c) => c.id === cell.id)).toBe(false);
		expect(nb.cells).toHaveLength(n);
	});

	it('gives new cells unique ids', () => {
		const nb = createExampleNotebook();
		const ids = new Set(nb.cells.map((c) => c.id));
		for (let i = 0; i < 20; i++) {
			const c = addCell(nb, 'chart', { chart: 'flows' });
			expect(ids.has(c.id)).toBe(false);
			ids.add(c.id);
		}
	});
});

describe('scenario variants', () => {
	it('copies every assumption and records where it came from', () => {
		const nb = createExampleNotebook();
		const basis = nb.scenarios[0]!;
		const v = copyScenario(nb, basis.id, 'Kortere botid')!;
		expect(v.basedOn).toBe(basis.id);
		expect(v.assumptions).toEqual(basis.assumptions);
		expect(v.assumptions).not.toBe(basis.assumptions);
		expect(Object.keys(diffOverrides(basis.assumptions, v.assumptions))).toEqual([]);
		v.assumptions.vacancyTargetPct = { value: 7 };
		expect(Object.keys(diffOverrides(basis.assumptions, v.assumptions))).toEqual(['vacancyTargetPct']);
		v.assumptions.groups.rop.waitingAttritionPctPerYear = { value: 1, spread: { kind: 'triangular', low: 0, high: 2 } };
		expect(Object.keys(diffOverrides(basis.assumptions, v.assumptions))).toEqual(['groups.rop.waitingAttritionPctPerYear', 'vacancyTargetPct']);
	});

	it('resetScenario removes the overrides at a path, or all of them', () => {
		const nb = createExampleNotebook();
		const v = copyScenario(nb, nb.scenarios[0]!.id, 'X')!;
		v.overrides = { vacancyTargetPct: { value: 7 }, 'groups.rop.tenure.years': { value: 4 }, horizonYears: 12 };
		resetScenario(nb, v.id, 'groups.rop');
		expect(v.overrides).toEqual({ vacancyTargetPct: { value: 7 }, horizonYears: 12 });
		resetScenario(nb, 'finnes-ikke');
		resetScenario(nb, v.id);
		expect(v.overrides).toEqual({});
	});

	it('deleting a scenario removes the cells that only showed it', () => {
		const nb = createExampleNotebook();
		const v = copyScenario(nb, nb.scenarios[0]!.id, 'X')!;
		nb.cells.push({ id: 'k', kind: 'key-figures', scenarioId: v.id, year: 2035 });
		deleteScenario(nb, v.id);
		expect(nb.scenarios.some((s) => s.id === v.id)).toBe(false);
		expect(nb.cells.some((c) => c.id === 'k')).toBe(false);
		for (const c of nb.cells) {
			if ('scenarioIds' in c) expect(c.scenarioIds).not.toContain(v.id);
		}
	});
});
