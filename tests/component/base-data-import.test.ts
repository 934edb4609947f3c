/**
 * The population and KOSTRA previews of the Grunnlagsdata panel: valid files give a preview and
 * write only on confirm; bad files and bad values give a specific Norwegian message and write nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PopulationImport from '#lib/components/base-data/PopulationImport.svelte';
import KostraImport from '#lib/components/base-data/KostraImport.svelte';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { PopulationSeries } from '#lib/core/model/population.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { FetchLike } from '#lib/core/ssb/index.ts';
import { persons } from '../fixtures/ssb/generate-real-shapes.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/ssb', name), 'utf8');
const file = (name: string, text = fixture(name)) => new File([text], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' });
const today = () => '2026-11-21';

function renderPopulation(props: Partial<{ baseYear: number; kommuneNumber: string; fetchImpl: FetchLike; isOnline: () => boolean }> = {}) {
	const onconfirm = vi.fn<(s: PopulationSeries) => void>();
	render(PopulationImport, { baseYear: 2025, horizonYears: 30, kommuneNumber: '', today, onconfirm, ...props });
	return onconfirm;
}

/** The newest round's label; the recorded API answers are for the 2024 round's table 14288. */
const TABLE_LABEL = 'SSB-tabell (nyeste framskriving: 14746 fra 2026)';
async function useRecordedTable() {
	const table = screen.getByLabelText(TABLE_LABEL);
	await userEvent.clear(table);
	await userEvent.type(table, '14288');
}

describe('population import', () => {
	it('previews a JSON-stat file and writes only on confirm, MMMM preselected', async () => {
		const onconfirm = renderPopulation();
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), file('population-14288.json'));
		const preview = await screen.findByTestId('population-preview');
		expect(preview).toHaveTextContent('SSB tabell 14288 (JSON-stat), 2 regioner, 2 alternativer (MMMM, LLML), år 2024–2028');
		expect(screen.getByLabelText('Framskrivingsalternativ')).toHaveValue('MMMM');
		expect(screen.getByLabelText('Kommune')).toHaveValue('3201');
		expect(within(preview).getByText('Innbyggere i basisåret 2025')).toBeVisible();
		// The years stop at 2028, before the horizon 2055: said in the preview.
		expect(preview).toHaveTextContent('går bare til 2028, men framskrivingen går til 2055');
		expect(onconfirm).not.toHaveBeenCalled();
		await userEvent.click(screen.getByRole('button', { name: 'Bruk denne befolkningen' }));
		expect(onconfirm).toHaveBeenCalledTimes(1);
		const series = onconfirm.mock.calls[0]![0];
		expect(series.years).toEqual([2024, 2025, 2026, 2027, 2028]);
		expect(series.ages).toHaveLength(106);
		expect(series.provenance).toMatchObject({ kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM', retrieved: '2026-11-21', fileName: 'population-14288.json' });
		expect(screen.getByTestId('population-done')).toHaveTextContent('Befolkningen er byttet: SSB tabell 14288, alternativ MMMM');
	});

	it('preselects the notebook kommune; a kommune and alternative with SSB symbols cannot be used', async () => {
		const onconfirm = renderPopulation({ kommuneNumber: '1151' });
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), file('population-14288-wide.csv'));
		expect(await screen.findByLabelText('Kommune')).toHaveValue('1151');
		await userEvent.selectOptions(screen.getByLabelText('Framskrivingsalternativ'), 'LLML');
		expect(screen.getByTestId('population-extract-error')).toHaveTextContent(/Det mangler tall for Utsira \(1151\), alternativ LLML, i 2 celler: 2027, 90 år \(kvinner\): «\.\.» \(tallgrunnlag mangler\)/);
		expect(screen.getByRole('button', { name: 'Bruk denne befolkningen' })).toBeDisabled();
		expect(onconfirm).not.toHaveBeenCalled();
	});

	it('says when the notebook kommune is not in the file, and when SSB does not know the number', async () => {
		const fetchImpl: FetchLike = async () => ({ ok: true, status: 200, text: async () => fixture('api/population-14288-metadata.json') });
		renderPopulation({ kommuneNumber: '0999', fetchImpl });
		await useRecordedTable();
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), file('population-long-alternative.csv'));
		expect(await screen.findByTestId('population-kommune-note')).toHaveTextContent(
			'Notatbokens kommune (0999) finnes ikke i filen. Filen har: 3201 Bærum, 1151 Utsira.'
		);
		await userEvent.click(screen.getByRole('button', { name: 'Hent fra SSB' }));
		expect(await screen.findByTestId('population-fetch-error')).toHaveTextContent('Kommunenummer «0999» finnes ikke i SSB-tabell 14288.');
		expect(screen.getByTestId('population-preview')).toHaveTextContent('population-long-alternative.csv');
	});

	it('refuses a population that does not cover the base year', async () => {
		const onconfirm = renderPopulation({ baseYear: 2030 });
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), file('population-14288.json'));
		expect(await screen.findByTestId('population-preview')).toHaveTextContent('dekker ikke basisåret 2030');
		expect(screen.getByRole('button', { name: 'Bruk denne befolkningen' })).toBeDisabled();
		expect(onconfirm).not.toHaveBeenCalled();
	});

	it.each([
		['wrong-table-areal.json', /ikke en befolkningsframskriving/],
		['kostra-12008.json', /KOSTRA-tall om kommunale boliger, ikke en befolkningsframskriving/],
		['population-no-age.csv', /mangler dimensjonen «alder»/],
		['population-age-groups.csv', /ingen ettårige aldre/],
		['empty.csv', /er tom/],
		['not-jsonstat.json', /ikke et JSON-stat 2.0-datasett/]
	])('a malformed file (%s) gets its specific message and nothing is written', async (name, message) => {
		const onconfirm = renderPopulation();
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), file(name));
		const err = await screen.findByTestId('population-error');
		expect(err).toHaveTextContent(message);
		expect(err).toHaveTextContent(`Kunne ikke lese «${name}»`);
		expect(err).toHaveTextContent('Ingenting er endret i notatboken.');
		expect(screen.queryByTestId('population-preview')).toBeNull();
		expect(onconfirm).not.toHaveBeenCalled();
	});

	it('«Hent fra SSB» uses the injected fetch with recorded answers', async () => {
		const urls: string[] = [];
		const fetchImpl: FetchLike = async (url) => {
			urls.push(url);
			const body = url.includes('/metadata') ? fixture('api/population-14288-metadata.json') : fixture('api/population-14288-data-3201.json');
			return { ok: true, status: 200, text: async () => body };
		};
		const onconfirm = renderPopulation({ kommuneNumber: '3201', fetchImpl });
		await useRecordedTable();
		expect(screen.getByLabelText('Kommunenummer for henting fra SSB')).toHaveValue('3201');
		expect(urls).toEqual([]);
		await userEvent.click(screen.getByRole('button', { name: 'Hent fra SSB' }));
		expect(await screen.findByTestId('population-preview')).toHaveTextContent('1 region');
		expect(urls[0]).toMatch(/^https:\/\/data\.ssb\.no\/api\/pxwebapi\/v2\/tables\/14288\/metadata/);
		await userEvent.click(screen.getByRole('button', { name: 'Bruk denne befolkningen' }));
		const prov = onconfirm.mock.calls[0]![0].provenance;
		expect(prov).toMatchObject({ kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM', retrieved: '2026-11-21' });
		expect(prov.fileName).toBeUndefined();
		expect(prov.note).toMatch(/hentet fra SSBs API \(data\.ssb\.no\)$/);
	});

	it('says so when SSB answers with an error, when fetch fails and when offline', async () => {
		let mode: 'http' | 'throw' = 'http';
		const fetchImpl: FetchLike = async () => {
			if (mode === 'throw') throw new TypeError('Failed to fetch');
			return { ok: false, status: 500, statusText: 'Internal Server Error', text: async () => '' };
		};
		let online = true;
		renderPopulation({ kommuneNumber: '3201', fetchImpl, isOnline: () => online });
		const button = screen.getByRole('button', { name: 'Hent fra SSB' });
		await userEvent.click(button);
		expect(await screen.findByTestId('population-fetch-error')).toHaveTextContent('SSBs API svarer ikke som normalt (HTTP 500)');
		mode = 'throw';
		await userEvent.click(button);
		expect(await screen.findByTestId('population-fetch-error')).toHaveTextContent('Fikk ikke kontakt med SSB (data.ssb.no). Du er kanskje frakoblet.');
		online = false;
		await userEvent.click(button);
		expect(screen.getByTestId('population-fetch-error')).toHaveTextContent('Du er frakoblet');
		online = true;
		const table = screen.getByLabelText(TABLE_LABEL);
		await userEvent.clear(table);
		await userEvent.type(table, '1428');
		await userEvent.click(button);
		expect(screen.getByTestId('population-fetch-error')).toHaveTextContent('«1428» er ikke et SSB-tabellnummer (fem siffer, f.eks. 14288).');
		await userEvent.type(table, '8');
		const field = screen.getByLabelText('Kommunenummer for henting fra SSB');
		await userEvent.clear(field);
		await userEvent.type(field, '32');
		await userEvent.click(button);
		expect(screen.getByTestId('population-fetch-error')).toHaveTextContent('Kommunenummer må ha fire siffer (du skrev 2)');
		expect(screen.queryByTestId('population-preview')).toBeNull();
	});
});

function renderKostra(props: Partial<{ fetchImpl: FetchLike; isOnline: () => boolean }> = {}) {
	const base = createExampleNotebook().base;
	const onapply = vi.fn<(b: BaseData, n: number) => void>();
	render(KostraImport, { base, kommuneNumber: '3201', today, onapply, ...props });
	return { base, onapply };
}

describe('KOSTRA import', () => {
	it('shows the figures, the mapping with an editable adapted-dwelling split, both turnover definitions and the proposed changes', async () => {
		const { base, onapply } = renderKostra();
		await userEvent.upload(screen.getByLabelText('KOSTRA-fil fra SSB (JSON-stat eller CSV)'), file('kostra-12008.json'));
		const preview = await screen.findByTestId('kostra-preview');
		expect(preview).toHaveTextContent('SSB tabell 12008, Bærum, 2024');
		const mapping = screen.getByTestId('kostra-mapping');
		expect(within(mapping).getByRole('row', { name: /Behov for tilrettelagt bolig 96/ })).toHaveTextContent('Nedsatt funksjonsevne og Eldre');
		// The split follows today's tenants (52 eldre, 48 funksjon) until the planner sets a share.
		expect(screen.getByTestId('kostra-split')).toHaveTextContent('52 % til Eldre');
		expect(screen.getByLabelText('Ny verdi: Eldre: nyinnflyttede husstander i basisåret')).toHaveValue('50');
		const share = screen.getByLabelText('Andel av «behov for tilrettelagt bolig» til Eldre (%)');
		await userEvent.type(share, '25');
		expect(screen.getByTestId('kostra-split')).toHaveTextContent('25 % til Eldre');
		expect(screen.getByLabelText('Ny verdi: Eldre: nyinnflyttede husstander i basisåret')).toHaveValue('24');
		expect(screen.getByLabelText('Ny verdi: Nedsatt funksjonsevne: nyinnflyttede husstander i basisåret')).toHaveValue('72');

		const turnover = screen.getByTestId('kostra-turnover');
		expect(turnover).toHaveTextContent('Over alle boliger (inkl. ledige)12,5 % per år8,0 år2 180');
		expect(turnover).toHaveTextContent('Over bebodde boliger (uten ledige)13,1 % per år7,6 år2 070');
		expect(turnover).toHaveTextContent('Over alle boliger (KOSTRA-definisjonen)');

		// Base year and dwellings (three segments) cannot be applied as they are.
		expect(screen.getByRole('checkbox', { name: 'Bruk: Basisår (status 31.12)' })).toBeDisabled();
		expect(screen.getByRole('checkbox', { name: 'Bruk: Kommunalt disponerte boliger' })).toBeDisabled();
		// Vacant 110 would not fit beside today's 214 tenants in 236 dwellings: not ticked by default,
		// and the conflict is named in the preview before any click (issue 12 item 5).
		const vacant = screen.getByRole('checkbox', { name: 'Bruk: Ledige boliger' });
		expect(vacant).not.toBeChecked();
		expect(screen.getByTestId('kostra-conflict-vacant')).toHaveTextContent(
			'Ikke valgt: Leietakere (214) og ledige boliger (110) blir til sammen 324, men boligene er 236.'
		);
		expect(screen.queryByTestId('kostra-selection-conflict')).toBeNull();
		// Ticked anyway: the conflict shows at once, and the click is still refused, named.
		await userEvent.click(vacant);
		expect(screen.getByTestId('kostra-selection-conflict')).toHaveTextContent('Valgene over går ikke opp: Leietakere (214) og ledige boliger (110)');
		await userEvent.click(screen.getByRole('button', { name: 'Bruk valgte verdier' }));
		expect(screen.getByTestId('kostra-apply-error')).toHaveTextContent(/^Ledige boliger fra KOSTRA: leietakere \(214\) og ledige boliger \(110\)/);
		expect(onapply).not.toHaveBeenCalled();

		await userEvent.click(screen.getByRole('checkbox', { name: 'Bruk: Ledige boliger' }));
		await userEvent.click(screen.getByRole('checkbox', { name: 'Bruk: Andre: nyinnflyttede husstander i basisåret' }));
		const rop = screen.getByLabelText('Ny verdi: ROP (rus og psykiske lidelser): nyinnflyttede husstander i basisåret');
		await userEvent.clear(rop);
		await userEvent.type(rop, '40');
		await userEvent.click(screen.getByRole('button', { name: 'Bruk valgte verdier' }));
		expect(onapply).toHaveBeenCalledTimes(1);
		const [next, n] = onapply.mock.calls[0]!;
		expect(n).toBe(5);
		expect(next.groups.rop.newTenantsLastYear).toBe(40);
		expect(next.groups.eldre.newTenantsLastYear).toBe(24);
		expect(next.groups.andre.newTenantsLastYear).toBe(base.groups.andre.newTenantsLastYear);
		expect(next.groups.flyktning.waiting).toBe(15);
		expect(next.vacant).toBe(base.vacant);
		expect(next.provenance.note).toMatch(/5 tall fra SSB tabell 12008 \(2024\) importert 2026-11-21 fra «kostra-12008.json»/);
		expect(screen.getByTestId('kostra-done')).toHaveTextContent('5 verdier fra SSB tabell 12008 (2024) er tatt i bruk.');
	});

	it('names a bad value and an out-of-range split, and applies nothing', async () => {
		const { onapply } = renderKostra();
		await userEvent.upload(screen.getByLabelText('KOSTRA-fil fra SSB (JSON-stat eller CSV)'), file('kostra-12008.csv'));
		await screen.findByTestId('kostra-preview');
		await userEvent.type(screen.getByLabelText('Andel av «behov for tilrettelagt bolig» til Eldre (%)'), '120');
		expect(screen.getByRole('alert')).toHaveTextContent('Andel til Eldre må være mellom 0 og 100 % (du skrev 120).');
		const flykt = screen.getByLabelText('Ny verdi: Flyktninger: husstander på venteliste');
		await userEvent.clear(flykt);
		await userEvent.type(flykt, '-4');
		await userEvent.click(screen.getByRole('button', { name: 'Bruk valgte verdier' }));
		expect(screen.getByTestId('kostra-apply-error')).toHaveTextContent('Flyktninger: husstander på venteliste kan ikke være negativ.');
		expect(onapply).not.toHaveBeenCalled();
	});

	it('a population file in the KOSTRA import gets a specific message', async () => {
		const { onapply } = renderKostra();
		await userEvent.upload(screen.getByLabelText('KOSTRA-fil fra SSB (JSON-stat eller CSV)'), file('population-14288.json'));
		const err = await screen.findByTestId('kostra-error');
		expect(err).toHaveTextContent('har dimensjonen «alder» og ser ut som en befolkningstabell');
		expect(err).toHaveTextContent('Ingenting er endret i notatboken.');
		expect(onapply).not.toHaveBeenCalled();
	});

	it('«Hent KOSTRA-tall fra SSB» uses the injected fetch; an HTTP error is named', async () => {
		let status = 200;
		const fetchImpl: FetchLike = async (url) => {
			if (status !== 200) return { ok: false, status, text: async () => '' };
			return { ok: true, status: 200, text: async () => fixture(url.includes('/metadata') ? 'api/kostra-12008-metadata.json' : 'api/kostra-12008-data-3201.json') };
		};
		renderKostra({ fetchImpl });
		await userEvent.click(screen.getByRole('button', { name: 'Hent KOSTRA-tall fra SSB' }));
		expect(await screen.findByTestId('kostra-preview')).toHaveTextContent('hentet fra SSB (tabell 12008)');
		expect(screen.getByTestId('kostra-turnover')).toHaveTextContent('Over bebodde boliger');
		status = 404;
		await userEvent.click(screen.getByRole('button', { name: 'Hent KOSTRA-tall fra SSB' }));
		expect(await screen.findByTestId('kostra-fetch-error')).toHaveTextContent('SSB finner ikke tabell 12008 (HTTP 404).');
	});
});

/** A file as the browser gives it: the fixture's bytes (Latin-1 files stay Latin-1). */
const bytesFile = (name: string) => new File([readFileSync(resolve(process.cwd(), 'tests/fixtures/ssb', name))], name.split('/').pop()!, { type: 'text/csv' });

describe('files as SSB serves them', () => {
	it('a Latin-1 texts-only population CSV reads with «år» intact', async () => {
		const onconfirm = renderPopulation({ baseYear: 2026, kommuneNumber: '' });
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), bytesFile('real/population-14746-texts-semicolon.csv'));
		const preview = await screen.findByTestId('population-preview');
		expect(preview).toHaveTextContent('SSB tabell 14746 (CSV), 2 regioner, 2 alternativer (MMMM, LLML), år 2026–2030, alder 0–105 år eller eldre');
		await userEvent.click(screen.getByRole('button', { name: 'Bruk denne befolkningen' }));
		expect(onconfirm.mock.calls[0]![0].provenance).toMatchObject({ source: 'SSB tabell 14746', alternative: 'MMMM' });
	});

	it('a Statistikkbanken xlsx dropped on the population panel reads to the numbers written into it', async () => {
		const onconfirm = renderPopulation({ baseYear: 2024, kommuneNumber: '3201' });
		const xlsx = new File([readFileSync(resolve(process.cwd(), 'tests/fixtures/ssb/real/population-14288.xlsx'))], 'population-14288.xlsx', {
			type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		});
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), xlsx);
		const preview = await screen.findByTestId('population-preview', {}, { timeout: 5000 });
		expect(preview).toHaveTextContent(/SSB tabell 14288 \(\w+\), 2 regioner, 2 alternativer \(MMMM, LLML\), år 2024–2028/);
		expect(screen.getByLabelText('Kommune')).toHaveValue('3201');
		await userEvent.selectOptions(screen.getByLabelText('Framskrivingsalternativ'), 'LLML');
		await userEvent.click(screen.getByRole('button', { name: 'Bruk denne befolkningen' }));
		const series = onconfirm.mock.calls[0]![0];
		expect(series.years).toEqual([2024, 2025, 2026, 2027, 2028]);
		// Men + women, as the fixture's generator wrote them into the sheet.
		expect(series.values[2]![70]).toBe(persons(0, 0, 70, 1, 2) + persons(0, 1, 70, 1, 2));
		expect(series.values[0]![0]).toBe(persons(0, 0, 0, 1, 0) + persons(0, 1, 0, 1, 0));
		expect(series.provenance).toMatchObject({ source: 'SSB tabell 14288', alternative: 'LLML', fileName: 'population-14288.xlsx' });
	});

	it('KOSTRA with aggregates and historical kommuner: only kommuner to pick, comparison, history saved', async () => {
		const { onapply } = renderKostra();
		await userEvent.upload(screen.getByLabelText('KOSTRA-fil fra SSB (JSON-stat eller CSV)'), bytesFile('real/kostra-12008-codes-texts.csv'));
		await screen.findByTestId('kostra-preview');
		const options = within(screen.getByLabelText('Kommune')).getAllByRole('option').map((o) => o.textContent);
		expect(options).toEqual(['3201 Bærum', '3024 Bærum (2020-2023)', '0219 Bærum (-2019)', '1151 Utsira']);
		const comparison = screen.getByTestId('kostra-comparison');
		expect(comparison).toHaveTextContent('Gjennomstrømming 2024: 12 % i kommunen, 12 % i landet.');
		expect(comparison).toHaveTextContent('SSBs klassifikasjon 112');
		await userEvent.selectOptions(screen.getByLabelText('Kommunens KOSTRA-gruppe (fra SSBs klassifikasjon 112)'), 'EKG13');
		expect(comparison).toHaveTextContent(/Gjennomstrømming 2024: 12 % i kommunen, \d+ % i Kostragruppe 13, 12 % i landet\./);
		const keep = screen.getByLabelText(/Lagre 5 år med historikk \(2020–2024\)/);
		expect(keep).toBeChecked();
		await userEvent.click(screen.getByRole('button', { name: 'Bruk valgte verdier' }));
		expect(onapply).toHaveBeenCalledTimes(1);
		const [next] = onapply.mock.calls[0]!;
		expect(next.history?.years.map((y) => [y.year, y.dwellings, y.waiting])).toEqual([
			[2020, 2100, 120],
			[2021, 2120, 131],
			[2022, 2150, 140],
			[2023, 2160, 151],
			[2024, 2180, 160]
		]);
		expect(next.vacant).toBe(16);
		expect(screen.getByTestId('kostra-done')).toHaveTextContent('Historikken 2020–2024 er lagret.');
	});
});

/** A KOSTRA CSV with codes and texts as PxWebApi serves it, for Oslo with Landet and KOSTRA group 13 (values synthetic). */
const OSLO_KOSTRA = [
	'"KOKkommuneregion0000","ContentsCode","2023","2024"',
	'"EAK - Landet","KOSxdisponerte0000 - Kommunalt disponerte boliger i alt",99387,100307',
	'"EAK - Landet","KOSantnyinnflytt0000 - Antall nyinnflyttede husstander",12423,12515',
	'"EKG13 - Kostragruppe 13","KOSxdisponerte0000 - Kommunalt disponerte boliger i alt",17988,18155',
	'"EKG13 - Kostragruppe 13","KOSantnyinnflytt0000 - Antall nyinnflyttede husstander",2160,2181',
	'"0301 - Oslo","KOSxdisponerte0000 - Kommunalt disponerte boliger i alt",17988,18155',
	'"0301 - Oslo","KOSantnyinnflytt0000 - Antall nyinnflyttede husstander",2160,2181'
].join('\n');

/** Klass answers replayed from the recorded fixtures; the URLs asked for are kept. */
function klassFetch(): FetchLike & { calls: string[] } {
	const calls: string[] = [];
	const f = (async (url: string) => {
		calls.push(url);
		if (url.includes('/correspondsAt')) return { ok: true, status: 200, text: async () => fixture('api/klass-131-112-correspondsAt.json') };
		if (url.includes('/classifications/112?')) return { ok: true, status: 200, text: async () => fixture('api/klass-112.json') };
		return { ok: false, status: 404, text: async () => '' };
	}) as FetchLike & { calls: string[] };
	f.calls = calls;
	return f;
}

describe('KOSTRA group from SSB Klass 112', () => {
	it('is looked up only on click, selected in the comparison and shown with its validity', async () => {
		const fetchImpl = klassFetch();
		renderKostra({ fetchImpl });
		await userEvent.upload(screen.getByLabelText('KOSTRA-fil fra SSB (JSON-stat eller CSV)'), file('oslo-kostra.csv', OSLO_KOSTRA));
		const comparison = await screen.findByTestId('kostra-comparison');
		expect(fetchImpl.calls).toEqual([]);
		expect(screen.getByLabelText('Kommunens KOSTRA-gruppe (fra SSBs klassifikasjon 112)')).toHaveValue('');
		await userEvent.click(screen.getByRole('button', { name: 'Slå opp gruppen hos SSB (Klass 112)' }));
		expect(await screen.findByTestId('kostra-group-klass')).toHaveTextContent('Oslo: KOSTRA-gruppe 13 (SSB Klass 112, gyldig fra 1.1.2024)');
		expect(fetchImpl.calls.some((u) => u.includes('classifications/131/correspondsAt?targetClassificationId=112&date=2026-11-21'))).toBe(true);
		expect(screen.getByLabelText('Kommunens KOSTRA-gruppe (fra SSBs klassifikasjon 112)')).toHaveValue('EKG13');
		expect(comparison).toHaveTextContent('Gjennomstrømming 2024: 12 % i kommunen, 12 % i Kostragruppe 13, 12 % i landet.');
	});

	it('says so when offline, and asks nothing', async () => {
		const fetchImpl = klassFetch();
		renderKostra({ fetchImpl, isOnline: () => false });
		await userEvent.upload(screen.getByLabelText('KOSTRA-fil fra SSB (JSON-stat eller CSV)'), file('oslo-kostra.csv', OSLO_KOSTRA));
		await screen.findByTestId('kostra-comparison');
		await userEvent.click(screen.getByRole('button', { name: 'Slå opp gruppen hos SSB (Klass 112)' }));
		expect(screen.getByTestId('kostra-group-message')).toHaveTextContent('Du er frakoblet, så KOSTRA-gruppen kan ikke slås opp hos SSB nå.');
		expect(fetchImpl.calls).toEqual([]);
		expect(screen.getByLabelText('Kommunens KOSTRA-gruppe (fra SSBs klassifikasjon 112)')).toHaveValue('');
	});

	it('names a kommune Klass does not know, and leaves the choice to the planner', async () => {
		renderKostra({ fetchImpl: klassFetch() });
		await userEvent.upload(screen.getByLabelText('KOSTRA-fil fra SSB (JSON-stat eller CSV)'), bytesFile('real/kostra-12008-codes-texts.csv'));
		await screen.findByTestId('kostra-comparison');
		await userEvent.click(screen.getByRole('button', { name: 'Slå opp gruppen hos SSB (Klass 112)' }));
		expect(await screen.findByTestId('kostra-group-message')).toHaveTextContent('Kommunenummer 3201 har ingen KOSTRA-gruppe i SSBs klassifikasjon (Klass 112) per 2026-11-21.');
		expect(screen.queryByTestId('kostra-group-klass')).toBeNull();
		expect(screen.getByLabelText('Kommunens KOSTRA-gruppe (fra SSBs klassifikasjon 112)')).toHaveValue('');
	});
});

describe('hindcast section', () => {
	it('shows the miss in plain Norwegian, a chart and a table for the example kommune', async () => {
		const { default: HindcastSection } = await import('#lib/components/base-data/HindcastSection.svelte');
		const nb = createExampleNotebook();
		render(HindcastSection, { getInput: () => engineInputOf(nb.base, nb.population, nb.scenarios[0]!.assumptions), scenarioName: 'Basis' });
		expect(screen.queryByTestId('hindcast-sentences')).toBeNull();
		await userEvent.click(screen.getByRole('button', { name: 'Vis tilbakeblikket' }));
		const sentences = screen.getByTestId('hindcast-sentences');
		expect(sentences).toHaveTextContent(/Kalibrert på 2021 bommet modellen på 2025 med [+−]\d+ husstander på venteliste/);
		expect(within(screen.getByTestId('hindcast-table')).getAllByRole('row')).toHaveLength(1 + 8);
		expect(screen.getByTestId('hindcast-chart').querySelector('svg[role="img"]')).not.toBeNull();
	});
	it('says what is missing when there are fewer than four observed years', async () => {
		const { default: HindcastSection } = await import('#lib/components/base-data/HindcastSection.svelte');
		const nb = createExampleNotebook();
		delete nb.base.history;
		render(HindcastSection, { getInput: () => engineInputOf(nb.base, nb.population, nb.scenarios[0]!.assumptions), scenarioName: 'Basis', initiallyOpen: true });
		expect(screen.getByTestId('hindcast-unavailable')).toHaveTextContent('minst 4 observerte år (basisåret medregnet); notatboken har 1. Importer KOSTRA-tall for flere år.');
	});
});
