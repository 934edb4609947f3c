/**
 * Validation of the per-group choices added for a planner's own kommune (observedFlowUse,
 * waitingAtStart, afterLastYear). The file schema checks them too; this guards engine input that
 * does not come through a file (worker messages, tests, the runner). Kept apart from validate.ts
 * so that file's table-driven structure stays one concern.
 */
import {
	AFTER_LAST_YEAR_RULES,
	OBSERVED_FLOW_USES,
	WAITING_AT_START_CHOICES
} from '#lib/core/model/assumptions.ts';
import { GROUP_IDS, GROUP_LABELS } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { ValidationIssue } from './validate.ts';

function oneOf(value: unknown, allowed: readonly string[]): boolean {
	return value === undefined || (typeof value === 'string' && allowed.includes(value));
}

function list(allowed: readonly string[]): string {
	return allowed.map((a) => `«${a}»`).join(', ');
}

export function validateChoices(input: EngineInput): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const groups = input.scenario?.groups;
	if (!groups) return issues;
	for (const gid of GROUP_IDS) {
		const ga = groups[gid];
		if (!ga) continue;
		const label = GROUP_LABELS[gid];
		const path = `scenario.groups.${gid}`;
		if (!oneOf(ga.observedFlowUse, OBSERVED_FLOW_USES)) {
			issues.push({
				path: `${path}.observedFlowUse`,
				message: `Hva nye leietakere i basisåret skal kalibrere for ${label}, må være en av ${list(OBSERVED_FLOW_USES)}.`
			});
		}
		if (!oneOf(ga.waitingAtStart, WAITING_AT_START_CHOICES)) {
			issues.push({
				path: `${path}.waitingAtStart`,
				message: `Ventelisten i basisåret for ${label} må være en av ${list(WAITING_AT_START_CHOICES)}.`
			});
		}
		const d = ga.demand;
		if (d && (d.kind === 'refugees' || d.kind === 'manual') && !oneOf(d.afterLastYear, AFTER_LAST_YEAR_RULES)) {
			issues.push({
				path: `${path}.demand.afterLastYear`,
				message: `Hva serien for ${label} skal gjøre etter siste år, må være en av ${list(AFTER_LAST_YEAR_RULES)}.`
			});
		}
	}
	return issues;
}
