/**
 * The origin of each base-data number (issue 10 item 2): a KOSTRA import fills some fields, the
 * planner types others, and each field says which; a file without the map reads as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlaceholders } from '#lib/core/report/placeholders.ts';
import { applyTypedEdits, baseFieldKeys, recordFieldOrigins } from '#lib/core/base-data/field-origins.ts';
import { assumptionProvenance, baseFieldProvenance, DEFAULT_BASE_YEAR_SOURCE, derivedProvenance, otherHouseholdsProvenance } from '#lib/core/report/provenance.ts';
import { baseAppendixRows } from '#lib/core/report/assumptions-appendix.ts';
import { applyKostraChanges } from '#lib/core/ssb/kostra-apply.ts';
import { createNewNotebook } from '#lib/core/notebook/new-notebook.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { parseBoligbehovFile, serializeNotebook } from '#lib/core/format/index.ts';

const META = { appVersion: 'test', now: new Date('2026-11-29T00:00:00Z') };

const fresh = () => createNewNotebook({ kommuneName: 'Nordby', kommuneNumber: '1234', now: '2026-11-21T10:00:00.000Z', id: 'nb-1' });
const KOSTRA = { source: 'SSB tabell 12008', year: 2025, retrieved: '2026-11-21' };

describe('base data: an origin per field', () => {
	it('without the map, every field has the whole base data’s origin (as every file before it)', () => {
		const example = createExampleNotebook().base;
		expect(example.fieldOrigins).toBeUndefined();
		for (const key of baseFieldKeys(example)) expect(baseFieldProvenance(example, key).origin).toBe('example');
		const own = fresh().base;
		expect(baseFieldProvenance(own, 'vacant')).toEqual({ origin: 'placeholder', source: 'Ikke fylt ut ennå' });
		// The base year is the program's proposal, not a number to type: «standard».
		expect(baseFieldProvenance(own, 'baseYear')).toEqual({ origin: 'default', source: DEFAULT_BASE_YEAR_SOURCE });
	});

	it('KOSTRA marks what it filled as imported with table and year; the tenants it does not have stay placeholders', () => {
		const base = fresh().base;
		const accepted = [
			{ key: 'dwellings' as const, value: 190 },
			{ key: 'vacant' as const, value: 5 },
			...GROUP_IDS.map((g) => ({ key: `groups.${g}.waiting` as const, value: 2 }))
		];
		const { base: next } = applyKostraChanges(base, accepted, KOSTRA);
		expect(baseFieldProvenance(next, 'segments.ordinaer.dwellings')).toEqual({ origin: 'imported', source: 'SSB tabell 12008, 2025' });
		expect(baseFieldProvenance(next, 'vacant').origin).toBe('imported');
		expect(baseFieldProvenance(next, 'groups.rop.waiting').origin).toBe('imported');
		expect(baseFieldProvenance(next, 'groups.rop.tenants').origin).toBe('placeholder');
		// The input is not changed.
		expect(base.fieldOrigins).toBeUndefined();
		// The panel then says the whole base data builds on KOSTRA: the tenants still say plassholder.
		next.provenance = { kind: 'imported', source: 'SSB KOSTRA (tabell 12008)' };
		expect(baseFieldProvenance(next, 'groups.rop.tenants').origin).toBe('placeholder');
		expect(otherHouseholdsProvenance(next).origin).toBe('placeholder');
	});

	it('a typed number is oppgitt; the fields nobody touched keep their origin', () => {
		const example = createExampleNotebook().base;
		applyTypedEdits(example, [{ kind: 'group', group: 'rop', field: 'tenants', value: 60 }], '2026-11-29');
		expect(example.provenance).toMatchObject({ kind: 'entered', source: 'Lagt inn i notatboken' });
		expect(baseFieldProvenance(example, 'groups.rop.tenants')).toEqual({ origin: 'entered' });
		expect(baseFieldProvenance(example, 'groups.eldre.tenants').origin).toBe('example');
		expect(baseFieldProvenance(example, 'vacant').origin).toBe('example');
		// A segment added later is typed: oppgitt. One removed takes its entry with it.
		applyTypedEdits(example, [{ kind: 'add-segment', segment: { id: 'ny', name: 'Ny', groups: ['rop'], dwellings: 4 } }], '2026-11-29');
		expect(baseFieldProvenance(example, 'segments.ny.dwellings').origin).toBe('entered');
		applyTypedEdits(example, [{ kind: 'remove-segment', segmentId: 'ny' }], '2026-11-29');
		expect(Object.keys(example.fieldOrigins!)).not.toContain('segments.ny.dwellings');
	});

	it('after KOSTRA and typed tenants, every number is the kommune’s own: imported or oppgitt, none a stand-in', () => {
		const nb = fresh();
		const { base } = applyKostraChanges(nb.base, [{ key: 'dwellings', value: 190 }, { key: 'vacant', value: 5 }, ...GROUP_IDS.map((g) => ({ key: `groups.${g}.waiting` as const, value: 1 }))], KOSTRA);
		base.provenance = { kind: 'imported', source: 'SSB KOSTRA (tabell 12008)' };
		applyTypedEdits(base, GROUP_IDS.map((g) => ({ kind: 'group' as const, group: g, field: 'tenants' as const, value: 30 })), '2026-11-29');
		nb.base = base;
		const rows = baseAppendixRows(nb).filter((r) => r.key !== 'population');
		expect(rows.find((r) => r.key === 'base.vacant')).toMatchObject({ status: 'imported', source: 'SSB tabell 12008, 2025' });
		expect(rows.find((r) => r.key === 'base.groups.rop.tenants')?.status).toBe('entered');
		// Outside the groups: typed tenants and imported stock together read «oppgitt».
		expect(rows.find((r) => r.key === 'base.otherHouseholds')).toMatchObject({ status: 'entered', value: '35 husstander' });
		expect(rows.filter((r) => r.key !== 'base.baseYear').every((r) => r.status === 'imported' || r.status === 'entered')).toBe(true);
	});

	it('is an optional field of the file: written, read back, and a file without it still opens', () => {
		const nb = createExampleNotebook();
		applyTypedEdits(nb.base, [{ kind: 'vacant', value: 10 }], '2026-11-29');
		const back = parseBoligbehovFile(serializeNotebook(nb, META));
		if (!back.ok) throw new Error(back.error.message);
		expect(back.notebooks[0]!.base.fieldOrigins).toEqual(nb.base.fieldOrigins);
		const bad = JSON.parse(serializeNotebook(nb, META));
		bad.notebook.base.fieldOrigins.vacant = { kind: 'guessed' };
		const refused = parseBoligbehovFile(JSON.stringify(bad));
		expect(refused.ok).toBe(false);
	});
});

describe('derivedProvenance', () => {
	it('takes the weakest origin of its parts; imported only when all are', () => {
		expect(derivedProvenance([{ origin: 'imported', source: 'A' }, { origin: 'imported', source: 'A' }])).toEqual({ origin: 'imported', source: 'A' });
		expect(derivedProvenance([{ origin: 'imported', source: 'A' }, { origin: 'imported', source: 'B' }])).toEqual({ origin: 'imported' });
		expect(derivedProvenance([{ origin: 'imported' }, { origin: 'entered' }]).origin).toBe('entered');
		expect(derivedProvenance([{ origin: 'entered' }, { origin: 'example' }, { origin: 'placeholder' }]).origin).toBe('placeholder');
		expect(derivedProvenance([]).origin).toBe('entered');
	});
});

it('recordFieldOrigins ignores keys that are not fields', () => {
	const base = createExampleNotebook().base;
	recordFieldOrigins(base, ['groups.rop.nonsense', 'vacant'], { kind: 'entered' });
	expect(Object.keys(base.fieldOrigins!)).toEqual(baseFieldKeys(base));
});

it('the frozen file with per-field origins and «standard» settings reads back as written (tests/fixtures/files/v3)', () => {
	const text = readFileSync(join(import.meta.dirname, '../../fixtures/files/v3/own-kommune-field-origins.boligbehov.json'), 'utf8');
	const r = parseBoligbehovFile(text);
	if (!r.ok) throw new Error(r.error.message);
	const nb = r.notebooks[0]!;
	expect(baseFieldProvenance(nb.base, 'vacant')).toEqual({ origin: 'imported', source: 'SSB tabell 12008, 2025' });
	expect(baseFieldProvenance(nb.base, 'groups.rop.tenants').origin).toBe('entered');
	expect(baseFieldProvenance(nb.base, 'groups.rop.waiting').origin).toBe('placeholder');
	expect(assumptionProvenance(nb.scenarios, nb.scenarios[0]!, 'monteCarlo.seed').origin).toBe('default');
	expect(listPlaceholders(nb).find((p) => p.key === 'base')?.detail).toMatch(/: venteliste\./);
});
