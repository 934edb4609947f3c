/**
 * One colour per target group, the same on every chart, from the Okabe–Ito palette
 * (distinguishable with the common colour-vision deficiencies, and legible on a projector).
 * Neighbouring group colours have only 1.0–1.7:1 against each other and orange and sky blue
 * 2.3:1 against white, under the 3:1 WCAG 2.1 1.4.11 asks of what tells areas apart: where the
 * colours alone would have to do that (the stacked need chart), every area is outlined in
 * `COLORS.groupSeparator` (measured in tests/unit/charts/palette-contrast.test.ts).
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
	 * that the legend swatches match what the chart shows. Pale on purpose (the median and the
	 * planned line must stand out on them), so they are told apart by their edges, not their fills. */
	bandInner: '#a6cee4',
	bandOuter: '#d1e6f1',
	/** Edges of the fan's bands (P5, P25, P75, P95): at least 3:1 against white and both bands
	 * (WCAG 2.1 1.4.11, non-text contrast; measured in tests/unit/charts/palette-contrast.test.ts). */
	bandEdge: '#1d4e89',
	/** Opacity of the shaded shortage (required above planned) and of the investment chart's
	 * P10–P90 band, over the projected period's grey: light enough that the required-stock line
	 * (`required`) keeps 3:1 against the shading it borders. */
	shadeOpacity: 0.12,
	/** Edges of the investment chart's P10–P90 band of the yearly net cost (`required` darkened). */
	costBandEdge: '#a04600',
	/** The projected period's grey (black at this opacity over white): a hint only, the base-year
	 * rule and its label carry the information. */
	projectedOpacity: 0.035,
	baseYear: '#595959',
	/** The outline of each group's area in the stacked need chart: at least 3:1 against every
	 * group colour (the darkest, blue #0072B2, needs a near-black), white and the projected grey,
	 * so the edges, not the fills, tell the areas apart. */
	groupSeparator: '#1f1f1f'
} as const;

/** Plot's ordinal colour scale with the groups in display order and their Norwegian names. */
export const groupColorScale = {
	domain: GROUP_IDS.map((g) => GROUP_SHORT_LABELS[g]),
	range: GROUP_IDS.map((g) => GROUP_COLORS[g])
};
