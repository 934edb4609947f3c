import { describe, expect, it } from 'vitest';
import { crc32, createZip } from '#lib/core/export/zip.ts';
import { columnName, sanitizeSheetNames, writeXlsx, xmlEscape } from '#lib/core/export/xlsx.ts';
import { ASSUMPTIONS_SHEET_NAME, projectionWorkbook } from '#lib/core/export/workbook.ts';
import { assumptionRows, baseDataRows } from '#lib/core/export/assumptions.ts';
import { projectionColumns } from '#lib/core/export/columns.ts';
import { buildMinimalNotebook } from '../format/fixtures.ts';
import { fakeResult } from './result-fixture.ts';
import { unzip } from './unzip.ts';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

/** Tiny well-formedness check: every start tag is closed in order (enough for our generated XML). */
function assertWellFormed(xml: string): void {
	const stack: string[] = [];
	for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
		const [, close, name, self] = m;
		if (self) continue;
		if (close) {
			if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
		} else stack.push(name!);
	}
	if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
	expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
}

describe('zip', () => {
	it('CRC-32 matches the standard check value', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});

	it('writes an archive that reads back, with UTF-8 names, deterministically', () => {
		const entries = [
			{ name: 'a.txt', data: 'hei' },
			{ name: 'mappe/æøå.xml', data: '<x/>' },
			{ name: 'tom', data: new Uint8Array() }
		];
		const z = createZip(entries);
		const files = unzip(z);
		expect([...files.keys()]).toEqual(['a.txt', 'mappe/æøå.xml', 'tom']);
		expect(text(files.get('mappe/æøå.xml'))).toBe('<x/>');
		expect(createZip(entries)).toEqual(z);
	});
});

describe('xlsx helpers', () => {
	it('column names', () => {
		expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
	});

	it('sheet names follow Excel rules', () => {
		expect(sanitizeSheetNames(['Basis', 'basis', 'A/B: [test]?', '', "'sitat'", 'x'.repeat(40), 'x'.repeat(40)])).toEqual([
			'Basis',
			'basis (2)',
			'A-B – (test)',
			'Ark',
			'sitat',
			'x'.repeat(31),
			`${'x'.repeat(27)} (2)`
		]);
		expect(sanitizeSheetNames(['History'])).toEqual(['History (ark)']);
	});

	it('escapes XML and drops forbidden characters', () => {
		expect(xmlEscape('a<b>&"c"\u0001\uD800')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
		expect(xmlEscape('😀 æøå')).toBe('😀 æøå');
	});
});

describe('projection workbook', () => {
	const nb = buildMinimalNotebook();
	const scenarios = nb.scenarios.map((scenario) => ({ scenario, result: fakeResult() }));
	const bytes = projectionWorkbook({ scenarios, base: nb.base });
	const files = unzip(bytes);

	it('is a ZIP with the required OOXML parts, all well-formed', () => {
		expect([...files.keys()]).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'xl/workbook.xml',
			'xl/_rels/workbook.xml.rels',
			'xl/styles.xml',
			'xl/worksheets/sheet1.xml',
			'xl/worksheets/sheet2.xml',
			'xl/worksheets/sheet3.xml'
		]);
		for (const [name, data] of files) {
			expect(text(data).startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), name).toBe(true);
			assertWellFormed(text(data));
		}
		const ct = text(files.get('[Content_Types].xml'));
		expect(ct).toContain('<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
		expect(text(files.get('_rels/.rels'))).toContain('Target="xl/workbook.xml"');
		expect(text(files.get('xl/_rels/workbook.xml.rels'))).toContain('Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"');
	});

	it('has one sheet per scenario plus the assumptions sheet', () => {
		const wb = text(files.get('xl/workbook.xml'));
		const names = [...wb.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)" r:id="(rId\d+)"\/>/g)].map((m) => m[1]);
		expect(names).toEqual(['Basis', 'Kortere botid ROP', ASSUMPTIONS_SHEET_NAME]);
	});

	it('scenario sheets hold the header and one row per year with raw numbers', () => {
		const xml = text(files.get('xl/worksheets/sheet1.xml'));
		const cols = projectionColumns();
		expect(xml).toContain(`<dimension ref="A1:${columnName(cols.length - 1)}4"/>`);
		expect(xml).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">År</t></is></c>');
		expect(xml).toContain('<c r="B1" s="1" t="inlineStr"><is><t xml:space="preserve">Behov (leietakere + venteliste) – ROP (husstander)</t></is></c>');
		expect(xml).toContain('<c r="A2"><v>2025</v></c>');
		// Counts shown as whole numbers with thousands separators, as in the app; the value is unrounded.
		expect(xml).toContain('<c r="B3" s="5"><v>103.25</v></c>');
		expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
		expect([...xml.matchAll(/<row r="/g)]).toHaveLength(4);
	});

	it('the assumptions sheet lists base data and every scenario', () => {
		const xml = text(files.get('xl/worksheets/sheet3.xml'));
		expect(xml).toContain('Forutsetning');
		expect(xml).toContain('Botid');
		expect(xml).toContain('Kortere botid ROP');
		expect(xml).toContain('Grunnlag 2025');
		const rows = [...xml.matchAll(/<row r="/g)].length;
		expect(rows).toBe(1 + baseDataRows(nb.base).length + nb.scenarios.reduce((s, sc) => s + assumptionRows(sc).length, 0));
	});

	it('untrusted names cannot break the XML', () => {
		const evil = buildMinimalNotebook().scenarios[0]!;
		evil.name = '</t></is></c><c r="A1"><v>1</v></c> & «æ»\u0007';
		const f = unzip(projectionWorkbook({ scenarios: [{ scenario: evil, result: fakeResult() }] }));
		for (const data of f.values()) assertWellFormed(text(data));
	});

	it('writeXlsx refuses an empty workbook', () => {
		expect(() => writeXlsx([])).toThrow();
	});
});

describe('assumption rows', () => {
	it('lists calibrated numbers as "kalibreres" and spreads as low/high', () => {
		const rows = assumptionRows(buildMinimalNotebook().scenarios[0]!);
		const ropRate = rows.find((r) => r.group === 'ROP' && r.assumption.startsWith('Nytt behov per 1 000'));
		expect(ropRate?.value).toBe('kalibreres');
		expect(ropRate?.assumption).toBe('Nytt behov per 1 000 innbyggere 18–66 år');
		const botid = rows.find((r) => r.group === 'ROP' && r.assumption === 'Botid');
		expect(botid).toMatchObject({ value: 6, unit: 'år', distribution: 'Triangulær', low: 4, high: 9 });
		expect(rows.find((r) => r.assumption === 'Bosatte flyktninger per år')?.value).toBe('2026: 60; 2027: 45');
		expect(rows.find((r) => r.assumption.startsWith('Salg 2028'))?.value).toBe(-2);
	});
});

describe('compressed workbook with the CSV layout (issue 14)', () => {
	it('every part is DEFLATE-compressed and the workbook is far smaller than its XML', async () => {
		const { methods } = await import('./unzip.ts');
		const nb = buildMinimalNotebook();
		const scenarios = nb.scenarios.map((scenario) => ({ scenario, result: fakeResult(31) }));
		const bytes = projectionWorkbook({ scenarios, base: nb.base });
		const files = unzip(bytes);
		const xmlBytes = [...files.values()].reduce((s, d) => s + d.length, 0);
		expect(bytes.length).toBeLessThan(xmlBytes / 4);
		expect([...methods.get(files)!.values()].every((m) => m === 8)).toBe(true);
	});

	it('a scenario sheet has exactly the rows and columns of the same table as CSV', async () => {
		const { projectionToCsv } = await import('#lib/core/export/csv.ts');
		const { readCsv } = await import('./read-csv.ts');
		const { YEARLY_COLUMNS } = await import('#lib/core/report/yearly-table.ts');
		const nb = buildMinimalNotebook();
		const result = { ...fakeResult(), warnings: [{ code: 'test', message: 'Advarsel & «test»' }] };
		const mc = { draws: 10, seed: 1, years: result.years, bands: {}, probRequiredExceedsPlanned: Float64Array.from([0, 0.5, 1]) };
		const context = { kommune: 'Sør-Fron', kommunenummer: '3449', notebook: 'Plan', date: new Date(2026, 10, 29) };
		const scenario = { ...nb.scenarios[0]!, name: 'Basis: høy' };
		const xml = text(unzip(projectionWorkbook({ scenarios: [{ scenario, result, monteCarlo: mc }], columns: YEARLY_COLUMNS, context })).get('xl/worksheets/sheet1.xml'));
		const csv = readCsv(projectionToCsv(result, { columns: YEARLY_COLUMNS, monteCarlo: mc, context: { ...context, scenario: scenario.name }, bom: false }));
		// Cell values of the sheet, row by row (inline strings and numbers).
		const sheetRows = [...xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map((m) =>
			[...m[2]!.matchAll(/<c r="([A-Z]+)\d+"[^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map((c) => c[2] ?? c[3])
		);
		expect(sheetRows).toHaveLength(csv.length);
		csv.forEach((row, i) => expect(sheetRows[i]!.length, `row ${i + 1}`).toBe(row.filter((c) => c !== '').length));
		expect(sheetRows[0]).toEqual(['Kommune', 'Sør-Fron (3449)']);
		expect(sheetRows[4]).toEqual(['Advarsel', 'Advarsel &amp; «test»']);
		expect(sheetRows[6]).toEqual(csv[6]);
		expect(sheetRows[7]!.at(-1)).toBe('0');
		expect(sheetRows[8]!.at(-1)).toBe('50');
		// Frozen below the table's header row.
		expect(xml).toContain('<pane ySplit="7" topLeftCell="A8" activePane="bottomLeft" state="frozen"/>');
		const wb = text(unzip(projectionWorkbook({ scenarios: [{ scenario, result }] })).get('xl/workbook.xml'));
		expect(wb).toContain('<sheet name="Basis – høy"');
	});
});
