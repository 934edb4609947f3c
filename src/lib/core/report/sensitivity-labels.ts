/**
 * The tornado names each assumption as the exports and the printed appendix do (the assumption
 * catalogue), not with the engine's shorter working labels.
 */
import { GROUP_SHORT_LABELS, isGroupId } from '../model/groups.ts';
import type { Scenario } from '../model/notebook.ts';
import type { SensitivityResult } from '../model/result.ts';
import { listAssumptions } from './assumption-catalogue.ts';

export function relabelSensitivity(sens: SensitivityResult, scenario: Scenario): SensitivityResult {
	const items = listAssumptions(scenario);
	return {
		...sens,
		bars: sens.bars.map((bar) => {
			const [first] = bar.assumption.split('.');
			const key = isGroupId(first) ? `groups.${bar.assumption}` : bar.assumption;
			const item = items.find((it) => it.key === key);
			if (!item) return bar;
			return { ...bar, label: item.group ? `${item.label} – ${GROUP_SHORT_LABELS[item.group]}` : item.label };
		})
	};
}
