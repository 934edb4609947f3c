import { describe, expect, it } from 'vitest';
import {
	dataUrl,
	DEFAULT_POPULATION_TABLE,
	fetchKostraFromSsb,
	fetchPopulationFromSsb,
	metadataUrl,
	type FetchLike,
	type ResponseLike
} from '#lib/core/ssb/pxweb-client.ts';
import { extractPopulation } from '#lib/core/ssb/population.ts';
import { extractKostra } from '#lib/core/ssb/kostra.ts';
import { findNewestProjectionTable, NEWEST_PROJECTION_ROUND, PROJECTION_ROUNDS } from '#lib/core/ssb/projection-rounds.ts';
import { fixture } from './helpers.ts';

const respond = (status: number, body: string): ResponseLike => ({
	ok: status >= 200 && status < 300,
	status,
	statusText: status === 200 ? 'OK' : 'Error',
	text: () => Promise.resolve(body)
});

/** Replays recorded responses by URL; records the URLs asked for. Never touches the network. */
function recorded(routes: [RegExp, () => ResponseLike][]): FetchLike & { calls: string[] } {
	const calls: string[] = [];
	const f = ((url: string) => {
		calls.push(url);
		for (const [re, r] of routes) if (re.test(url)) return Promise.resolve(r());
		return Promise.resolve(respond(404, '{"title":"Not found"}'));
	}) as FetchLike & { calls: string[] };
	f.calls = calls;
	return f;
}

const populationRoutes: [RegExp, () => ResponseLike][] = [
	[/tables\/14288\/metadata/, () => respond(200, fixture('api/population-14288-metadata.json'))],
	[/tables\/14288\/data/, () => respond(200, fixture('api/population-14288-data-3201.json'))]
];

describe('URLs', () => {
	it('builds PxWebApi v2 metadata and data URLs', () => {
		expect(metadataUrl('14288')).toBe('https://data.ssb.no/api/pxwebapi/v2/tables/14288/metadata?lang=no&outputFormat=json-stat2');
		expect(dataUrl('14288', { Region: ['3201'], Alder: ['*'], Tid: ['2024', '2025'] })).toBe(
			'https://data.ssb.no/api/pxwebapi/v2/tables/14288/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=3201&valueCodes[Alder]=*&valueCodes[Tid]=2024,2025'
		);
	});
});

describe('fetchPopulationFromSsb', () => {
	it('reads metadata, asks for the kommune with all ages, sexes, alternatives and years', async () => {
		const fetch = recorded(populationRoutes);
		const r = await fetchPopulationFromSsb({ kommune: '3201', tableId: '14288', fetch });
		if (!r.ok) throw new Error(r.error.message);
		expect(fetch.calls).toHaveLength(2);
		expect(fetch.calls[1]).toBe(
			'https://data.ssb.no/api/pxwebapi/v2/tables/14288/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=3201&valueCodes[Kjonn]=*&valueCodes[Alder]=*&valueCodes[ContentsCode]=*&valueCodes[Tid]=*'
		);
		expect(r.table.kommuner).toEqual([{ code: '3201', name: 'Bærum' }]);
		expect(r.table.alternatives.map((a) => a.code)).toEqual(['MMMM', 'LLML']);
		const s = extractPopulation(r.table, { alternative: 'MMMM', retrieved: '2026-11-21' });
		if (!s.ok) throw new Error(s.error.message);
		expect(s.series.provenance).toMatchObject({ source: 'SSB tabell 14288', alternative: 'MMMM', fileName: 'SSB API, tabell 14288' });
	});
	it('says so when the kommune number is not in the table, without asking for data', async () => {
		const fetch = recorded(populationRoutes);
		const r = await fetchPopulationFromSsb({ kommune: '9999', tableId: '14288', fetch });
		expect(r).toMatchObject({ ok: false, error: { code: 'unknown-kommune', message: expect.stringMatching(/«9999» finnes ikke i SSB-tabell 14288/) } });
		expect(fetch.calls).toHaveLength(1);
	});
	it('reports offline when fetch fails', async () => {
		const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
		const r = await fetchPopulationFromSsb({ kommune: '3201', fetch });
		expect(r).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringMatching(/Fikk ikke kontakt med SSB/) } });
	});
	it('reports HTTP errors with SSB’s own text', async () => {
		const r404 = await fetchPopulationFromSsb({ kommune: '3201', tableId: '99999', fetch: recorded([]) });
		expect(r404).toMatchObject({ ok: false, error: { code: 'http', message: expect.stringMatching(/finner ikke tabell 99999 \(HTTP 404\).*«Not found»/) } });
		const r503 = await fetchPopulationFromSsb({ kommune: '3201', fetch: recorded([[/./, () => respond(503, 'Service Unavailable')]]) });
		expect(r503).toMatchObject({ ok: false, error: { code: 'http', message: expect.stringMatching(/HTTP 503/) } });
		const r429 = await fetchPopulationFromSsb({ kommune: '3201', fetch: recorded([[/./, () => respond(429, '')]]) });
		expect(!r429.ok && r429.error.message).toMatch(/for mange forespørsler/);
	});
	it('reports a bad response (HTML, broken JSON, not JSON-stat)', async () => {
		const html = await fetchPopulationFromSsb({ kommune: '3201', fetch: recorded([[/./, () => respond(200, '<html></html>')]]) });
		expect(html).toMatchObject({ ok: false, error: { code: 'bad-response' } });
		const broken = await fetchPopulationFromSsb({
			kommune: '3201',
			fetch: recorded([populationRoutes[0]!, [/data/, () => respond(200, '{"version":"2.0","class":"dataset","id":[],"size":[]')]])
		});
		expect(broken).toMatchObject({ ok: false, error: { code: 'bad-response', message: expect.stringMatching(/dataene var ikke gyldig JSON/) } });
	});
	it('refuses a malformed table number before any request', async () => {
		const fetch = recorded([]);
		const r = await fetchPopulationFromSsb({ kommune: '3201', tableId: '142', fetch });
		expect(r).toMatchObject({ ok: false, error: { code: 'wrong-table' } });
		expect(fetch.calls).toHaveLength(0);
	});
});

describe('fetchKostraFromSsb', () => {
	it('fetches the kommune’s KOSTRA figures', async () => {
		const fetch = recorded([
			[/tables\/12008\/metadata/, () => respond(200, fixture('api/kostra-12008-metadata.json'))],
			[/tables\/12008\/data/, () => respond(200, fixture('api/kostra-12008-data-3201.json'))]
		]);
		const r = await fetchKostraFromSsb({ kommune: '3201', fetch });
		if (!r.ok) throw new Error(r.error.message);
		expect(fetch.calls[1]).toContain('valueCodes[KOKkommuneregion0000]=3201&valueCodes[ContentsCode]=*&valueCodes[Tid]=*');
		const f = extractKostra(r.table);
		expect(f).toMatchObject({ ok: true, figures: { year: 2024, dwellings: 2180, newTenants: 272 } });
	});
});

describe('projection rounds', () => {
	it('keeps the known rounds in one place, newest last, and defaults to the newest', () => {
		expect(PROJECTION_ROUNDS.map((r) => [r.year, r.tableId])).toEqual([[2024, '14288'], [2026, '14746']]);
		expect(NEWEST_PROJECTION_ROUND.tableId).toBe('14746');
		expect(DEFAULT_POPULATION_TABLE).toBe('14746');
	});
	it('finds a newer projection table through the table search, and nothing when offline', async () => {
		const body = JSON.stringify({
			tables: [
				{ id: '14288', label: '14288: Framskrevet folkemengde 1. januar, etter region, kjønn, alder, statistikkvariabel og år' },
				{ id: '15010', label: '15010: Framskrevet folkemengde 1. januar, etter region, kjønn, alder, statistikkvariabel og år', updated: '2028-06-20T06:00:00Z' },
				{ id: '15011', label: '15011: Framskrevne dødsfall' }
			]
		});
		const asked: string[] = [];
		const found = await findNewestProjectionTable(async (url) => {
			asked.push(url);
			return respond(200, body);
		});
		expect(found).toEqual({ tableId: '15010', label: expect.stringMatching(/^15010: Framskrevet folkemengde/), updated: '2028-06-20T06:00:00Z' });
		expect(asked[0]).toMatch(/^https:\/\/data\.ssb\.no\/api\/pxwebapi\/v2\/tables\?query=/);
		expect(await findNewestProjectionTable(() => Promise.reject(new TypeError('Failed to fetch')))).toBeUndefined();
		expect(await findNewestProjectionTable(async () => respond(200, '{"tables":[]}'))).toBeUndefined();
	});
});

describe('fetchKostraFromSsb with aggregates in the table', () => {
	it('asks for Landet and the KOSTRA groups beside the kommune, and keeps them out of the kommuner', async () => {
		const meta = JSON.parse(fixture('api/kostra-12008-metadata.json'));
		const region = meta.dimension.KOKkommuneregion0000.category;
		region.index = { '3201': 0, '1151': 1, EAK: 2, EKG13: 3, EKA32: 4 };
		region.label = { '3201': 'Bærum', '1151': 'Utsira', EAK: 'Landet', EKG13: 'Kostragruppe 13', EKA32: 'Akershus' };
		meta.size[0] = 5;
		const asked: string[] = [];
		const r = await fetchKostraFromSsb({
			kommune: '3201',
			fetch: async (url) => {
				asked.push(url);
				return url.includes('/metadata') ? respond(200, JSON.stringify(meta)) : respond(200, fixture('real/kostra-12008.json'));
			}
		});
		expect(asked[1]).toMatch(/valueCodes\[KOKkommuneregion0000\]=3201,EAK,EKG13&/);
		if (!r.ok) throw new Error(r.error.message);
		expect(r.table.kommuner.map((k) => k.code)).not.toContain('EAK');
		expect(r.table.aggregates.map((a) => a.code)).toContain('EKG13');
	});
});
