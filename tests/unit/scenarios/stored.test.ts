/** Reading the stored shape (issue 15): a broken parent chain is refused, naming the scenario where it breaks. */
import { describe, expect, it } from 'vitest';
import { materializeNotebook, toStoredNotebook } from '#lib/core/scenarios/stored.ts';
import type { StoredNotebook } from '#lib/core/model/notebook.ts';
import { buildMinimalNotebook } from '../format/fixtures.ts';

/** Basis plus variants given as [id, name, basedOn], stored (overrides only). */
function withVariants(...variants: [string, string, string][]): StoredNotebook {
	const nb = toStoredNotebook(buildMinimalNotebook());
	const basis = nb.scenarios.find((s) => s.basedOn === undefined)!;
	return { ...nb, scenarios: [basis, ...variants.map(([id, name, basedOn]) => ({ id, name, description: '', basedOn, overrides: {} }))] };
}

describe('materializeNotebook refuses a broken chain', () => {
	it('a missing grandparent is reported as missing, of the scenario whose own parent is missing', () => {
		const r = materializeNotebook(withVariants(['a', 'A', 'b'], ['b', 'B', 'borte']));
		expect(r).toEqual({ ok: false, index: 2, message: 'scenarioet «B» arver fra scenario-id «borte», som ikke finnes i notatboken' });
	});

	it('a cycle is reported as a cycle, of a scenario on it', () => {
		const r = materializeNotebook(withVariants(['a', 'A', 'b'], ['b', 'B', 'c'], ['c', 'C', 'b']));
		expect(r).toEqual({
			ok: false,
			index: 2,
			message: 'scenarioet «B» arver fra «C», som (direkte eller gjennom andre) arver fra «B» igjen; en variant kan ikke arve fra seg selv'
		});
	});

	it('a whole chain resolves', () => {
		const r = materializeNotebook(withVariants(['a', 'A', 'b'], ['b', 'B', 'basis']));
		expect(r.ok).toBe(true);
	});
});
