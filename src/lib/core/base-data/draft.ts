import type { BaseData } from '../model/base-data.ts';
import { applyBaseDataEdit, checkCapacity, type BaseDataEdit } from './edits.ts';

/**
 * Counts typed in the Grunnlagsdata panel form one draft, checked as a whole: the stock may be
 * set to 120 before the tenants are lowered. The draft is the base data with the pending edits
 * applied (a later edit of the same field replaces an earlier one); it is used as soon as it
 * adds up, in one undo step. What the planner typed is never thrown away.
 */
const DRAFT_NOT_USED = 'Tallene er ikke brukt ennå: de brukes samlet så snart de går opp.';

/** Whether two edits set the same field (so the later replaces the earlier in a draft). */
function sameTarget(a: BaseDataEdit, b: BaseDataEdit): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind === 'segment-dwellings' && b.kind === 'segment-dwellings') return a.segmentId === b.segmentId;
	if (a.kind === 'group' && b.kind === 'group') return a.group === b.group && a.field === b.field;
	return a.kind === 'vacant';
}

/** The pending edits with `edit` added, replacing an earlier edit of the same field. */
export function addToDraft(pending: readonly BaseDataEdit[], edit: BaseDataEdit): BaseDataEdit[] {
	return [...pending.filter((e) => !sameTarget(e, edit)), edit];
}

/** The base data as the draft has it (a copy; `base` is not changed). */
export function applyDraft(base: BaseData, pending: readonly BaseDataEdit[]): BaseData {
	const next = structuredClone(base);
	for (const e of pending) applyBaseDataEdit(next, e);
	return next;
}

/** Why the draft cannot be used yet (naming the field last typed), or null: then it can. */
export function draftIssue(base: BaseData, pending: readonly BaseDataEdit[], field: string): string | null {
	return pending.length === 0 ? null : checkCapacity(applyDraft(base, pending), field, DRAFT_NOT_USED);
}
