/**
 * Turn an SSB CSV download into a Cube. Both layouts that Statistikkbanken / PxWebApi produce are
 * read:
 * - long: one column per dimension and one value column
 *   (`"region";"kjønn";"alder";"statistikkvariabel";"år";"value"`), and
 * - wide: the stub dimensions as columns and one value column per heading combination, the
 *   column header naming the statistic and/or the year (`"region";"alder";"Personer 2024";...`,
 *   `"...";"Hovedalternativet (MMMM) 2030"`).
 * An optional title line ("14288: Framskrevet folkemengde ...") and footnote lines are allowed.
 */
import { parseCsv, parseNumberCell, type CellValue } from './csv.ts';
import { fail, type SsbError } from './errors.ts';
import { classifyDimension, parseSingleAge, splitCodeAndText, splitRegionText, type DimensionKind } from './dimensions.ts';
import { tableIdFromTitle, type Cube, type CubeCategory, type CubeDimension } from './cube.ts';

const VALUE_HEADER = /^(value|verdi|values|verdier)$/i;
const YEAR_TOKEN = /(?:^|\s)((?:19|20|21)\d{2})(?=\s|$)/;

interface ValueColumn {
	col: number;
	year?: string;
	/** Statistic / alternative named in the header (wide layout), if any. */
	contents?: string;
}

class CategoryList {
	readonly categories: CubeCategory[] = [];
	private readonly byCode = new Map<string, number>();
	indexOf(cat: CubeCategory): number {
		let i = this.byCode.get(cat.code);
		if (i === undefined) {
			i = this.categories.length;
			this.categories.push(cat);
			this.byCode.set(cat.code, i);
		}
		return i;
	}
}

function categoryFromCell(kind: DimensionKind, text: string): CubeCategory {
	if (kind === 'region') return splitRegionText(text);
	// Codes-and-texts downloads write "kode - tekst" in one cell ("000 - 0 år", "1 - Menn").
	const both = splitCodeAndText(text);
	if (kind === 'age') {
		const a = parseSingleAge(both?.code ?? text) ?? (both ? parseSingleAge(both.label) : undefined);
		// Keep "105+" and "105" apart from nothing else: the code is the number, the label the text.
		return a ? { code: String(a.age), label: both?.label ?? text } : { code: both?.code ?? text, label: both?.label ?? text };
	}
	return both ?? { code: text, label: text };
}

/** A header cell: "region", "Region" (codes) or "Region - region" (codes and texts). */
function classifyHeader(h: string): DimensionKind {
	const both = splitCodeAndText(h);
	return both ? classifyDimension(both.code, both.label) : classifyDimension(h, h);
}

/** Title lines (leading rows with a single non-empty cell), the header row and the data rows. */
function titleHeaderBody(rows: string[][]): { ok: true; titleParts: string[]; header: string[]; body: string[][] } | { ok: false; error: SsbError } {
	let start = 0;
	const titleParts: string[] = [];
	while (start < rows.length && rows[start]!.filter((c) => c !== '').length <= 1) {
		const t = rows[start]!.find((c) => c !== '');
		if (t) titleParts.push(t);
		start++;
	}
	const header = rows[start];
	if (!header || header.length < 2)
		return fail('not-csv-or-jsonstat', 'Fant ingen overskriftsrad med kolonner. Er dette en CSV-fil fra SSBs statistikkbank (semikolonseparert)?');
	const body = rows.slice(start + 1).filter((r) => r.filter((c) => c !== '').length > 1 || header.length <= 2);
	if (body.length === 0) return fail('empty', 'CSV-filen har overskrifter, men ingen datarader.');
	return { ok: true, titleParts, header, body };
}

/** Which columns are dimensions (the stub) and which hold values (with the year/statistic their header gives). */
function splitColumns(
	header: string[],
	body: string[][]
): { ok: true; valueCols: ValueColumn[]; dimCols: { col: number; kind: DimensionKind; header: string }[] } | { ok: false; error: SsbError } {
	const mostlyNumeric = (col: number): boolean => {
		let numeric = 0;
		let seen = 0;
		for (const r of body.slice(0, 50)) {
			const c = r[col];
			if (c === undefined || c === '') continue;
			seen++;
			if (parseNumberCell(c).kind !== 'invalid') numeric++;
		}
		return seen > 0 && numeric / seen > 0.8;
	};
	const kinds: (DimensionKind | 'value')[] = header.map((h, col) => {
		// "Personer 2024", "Hovedalternativet (MMMM) 2030", "2024": a value column of the wide layout.
		if (VALUE_HEADER.test(h) || YEAR_TOKEN.test(h)) return 'value';
		const kind = classifyHeader(h);
		// A header that names a statistic or an alternative ("Hovedalternativet (MMMM)") over a
		// column of numbers is the value column of the long layout, not a dimension.
		if ((kind === 'other' || kind === 'alternative' || kind === 'contents') && mostlyNumeric(col)) return 'value';
		return kind;
	});
	const valueCols: ValueColumn[] = [];
	const dimCols: { col: number; kind: DimensionKind; header: string }[] = [];
	kinds.forEach((k, col) => {
		const h = header[col] ?? '';
		if (k === 'value') {
			const m = YEAR_TOKEN.exec(h);
			const rest = m ? (h.slice(0, m.index) + ' ' + h.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim() : h.trim();
			const vc: ValueColumn = { col };
			if (m?.[1]) vc.year = m[1];
			if (rest !== '' && !VALUE_HEADER.test(rest)) vc.contents = rest;
			valueCols.push(vc);
		} else {
			dimCols.push({ col, kind: k, header: h });
		}
	});
	if (valueCols.length === 0)
		return fail('not-csv-or-jsonstat', 'Fant ingen kolonne med tall i CSV-filen.');
	if (dimCols.length === 0)
		return fail('not-csv-or-jsonstat', 'Fant ingen dimensjonskolonner (som «region», «alder», «år») i CSV-filen.');
	return { ok: true, valueCols, dimCols };
}

export function readCsvCube(text: string): { ok: true; cube: Cube } | { ok: false; error: SsbError } {
	const rows = parseCsv(text);
	if (rows.length === 0) return fail('empty', 'Filen er tom.');
	const parts = titleHeaderBody(rows);
	if (!parts.ok) return parts;
	const { titleParts, header, body } = parts;
	const columns = splitColumns(header, body);
	if (!columns.ok) return columns;
	const { valueCols, dimCols } = columns;

	const hasTimeCol = dimCols.some((d) => d.kind === 'time');
	const headerYears = valueCols.some((v) => v.year !== undefined) && !hasTimeCol;
	const headerContents = valueCols.some((v) => v.contents !== undefined);
	const hasContentsCol = dimCols.some((d) => d.kind === 'contents' || d.kind === 'alternative');

	const lists = dimCols.map(() => new CategoryList());
	const timeList = new CategoryList();
	const contentsList = new CategoryList();
	// The header fixes the year/statistic of each value column: one small lookup, built once.
	const colByExtra = new Map<string, number>();
	valueCols.forEach((vc, i) => {
		const extra: number[] = [];
		if (headerYears) extra.push(timeList.indexOf({ code: vc.year ?? '', label: vc.year ?? '' }));
		if (headerContents && !hasContentsCol) {
			const c = vc.contents ?? '';
			extra.push(contentsList.indexOf(splitCodeAndText(c) ?? { code: c, label: c }));
		}
		colByExtra.set(extra.join(':'), i);
	});
	// One entry per data row (keyed by its stub categories), holding the row's values.
	const rowsByKey = new Map<string, CellValue[]>();
	let missingCount = 0;
	let zeroMarkerCount = 0;
	for (const r of body) {
		const key = dimCols.map((d, i) => lists[i]!.indexOf(categoryFromCell(d.kind, r[d.col] ?? ''))).join(':');
		const values = valueCols.map((vc) => {
			const raw = r[vc.col] ?? '';
			const v = parseNumberCell(raw);
			if (v.kind === 'missing') missingCount++;
			if (raw.trim() === '-') zeroMarkerCount++;
			return v;
		});
		rowsByKey.set(key, values);
	}
	const stubCount = dimCols.length;
	const dimensions: CubeDimension[] = dimCols.map((d, i) => ({
		id: d.header,
		label: d.header,
		kind: d.kind,
		categories: lists[i]!.categories
	}));
	if (headerYears) dimensions.push({ id: 'år', label: 'år', kind: 'time', categories: timeList.categories });
	if (headerContents && !hasContentsCol) {
		// Headers like "Menn 2024" / "Kvinner 2024" carry the sex, not a statistic.
		const isSex = contentsList.categories.every((c) => /^(menn|kvinner|begge kjønn|kjønn i alt)$/i.test(c.label));
		dimensions.push({
			id: isSex ? 'kjønn' : 'statistikkvariabel',
			label: isSex ? 'kjønn' : 'statistikkvariabel',
			kind: isSex ? 'sex' : 'contents',
			categories: contentsList.categories
		});
	}
	const title = titleParts.length > 0 ? titleParts.join(' ') : undefined;
	const cube: Cube = {
		format: 'csv',
		dimensions,
		get: (indexes) => {
			const row = rowsByKey.get(indexes.slice(0, stubCount).join(':'));
			const col = colByExtra.get(indexes.slice(stubCount).join(':'));
			return row && col !== undefined ? row[col] : undefined;
		},
		missingCount,
		zeroMarkerCount
	};
	if (title !== undefined) cube.title = title;
	const tableId = tableIdFromTitle(title);
	if (tableId !== undefined) cube.tableId = tableId;
	return { ok: true, cube };
}
