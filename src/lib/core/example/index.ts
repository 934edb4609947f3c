/**
 * The built-in example notebook "Eksempelkommune": a fictional kommune of about 20 000
 * inhabitants shaped after Kommune A in report 003, seeded on first start so the app opens on a
 * complete notebook. Pure and deterministic: every call returns the same notebook (apart from the
 * timestamps given as `now`). How every number was chosen: docs/example-kommune.md.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import { createExampleBaseData } from './base-data.ts';
import { createExampleCells } from './cells.ts';
import { createExamplePopulation } from './population.ts';
import { createExampleScenarios } from './scenarios.ts';
import { withExamplePlan, withExamplePlanCells } from './plan.ts';
import { withOverridesFromCopies } from '../scenarios/overrides.ts';
import { withExampleValueSources } from './value-sources.ts';

export const EXAMPLE_NOTEBOOK_ID = 'eksempelkommune';
export const EXAMPLE_NOTEBOOK_TITLE = 'Eksempelkommune – boligbehov 2025–2055';

export { SCENARIO_IDS as EXAMPLE_SCENARIO_IDS } from './scenarios.ts';
export { createExamplePopulation } from './population.ts';
export { createExampleBaseData, createExampleHistory } from './base-data.ts';
export { createExampleScenarios } from './scenarios.ts';
export { createExampleCells } from './cells.ts';

export function createExampleNotebook(now = '2026-01-01T00:00:00.000Z'): Notebook {
	return {
		id: EXAMPLE_NOTEBOOK_ID,
		title: EXAMPLE_NOTEBOOK_TITLE,
		kommune: { name: 'Eksempelkommune', number: '', fictional: true },
		base: createExampleBaseData(),
		population: createExamplePopulation(),
		// Written as copies of Basis (scenarios.ts); stored as what each variant changes.
		// Every value is marked as the example's, so it reads «eksempel» until edited (value-sources.ts).
		scenarios: withExampleValueSources(withOverridesFromCopies(withExamplePlan(createExampleScenarios()))),
		cells: withExamplePlanCells(createExampleCells()),
		createdAt: now,
		updatedAt: now
	};
}
