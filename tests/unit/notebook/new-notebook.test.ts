import { describe, expect, it } from 'vitest';
import { createNewNotebook, validateNewNotebook } from '#lib/core/notebook/new-notebook.ts';
import { validateNotebook } from '#lib/core/format/index.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

describe('a new notebook for the planner’s kommune', () => {
	const nb = createNewNotebook({ kommuneName: ' Nordby ', kommuneNumber: '1234', now: '2026-11-21T10:00:00.000Z', id: 'nb-1' });

	it('is a valid, runnable notebook that is not labelled fictional', () => {
		expect(validateNotebook(nb).ok).toBe(true);
		expect(nb.kommune).toEqual({ name: 'Nordby', number: '1234' });
		expect(nb.title).toBe('Nordby – boligbehov 2025–2055');
		expect(() => runProjection(engineInputOf(nb.base, nb.population, nb.scenarios[0]!.assumptions))).not.toThrow();
	});

	it('says plainly that its numbers are example data to replace', () => {
		expect(nb.population.provenance.kind).toBe('example');
		expect(nb.population.provenance.source).toMatch(/importer SSBs framskriving/);
		const first = nb.cells[0];
		expect(first?.kind === 'note' && first.markdown).toMatch(/eksempeldata/);
		for (const c of nb.cells) {
			if ('scenarioId' in c) expect(c.scenarioId).toBe('basis');
			if ('scenarioIds' in c) expect(c.scenarioIds).toEqual(['basis']);
		}
	});

	it('validates kommune name and number with field-specific messages', () => {
		expect(validateNewNotebook({ kommuneName: '', kommuneNumber: '12' })).toEqual([
			{ field: 'kommuneName', message: 'Kommunenavn mangler: skriv navnet på kommunen.' },
			{ field: 'kommuneNumber', message: 'Kommunenummer må ha fire sifre, for eksempel 0301, eller stå tomt.' }
		]);
		expect(validateNewNotebook({ kommuneName: 'Nordby', kommuneNumber: '' })).toEqual([]);
	});
});
