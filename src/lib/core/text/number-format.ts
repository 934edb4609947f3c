/**
 * Numbers as a Norwegian reader expects them: nb-NO (space as thousands separator, decimal
 * comma, "−" minus). One formatter per pattern, created once (Intl formatters are costly).
 */
const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedInteger = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const percent1 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToTwoDecimals = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** An assumption's number as written: "1 234,5", "−3", "0,25" (at most two decimals, as the assumption fields show them; never "−0"). */
export function formatNumber(n: number): string {
	return Number.isFinite(n) ? upToTwoDecimals.format(n === 0 ? 0 : n) : '–';
}

/** Whole households or dwellings: 1 234. */
export function formatCount(n: number): string {
	return Number.isFinite(n) ? integer.format(Math.round(n) === 0 ? 0 : n) : '–';
}

/** Years of botid and similar: 7,3. */
export function formatDecimal(n: number): string {
	return Number.isFinite(n) ? oneDecimal.format(n) : '–';
}

/** A change: +12 or −3. */
export function formatSignedCount(n: number): string {
	return Number.isFinite(n) ? signedInteger.format(Math.round(n) === 0 ? 0 : n) : '–';
}

/** A percentage given in percent units: 12,5 %. */
export function formatPercent(pct: number): string {
	return Number.isFinite(pct) ? `${percent1.format(pct)} %` : '–';
}

/** Parses what a Norwegian user types: "1 234,5", "1234.5", "−3". Returns NaN when it is not a number. */
export function parseNorwegianNumber(text: string): number {
	const cleaned = text
		.trim()
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/\u2212/g, '-')
		.replace(',', '.');
	if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
	return Number(cleaned);
}
