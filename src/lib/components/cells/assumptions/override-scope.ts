/**
 * Which scenario (and group) the assumption fields below belong to, so a field can show whether
 * it overrides the parent's value (OverrideMark.svelte) without every editor passing it down.
 * Set by the assumption editor per group; absent outside it (no marks).
 */
import { getContext, setContext } from 'svelte';
import type { GroupId } from '#lib/core/model/groups.ts';

export interface OverrideScope {
	scenarioId: () => string;
	/** The group whose fields follow; undefined for the scenario-wide fields. */
	group?: GroupId;
}

const KEY = Symbol('override-scope');

export function setOverrideScope(scope: OverrideScope): void {
	setContext(KEY, scope);
}

export function getOverrideScope(): OverrideScope | undefined {
	return getContext<OverrideScope | undefined>(KEY);
}

/** The override path of a field: "groups.rop.tenure.years", or "vacancyTargetPct" for the scenario. */
export function overridePathOf(scope: OverrideScope, fieldPath: string): string {
	return scope.group ? `groups.${scope.group}.${fieldPath}` : fieldPath;
}
