/**
 * Amounts in kroner as a Norwegian reader expects them: "1 234 000 kr" below a million,
 * "48,2 mill. kr" from a million up (nb-NO: space as thousands separator, decimal comma, "−").
 */
const wholeKroner = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const millions = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Whole kroner, rounded to the nearest thousand: 1 234 000 kr. */
export function formatKroner(kr: number): string {
	if (!Number.isFinite(kr)) return '–';
	const rounded = Math.round(kr / 1000) * 1000;
	return `${wholeKroner.format(rounded === 0 ? 0 : rounded)} kr`;
}

/** Millions with one decimal, without the unit (table cells under a "mill. kr" caption): 48,2. */
export function formatMillionsNumber(kr: number): string {
	if (!Number.isFinite(kr)) return '–';
	const m = Math.round(kr / 100_000) / 10;
	return millions.format(m === 0 ? 0 : m);
}

/** Millions with one decimal: 48,2 mill. kr. */
export function formatMillions(kr: number): string {
	return Number.isFinite(kr) ? `${formatMillionsNumber(kr)} mill. kr` : '–';
}

/** The readable form for any amount: millions from 1 mill. kr, else whole kroner. */
export function formatAmount(kr: number): string {
	return Math.abs(kr) >= 999_500 ? formatMillions(kr) : formatKroner(kr);
}
