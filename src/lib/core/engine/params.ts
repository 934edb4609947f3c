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
} as const;
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
	GROUP_IDS.forEach((gid, g) => {
		const ga = s.groups[gid];
		const d = ga.demand;
		const flow = base ? observedFlowFor(ga, base.groups[gid]).use : FLOW_NONE;
		if (d.kind === 'rate') {
			if (flow !== FLOW_INFLOW) add(g, gid, F.rate, 'demand.ratePer1000', 'Rate per 1000 innbyggere', d.ratePer1000);
			add(g, gid, F.trend, 'demand.trendPctPerYear', 'Årlig trend i raten', d.trendPctPerYear);
		} else if (d.kind === 'prevalence') {
			add(g, gid, F.share, 'demand.sharePct', 'Andel av aldersgruppen', d.sharePct);
			add(g, gid, F.targetShare, 'demand.targetSharePct', 'Målandel', d.targetSharePct);
		} else if (d.kind === 'refugees') {
			add(g, gid, F.shareNeeding, 'demand.shareNeedingPct', 'Andel som trenger kommunal bolig', d.shareNeedingPct);
			add(g, gid, F.personsPerHousehold, 'demand.personsPerHousehold', 'Personer per husstand', d.personsPerHousehold);
		}
		const t = ga.tenure;
		if (flow === FLOW_TENURE) {
			// calibrated from the observed new tenants (group-start.ts)
		} else if (t.kind === 'botid') add(g, gid, F.botid, 'tenure.years', 'Botid', t.years);
		else if (t.kind === 'lease') add(g, gid, F.renewal, 'tenure.renewalPct', 'Andel fornyede kontrakter', t.renewalPct);
		else add(g, gid, F.exitPct, 'tenure.pctPerYear', 'Årlig avgang', t.pctPerYear);
		if (ga.turnoverTarget) {
			add(g, gid, F.turnover, 'turnoverTarget.changePct', 'Endring i gjennomstrømming', ga.turnoverTarget.changePct);
		}
		add(g, gid, F.attrition, 'waitingAttritionPctPerYear', 'Årlig frafall fra ventelisten', ga.waitingAttritionPctPerYear);
	});
	const vacancySlot = slots.length;
	slots.push({ key: 'vacancyTargetPct', label: 'Måltall for ledighet', u: s.vacancyTargetPct });
	return { slots, groupSlot, vacancySlot };
}

/** The deterministic vector: each slot at its `value`. */
export function pointValues(layout: ParamLayout): Float64Array {
	const p = new Float64Array(layout.slots.length);
	layout.slots.forEach((s, i) => (p[i] = s.u.value));
	return p;
}
