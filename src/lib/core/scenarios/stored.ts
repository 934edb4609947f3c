/**
 * The two shapes of a notebook (issue 15): stored (the file, IndexedDB, the unsaved-edits journal),
 * where a variant carries only its parent and overrides; and in memory (the session, the engine,
 * every component), where each variant also carries its effective assumptions, resolved from the
 * parent chain. These two functions are the only crossings between them.
 */
import type { Notebook, Scenario, StoredNotebook, StoredScenario } from '../model/notebook.ts';
import { ancestors, chainBreak, resolveAll } from './overrides.ts';

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
 * The scenario named is where the chain breaks, not the first one below it: with A → B → (missing),
 * B is the one whose parent is missing, and A is fine once B is.
 * The caller validates the resolved assumptions (core/format: validateNotebook).
 */
export function materializeNotebook(stored: StoredNotebook): Materialized {
	const resolved = resolveAll(stored.scenarios);
	const unresolved = stored.scenarios.find((s) => !resolved.has(s.id));
	if (unresolved) return refusal(stored.scenarios, unresolved);
	const scenarios = stored.scenarios.map((s): Scenario => ({ ...s, assumptions: resolved.get(s.id)!.assumptions }));
	return { ok: true, notebook: { ...stored, scenarios } };
}

/** Why `s` does not resolve, told of the scenario where its chain breaks. */
function refusal(all: readonly StoredScenario[], s: StoredScenario): Materialized & { ok: false } {
	const broken = chainBreak(all, s.id);
	// A whole chain that does not resolve ends in a root without assumptions.
	const culprit = broken ? all.find((x) => x.id === broken.at.id)! : (all.find((x) => x.id === rootOf(all, s)) ?? s);
	const index = all.indexOf(culprit);
	if (broken?.kind === 'missing') {
		return { ok: false, index, message: `scenarioet «${culprit.name}» arver fra scenario-id «${culprit.basedOn}», som ikke finnes i notatboken` };
	}
	if (broken?.kind === 'cycle') {
		const parent = all.find((p) => p.id === culprit.basedOn)!;
		return {
			ok: false,
			index,
			message: `scenarioet «${culprit.name}» arver fra «${parent.name}», som (direkte eller gjennom andre) arver fra «${culprit.name}» igjen; en variant kan ikke arve fra seg selv`
		};
	}
	return { ok: false, index, message: `scenarioet «${culprit.name}» mangler forutsetninger` };
}

function rootOf(all: readonly StoredScenario[], s: StoredScenario): string {
	return ancestors(all, s.id)?.at(-1)?.id ?? s.id;
}
