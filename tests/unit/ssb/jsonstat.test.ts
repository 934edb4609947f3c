import { describe, expect, it } from 'vitest';
import { readJsonStat } from '#lib/core/ssb/jsonstat.ts';

const base = {
	version: '2.0',
	class: 'dataset',
	id: ['A', 'B'],
	size: [2, 3],
	dimension: {
		A: { label: 'region', category: { index: ['x', 'y'] } },
		B: { label: 'år', category: { index: { '2024': 0, '2025': 1, '2026': 2 }, label: { '2024': '2024', '2025': '2025', '2026': '2026' } } }
	}
};

describe('readJsonStat', () => {
	it('reads a dense value array in row-major order (last id fastest)', () => {
		const r = readJsonStat({ ...base, value: [1, 2, 3, 4, 5, 6] });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.cube.get([0, 2])).toEqual({ kind: 'number', value: 3 });
		expect(r.cube.get([1, 0])).toEqual({ kind: 'number', value: 4 });
		expect(r.cube.dimensions.map((d) => d.kind)).toEqual(['region', 'time']);
		// index as array, no label: codes are labels
		expect(r.cube.dimensions[0]!.categories).toEqual([
			{ code: 'x', label: 'x' },
			{ code: 'y', label: 'y' }
		]);
	});
	it('reads sparse values and status as an object', () => {
		const r = readJsonStat({ ...base, value: { '0': 10, '5': 60 }, status: { '1': '..', '2': ':' } });
		if (!r.ok) throw new Error(r.error.message);
		expect(r.cube.get([0, 0])).toEqual({ kind: 'number', value: 10 });
		expect(r.cube.get([0, 1])).toEqual({ kind: 'missing', marker: '..' });
		expect(r.cube.get([0, 2])).toEqual({ kind: 'missing', marker: ':' });
		expect(r.cube.get([1, 0])).toEqual({ kind: 'missing', marker: '' });
		expect(r.cube.missingCount).toBe(2);
	});
	it('reads null values with status as an array or a single string', () => {
		const a = readJsonStat({ ...base, value: [1, null, 3, 4, 5, null], status: [null, '..', null, null, null, '.'] });
		if (!a.ok) throw new Error(a.error.message);
		expect(a.cube.get([0, 1])).toEqual({ kind: 'missing', marker: '..' });
		expect(a.cube.get([1, 2])).toEqual({ kind: 'missing', marker: '.' });
		const s = readJsonStat({ ...base, value: [null, null, null, null, null, null], status: ':' });
		if (!s.ok) throw new Error(s.error.message);
		expect(s.cube.get([1, 1])).toEqual({ kind: 'missing', marker: ':' });
	});
	it('reads "-" status as 0', () => {
		const r = readJsonStat({ ...base, value: [null, 1, 1, 1, 1, 1], status: { '0': '-' } });
		if (!r.ok) throw new Error(r.error.message);
		expect(r.cube.get([0, 0])).toEqual({ kind: 'number', value: 0 });
		expect(r.cube.zeroMarkerCount).toBe(1);
	});
	it('takes the table number from extension.px.tableid or the label', () => {
		const r = readJsonStat({ ...base, value: [1, 2, 3, 4, 5, 6], extension: { px: { tableid: '14288' } } });
		expect(r.ok && r.cube.tableId).toBe('14288');
		const l = readJsonStat({ ...base, value: [1, 2, 3, 4, 5, 6], label: '12008: Kommunalt disponerte boliger' });
		expect(l.ok && l.cube.tableId).toBe('12008');
	});
	it('rejects wrong value counts and bad structure with Norwegian messages', () => {
		const r = readJsonStat({ ...base, value: [1, 2, 3] });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/3 verdier.*6 celler/);
		const v = readJsonStat({ ...base, version: '1.2', value: [] });
		expect(!v.ok && v.error.code).toBe('not-csv-or-jsonstat');
		const d = readJsonStat({ version: '2.0', class: 'dataset', id: ['A'], size: [1], dimension: {}, value: [1] });
		expect(!d.ok && d.error.message).toMatch(/«A»/);
	});
});
