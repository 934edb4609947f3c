/**
 * WCAG 2.1 contrast ratio of two colours (relative luminance, https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio),
 * and the solid colour a translucent fill gives over a background, to check the charts' marks against
 * what they are drawn on (1.4.11 non-text contrast asks 3:1 for the parts needed to read a chart).
 */

function channels(hex: string): [number, number, number] {
	const h = hex.replace('#', '');
	const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
	if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`Not a #rrggbb colour: ${hex}`);
	return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

export function relativeLuminance(hex: string): number {
	const [r, g, b] = channels(hex).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** The opaque colour of `fill` at `opacity` over `background` (both #rrggbb). */
export function composite(fill: string, opacity: number, background = '#ffffff'): string {
	const f = channels(fill);
	const b = channels(background);
	return `#${f.map((c, i) => Math.round(opacity * c + (1 - opacity) * b[i]!).toString(16).padStart(2, '0')).join('')}`;
}
