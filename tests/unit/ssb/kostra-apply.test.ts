import { describe, expect, it } from 'vitest';
import type { BaseData } from '#lib/core/model/base-data.ts';
import { applyKostraChanges, defaultKostraSelection, kostraCapacityConflict, kostraChanges, type KostraChange } from '#lib/core/ssb/kostra-apply.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { extractKostra, readKostraFile, suggestGroupMapping } from '#lib/core/ssb/kostra.ts';
import { fixture } from './helpers.ts';

function base(segments = 1): BaseData {
	const g = { tenants: 10, waiting: 1 };
	return {
		baseYear: 2023,
		segments: Array.from({ length: segments }, (_, i) => ({ id: `s${i}`, name: `Segment ${i}`, groups: 'all' as const, dwellings: 1000 })),
		vacant: 50,
		groups: { rop: { ...g }, funksjon: { ...g }, eldre: { ...g }, flyktning: { ...g }, andre: { ...g } },
		provenance: { kind: 'entered', source: 'Kommunens egne tall' }
	};
}

function bærum() {
	const t = readKostraFile(fixture('kostra-12008.json'), 'kostra-12008.json');
	if (!t.ok) throw new Error(t.error.message);
	const f = extractKostra(t.table, { kommune: '3201' });
	if (!f.ok) throw new Error(f.error.message);
	return f.figures;
}

describe('kostraChanges / applyKostraChanges', () => {
	it('lists each proposed change with the current value and its source', () => {
		const f = bærum();
		const changes = kostraChanges(base(), f, suggestGroupMapping(f));
		const byKey = Object.fromEntries(changes.map((c) => [c.key, c]));
		expect(byKey['baseYear']).toMatchObject({ current: 2023, proposed: 2024 });
		expect(byKey['dwellings']).toMatchObject({ current: 1000, proposed: 2180, applicable: true });
		expect(byKey['vacant']).toMatchObject({ current: 50, proposed: 110 });
		expect(byKey['groups.flyktning.newTenantsLastYear']).toMatchObject({ current: undefined, proposed: 60 });
		expect(byKey['groups.flyktning.waiting']).toMatchObject({ current: 1, proposed: 15 });
		expect(byKey['groups.eldre.newTenantsLastYear']?.note).toMatch(/50\/50/);
		expect(byKey['groups.rop.waiting']).toBeUndefined();
	});
	it('marks dwellings as not applicable when the stock has several segments', () => {
		const f = bærum();
		const d = kostraChanges(base(2), f, suggestGroupMapping(f)).find((c) => c.key === 'dwellings');
		expect(d).toMatchObject({ applicable: false, current: 2000, note: expect.stringMatching(/2 segmenter/) });
	});
	it('applies only accepted (and edited) values to a copy', () => {
		const b = base();
		const r = applyKostraChanges(
			b,
			[
				{ key: 'dwellings', value: 2180 },
				{ key: 'groups.eldre.newTenantsLastYear', value: 40 },
				{ key: 'vacant', value: -1 }
			],
			{ source: 'SSB tabell 12008', year: 2024, retrieved: '2026-11-21', fileName: 'kostra-12008.json' }
		);
		expect(b.segments[0]!.dwellings).toBe(1000);
		expect(r.base.segments[0]!.dwellings).toBe(2180);
		expect(r.base.groups.eldre.newTenantsLastYear).toBe(40);
		expect(r.base.vacant).toBe(50);
		expect(r.skipped).toEqual(['vacant']);
		expect(r.base.provenance).toEqual({
			kind: 'entered',
			source: 'Kommunens egne tall',
			note: '2 tall fra SSB tabell 12008 (2024) importert 2026-11-21 fra «kostra-12008.json».'
		});
	});
});

describe('defaultKostraSelection', () => {
	/** The example: 236 dwellings in 3 segments, 16 vacant, 214 tenants. */
	const base = () => createExampleNotebook().base;
	const change = (key: 'dwellings' | 'vacant', proposed: number, applicable = true): KostraChange => ({ key, label: key, current: 0, proposed, source: 's', applicable });
	it('ticks every applicable change when the base data still add up', () => {
		const sel = defaultKostraSelection(base(), [change('vacant', 20), change('dwellings', 240, false)]);
		expect(sel.get('vacant')).toEqual({ accepted: true });
		expect(sel.get('dwellings')).toEqual({ accepted: false });
	});
	it('leaves a vacant count that would not fit unticked and names the conflict', () => {
		const sel = defaultKostraSelection(base(), [change('vacant', 110), change('dwellings', 2180, false)]);
		expect(sel.get('vacant')).toEqual({
			accepted: false,
			conflict: 'Ikke valgt: Leietakere (214) og ledige boliger (110) blir til sammen 324, men boligene er 236. Leietakere + ledige kan ikke være flere enn boligene.'
		});
	});
	it('keeps vacant and dwellings together when together they fit', () => {
		const b = base();
		b.segments = [b.segments[0]!];
		const sel = defaultKostraSelection(b, [change('dwellings', 400), change('vacant', 110)]);
		expect(sel.get('dwellings')).toEqual({ accepted: true });
		expect(sel.get('vacant')).toEqual({ accepted: true });
	});
	it('kostraCapacityConflict is null when it fits', () => {
		expect(kostraCapacityConflict(base(), { vacant: 22 })).toBeNull();
		expect(kostraCapacityConflict(base(), { vacant: 23 })).toMatch(/blir til sammen 237, men boligene er 236/);
	});
});
