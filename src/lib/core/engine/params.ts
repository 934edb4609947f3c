/**
 * The flat parameter vector: every numeric assumption that may be uncertain gets a slot, so the
 * deterministic run, each Monte Carlo draw and each sensitivity case are the same kernel run with
 * a different vector. Calibrated (omitted) fields have no slot; the kernel calibrates them per run.
 */
import { GROUP_IDS, GROUP_SHORT_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import { FLOW_INFLOW, FLOW_NONE, FLOW_TENURE, observedFlowFor } from './calibration-choices.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import { GROUP_FIELDS, GROUP_FIELD_IDS, VACANCY_FIELD, type GroupFieldId, type GroupFieldSpec } from '#lib/core/model/assumption-fields.ts';

/** Per-group fields, index into the per-group slot table. */
export const F = {
	rate: 0,
	trend: 1,
	share: 2,
	targetShare: 3,
	shareNeeding: 4,
	personsPerHousehold: 5,
	botid: 6,
	renewal: 7,
	exitPct: 8,
	turnover: 9,
	attrition: 10
} as const satisfies Record<GroupFieldId, number>;
export const NF = 11;

export interface Slot {
	/** Dot path inside the scenario, e.g. "rop.tenure.years" ("vacancyTargetPct" for the global one). */
	key: string;
	/** Norwegian label, e.g. "Botid – ROP". */
	label: string;
	u: Uncertain;
}

export interface ParamLayout {
	slots: Slot[];
	/** groupSlot[g * NF + field] = slot index, or −1 if the field is absent / calibrated. */
	groupSlot: Int32Array;
	vacancySlot: number;
}

/**
 * Slots of a scenario. With the base data, fields that the observed new tenants calibrate
 * (observedFlowUse 'inflow': the rate; 'tenure': the tenure) get no slot, like omitted fields.
 */
export function buildLayout(s: ScenarioAssumptions, base?: BaseData): ParamLayout {
	const slots: Slot[] = [];
	const groupSlot = new Int32Array(GROUP_IDS.length * NF).fill(-1);
	const add = (g: number, gid: GroupId, field: number, path: string, label: string, u: Uncertain | undefined): void => {
		if (!u) return;
		groupSlot[g * NF + field] = slots.length;
		slots.push({ key: `${gid}.${path}`, label: `${label} – ${GROUP_SHORT_LABELS[gid]}`, u });
	};
	// The table's order is the slot order (see assumption-fields.ts): one slot per field present.
	GROUP_IDS.forEach((gid, g) => {
		const ga = s.groups[gid];
		const flow = base ? observedFlowFor(ga, base.groups[gid]).use : FLOW_NONE;
		for (const id of GROUP_FIELD_IDS) {
			// Fields the observed new tenants calibrate get no slot, like omitted ones (group-start.ts).
			if (id === 'rate' && flow === FLOW_INFLOW) continue;
			if ((id === 'botid' || id === 'renewal' || id === 'exitPct') && flow === FLOW_TENURE) continue;
			const field: GroupFieldSpec = GROUP_FIELDS[id];
			add(g, gid, F[id], field.path, field.name, field.get(ga));
		}
	});
	const vacancySlot = slots.length;
	slots.push({ key: VACANCY_FIELD.path, label: VACANCY_FIELD.name, u: VACANCY_FIELD.get(s) });
	return { slots, groupSlot, vacancySlot };
}

/** The deterministic vector: each slot at its `value`. */
export function pointValues(layout: ParamLayout): Float64Array {
	const p = new Float64Array(layout.slots.length);
	layout.slots.forEach((s, i) => (p[i] = s.u.value));
	return p;
}
