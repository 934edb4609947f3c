/**
 * A small, careful reader for the CSV files SSB's Statistikkbanken and PxWebApi produce:
 * semicolon (or comma/tab) separated, optionally quoted with "" as an escaped quote, an optional
 * UTF-8 BOM, CRLF or LF line ends, decimal comma or point, spaces as thousands separators.
 */
import { MISSING_MARKERS, ZERO_MARKER } from './errors.ts';

export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Split CSV text into rows of cells. Quoted cells may contain the delimiter, quotes ("") and line
 * breaks. Rows that are entirely empty are dropped. Cells are not trimmed inside quotes; unquoted
 * cells are trimmed.
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
	const src = stripBom(text);
	const delim = delimiter ?? detectDelimiter(src);
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false; // currently inside quotes
	let wasQuoted = false; // the current cell started with a quote
	let i = 0;
	const pushCell = () => {
		row.push(wasQuoted ? cell : cell.trim());
		cell = '';
		wasQuoted = false;
	};
	const pushRow = () => {
		pushCell();
		if (row.some((c) => c !== '')) rows.push(row);
		row = [];
	};
	while (i < src.length) {
		const ch = src[i]!;
		if (quoted) {
			if (ch === '"') {
				if (src[i + 1] === '"') {
					cell += '"';
					i += 2;
					continue;
				}
				quoted = false;
				i++;
				continue;
			}
			cell += ch;
			i++;
			continue;
		}
		if (ch === '"' && cell.trim() === '') {
			quoted = true;
			wasQuoted = true;
			cell = '';
			i++;
			continue;
		}
		if (ch === delim) {
			pushCell();
			i++;
			continue;
		}
		if (ch === '\r' || ch === '\n') {
			pushRow();
			i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
			continue;
		}
		if (wasQuoted) {
			// Text after a closing quote (e.g. `"a" b`): keep it, as spreadsheets do.
			cell += ch;
			i++;
			continue;
		}
		cell += ch;
		i++;
	}
	if (cell !== '' || row.length > 0 || wasQuoted) pushRow();
	return rows;
}

/** The delimiter used most often outside quotes in the first lines: ';' wins ties (SSB default). */
export function detectDelimiter(text: string): string {
	const sample = text.slice(0, 4000);
	const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
	let quoted = false;
	for (const ch of sample) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
	}
	const semi = counts[';'] ?? 0;
	const tab = counts['\t'] ?? 0;
	const comma = counts[','] ?? 0;
	if (semi >= comma && semi >= tab && semi > 0) return ';';
	if (tab >= comma && tab > 0) return '\t';
	if (comma > 0) return ',';
	return ';';
}

/** One cell read as a number, one of SSB's symbols, or something else. */
export type CellValue =
	| { kind: 'number'; value: number }
	| { kind: 'missing'; marker: string }
	| { kind: 'invalid'; text: string };

/**
 * Read a number the way SSB writes it: "1234", "1 234", "1234,5", "1234.5", "-12".
 * SSB's symbols ".", "..", "...", ":" are `missing`; "-" (null) is 0.
 * An empty cell is `missing` with marker "" (the API leaves a cell empty when it has no value).
 */
export function parseNumberCell(raw: string): CellValue {
	const text = raw.trim();
	if (text === ZERO_MARKER) return { kind: 'number', value: 0 };
	if (text === '' || text in MISSING_MARKERS) return { kind: 'missing', marker: text };
	// Remove spaces (incl. no-break and thin spaces) used as thousands separators.
	let t = text.replace(/[\s\u00a0\u202f]/g, '');
	const hasComma = t.includes(',');
	const hasPoint = t.includes('.');
	if (hasComma && hasPoint) {
		// "1.234,5" (Norwegian spreadsheets) or "1,234.5": the last one is the decimal mark.
		if (t.lastIndexOf(',') > t.lastIndexOf('.')) t = t.replace(/\./g, '').replace(',', '.');
		else t = t.replace(/,/g, '');
	} else if (hasComma) {
		t = t.replace(',', '.');
	}
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return { kind: 'invalid', text };
	const value = Number(t);
	return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', text };
}
