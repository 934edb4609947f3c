/**
 * Pure edits and checks of a notebook's base data (Grunnlagsdata). No Svelte, no storage: the
 * Grunnlagsdata panel checks an edit first (`checkBaseDataEdit`, Norwegian message naming the
 * field) and only then applies it inside `session.update`, so a bad entry changes nothing and
 * records no undo step. Tested in Node.
 */
import type { BaseData, GroupBase, StockSegment } from '../model/base-data.ts';
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '../model/groups.ts';
import type { Notebook } from '../model/notebook.ts';
import type { Provenance } from '../model/population.ts';

export type GroupBaseField = 'tenants' | 'waiting' | 'newTenantsLastYear';

export const GROUP_FIELD_LABELS: Readonly<Record<GroupBaseField, string>> = {
	tenants: 'Leietakere',
	waiting: 'På venteliste',
	newTenantsLastYear: 'Nye leietakere i basisåret'
};

export type BaseDataEdit =
	| { kind: 'vacant'; value: number }
	| { kind: 'segment-dwellings'; segmentId: string; value: number }
	| { kind: 'segment-name'; segmentId: string; name: string }
	| { kind: 'segment-groups'; segmentId: string; groups: GroupId[] }
	| { kind: 'group'; group: GroupId; field: GroupBaseField; value: number | undefined }
	| { kind: 'add-segment'; segment: StockSegment }
	| { kind: 'remove-segment'; segmentId: string };

export function totalDwellings(base: Pick<BaseData, 'segments'>): number {
	return base.segments.reduce((n, s) => n + s.dwellings, 0);
}

export function totalTenants(base: Pick<BaseData, 'groups'>): number {
	return GROUP_IDS.reduce((n, g) => n + (base.groups[g]?.tenants ?? 0), 0);
}

/** Name of the field an edit changes, as the planner sees it (for messages). */
function editFieldName(base: BaseData, edit: BaseDataEdit): string {
	const seg = (id: string) => base.segments.find((s) => s.id === id)?.name ?? id;
	switch (edit.kind) {
		case 'vacant':
			return 'Ledige boliger';
		case 'segment-dwellings':
			return `Boliger i «${seg(edit.segmentId)}»`;
		case 'segment-name':
			return `Navn på «${seg(edit.segmentId)}»`;
		case 'segment-groups':
			return `Hvem kan bo i «${seg(edit.segmentId)}»`;
		case 'group':
			return `${GROUP_FIELD_LABELS[edit.field]} – ${GROUP_LABELS[edit.group]}`;
		case 'add-segment':
			return `Ny boligdel «${edit.segment.name}»`;
		case 'remove-segment':
			return `Fjerne «${seg(edit.segmentId)}»`;
	}
}

/** Apply an edit in place (inside `session.update`). Call `checkBaseDataEdit` first. */
export function applyBaseDataEdit(base: BaseData, edit: BaseDataEdit): void {
	const seg = (id: string) => base.segments.find((s) => s.id === id);
	switch (edit.kind) {
		case 'vacant':
			base.vacant = edit.value;
			return;
		case 'segment-dwellings': {
			const s = seg(edit.segmentId);
			if (s) s.dwellings = edit.value;
			return;
		}
		case 'segment-name': {
			const s = seg(edit.segmentId);
			if (s) s.name = edit.name.trim();
			return;
		}
		case 'segment-groups': {
			const s = seg(edit.segmentId);
			if (s && s.groups !== 'all') s.groups = GROUP_IDS.filter((g) => edit.groups.includes(g));
			return;
		}
		case 'group': {
			const g: GroupBase = base.groups[edit.group];
			if (edit.value === undefined) {
				if (edit.field === 'newTenantsLastYear') delete g.newTenantsLastYear;
			} else g[edit.field] = edit.value;
			return;
		}
		case 'add-segment':
			base.segments.push({ ...edit.segment, groups: edit.segment.groups === 'all' ? 'all' : [...edit.segment.groups] });
			return;
		case 'remove-segment': {
			const i = base.segments.findIndex((s) => s.id === edit.segmentId);
			if (i >= 0) base.segments.splice(i, 1);
			return;
		}
	}
}

/**
 * Why an edit cannot be made (Norwegian, naming the field), or null if it can. Checks the edit
 * itself (whole numbers ≥ 0, names, the ordinary pool stays) and the result as a whole: tenants
 * plus vacant dwellings must fit in the dwellings. `scenarios` is needed to refuse removing a
 * segment that planned stock changes refer to.
 */
export function checkBaseDataEdit(base: BaseData, edit: BaseDataEdit, scenarios: Notebook['scenarios'] = []): string | null {
	const field = editFieldName(base, edit);
	const countOk = (v: number | undefined): string | null => {
		if (v === undefined) return null;
		if (!Number.isFinite(v)) return `${field}: skriv et tall.`;
		if (v < 0) return `${field} kan ikke være negativ.`;
		if (!Number.isInteger(v)) return `${field} må være et helt tall.`;
		return null;
	};
	switch (edit.kind) {
		case 'vacant':
		case 'segment-dwellings': {
			const e = countOk(edit.value);
			if (e) return e;
			break;
		}
		case 'group': {
			if (edit.value === undefined && edit.field !== 'newTenantsLastYear') return `${field}: skriv et helt tall (0 eller mer).`;
			const e = countOk(edit.value);
			if (e) return e;
			break;
		}
		case 'segment-name': {
			const name = edit.name.trim();
			if (name === '') return `${field}: navnet kan ikke være tomt.`;
			if (base.segments.some((s) => s.id !== edit.segmentId && s.name.trim().toLowerCase() === name.toLowerCase()))
				return `${field}: det finnes allerede en boligdel som heter «${name}».`;
			break;
		}
		case 'segment-groups': {
			const s = base.segments.find((x) => x.id === edit.segmentId);
			if (s?.groups === 'all') return `${field}: de ordinære boligene er åpne for alle målgrupper og kan ikke øremerkes.`;
			if (edit.groups.length === 0) return `${field}: velg minst én målgruppe. En boligdel ingen kan bo i, kan ikke regnes med.`;
			break;
		}
		case 'add-segment': {
			const name = edit.segment.name.trim();
			if (name === '') return 'Ny boligdel: skriv et navn, for eksempel «Omsorgsboliger».';
			if (base.segments.some((s) => s.name.trim().toLowerCase() === name.toLowerCase()))
				return `Ny boligdel: det finnes allerede en boligdel som heter «${name}».`;
			if (base.segments.some((s) => s.id === edit.segment.id)) return 'Ny boligdel: id-en er i bruk.';
			if (edit.segment.groups !== 'all' && edit.segment.groups.length === 0)
				return `Ny boligdel «${name}»: velg minst én målgruppe som kan bo der.`;
			const e = countOk(edit.segment.dwellings);
			if (e) return e;
			break;
		}
		case 'remove-segment': {
			const s = base.segments.find((x) => x.id === edit.segmentId);
			if (!s) return null;
			if (s.groups === 'all') return `«${s.name}» er de ordinære boligene som alle målgrupper kan bo i, og kan ikke fjernes.`;
			const users = scenarios.filter((sc) => (sc.assumptions.plan?.measures ?? []).some((m) => m.segmentId === s.id)).map((sc) => `«${sc.name}»`);
			if (users.length > 0)
				return `«${s.name}» kan ikke fjernes: planlagte endringer i boligmassen i ${users.length === 1 ? 'scenarioet' : 'scenarioene'} ${users.join(', ')} gjelder denne boligdelen (tiltak i tiltaksplanen). Fjern dem først.`;
			break;
		}
	}
	const next = structuredClone(base);
	applyBaseDataEdit(next, edit);
	return checkCapacity(next, field);
}

/**
 * Tenants plus vacant dwellings must fit in the dwellings (the rest are households outside the
 * five groups). Returns a message naming `field` if they do not.
 */
export function checkCapacity(base: BaseData, field: string, outcome = 'Ingenting er endret.'): string | null {
	const dwellings = totalDwellings(base);
	const tenants = totalTenants(base);
	if (tenants + base.vacant > dwellings)
		return `${field}: leietakere (${tenants}) og ledige boliger (${base.vacant}) blir til sammen ${tenants + base.vacant}, men kommunen har bare ${dwellings} boliger. Leietakere + ledige kan ikke være flere enn boligene. ${outcome}`;
	return null;
}

/**
 * After a change typed by the planner the base data are no longer (only) the example's or an
 * import's: the provenance says so, keeping where they started in the note. Unchanged if already
 * marked as entered.
 */
export function enteredProvenance(prov: Provenance, today: string): Provenance {
	if (prov.kind === 'entered' && !prov.placeholder) return prov;
	// A new notebook's empty base data: what is typed now is simply the planner's own.
	if (prov.placeholder) return { kind: 'entered', source: 'Lagt inn i notatboken', retrieved: today };
	const from = [prov.source, prov.retrieved, prov.note].filter(Boolean).join(', ');
	return { kind: 'entered', source: 'Lagt inn i notatboken', retrieved: today, note: `Endret for hånd fra: ${from}` };
}

/** A new earmarked segment with a fresh id. */
export function newSegment(base: BaseData, name: string, groups: GroupId[], dwellings: number): StockSegment {
	const taken = new Set(base.segments.map((s) => s.id));
	const slug =
		name
			.trim()
			.toLowerCase()
			.replace(/æ/g, 'ae')
			.replace(/ø/g, 'o')
			.replace(/å/g, 'a')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'del';
	let id = slug;
	for (let i = 2; taken.has(id); i++) id = `${slug}-${i}`;
	return { id, name: name.trim(), groups: [...groups], dwellings };
}
