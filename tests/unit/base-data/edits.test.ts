import { describe, expect, it } from 'vitest';
import { applyBaseDataEdit, checkBaseDataEdit, enteredProvenance, newSegment, totalDwellings, type BaseDataEdit } from '#lib/core/base-data/edits.ts';
import { checkKommuneName, checkKommuneNumber, parseCount } from '#lib/core/base-data/typed-input.ts';
import { applyPopulation, maxHorizon, populationCoverageNotes, summarizePopulation } from '#lib/core/base-data/population-summary.ts';
import { baseDataTurnover, collectKostraAccepted } from '#lib/core/base-data/kostra-review.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { KostraChange } from '#lib/core/ssb/kostra-apply.ts';
import type { PopulationSeries } from '#lib/core/model/population.ts';

const base = () => createExampleNotebook().base;

/** Check, then apply: what the panel does. Returns the message or null. */
function edit(b = base(), e: BaseDataEdit, scenarios = createExampleNotebook().scenarios) {
	const msg = checkBaseDataEdit(b, e, scenarios);
	if (msg === null) applyBaseDataEdit(b, e);
	return { b, msg };
}

describe('counts', () => {
	it('parses Norwegian whole numbers and names the field when they are not', () => {
		expect(parseCount('1 234', 'Ledige boliger')).toBe(1234);
		expect(parseCount('0', 'Ledige boliger')).toBe(0);
		expect(parseCount('', 'Ledige boliger')).toMatch(/^Ledige boliger: skriv et helt tall/);
		expect(parseCount('tolv', 'Ledige boliger')).toBe('Ledige boliger: «tolv» er ikke et tall. Skriv et helt tall, for eksempel 12.');
		expect(parseCount('-3', 'Ledige boliger')).toBe('Ledige boliger kan ikke være negativ.');
		expect(parseCount('2,5', 'Ledige boliger')).toBe('Ledige boliger må være et helt tall (ikke 2,5).');
	});
});

describe('kommune', () => {
	it('accepts four digits (or nothing) and explains anything else', () => {
		expect(checkKommuneNumber('0301')).toBeNull();
		expect(checkKommuneNumber('')).toBeNull();
		expect(checkKommuneNumber('301')).toMatch(/fire siffer \(du skrev 3\)/);
		expect(checkKommuneNumber('03O1')).toMatch(/ikke et nummer/);
		expect(checkKommuneNumber('0000')).toMatch(/finnes ikke/);
		expect(checkKommuneName('  ')).toBe('Kommunenavn kan ikke være tomt.');
	});
});

describe('base data edits', () => {
	it('changes a group count and the vacant dwellings', () => {
		const { b, msg } = edit(undefined, { kind: 'group', group: 'rop', field: 'waiting', value: 12 });
		expect(msg).toBeNull();
		expect(b.groups.rop.waiting).toBe(12);
		const r = edit(b, { kind: 'vacant', value: 10 });
		expect(r.msg).toBeNull();
		expect(r.b.vacant).toBe(10);
	});

	it('refuses negative and fractional numbers, naming the field, and changes nothing', () => {
		const b = base();
		const before = structuredClone(b);
		expect(edit(b, { kind: 'group', group: 'eldre', field: 'tenants', value: -1 }).msg).toBe('Leietakere – Eldre kan ikke være negativ.');
		expect(edit(b, { kind: 'vacant', value: 2.5 }).msg).toBe('Ledige boliger må være et helt tall.');
		expect(edit(b, { kind: 'group', group: 'rop', field: 'tenants', value: undefined }).msg).toMatch(/^Leietakere – ROP/);
		expect(b).toEqual(before);
	});

	it('keeps tenants + vacant within the dwellings, with a message naming the field edited', () => {
		// Example: 236 dwellings, 214 tenants, 16 vacant.
		const b = base();
		expect(totalDwellings(b)).toBe(236);
		const { msg } = edit(b, { kind: 'vacant', value: 30 });
		expect(msg).toMatch(/^Ledige boliger: leietakere \(214\) og ledige boliger \(30\) blir til sammen 244, men kommunen har bare 236 boliger/);
		expect(b.vacant).toBe(16);
		expect(edit(b, { kind: 'group', group: 'andre', field: 'tenants', value: 40 }).msg).toMatch(/^Leietakere – Andre: /);
		expect(edit(b, { kind: 'segment-dwellings', segmentId: 'ordinaer', value: 100 }).msg).toMatch(/^Boliger i «Ordinære boliger»: /);
		expect(edit(b, { kind: 'segment-dwellings', segmentId: 'ordinaer', value: 160 }).msg).toBeNull();
	});

	it('an unknown new-tenant count may be cleared; tenants may not', () => {
		const { b, msg } = edit(undefined, { kind: 'group', group: 'rop', field: 'newTenantsLastYear', value: undefined });
		expect(msg).toBeNull();
		expect('newTenantsLastYear' in b.groups.rop).toBe(false);
	});
});

describe('segments', () => {
	it('adds an earmarked segment with a fresh id and removes it again', () => {
		const b = base();
		const seg = newSegment(b, 'Omsorgsboliger', ['eldre'], 4);
		expect(seg.id).toBe('omsorgsboliger');
		expect(edit(b, { kind: 'add-segment', segment: seg }).msg).toMatch(/finnes allerede en boligdel som heter «Omsorgsboliger»/);
		const seg2 = newSegment(b, 'Bofellesskap Ås', ['funksjon'], 6);
		expect(seg2.id).toBe('bofellesskap-as');
		expect(edit(b, { kind: 'add-segment', segment: seg2 }).msg).toBeNull();
		expect(totalDwellings(b)).toBe(242);
		expect(edit(b, { kind: 'remove-segment', segmentId: seg2.id }).msg).toBeNull();
		expect(b.segments.map((s) => s.id)).toEqual(['ordinaer', 'bemannet', 'omsorg']);
	});

	it('never removes the ordinary pool, and not a segment that planned changes use', () => {
		const b = base();
		expect(edit(b, { kind: 'remove-segment', segmentId: 'ordinaer' }).msg).toMatch(/ordinære boligene som alle målgrupper kan bo i, og kan ikke fjernes/);
		const scenarios = createExampleNotebook().scenarios;
		scenarios[0]!.assumptions.plan!.measures.push({ decisionYear: 2027, segmentId: 'bemannet', kind: 'nybygg', count: 4, leadTimeYears: 0, decided: true });
		expect(edit(b, { kind: 'remove-segment', segmentId: 'bemannet' }, scenarios).msg).toMatch(/kan ikke fjernes: planlagte endringer/);
		// Removing the omsorg segment would leave its 52 tenants without room.
		expect(edit(b, { kind: 'remove-segment', segmentId: 'omsorg' }, []).msg).toMatch(/bare 180 boliger/);
		expect(b.segments).toHaveLength(3);
	});

	it('an earmarked segment needs at least one group; the pool cannot be earmarked; names are unique', () => {
		const b = base();
		expect(edit(b, { kind: 'segment-groups', segmentId: 'bemannet', groups: [] }).msg).toMatch(/velg minst én målgruppe/);
		expect(edit(b, { kind: 'segment-groups', segmentId: 'ordinaer', groups: ['rop'] }).msg).toMatch(/kan ikke øremerkes/);
		expect(edit(b, { kind: 'segment-groups', segmentId: 'bemannet', groups: ['funksjon', 'rop'] }).msg).toBeNull();
		expect(b.segments[1]!.groups).toEqual(['rop', 'funksjon']);
		expect(edit(b, { kind: 'segment-name', segmentId: 'bemannet', name: 'omsorgsboliger' }).msg).toMatch(/finnes allerede/);
		expect(edit(b, { kind: 'segment-name', segmentId: 'bemannet', name: ' ' }).msg).toMatch(/tomt/);
	});
});

describe('population', () => {
	const nb = createExampleNotebook();
	it('summarises inhabitants in the base and horizon years, 80+ and 18–66', () => {
		const s = summarizePopulation(nb.population, 2025, 30);
		expect(s.total.base).toBe(20_000);
		expect(s.horizonYear).toBe(2055);
		expect(s.total.horizon).toBeGreaterThan(0);
		expect(s.age80plus.base! + s.age18to66.base!).toBeLessThan(20_000);
		expect(s.coversBaseYear).toBe(true);
		expect(s.notes).toEqual([]);
	});

	it('says when the years do not reach the horizon or miss the base year', () => {
		const short: Pick<PopulationSeries, 'years'> = { years: [2024, 2025, 2026, 2027, 2028] };
		expect(populationCoverageNotes(short, 2025, 30)[0]).toMatch(/går bare til 2028, men framskrivingen går til 2055\. For årene 2029–2055 bruker beregningen befolkningen i 2028 uendret/);
		expect(populationCoverageNotes(short, 2030, 10)[0]).toMatch(/dekker ikke basisåret 2030/);
		expect(populationCoverageNotes({ years: [] }, 2025, 10)).toHaveLength(1);
		expect(maxHorizon(nb)).toBe(30);
	});

	it('replaces the population with a copy', () => {
		const doc = createExampleNotebook();
		const series: PopulationSeries = { years: [2025], ages: [0, 1], values: [[1, 2]], provenance: { kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM' } };
		applyPopulation(doc, series);
		expect(doc.population).toEqual(series);
		expect(doc.population).not.toBe(series);
	});
});

describe('turnover from base data', () => {
	it('gives both definitions: over all dwellings and over occupied dwellings', () => {
		// 236 dwellings, 16 vacant, 9+2+11+12+4 = 38 new tenants.
		const t = baseDataTurnover(base());
		expect(t.newTenants).toBe(38);
		expect(t.allDwellings.turnoverPercent).toBeCloseTo((38 / 236) * 100, 6);
		expect(t.allDwellings.botidYears).toBeCloseTo(236 / 38, 6);
		expect(t.occupiedDwellings.botidYears).toBeCloseTo(220 / 38, 6);
		expect(t.allDwellings.definition).toMatch(/Over alle boliger/);
		expect(t.occupiedDwellings.definition).toMatch(/Over bebodde boliger/);
	});

	it('names the groups without new tenants', () => {
		const b = base();
		delete b.groups.andre.newTenantsLastYear;
		const t = baseDataTurnover(b);
		expect(t.newTenants).toBe(34);
		expect(t.notes.join(' ')).toMatch(/mangler for Andre/);
		for (const g of ['rop', 'funksjon', 'eldre', 'flyktning'] as const) delete b.groups[g].newTenantsLastYear;
		expect(baseDataTurnover(b).allDwellings.turnoverPercent).toBeUndefined();
	});
});

describe('KOSTRA rows', () => {
	const changes: KostraChange[] = [
		{ key: 'vacant', label: 'Ledige boliger', current: 16, proposed: 12, source: 'x', applicable: true },
		{ key: 'dwellings', label: 'Kommunalt disponerte boliger', current: 236, proposed: 240, source: 'x', applicable: false },
		{ key: 'groups.rop.waiting', label: 'ROP: husstander på venteliste', current: 8, proposed: 9, source: 'x', applicable: true }
	];
	it('returns only accepted, applicable rows as numbers', () => {
		const r = collectKostraAccepted(changes, [
			{ key: 'vacant', accepted: true, value: '13' },
			{ key: 'dwellings', accepted: true, value: '240' },
			{ key: 'groups.rop.waiting', accepted: false, value: '9' }
		]);
		expect(r).toEqual({ ok: true, accepted: [{ key: 'vacant', value: 13 }] });
	});
	it('names the row with a bad value, and says when nothing is chosen', () => {
		const r = collectKostraAccepted(changes, [{ key: 'groups.rop.waiting', accepted: true, value: 'ni' }]);
		expect(r).toEqual({ ok: false, message: 'ROP: husstander på venteliste: «ni» er ikke et tall. Skriv et helt tall, for eksempel 12.' });
		expect(collectKostraAccepted(changes, [{ key: 'vacant', accepted: false, value: '1' }]).ok).toBe(false);
	});
});

describe('provenance after a hand edit', () => {
	it('marks the base data as entered and keeps where they came from', () => {
		const p = enteredProvenance(base().provenance, '2026-11-21');
		expect(p).toMatchObject({ kind: 'entered', source: 'Lagt inn i notatboken', retrieved: '2026-11-21' });
		expect(p.note).toMatch(/^Endret for hånd fra: Eksempeldata \(fiktiv kommune\), Oppdiktede tall/);
		expect(enteredProvenance(p, '2027-01-01')).toBe(p);
	});
});

describe('the base data draft', () => {
	it('a later edit of the same field replaces the earlier; the draft is checked as a whole', async () => {
		const { addToDraft, applyDraft, draftIssue } = await import('#lib/core/base-data/draft.ts');
		const { createExampleNotebook } = await import('#lib/core/example/index.ts');
		const base = createExampleNotebook().base;
		let pending = addToDraft([], { kind: 'segment-dwellings', segmentId: 'ordinaer', value: 100 });
		expect(draftIssue(base, pending, 'Boliger')).toMatch(/^Boliger: leietakere \(214\) og ledige boliger \(16\) blir til sammen 230, men kommunen har bare 186 boliger\..*ikke brukt ennå/);
		pending = addToDraft(pending, { kind: 'vacant', value: 40 });
		pending = addToDraft(pending, { kind: 'vacant', value: 5 });
		pending = addToDraft(pending, { kind: 'group', group: 'rop', field: 'tenants', value: 20 });
		expect(pending).toHaveLength(3);
		expect(draftIssue(base, pending, 'Boliger')).toBeNull();
		const next = applyDraft(base, pending);
		expect([next.segments[0]!.dwellings, next.vacant, next.groups.rop.tenants]).toEqual([100, 5, 20]);
		expect(base.segments[0]!.dwellings).toBe(150);
	});
});
