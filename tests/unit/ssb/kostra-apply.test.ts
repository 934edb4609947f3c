import { describe, expect, it } from 'vitest';
import type { BaseData } from '#lib/core/model/base-data.ts';
import { applyKostraChanges, kostraChanges } from '#lib/core/ssb/kostra-apply.ts';
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
