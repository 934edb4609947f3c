/**
 * The plan's cost assumptions in the printed appendix: for each scenario with a plan, every cost
 * figure with its value, range, «Plassholder» (the default, not yet the kommune's own) or
 * «Oppgitt», and its source; and the kommune group of the rental-dwelling grant. Same row shape
 * as the other appendix sections (core/report/assumptions-appendix.ts), so the print page lays
 * them out, numbers their sources and reduces later scenarios to their differences the same way.
 */
import type { Scenario } from '#lib/core/model/notebook.ts';
import { rangeText, sameAppendixRow, withUnit, type AppendixRow, type AppendixSection } from '#lib/core/report/assumptions-appendix.ts';
import type { DwellingKind } from '#lib/core/model/plan.ts';
import { COST_ITEMS, GRANT_ZONE_LABELS, RENTAL_GRANT_SOURCE, costOf, isPlaceholder, type CostItem } from './costs.ts';

const WHOLE_SCENARIO = 'Hele scenarioet';
/** Short names of the dwelling kinds where the three share one printed row. */
const KIND_SHORT: Readonly<Record<DwellingKind, string>> = { ordinaer: 'ordinær', tilpasset: 'tilpasset', bemannet: 'bemannet' };
export const OWN_FIGURE_SOURCE = 'Oppgitt av kommunen i tiltaksplanen.';

/**
 * A figure given per dwelling kind (investment, lease, running cost …) is one row when its three
 * kinds share their status and none has a range («ordinær 4 500 000 kr, tilpasset 5 000 000 kr,
 * bemannet 5 500 000 kr»): the printed appendix stays short (the report fits its 15 pages). Otherwise each kind is its own row.
 */
export function planCostRows(scenario: Scenario): AppendixRow[] {
	const plan = scenario.assumptions.plan;
	if (!plan) return [];
	const rows: AppendixRow[] = [
		{
			key: 'plan.grantZone',
			group: WHOLE_SCENARIO,
			field: 'Kommunegruppe for tilskudd til utleieboliger',
			value: GRANT_ZONE_LABELS[plan.grantZone ?? 'ovrige'],
			range: '',
			status: plan.grantZone ? 'entered' : 'placeholder',
			source: RENTAL_GRANT_SOURCE
		}
	];
	const rowOf = (item: CostItem): AppendixRow => {
		const u = costOf(plan, item.key);
		const placeholder = isPlaceholder(plan, item.key);
		return {
			key: `plan.costs.${item.key}`,
			group: WHOLE_SCENARIO,
			field: item.label,
			value: withUnit(u.value, item.unit),
			range: rangeText(u, item.unit),
			status: placeholder ? 'placeholder' : 'entered',
			source: placeholder ? item.source : OWN_FIGURE_SOURCE
		};
	};
	const done = new Set<string>();
	for (const item of COST_ITEMS) {
		if (done.has(item.key)) continue;
		const shared = item.perKind ? COST_ITEMS.filter((i) => i.perKind?.row === item.perKind!.row) : [item];
		shared.forEach((i) => done.add(i.key));
		const each = shared.map(rowOf);
		const joinable = shared.length > 1 && each.every((r, k) => r.status === each[0]!.status && r.source === each[0]!.source && !costOf(plan, shared[k]!.key).spread);
		if (!joinable) {
			rows.push(...each);
			continue;
		}
		rows.push({
			...each[0]!,
			key: `plan.costs.${item.key.slice(0, item.key.lastIndexOf('.'))}`,
			field: item.perKind!.row,
			value: shared.map((i, k) => `${KIND_SHORT[i.perKind!.kind]} ${each[k]!.value}`).join(', '),
			range: 'Fast verdi'
		});
	}
	return rows;
}

/**
 * The cost figures of the scenarios with a plan: one complete section for the first, naming every
 * scenario whose figures are all the same; then, for a scenario whose figures differ, a section of
 * only the differing rows (the others are as in the first, as the appendix does for assumptions).
 */
export function planCostSections(scenarios: readonly Scenario[]): AppendixSection[] {
	const withPlan = scenarios.filter((s) => s.assumptions.plan);
	const first = withPlan[0];
	if (!first) return [];
	const firstRows = planCostRows(first);
	const byKey = new Map(firstRows.map((r) => [r.key, r]));
	const same: string[] = [first.name];
	const differing: AppendixSection[] = [];
	for (const s of withPlan.slice(1)) {
		const rows = planCostRows(s);
		const diff = rows.filter((r) => !sameAppendixRow(r, byKey.get(r.key)));
		if (diff.length === 0) same.push(s.name);
		else
			differing.push({
				id: `plan-${s.id}`,
				title: `Kostnadsforutsetninger i tiltaksplanen: ${s.name}`,
				description: '',
				rows: diff,
				sameAs: { scenario: first.name, omitted: rows.length - diff.length }
			});
	}
	return [
		{
			id: `plan-${first.id}`,
			title: `Kostnadsforutsetninger i tiltaksplanen: ${same.join(', ')}`,
			description: 'Beløp i faste kroner i basisåret. Plassholder: standardverdi til kommunen legger inn egne tall.',
			rows: firstRows
		},
		...differing
	];
}
