/**
 * The five target groups (målgrupper) proposed for national statistics by Agenda Kaupang (2019),
 * used in report 003 (L1893–1901). The order here is the display order everywhere.
 */
export const GROUP_IDS = ['rop', 'funksjon', 'eldre', 'flyktning', 'andre'] as const;

export type GroupId = (typeof GROUP_IDS)[number];

/** Norwegian display names (UI text). */
export const GROUP_LABELS: Readonly<Record<GroupId, string>> = {
	rop: 'ROP (rus og psykiske lidelser)',
	funksjon: 'Nedsatt funksjonsevne',
	eldre: 'Eldre',
	flyktning: 'Flyktninger',
	andre: 'Andre'
};

/** Short labels for chart legends and table headers. */
export const GROUP_SHORT_LABELS: Readonly<Record<GroupId, string>> = {
	rop: 'ROP',
	funksjon: 'Nedsatt funksjonsevne',
	eldre: 'Eldre',
	flyktning: 'Flyktninger',
	andre: 'Andre'
};

export function isGroupId(value: unknown): value is GroupId {
	return typeof value === 'string' && (GROUP_IDS as readonly string[]).includes(value);
}
