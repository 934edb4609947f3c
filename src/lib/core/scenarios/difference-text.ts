/**
 * What a variant changes, in numbers (issue 15): one line per override, e.g.
 * "Botid ROP: 6,0 → 4,5 år (Basis → Økt gjennomstrømming)". Names and units come from the
 * assumption catalogue (report/assumption-catalogue.ts, built from the field table), so a
 * difference reads as the exports and the printed appendix name the assumption. Used by the
 * scenario list, the comparison cell, the print appendix and the exports' assumptions sheet.
 *
 * Pure: nb-NO numbers, no DOM.
 */
import type { Scenario } from '../model/notebook.ts';
import { GROUP_SHORT_LABELS, isGroupId } from '../model/groups.ts';
import type { Uncertain } from '../model/uncertain.ts';
import { COST_ITEMS } from '../plan/costs.ts';
import { formatNumber } from '../text/number-format.ts';
import { listAssumptions, yearSeriesLabel, type AssumptionItem, type AssumptionQuantity } from '../report/assumption-catalogue.ts';
import { applyOverrides, related, valueAt } from './overrides.ts';

export interface OverrideLine {
	/** The override's path ("groups.rop.tenure.years"). */
	path: string;
	/** "Botid ROP". */
	label: string;
	/** The parent's value and the variant's, with units where they are not in `unit`. */
	from: string;
	to: string;
	unit: string;
	/** The override does not apply now (the parent switched to a model without this field). */
	inactive: boolean;
	/** The whole line: "Botid ROP: 6,0 → 4,5 år (Basis → Økt gjennomstrømming)". */
	text: string;
}

const decimals1 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** An assumption's number: one decimal at least ("6,0", "4,5", "0,25"), as the editor shows estimates. */
function formatEstimate(n: number): string {
	return Number.isFinite(n) ? decimals1.format(n === 0 ? 0 : n) : '–';
}

/** "6,0", or with its range "6,0 (4,5–8,0)", "0,8 (P10–P90 0,6–0,9)". */
export function uncertainText(u: Uncertain): string {
	const s = u.spread;
	const f = formatEstimate;
	if (s?.kind === 'triangular' && s.low !== s.high) return `${f(u.value)} (${f(s.low)}–${f(s.high)})`;
	if (s?.kind === 'p10p90' && s.p10 !== s.p90) return `${f(u.value)} (P10–P90 ${f(s.p10)}–${f(s.p90)})`;
	return f(u.value);
}

function quantityText(q: AssumptionQuantity): string {
	switch (q.kind) {
		case 'uncertain':
			return uncertainText(q.value);
		case 'number':
			return q.plain ? String(q.value) : formatNumber(q.value);
		case 'series':
			return yearSeriesLabel(q.value, formatNumber);
		case 'text':
			return q.value;
		case 'calibrated':
			return 'kalibrert';
	}
}

/** Names of the places an override can hold a whole object or list, by the path's pattern. */
function objectLabel(path: string): string {
	const [first, g, rest] = [path.split('.')[0], path.split('.')[1], path.split('.').slice(2).join('.')];
	if (first === 'groups' && isGroupId(g)) {
		const group = GROUP_SHORT_LABELS[g];
		const what: Record<string, string> = {
			'': 'Alle forutsetninger',
			demand: 'Hvordan nytt behov oppstår',
			tenure: 'Hvordan leieforhold avsluttes',
			turnoverTarget: 'Mål for gjennomstrømming',
			'demand.band': 'Aldersgruppe',
			'demand.targetYear': 'År for målandel',
			'turnoverTarget.byYear': 'År for mål om gjennomstrømming',
			observedFlowUse: 'Bruk av observerte nye leietakere',
			waitingAtStart: 'Ventelisten ved start',
			'demand.afterLastYear': 'Etter siste oppgitte år'
		};
		return `${what[rest] ?? rest} ${group}`;
	}
	if (path === 'plan') return 'Tiltaksplan og kostnader';
	if (path === 'plan.measures') return 'Tiltak i planen';
	if (path.startsWith('plan.costs.')) return COST_ITEMS.find((c) => `plan.costs.${c.key}` === path)?.label ?? 'Kostnad';
	const plan: Record<string, string> = {
		'plan.costs': 'Kostnadsforutsetninger',
		'plan.targetYear': 'Tiltaksplan: år behovet skal være dekket',
		'plan.mix': 'Tiltaksplan: fordeling på tiltak',
		'plan.leadTimes': 'Tiltaksplan: ledetider',
		'plan.segmentKinds': 'Tiltaksplan: boligtyper',
		'plan.grantZone': 'Tiltaksplan: tilskuddssone'
	};
	const planKey = Object.keys(plan).find((k) => related(k, path));
	if (planKey) return plan[planKey]!;
	if (path.startsWith('plan.')) return 'Tiltaksplan og kostnader';
	return path;
}

/** A value the catalogue does not list (a plan, a list, a choice without a catalogue entry). */
function rawText(path: string, v: unknown): string {
	if (v === undefined || v === null) return 'ingen';
	if (Array.isArray(v)) return path === 'plan.measures' ? `${v.length} tiltak` : `${v.length} endringer`;
	if (typeof v === 'number') return formatNumber(v);
	if (typeof v === 'object' && 'value' in v) return uncertainText(v as Uncertain);
	if (typeof v === 'object' && 'from' in v) return `${(v as { from: number }).from}${'to' in v ? `–${(v as { to: number }).to}` : '+'} år`;
	if (typeof v === 'object') return path === 'plan' ? `${((v as { measures?: unknown[] }).measures ?? []).length} tiltak` : 'satt';
	return String(v);
}

function itemLabel(it: AssumptionItem): string {
	return it.group ? `${it.label} ${GROUP_SHORT_LABELS[it.group]}` : it.label;
}

/**
 * One line per override of `variant`, in the order of the assumption catalogue (settings, then
 * group by group), against its parent. Empty for a root or a variant that changes nothing.
 */
export function describeOverrides(nb: { readonly scenarios: readonly Scenario[] }, variant: Scenario): OverrideLine[] {
	const parent = variant.basedOn === undefined ? undefined : nb.scenarios.find((s) => s.id === variant.basedOn);
	const overrides = variant.overrides ?? {};
	if (!parent || Object.keys(overrides).length === 0) return [];
	const { inactive } = applyOverrides(parent.assumptions, overrides);
	const parentItems = listAssumptions(parent);
	const variantItems = listAssumptions(variant);
	const order = (p: string) => {
		const i = variantItems.findIndex((it) => related(it.key, p));
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	const paths = Object.keys(overrides).sort((a, b) => order(a) - order(b));
	return paths.map((path) => {
		const fromItems = parentItems.filter((it) => related(it.key, path));
		const toItems = variantItems.filter((it) => related(it.key, path));
		const one = fromItems.length === 1 && toItems.length === 1 && fromItems[0]!.key === path && toItems[0]!.key === path;
		let label: string, from: string, to: string, unit: string;
		if (one) {
			const [f, t] = [fromItems[0]!, toItems[0]!];
			label = itemLabel(t);
			unit = t.unit;
			from = quantityText(f.quantity);
			to = quantityText(t.quantity);
		} else if (!Array.isArray(valueAt(variant.assumptions, path)) && (fromItems.length > 0 || toItems.length > 0)) {
			// A whole object (another tenure model, a new turnover target): each side named in full.
			label = objectLabel(path);
			unit = '';
			const side = (items: AssumptionItem[]) =>
				items.length === 0 ? 'ingen' : items.map((it) => `${it.label} ${quantityText(it.quantity)}${it.unit ? ` ${it.unit}` : ''}`).join(', ');
			from = side(fromItems);
			to = side(toItems);
		} else {
			label = objectLabel(path);
			unit = '';
			from = rawText(path, valueAt(parent.assumptions, path));
			to = rawText(path, valueAt(variant.assumptions, path));
		}
		const isInactive = inactive.includes(path);
		// Not applied, so the variant's effective value is the parent's: name what it stores instead.
		if (isInactive) to = rawText(path, overrides[path]);
		const note = isInactive ? `; gjelder ikke nå, fordi ${parent.name} ikke har denne forutsetningen` : '';
		const text = `${label}: ${from} → ${to}${unit ? ` ${unit}` : ''} (${parent.name} → ${variant.name}${note})`;
		return { path, label, from, to, unit, inactive: isInactive, text };
	});
}
