/**
 * The origin of each base-data number (`BaseData.fieldOrigins`): which fields there are, and
 * recording where a field's number now comes from when it is typed (oppgitt) or imported from
 * KOSTRA (importert). Reading it is core/report/provenance.ts (`baseFieldProvenance`).
 *
 * The map starts absent: every field then has the origin of `BaseData.provenance`, as before the
 * map existed. The first record fills it for every field from that provenance, so a later change
 * of the whole provenance (a typed number makes it «Lagt inn i notatboken») does not relabel the
 * fields nobody touched: a new notebook's tenants stay «plassholder» after a KOSTRA import.
 */
import type { BaseData, BaseFieldOrigin } from '../model/base-data.ts';
import { GROUP_IDS, type GroupId } from '../model/groups.ts';
import { applyBaseDataEdit, enteredProvenance, type BaseDataEdit, type GroupBaseField } from './edits.ts';

/** The fields of a group's base data, in the panel's column order. */
export const GROUP_BASE_FIELDS: readonly GroupBaseField[] = ['tenants', 'waiting', 'newTenantsLastYear'];

export const segmentDwellingsKey = (segmentId: string) => `segments.${segmentId}.dwellings`;
export const groupFieldKey = (g: GroupId, field: GroupBaseField) => `groups.${g}.${field}`;

/** Every field of the base data that has an origin of its own, in the panel's order. */
export function baseFieldKeys(base: Pick<BaseData, 'segments'>): string[] {
	return [
		'baseYear',
		...base.segments.map((s) => segmentDwellingsKey(s.id)),
		'vacant',
		...GROUP_IDS.flatMap((g) => GROUP_BASE_FIELDS.map((f) => groupFieldKey(g, f)))
	];
}

/** The origin the whole provenance gives a field without an entry of its own. */
function originOfWhole(base: Pick<BaseData, 'provenance'>): BaseFieldOrigin {
	const p = base.provenance;
	if (p.kind === 'example') return { kind: 'example', source: p.source };
	if (p.placeholder) return { kind: 'placeholder', source: p.source };
	if (p.kind === 'imported') return { kind: 'imported', source: p.source };
	return { kind: 'entered' };
}

/**
 * Records that the fields `keys` now come from `origin` (in place, inside `session.update` or on
 * a copy). Call it BEFORE the whole provenance changes. Keys of segments no longer there are dropped.
 */
export function recordFieldOrigins(base: BaseData, keys: readonly string[], origin: BaseFieldOrigin): void {
	const valid = baseFieldKeys(base);
	const whole = originOfWhole(base);
	const map: Record<string, BaseFieldOrigin> = {};
	for (const k of valid) {
		const own = base.fieldOrigins?.[k];
		map[k] = own ? { ...own } : { ...whole };
	}
	for (const k of keys) if (valid.includes(k)) map[k] = { ...origin };
	base.fieldOrigins = map;
}

/** The fields an edit types a number into (a name or a group list has no origin of its own). */
export function editedFieldKeys(edit: BaseDataEdit): string[] {
	switch (edit.kind) {
		case 'vacant':
			return ['vacant'];
		case 'segment-dwellings':
			return [segmentDwellingsKey(edit.segmentId)];
		case 'add-segment':
			return [segmentDwellingsKey(edit.segment.id)];
		case 'group':
			return [groupFieldKey(edit.group, edit.field)];
		default:
			return [];
	}
}

/**
 * The planner's edits of the base data, made (in place, inside `session.update`): each applied,
 * the numbers typed recorded as «oppgitt», and the whole provenance then «Lagt inn i notatboken»
 * (edits.ts: enteredProvenance). The one way the Grunnlagsdata panel changes base data by hand.
 */
export function applyTypedEdits(base: BaseData, edits: readonly BaseDataEdit[], today: string): void {
	for (const e of edits) applyBaseDataEdit(base, e);
	recordFieldOrigins(base, edits.flatMap(editedFieldKeys), { kind: 'entered' });
	base.provenance = enteredProvenance(base.provenance, today);
}
