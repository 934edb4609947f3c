/**
 * `npm run project -- ny --kommune NNNN --befolkning FIL [--kostra FIL] --ut UT.boligbehov.json`
 * [--alternativ MMMM] [--navn NAVN]: a new notebook for one kommune from SSB files, without the
 * app. The same steps as the app: the file's bytes decoded by their charset, the SSB readers, the
 * new-notebook template with its placeholders and provenance, the KOSTRA figures of the base year
 * applied (those that apply as offered) and the earlier KOSTRA years kept as history.
 * Exit codes: 0 written, 2 usage, file or kommune error (a Norwegian message on stderr).
 * Process wiring (argv, files) is injected so tests run on fixtures.
 */
import { parseArgs } from 'node:util';
import { serializeNotebook } from '#lib/core/format/index.ts';
import { createNewNotebook } from '#lib/core/notebook/new-notebook.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';
import {
	applyKostraChanges,
	extractKostraYears,
	extractPopulation,
	findKommune,
	historyFromKostra,
	kommuneNumber,
	kostraChanges,
	readKostraFile,
	readPopulationFile,
	suggestGroupMapping,
	type KostraFigures
} from '#lib/core/ssb/index.ts';
import { decodeText } from '#lib/core/text/decode.ts';
import { looksLikeZip, xlsxToText } from '#lib/core/ssb/xlsx.ts';

export interface NewNotebookIo {
	/** The file's bytes, or throws (message shown). */
	readBytes(path: string): Uint8Array;
	writeText(path: string, text: string): void;
	stdout(text: string): void;
	stderr(text: string): void;
	/** ISO timestamp of now. */
	now(): string;
	appVersion: string;
}

export const NEW_USAGE = `Bruk: npm run project -- ny --kommune NNNN --befolkning FIL [--kostra FIL] --ut UT.boligbehov.json

Lager en ny notatbok for én kommune fra SSB-filer (CSV, JSON-stat, xlsx), uten appen.

Valg:
  --kommune NNNN        kommunenummer (fire siffer) eller kommunenavn slik det står i filen
  --befolkning FIL      SSBs befolkningsframskriving for kommunen (påkrevd)
  --kostra FIL          KOSTRA-tabell 12008 (valgfri): basisår, boliger, venteliste, nyinnflyttede og historikk
  --alternativ KODE     framskrivingsalternativ (standard: MMMM, eller filens eneste)
  --navn NAVN           kommunenavn når filen bare har koder
  --ut FIL              notatboka som skrives (.boligbehov.json)
  --help                vis denne teksten
`;

function fail(io: NewNotebookIo, message: string): number {
	io.stderr(`Feil: ${message}\n`);
	return 2;
}

/** Run `ny` with the arguments after the word `ny`. Async because the SSB file readers are (core/ssb/xlsx.ts). */
export async function runNewNotebookCli(argv: readonly string[], io: NewNotebookIo): Promise<number> {
	let values: Record<string, string | boolean | undefined>;
	try {
		values = parseArgs({
			args: [...argv],
			options: {
				kommune: { type: 'string' },
				befolkning: { type: 'string' },
				kostra: { type: 'string' },
				alternativ: { type: 'string' },
				navn: { type: 'string' },
				ut: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}).values;
	} catch (e) {
		// node:util's messages are English: say it in Norwegian and keep the detail.
		return fail(io, `Ukjent valg, eller et valg mangler verdien sin (${e instanceof Error ? e.message : String(e)}).\n\n${NEW_USAGE}`);
	}
	if (values['help']) {
		io.stdout(NEW_USAGE);
		return 0;
	}
	const kommune = typeof values['kommune'] === 'string' ? values['kommune'].trim() : '';
	const populationPath = values['befolkning'];
	const out = values['ut'];
	const missing = [!kommune && '--kommune', typeof populationPath !== 'string' && '--befolkning', typeof out !== 'string' && '--ut'].filter(Boolean);
	if (missing.length > 0) return fail(io, `${missing.join(', ')} mangler.\n\n${NEW_USAGE}`);
	const read = async (path: string): Promise<{ ok: true; text: string } | { ok: false; code: number }> => {
		let bytes: Uint8Array;
		try {
			bytes = io.readBytes(path);
		} catch (e) {
			return { ok: false, code: fail(io, `Kunne ikke lese «${path}»: ${e instanceof Error ? e.message : String(e)}`) };
		}
		if (!looksLikeZip(bytes)) return { ok: true, text: decodeText(bytes).text };
		const x = await xlsxToText(bytes);
		return x.ok ? x : { ok: false, code: fail(io, `«${path}»: ${x.error.message}`) };
	};

	// KOSTRA first: it decides the base year (its latest year with figures).
	let kostraYears: KostraFigures[] | undefined;
	let kostraName: string | undefined;
	let kostraFile: string | undefined;
	if (typeof values['kostra'] === 'string') {
		kostraFile = values['kostra'];
		const text = await read(kostraFile);
		if (!text.ok) return text.code;
		const table = readKostraFile(text.text, baseName(kostraFile));
		if (!table.ok) return fail(io, `KOSTRA-filen «${kostraFile}»: ${table.error.message}`);
		const years = extractKostraYears(table.table, { kommune });
		if (!years.ok) return fail(io, `KOSTRA-filen «${kostraFile}»: ${years.error.message}`);
		kostraYears = years.years;
		const k = table.table.kommuner[findKommune(table.table, kommune)];
		if (k && k.name !== k.code) kostraName = k.name;
	}

	const popText = await read(populationPath as string);
	if (!popText.ok) return popText.code;
	const popTable = readPopulationFile(popText.text, baseName(populationPath as string));
	if (!popTable.ok) return fail(io, `Befolkningsfilen «${populationPath}»: ${popTable.error.message}`);
	const alternatives = popTable.table.alternatives;
	const alternative =
		typeof values['alternativ'] === 'string' ? values['alternativ'] : alternatives.length === 1 ? alternatives[0]!.code : alternatives.some((a) => a.code === 'MMMM') ? 'MMMM' : '';
	const now = io.now();
	const pop = extractPopulation(popTable.table, { kommune, alternative, retrieved: now.slice(0, 10) });
	if (!pop.ok) return fail(io, `Befolkningsfilen «${populationPath}»: ${pop.error.message}`);

	const popKommune = popTable.table.kommuner[findKommune(popTable.table, kommune)];
	const number = kommuneNumber(kommune) ?? (popKommune ? kommuneNumber(popKommune.code) : undefined) ?? '';
	const name =
		(typeof values['navn'] === 'string' && values['navn'].trim()) ||
		kostraName ||
		(popKommune && popKommune.name !== popKommune.code ? popKommune.name : undefined) ||
		`Kommune ${number || kommune}`;
	const nb: Notebook = createNewNotebook({ kommuneName: name, kommuneNumber: number, now, id: `ny-${number || 'kommune'}` });
	nb.population = pop.series;

	if (kostraYears) {
		const latest = kostraYears[kostraYears.length - 1]!;
		nb.base.baseYear = latest.year;
		const changes = kostraChanges(nb.base, latest, suggestGroupMapping(latest, { currentTenants: { funksjon: nb.base.groups.funksjon.tenants, eldre: nb.base.groups.eldre.tenants } }));
		const accepted = changes.filter((c) => c.applicable && c.key !== 'baseYear').map((c) => ({ key: c.key, value: c.proposed }));
		const applied = applyKostraChanges(nb.base, accepted, { source: latest.source, year: latest.year, retrieved: now.slice(0, 10), fileName: baseName(kostraFile!) });
		nb.base = applied.base;
		const history = historyFromKostra(kostraYears, latest.year, { retrieved: now.slice(0, 10), fileName: baseName(kostraFile!) });
		if (history) nb.base.history = history;
		else delete nb.base.history;
		const notApplied = changes.filter((c) => !c.applicable).map((c) => `${c.label}: ${c.note ?? 'kan ikke brukes som det er'}`);
		for (const n of notApplied) io.stderr(`Merk: ${n}\n`);
	}
	const first = nb.population.years[0]!;
	const last = nb.population.years[nb.population.years.length - 1]!;
	if (first > nb.base.baseYear || last < nb.base.baseYear)
		return fail(
			io,
			`Befolkningsfilen har årene ${first}–${last}, men basisåret er ${nb.base.baseYear}. Last ned framskrivingen med året ${nb.base.baseYear} med${kostraYears ? '' : ', eller gi KOSTRA-tall (--kostra) for et år filen dekker'}.`
		);
	nb.title = `${name} – boligbehov ${nb.base.baseYear}–${nb.base.baseYear + nb.scenarios[0]!.assumptions.horizonYears}`;
	try {
		io.writeText(out as string, serializeNotebook(nb, { appVersion: io.appVersion, now: new Date(now) }));
	} catch (e) {
		return fail(io, `Kunne ikke skrive «${out}»: ${e instanceof Error ? e.message : String(e)}`);
	}
	io.stdout(`Skrev ${out}: ${name}${number ? ` (${number})` : ''}, basisår ${nb.base.baseYear}, befolkning ${pop.series.provenance.source}${pop.series.provenance.alternative ? ` ${pop.series.provenance.alternative}` : ''}${kostraYears ? `, KOSTRA ${kostraYears[0]!.year}–${kostraYears[kostraYears.length - 1]!.year}` : ''}.\n`);
	return 0;
}

function baseName(path: string): string {
	return path.split(/[\\/]/).pop() ?? path;
}
