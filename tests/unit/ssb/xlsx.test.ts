import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { looksLikeZip, readXlsxRows, xlsxRowsToText, xlsxToText } from '#lib/core/ssb/xlsx.ts';
import { extractPopulation, readPopulationFile } from '#lib/core/ssb/population.ts';
import { persons } from '../../fixtures/ssb/generate-real-shapes.ts';

const bytes = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/ssb/${name}`, import.meta.url))));

describe('xlsx from Statistikkbanken', () => {
	it('recognises a zip and reads the first sheet with shared strings and numbers', async () => {
		const b = bytes('real/population-14288.xlsx');
		expect(looksLikeZip(b)).toBe(true);
		const r = await readXlsxRows(b);
		if (!r.ok) throw new Error(r.error.message);
		expect(r.rows[0]).toEqual(['14288: Framskrevet folkemengde 1. januar, etter region, kjønn, alder, statistikkvariabel og år']);
		expect(r.rows[2]![3]).toBe('Hovedalternativet (MMMM)');
		expect(r.rows[4]!.slice(0, 4)).toEqual(['3201 Bærum', 'Menn', '0 år', String(persons(0, 0, 0, 0, 0))]);
		expect(r.rows[5]!.slice(0, 3)).toEqual(['', '', '1 år']);
	});
	it('reads to the same population as the generator wrote: headers combined, stub cells filled down', async () => {
		const t = await xlsxToText(bytes('real/population-14288.xlsx'));
		if (!t.ok) throw new Error(t.error.message);
		const table = readPopulationFile(t.text, 'population-14288.xlsx');
		if (!table.ok) throw new Error(table.error.message);
		expect(table.table.tableId).toBe('14288');
		expect(table.table.kommuner.map((k) => k.code)).toEqual(['3201', '1151']);
		expect(table.table.alternatives.map((a) => a.code)).toEqual(['MMMM', 'LLML']);
		expect(table.table.years).toEqual([2024, 2025, 2026, 2027, 2028]);
		const s = extractPopulation(table.table, { kommune: '3201', alternative: 'LLML' });
		if (!s.ok) throw new Error(s.error.message);
		expect(s.series.values[2]![70]).toBe(persons(0, 0, 70, 1, 2) + persons(0, 1, 70, 1, 2));
		const utsira = extractPopulation(table.table, { kommune: '1151', alternative: 'LLML' });
		expect(utsira.ok).toBe(false);
		if (!utsira.ok) expect(utsira.error.message).toMatch(/2027, 90 år \(kvinner\): «\.\.»/);
	});
	it('combines a merged heading over years and carries it right', () => {
		const text = xlsxRowsToText([
			['Tittel'],
			['', '', 'Personer'],
			['region', 'alder', '2024', '2025'],
			['3201 Bærum', '0 år', '10', '11'],
			['', '1 år', '12', '13']
		]);
		expect(text).toBe('"Tittel"\n"region"\t"alder"\t"Personer 2024"\t"Personer 2025"\n"3201 Bærum"\t"0 år"\t"10"\t"11"\n"3201 Bærum"\t"1 år"\t"12"\t"13"\n');
	});
	it('reads sheet1.xml however the sheets lie in the zip, else the first worksheet there is', async () => {
		const sheet = (text: string) => strToU8(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`);
		const two = zipSync({ 'xl/worksheets/sheet2.xml': sheet('andre'), 'xl/worksheets/sheet1.xml': sheet('første') });
		expect(await readXlsxRows(two)).toEqual({ ok: true, rows: [['første']] });
		const noSheet1 = zipSync({ 'xl/worksheets/data.xml': sheet('eneste'), 'xl/worksheets/sheet3.xml': sheet('tredje') });
		expect(await readXlsxRows(noSheet1)).toEqual({ ok: true, rows: [['eneste']] });
		const none = await readXlsxRows(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }));
		expect(none).toMatchObject({ ok: false, error: { detail: 'no worksheet' } });
	});
	it('a broken or empty file gets a Norwegian message', async () => {
		const broken = await xlsxToText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
		expect(broken).toMatchObject({ ok: false, error: { code: 'not-csv-or-jsonstat', message: expect.stringMatching(/xlsx-fil, men kan ikke leses/) } });
	});
});
