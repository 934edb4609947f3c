/**
 * The fictional example's own numbers read «eksempel» (issue 10): every value a scenario of the
 * example holds is marked in `Scenario.valueSources` as the example's, so the label beside each
 * field and the printed appendix say so, and an edit (which drops the marker, as for any stand-in:
 * core/report/placeholders.ts, clearReplacedSources) makes that value «oppgitt».
 *
 * A root (Basis) marks every value it holds; a variant marks only its own overrides, since what it
 * inherits takes its origin from the parent (core/report/provenance.ts, assumptionProvenance).
 */
import type { Scenario, ValueSource } from '../model/notebook.ts';
import { GROUP_IDS } from '../model/groups.ts';
import { listAssumptions } from '../report/assumption-catalogue.ts';
import { GROUP_CHOICE_PATHS } from '../report/provenance.ts';

export const EXAMPLE_VALUE_SOURCE: ValueSource = { kind: 'example', source: 'eksempelkommunen (fiktiv)' };

/** The catalogue keys and choice paths a root scenario holds a value at (calibrated values are left out: they are not held). */
function heldKeys(scenario: Scenario): string[] {
	const keys = new Set<string>();
	for (const item of listAssumptions(scenario)) {
		if (item.quantity.kind === 'calibrated') continue;
		keys.add(item.key);
	}
	for (const g of GROUP_IDS) {
		const ga = scenario.assumptions.groups[g];
		keys.add(`groups.${g}.${GROUP_CHOICE_PATHS.driver}`);
		if (ga.demand.kind === 'rate' || ga.demand.kind === 'prevalence') keys.add(`groups.${g}.${GROUP_CHOICE_PATHS.band}`);
		keys.add(`groups.${g}.${GROUP_CHOICE_PATHS.tenureModel}`);
	}
	return [...keys];
}

/** The scenarios with every value they hold marked as the example's (new objects; the input is not changed). */
export function withExampleValueSources(scenarios: readonly Scenario[]): Scenario[] {
	return scenarios.map((s) => {
		const keys = s.basedOn === undefined ? heldKeys(s) : Object.keys(s.overrides ?? {});
		if (keys.length === 0) return s;
		return { ...s, valueSources: Object.fromEntries(keys.map((k) => [k, { ...EXAMPLE_VALUE_SOURCE }])) };
	});
}
