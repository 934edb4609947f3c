import { describe, expect, it } from 'vitest';
import {
	kostraGroupClassificationUrl,
	kostraGroupCode,
	kostraGroupCorrespondenceUrl,
	kostraGroupLabel,
	lookupKostraGroup,
	readKostraGroupCorrespondence,
	versionInForce
} from '#lib/core/ssb/klass.ts';
import type { FetchLike, ResponseLike } from '#lib/core/ssb/http.ts';
import { fixture } from './helpers.ts';

const respond = (status: number, body: string): ResponseLike => ({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(body) });

/** Replays the recorded Klass answers by URL; never the network. */
function klass(overrides: { corr?: () => ResponseLike; cls?: () => ResponseLike } = {}): FetchLike & { calls: string[] } {
	const calls: string[] = [];
	const f = ((url: string) => {
		calls.push(url);
		if (url.includes('/correspondsAt')) return Promise.resolve((overrides.corr ?? (() => respond(200, fixture('api/klass-131-112-correspondsAt.json'))))());
		if (/classifications\/112\?/.test(url)) return Promise.resolve((overrides.cls ?? (() => respond(200, fixture('api/klass-112.json'))))());
		return Promise.resolve(respond(404, '{"error":"Not found"}'));
	}) as FetchLike & { calls: string[] };
	f.calls = calls;
	return f;
}

describe('Klass URLs', () => {
	it('asks for the correspondence kommuner (131) → KOSTRA groups (112) on a date, and the versions of 112', () => {
		expect(kostraGroupCorrespondenceUrl('2026-11-29')).toBe(
			'https://data.ssb.no/api/klass/v1/classifications/131/correspondsAt?targetClassificationId=112&date=2026-11-29&language=nb'
		);
		expect(kostraGroupClassificationUrl()).toBe('https://data.ssb.no/api/klass/v1/classifications/112?language=nb');
	});
});

describe('kostraGroupCode', () => {
	it('reads the group number whichever way Klass writes the code', () => {
		expect(kostraGroupCode('EKG13')).toEqual({ code: 'EKG13', number: 13 });
		expect(kostraGroupCode('13')).toEqual({ code: 'EKG13', number: 13 });
		expect(kostraGroupCode('01')).toEqual({ code: 'EKG01', number: 1 });
		expect(kostraGroupCode('K1')).toEqual({ code: 'EKG01', number: 1 });
		expect(kostraGroupCode('Oslo')).toBeUndefined();
		expect(kostraGroupCode('0')).toBeUndefined();
	});
});

describe('readKostraGroupCorrespondence', () => {
	const json = JSON.parse(fixture('api/klass-131-112-correspondsAt.json')) as unknown;
	it('finds the kommune in the recorded answer', () => {
		const r = readKostraGroupCorrespondence(json, '0301', '2026-11-29');
		if (!r.ok) throw new Error(r.error.message);
		expect(r.group).toMatchObject({ kommune: { code: '0301', name: 'Oslo' }, code: 'EKG13', number: 13, date: '2026-11-29' });
		const haram = readKostraGroupCorrespondence(json, '1580', '2026-11-29');
		expect(haram.ok && haram.group.code).toBe('EKG01');
	});
	it('says so when the kommune is not in Klass on that date', () => {
		const r = readKostraGroupCorrespondence(json, '1507', '2026-11-29');
		expect(!r.ok && r.error.code).toBe('unknown-kommune');
		expect(!r.ok && r.error.message).toMatch(/Kommunenummer 1507 har ingen KOSTRA-gruppe i SSBs klassifikasjon \(Klass 112\) per 2026-11-29/);
	});
	it('refuses an answer of another shape, and a kommune given two groups', () => {
		expect(readKostraGroupCorrespondence({ codes: [] }, '0301', '2026-11-29').ok).toBe(false);
		const two = {
			correspondenceItems: [
				{ sourceCode: '0301', targetCode: 'EKG13' },
				{ sourceCode: '0301', targetCode: 'EKG12' }
			]
		};
		const r = readKostraGroupCorrespondence(two, '0301', '2026-11-29');
		expect(!r.ok && r.error.message).toMatch(/flere KOSTRA-grupper.*EKG13, EKG12/);
	});
});

describe('versionInForce', () => {
	const json = JSON.parse(fixture('api/klass-112.json')) as unknown;
	it('picks the version whose range holds the date (validTo is the first day it no longer applies)', () => {
		expect(versionInForce(json, '2026-11-29')).toEqual({ name: 'Kommunegrupper 2024', validFrom: '2024-01-01' });
		expect(versionInForce(json, '2023-12-31')).toEqual({ name: 'Kommunegrupper 2020', validFrom: '2020-01-01' });
		expect(versionInForce(json, '2024-01-01')?.validFrom).toBe('2024-01-01');
		expect(versionInForce(json, '2019-06-01')).toBeUndefined();
	});
});

describe('lookupKostraGroup', () => {
	it('returns the group with the date its grouping applies from, and the label shown beside the comparison', async () => {
		const fetch = klass();
		const r = await lookupKostraGroup({ fetch, kommune: '0301', date: '2026-11-29' });
		if (!r.ok) throw new Error(r.error.message);
		expect(fetch.calls).toHaveLength(2);
		expect(r.group).toMatchObject({ code: 'EKG13', number: 13, validFrom: '2024-01-01', versionName: 'Kommunegrupper 2024' });
		expect(kostraGroupLabel(r.group)).toBe('KOSTRA-gruppe 13 (SSB Klass 112, gyldig fra 1.1.2024)');
	});
	it('still gives the group if the versions cannot be read, dated by the day asked', async () => {
		const r = await lookupKostraGroup({ fetch: klass({ cls: () => respond(500, '') }), kommune: '0301', date: '2026-11-29' });
		if (!r.ok) throw new Error(r.error.message);
		expect(r.group.validFrom).toBeUndefined();
		expect(kostraGroupLabel(r.group)).toBe('KOSTRA-gruppe 13 (SSB Klass 112, per 29.11.2026)');
	});
	it('takes the kommune as a KOSTRA file writes it ("K-0301", "K0301") and asks Klass for its four digits', async () => {
		for (const kommune of ['K-0301', 'K0301', ' 0301 ']) {
			const r = await lookupKostraGroup({ fetch: klass(), kommune, date: '2026-11-29' });
			if (!r.ok) throw new Error(`${kommune}: ${r.error.message}`);
			expect(r.group).toMatchObject({ kommune: { code: '0301', name: 'Oslo' }, code: 'EKG13', number: 13 });
		}
		const bad = await lookupKostraGroup({ fetch: klass(), kommune: 'K-301', date: '2026-11-29' });
		expect(!bad.ok && bad.error.message).toMatch(/fire siffer/);
	});
	it('names the cause when offline, on an HTTP error and for a bad kommune number', async () => {
		const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
		const a = await lookupKostraGroup({ fetch: offline, kommune: '0301', date: '2026-11-29' });
		expect(!a.ok && a.error.code).toBe('offline');
		expect(!a.ok && a.error.message).toMatch(/Fikk ikke kontakt med SSB/);
		const b = await lookupKostraGroup({ fetch: klass({ corr: () => respond(404, '{"error":"Correspondence not found"}') }), kommune: '0301', date: '2026-11-29' });
		expect(!b.ok && b.error.message).toMatch(/Klass\) fant ikke koblingen.*HTTP 404.*«Correspondence not found»/);
		const c = await lookupKostraGroup({ fetch: klass(), kommune: '301', date: '2026-11-29' });
		expect(!c.ok && c.error.message).toMatch(/fire siffer/);
	});
});
