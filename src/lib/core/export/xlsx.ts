/**
 * A minimal, correct XLSX (Office Open XML SpreadsheetML) writer: a DEFLATE-compressed ZIP of the XML
 * parts Excel, LibreOffice and Numbers require. Inline strings (no shared-string table), one
 * bold, frozen header row per sheet, number formats per column. Pure: returns bytes.
 *
 * Parts: [Content_Types].xml, _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels,
 * xl/styles.xml, xl/worksheets/sheet<N>.xml.
 */
import { createZip } from './zip.ts';

export type XlsxCell = string | number | boolean | null | undefined;
/**
 * integer "0", decimal1 "0.0", decimal2 "0.00", count "#,##0" (whole numbers with the reader's
 * thousands separator, as the app shows households and dwellings), general: Excel's default.
 */
export type XlsxNumberFormat = 'general' | 'integer' | 'decimal1' | 'decimal2' | 'count';

export interface XlsxSheet {
	name: string;
	rows: readonly (readonly XlsxCell[])[];
	/** Leading rows shown bold and frozen (default 1). */
	headerRows?: number;
	/** Number format per column (numbers only). */
	columnFormats?: readonly (XlsxNumberFormat | undefined)[];
	/** Column widths in characters. */
	columnWidths?: readonly number[];
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAX_CELL_CHARS = 32767;

const STYLE = { general: 0, header: 1, integer: 2, decimal1: 3, decimal2: 4, count: 5 } as const;

/** Escapes text for XML and drops characters XML 1.0 forbids (control characters, lone surrogates). */
export function xmlEscape(s: string): string {
	return s
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
	let n = index + 1;
	let s = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		s = String.fromCharCode(65 + r) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}

/** Excel refuses these in sheet names; each becomes the nearest allowed character. */
const SHEET_NAME_REPLACEMENTS: Record<string, string> = { ':': '-', '\\': '-', '/': '-', '?': '', '*': '', '[': '(', ']': ')' };

/**
 * Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an
 * apostrophe, not the reserved "History", unique ignoring case. The scenario's name is kept
 * wherever Excel allows it: "Basis: høy" → "Basis – høy", "A/B" → "A-B", "[x]" → "(x)", "?" and
 * "*" dropped; duplicates get " (2)", " (3)"….
 */
export function sanitizeSheetNames(names: readonly string[]): string[] {
	const used = new Set<string>();
	return names.map((raw) => {
		let base = raw
			.replace(/[\u0000-\u001F]/g, ' ')
			// "Navn: tillegg" reads best with the dash used in titles.
			.replace(/\s*:\s+/g, ' – ')
			.replace(/[:\\/?*[\]]/g, (c) => SHEET_NAME_REPLACEMENTS[c] ?? '')
			.replace(/\s{2,}/g, ' ')
			.trim()
			.replace(/^'+|'+$/g, '');
		if (base === '') base = 'Ark';
		base = base.slice(0, 31).trimEnd().replace(/'+$/, '');
		// Excel reserves "History" (its change-tracking sheet).
		if (base.toLowerCase() === 'history') base = `${base} (ark)`;
		let name = base;
		for (let i = 2; used.has(name.toLowerCase()); i++) {
			const suffix = ` (${i})`;
			name = base.slice(0, 31 - suffix.length) + suffix;
		}
		used.add(name.toLowerCase());
		return name;
	});
}

function cellXml(ref: string, v: XlsxCell, style: number): string {
	if (v === null || v === undefined) return '';
	const s = style ? ` s="${style}"` : '';
	if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${String(v)}</v></c>` : '';
	if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
	const text = xmlEscape(v.length > MAX_CELL_CHARS ? v.slice(0, MAX_CELL_CHARS) : v);
	return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet, selected: boolean): string {
	const headerRows = sheet.headerRows ?? 1;
	const ncols = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
	const pane =
		headerRows > 0
			? `<pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
			: '';
	const views = `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>`;
	const widths = sheet.columnWidths ?? [];
	const cols =
		widths.length > 0
			? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w))}" customWidth="1"/>`).join('')}</cols>`
			: '';
	const rows = sheet.rows
		.map((row, r) => {
			const cells = row
				.map((v, c) => {
					const style = r < headerRows ? STYLE.header : typeof v === 'number' ? STYLE[sheet.columnFormats?.[c] ?? 'general'] : STYLE.general;
					return cellXml(`${columnName(c)}${r + 1}`, v, style);
				})
				.join('');
			return `<row r="${r + 1}">${cells}</row>`;
		})
		.join('');
	const dim = ncols > 0 && sheet.rows.length > 0 ? `<dimension ref="A1:${columnName(ncols - 1)}${sheet.rows.length}"/>` : '<dimension ref="A1"/>';
	return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${dim}${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

const STYLES_XML =
	`${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
	'<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>' +
	'<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
	'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
	'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
	'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
	'<cellXfs count="6">' +
	'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
	'<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' +
	'<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	'<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	'<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	// Built-in format 3 is "#,##0".
	'<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	'</cellXfs>' +
	'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
	'</styleSheet>';

/** The workbook's parts as text (exposed for tests); `writeXlsx` zips them. */
export function xlsxParts(sheets: readonly XlsxSheet[]): { name: string; data: string }[] {
	if (sheets.length === 0) throw new Error('An XLSX workbook needs at least one sheet');
	const names = sanitizeSheetNames(sheets.map((s) => s.name));
	const n = sheets.length;
	const contentTypes =
		`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
		'</Types>';
	const rootRels =
		`${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
		`<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
		'</Relationships>';
	const workbook =
		`${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
		'<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
		names.map((name, i) => `<sheet name="${xmlEscape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
		'</sheets></workbook>';
	const workbookRels =
		`${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
		sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
		`<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
		'</Relationships>';
	return [
		{ name: '[Content_Types].xml', data: contentTypes },
		{ name: '_rels/.rels', data: rootRels },
		{ name: 'xl/workbook.xml', data: workbook },
		{ name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
		{ name: 'xl/styles.xml', data: STYLES_XML },
		...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s, i === 0) }))
	];
}

/** The workbook as `.xlsx` bytes (MIME application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). */
export function writeXlsx(sheets: readonly XlsxSheet[], opts: { date?: Date } = {}): Uint8Array {
	return createZip(xlsxParts(sheets), { date: opts.date, compress: true });
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
