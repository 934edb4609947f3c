import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listPlaceholders } from '#lib/core/report/placeholders.ts';
import { describe, expect, it } from 'vitest';
import { runNewNotebookCli, type NewNotebookIo } from '../../../src/cli/new-notebook.ts';
import { parseBoligbehovFile } from '#lib/core/format/index.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/ssb/${name}`, import.meta.url));

async function run(...argv: string[]) {
	let out = '';
	let err = '';
	const written: Record<string, string> = {};
	const io: NewNotebookIo = {
		readBytes: (p) => readFileSync(fixturePath(p)),
		writeText: (p, t) => (written[p] = t),
		stdout: (t) => (out += t),
		stderr: (t) => (err += t),
		now: () => '2026-11-29T03:00:00.000Z',
		appVersion: '0.1.0'
	};
	const code = await runNewNotebookCli(argv, io);
	return { code, out, err, written };
}

describe('npm run project -- ny', () => {
	it('writes a valid notebook for the kommune from a population file and a KOSTRA file with history', async () => {
		const { code, out, written } = await run(
			'--kommune', '3201',
			'--befolkning', 'population-14288-wide.csv',
			'--kostra', 'real/kostra-12008-codes-texts.csv',
			'--ut', 'baerum.boligbehov.json'
		);
		expect(code).toBe(0);
		expect(out).toBe('Skrev baerum.boligbehov.json: Bærum (3201), basisår 2024, befolkning SSB tabell 14288 MMMM, KOSTRA 2020–2024.\n');
		const parsed = parseBoligbehovFile(written['baerum.boligbehov.json']!);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed));
		const nb = parsed.notebooks[0]!;
		expect(nb.kommune).toEqual({ name: 'Bærum', number: '3201' });
		expect(nb.base.baseYear).toBe(2024);
		expect(nb.population.provenance).toMatchObject({ kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM', fileName: 'population-14288-wide.csv' });
		expect(nb.base.vacant).toBe(110);
		// KOSTRA has no refugee category in this file: nothing is invented for it (a new notebook starts from zeros).
		expect(nb.base.groups.flyktning.newTenantsLastYear).toBeUndefined();
		expect(nb.base.groups.rop.newTenantsLastYear).toBe(58);
		expect(nb.base.history?.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
		expect(nb.base.provenance.note).toMatch(/tall fra SSB tabell 12008 \(2024\) importert 2026-11-29 fra «kostra-12008-codes-texts.csv»/);
		// The assumptions start from national defaults, each still listed as a placeholder.
		expect(nb.scenarios[0]!.description).toMatch(/nasjonale anslag/);
		const left = listPlaceholders(nb);
		expect(left.some((p) => p.target.kind === 'assumption')).toBe(true);
		expect(left.some((p) => p.target.kind === 'population')).toBe(false);
		expect(() => runProjection(engineInputOf(nb.base, nb.population, nb.scenarios[0]!.assumptions))).not.toThrow();
	});
	it('without KOSTRA: names the kommune from the population file and keeps no history', async () => {
		const { code, written, err } = await run('--kommune', 'Utsira', '--befolkning', 'population-14288-wide.csv', '--ut', 'u.json');
		expect(err).toBe('');
		expect(code).toBe(0);
		const parsed = parseBoligbehovFile(written['u.json']!);
		expect(parsed.ok && parsed.notebooks[0]!.kommune).toEqual({ name: 'Utsira', number: '1151' });
		expect(parsed.ok && parsed.notebooks[0]!.base.history).toBeUndefined();
	});
	it.each([
		[['--kommune', '9999', '--befolkning', 'population-14288-wide.csv', '--ut', 'x.json'], /Kommunen «9999» finnes ikke i filen/],
		[['--kommune', '3201', '--befolkning', 'population-14288-wide.csv', '--kostra', 'real/kostra-12008-codes-texts.csv', '--ut', 'x.json', '--alternativ', 'HHMH'], /alternativet «HHMH» finnes ikke/i],
		[['--kommune', '3201', '--befolkning', 'empty.csv', '--ut', 'x.json'], /Befolkningsfilen «empty.csv»: .*tom/],
		[['--kommune', '3201', '--befolkning', 'kostra-12008.csv', '--ut', 'x.json'], /KOSTRA-tall om kommunale boliger, ikke en befolkningsframskriving/],
		[['--kommune', '3201', '--befolkning', 'finnes-ikke.csv', '--ut', 'x.json'], /Kunne ikke lese «finnes-ikke.csv»/],
		[['--kommune', '9999', '--befolkning', 'population-14288-wide.csv', '--kostra', 'real/kostra-12008.json', '--ut', 'x.json'], /KOSTRA-filen «real\/kostra-12008.json»: Kommunen «9999» finnes ikke/],
		[['--kommune', 'EAK', '--befolkning', 'population-14288-wide.csv', '--kostra', 'real/kostra-12008.json', '--ut', 'x.json'], /Kommunen «EAK» finnes ikke/],
		[['--kommune', '3201', '--befolkning', 'real/population-14746-codes.csv', '--ut', 'x.json'], /Befolkningsfilen har årene 2026–2030, men basisåret er 2025/],
		[['--befolkning', 'population-14288-wide.csv'], /--kommune, --ut mangler/],
		[['--kommune', '3201', '--befolkning', 'population-14288-wide.csv', '--ut', 'x.json', '--ukjent'], /Ukjent valg, eller et valg mangler verdien sin \(.*--ukjent/]
	])('exit 2 with a Norwegian message: %j', async (argv, message) => {
		const { code, err, written } = await run(...argv);
		expect(code).toBe(2);
		expect(err).toMatch(/^Feil: /);
		expect(err).toMatch(message);
		expect(Object.keys(written)).toEqual([]);
	});
	it('reads an xlsx download too', async () => {
		const { code, out } = await run('--kommune', '3201', '--befolkning', 'real/population-14288.xlsx', '--ut', 'x.json');
		expect(code).toBe(0);
		expect(out).toBe('Skrev x.json: Bærum (3201), basisår 2025, befolkning SSB tabell 14288 MMMM.\n');
	});
	it('--help prints the usage and exits 0', async () => {
		const { code, out } = await run('--help');
		expect(code).toBe(0);
		expect(out).toMatch(/^Bruk: npm run project -- ny --kommune NNNN/);
	});
});
