import { describe, expect, it } from 'vitest';
import { runSensitivity } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { listAssumptions } from '#lib/core/report/assumption-catalogue.ts';
import { relabelSensitivity } from '#lib/core/report/sensitivity-labels.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

describe('relabelSensitivity', () => {
	it('names every bar of the example as the assumption catalogue does, keeping the numbers', () => {
		const nb = createExampleNotebook();
		const basis = nb.scenarios[0]!;
		const sens = runSensitivity(engineInputOf(nb.base, nb.population, basis.assumptions), { year: 2035, output: 'total.requiredStock' });
		const relabelled = relabelSensitivity(sens, basis);
		const catalogue = new Set(listAssumptions(basis).map((i) => i.label));
		expect(relabelled.bars.length).toBe(sens.bars.length);
		for (const [i, bar] of relabelled.bars.entries()) {
			expect(catalogue.has(bar.label.replace(/ – [^–]+$/, ''))).toBe(true);
			expect({ ...bar, label: '' }).toEqual({ ...sens.bars[i]!, label: '' });
		}
	});
});
