/**
 * What a variant changes compared with the scenario it was copied from, named as the exports and
 * the printed appendix name it ("ROP: Botid"), so the planner can say in a meeting exactly what
 * differs. Built on `differingPaths` and the assumption catalogue.
 */
import { GROUP_LABELS, isGroupId } from '../model/groups.ts';
import type { Scenario } from '../model/notebook.ts';
import { differingPaths } from '../notebook/edits.ts';
import { listAssumptions } from './assumption-catalogue.ts';

export function describeDifferences(base: Scenario, variant: Scenario): string[] {
	const paths = differingPaths(base.assumptions, variant.assumptions);
	const items = [...listAssumptions(variant), ...listAssumptions(base)];
	const names: string[] = [];
	for (const path of paths) {
		const item = items.find((it) => path === it.key || path.startsWith(`${it.key}.`) || it.key.startsWith(`${path}.`));
		let name: string;
		if (item) name = item.group ? `${GROUP_LABELS[item.group]}: ${item.label}` : item.label;
		else {
			const [, g, ...rest] = path.split('.');
			// The plan is one item for the planner: its own cell shows the details (core/plan/).
			name = path.startsWith('groups.') && isGroupId(g) ? `${GROUP_LABELS[g]}: ${rest.join('.')}` : path.startsWith('plan.') || path === 'plan' ? 'Tiltaksplan og kostnader' : path;
		}
		if (!names.includes(name)) names.push(name);
	}
	return names;
}
