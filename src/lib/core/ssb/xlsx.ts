/**
 * Statistikkbanken's xlsx download → the same text the CSV reader takes. Loaded only when an xlsx
 * is dropped (a dynamic import in components/base-data/read-ssb-file.ts). An xlsx is a zip of XML
 * files: the two needed (the first worksheet and the shared strings) are inflated with fflate (the
 * zip library the XLSX export already uses) and read by a small tag reader. Pure: no DOM.
 *
 * Layout handling (assumed, see docs/data-import.md): title rows above the table; header rows
 * (one or more, e.g. statistic over year) combined per column; merged stub cells (a region or sex
 * written only where it changes) filled down.
 */
import { unzipSync } from 'fflate';
import { fail, type SsbError } from './errors.ts';

/** A zip file starts with a local file header "PK\x03\x04". */
export function looksLikeZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const FIRST_SHEET = 'xl/worksheets/sheet1.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** An entry that inflates beyond this is not a Statistikkbanken table (a zip bomb, or another file). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/**
 * The first worksheet (sheet1.xml; if a file has none, the first worksheet entry in the zip) and
 * the shared strings, as text: all the reader needs, and nothing else is inflated. A first pass
 * only lists the entries' names (fflate's filter sees each one before inflating it).
 */
function zipTexts(bytes: Uint8Array): { sheet?: string; sharedStrings?: string } | string {
	try {
		const names: string[] = [];
		unzipSync(bytes, {
			filter: (f) => {
				names.push(f.name);
				return false;
			}
		});
		const sheetName = names.includes(FIRST_SHEET) ? FIRST_SHEET : names.find((n) => WORKSHEET.test(n));
		const files = unzipSync(bytes, { filter: (f) => (f.name === sheetName || f.name === SHARED_STRINGS) && f.originalSize <= MAX_ENTRY_BYTES });
		const utf8 = new TextDecoder();
		const text = (name: string | undefined) => {
			const data = name === undefined ? undefined : files[name];
			return data && utf8.decode(data);
		};
		return { sheet: text(sheetName), sharedStrings: text(SHARED_STRINGS) };
	} catch (e) {
		return String(e);
	}
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
		e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? '')
	);
}

/** All text of the <t> elements inside one string item (plain or rich text). */
function itemText(xml: string): string {
	let out = '';
	for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1] ?? '');
	return out;
}

/** Column index from a cell reference: "A1" → 0, "AB12" → 27. */
function columnIndex(ref: string): number {
	let n = 0;
	for (const ch of ref) {
		const c = ch.charCodeAt(0);
		if (c < 65 || c > 90) break;
		n = n * 26 + (c - 64);
	}
	return n - 1;
}

/** The first worksheet's cells as text rows (numbers as written in the XML: a point as decimal mark). */
export async function readXlsxRows(bytes: Uint8Array): Promise<{ ok: true; rows: string[][] } | { ok: false; error: SsbError }> {
	const bad = (detail: string) => fail('not-csv-or-jsonstat', 'Filen ser ut som en xlsx-fil, men kan ikke leses. Last den ned på nytt fra Statistikkbanken, eller velg CSV.', detail);
	const texts = zipTexts(bytes);
	if (typeof texts === 'string') return bad(texts);
	const sheetXml = texts.sheet;
	if (sheetXml === undefined) return bad('no worksheet');
	const sst = texts.sharedStrings;
	const shared = sst ? [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => itemText(m[1] ?? '')) : [];
	const rows: string[][] = [];
	for (const rm of sheetXml.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
		const row: string[] = [];
		for (const cm of (rm[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const attrs = cm[1] ?? '';
			const body = cm[2] ?? '';
			const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
			const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
			const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
			let text = '';
			if (type === 's') text = shared[Number(v)] ?? '';
			else if (type === 'inlineStr') text = itemText(body);
			else if (v !== undefined) text = unescapeXml(v);
			const col = ref ? columnIndex(ref) : row.length;
			while (row.length < col) row.push('');
			row[col] = text.trim();
		}
		rows.push(row);
	}
	return { ok: true, rows };
}

/**
 * Rows of a Statistikkbanken sheet as one tab-separated text for the CSV reader: title rows kept
 * as single cells, several header rows combined per column ("Personer" over "2024" → "Personer
 * 2024", a merged header carried to the right), merged stub cells filled down.
 */
export function xlsxRowsToText(rows: readonly string[][]): string {
	const filled = (r: readonly string[]) => r.filter((c) => c !== '').length;
	const isNumber = (c: string) => /^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(c) || c === '..' || c === '.' || c === ':' || c === '-';
	// Titles are single cells in the first column; a lone cell further right is a merged heading.
	const isTitle = (r: readonly string[]) => filled(r) === 1 && (r[0] ?? '') !== '';
	const first = rows.findIndex((r) => filled(r) > 0 && !isTitle(r));
	if (first < 0) return rows.map((r) => r.join('')).join('\n');
	// Data rows hold numbers; the rows from `first` to the first data row are headers.
	// A header row of years ("2024", "2025", …) has numbers too: a data row has some that are not years.
	const isYear = (c: string) => /^(19|20|21)\d{2}$/.test(c);
	let data = rows.findIndex((r, i) => i >= first && r.some((c) => c !== '' && isNumber(c) && !isYear(c)));
	if (data < 0) data = first + 1;
	const headerRows = rows.slice(first, Math.max(first + 1, data));
	const width = Math.max(...rows.map((r) => r.length));
	// The stub columns: those the first data row starts with as text (before the first number).
	const firstData = rows[data] ?? [];
	let stub = 0;
	while (stub < width && !isNumber(firstData[stub] ?? '')) stub++;
	const header: string[] = [];
	for (let c = 0; c < width; c++) {
		const parts: string[] = [];
		for (const hr of headerRows) {
			let v = hr[c] ?? '';
			// A merged heading cell spans to the right: carry it over the value columns.
			if (v === '' && c >= stub) for (let k = c - 1; k >= stub && v === ''; k--) v = hr[k] ?? '';
			if (v !== '' && !parts.includes(v)) parts.push(v);
		}
		header.push(parts.join(' '));
	}
	const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
	const lines = rows.slice(0, first).filter((r) => filled(r) > 0).map((r) => quote(r.filter((c) => c !== '').join(' ')));
	lines.push(header.map(quote).join('\t'));
	const carry: string[] = [];
	for (const r of rows.slice(data)) {
		if (filled(r) === 0) continue;
		if (filled(r) === 1 && !isNumber(r.find((c) => c !== '') ?? '')) {
			lines.push(quote(r.find((c) => c !== '') ?? '')); // a footnote
			continue;
		}
		const cells: string[] = [];
		for (let c = 0; c < width; c++) {
			let v = r[c] ?? '';
			if (c < stub) {
				if (v === '') v = carry[c] ?? '';
				else {
					carry[c] = v;
					carry.length = c + 1; // a new outer category restarts the inner ones
				}
			}
			cells.push(quote(v));
		}
		lines.push(cells.join('\t'));
	}
	return lines.join('\n') + '\n';
}

/** An xlsx download as text for the SSB readers, or why it cannot be read. */
export async function xlsxToText(bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; error: SsbError }> {
	const r = await readXlsxRows(bytes);
	if (!r.ok) return r;
	if (r.rows.every((row) => row.every((c) => c === ''))) return fail('empty', 'Regnearket er tomt.');
	return { ok: true, text: xlsxRowsToText(r.rows) };
}
