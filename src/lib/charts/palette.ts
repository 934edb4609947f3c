/**
 * One colour per target group, the same on every chart, from the Okabe–Ito palette
 * (distinguishable with the common colour-vision deficiencies, and legible on a projector).
 */
import { GROUP_IDS, GROUP_SHORT_LABELS, type GroupId } from '#lib/core/model/groups.ts';

export const GROUP_COLORS: Readonly<Record<GroupId, string>> = {
	rop: '#E69F00',
	funksjon: '#56B4E9',
	eldre: '#009E73',
	flyktning: '#0072B2',
	andre: '#CC79A7'
};

export const COLORS = {
	required: '#D55E00',
	planned: '#1f1f1f',
	gap: '#D55E00',
	band: '#0072B2',
	/** The fan's bands: the former 35 % and 18 % tints of `band` over white, as solid colours so
	 * that the legend swatches match what the chart shows. */
	bandInner: '#a6cee4',
	bandOuter: '#d1e6f1',
	baseYear: '#595959'
} as const;

/** Plot's ordinal colour scale with the groups in display order and their Norwegian names. */
export const groupColorScale = {
	domain: GROUP_IDS.map((g) => GROUP_SHORT_LABELS[g]),
	range: GROUP_IDS.map((g) => GROUP_COLORS[g])
};
