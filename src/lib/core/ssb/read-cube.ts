/**
 * Read an uploaded file (its text) as JSON-stat 2.0 or CSV, whichever it is.
 */
import { stripBom } from './csv.ts';
import { readCsvCube } from './csv-table.ts';
import { fail, type SsbError } from './errors.ts';
import { looksLikeJsonStat, readJsonStat } from './jsonstat.ts';
import type { Cube } from './cube.ts';

export function readCube(text: string, fileName = ''): { ok: true; cube: Cube } | { ok: false; error: SsbError } {
	const t = stripBom(text ?? '').trim();
	const name = fileName ? ` «${fileName}»` : '';
	if (t === '') return fail('empty', `Filen${name} er tom.`);
	if (t.startsWith('{') || t.startsWith('[')) {
		let data: unknown;
		try {
			data = JSON.parse(t);
		} catch (e) {
			return fail('not-csv-or-jsonstat', `Filen${name} ser ut som JSON, men kan ikke leses (ugyldig JSON).`, String(e));
		}
		if (!looksLikeJsonStat(data))
			return fail('not-csv-or-jsonstat', `Filen${name} er JSON, men ikke et JSON-stat 2.0-datasett. Velg formatet «JSON-stat2» eller «CSV» ved nedlasting fra SSB.`);
		return readJsonStat(data);
	}
	if (/^<(!doctype|html|\?xml)/i.test(t))
		return fail('not-csv-or-jsonstat', `Filen${name} er en nettside eller XML, ikke CSV eller JSON-stat fra SSB.`);
	if (!/[;,\t]/.test(t.slice(0, 2000)))
		return fail('not-csv-or-jsonstat', `Filen${name} er verken CSV (semikolonseparert) eller JSON-stat.`);
	return readCsvCube(t);
}
