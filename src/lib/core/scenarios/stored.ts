/**
 * The two shapes of a notebook (issue 15): stored (the file, IndexedDB, the unsaved-edits journal),
 * where a variant carries only its parent and overrides; and in memory (the session, the engine,
 * every component), where each variant also carries its effective assumptions, resolved from the
 * parent chain. These two functions are the only crossings between them.
 */
import type { Notebook, Scenario, StoredNotebook, StoredScenario } from '../model/notebook.ts';
import { resolveAll } from './overrides.ts';

/** The stored shape: variants without their derived assumptions. The input is not changed. */
export function toStoredNotebook(nb: Notebook): StoredNotebook {
	return {
		...nb,
		scenarios: nb.scenarios.map((s): StoredScenario => {
			if (s.basedOn === undefined) return s;
			const { assumptions: _derived, ...stored } = s;
			return stored;
		})
	};
}

export type Materialized = { ok: true; notebook: Notebook } | { ok: false; index: number; message: string };

/**
 * The in-memory shape: every variant gets its effective assumptions. Refuses (with a Norwegian
 * message naming the scenario) a parent that does not exist or a chain that loops back on itself.
 * The caller validates the resolved assumptions (core/format: validateNotebook).
 */
export function materializeNotebook(stored: StoredNotebook): Materialized {
	const resolved = resolveAll(stored.scenarios);
	const scenarios: Scenario[] = [];
	for (const [index, s] of stored.scenarios.entries()) {
		const r = resolved.get(s.id);
		if (!r) {
			const parent = stored.scenarios.find((p) => p.id === s.basedOn);
			const message = parent
				? `scenarioet «${s.name}» arver fra «${parent.name}», som (direkte eller gjennom andre) arver fra «${s.name}» igjen; en variant kan ikke arve fra seg selv`
				: s.basedOn !== undefined
					? `scenarioet «${s.name}» arver fra scenario-id «${s.basedOn}», som ikke finnes i notatboken`
					: `scenarioet «${s.name}» mangler forutsetninger`;
			return { ok: false, index, message };
		}
		scenarios.push({ ...s, assumptions: r.assumptions });
	}
	return { ok: true, notebook: { ...stored, scenarios } };
}
