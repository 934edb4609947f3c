import { describe, expect, it } from 'vitest';
import { allDrawn, nextDrawn } from '#lib/state/drawn-in-slices.ts';

describe('nextDrawn', () => {
	it('draws a long list a slice at a time, in list order, until everything is drawn', () => {
		const ids = Array.from({ length: 25 }, (_, i) => `n${i}`);
		let drawn: ReadonlySet<string> = new Set();
		const sizes: number[] = [];
		while (!allDrawn(ids, drawn)) {
			drawn = nextDrawn(ids, drawn, 10);
			sizes.push(drawn.size);
		}
		expect(sizes).toEqual([10, 20, 25]);
		expect([...nextDrawn(ids, new Set(), 3)]).toEqual(['n0', 'n1', 'n2']);
	});

	it('keeps what is drawn when new entries are inserted before it, and adds the new ones in slices', () => {
		const drawn = new Set(['old-a', 'old-b']);
		const ids = ['new-1', 'new-2', 'new-3', 'old-a', 'new-4', 'old-b'];
		const next = nextDrawn(ids, drawn, 2);
		expect([...next].sort()).toEqual(['new-1', 'new-2', 'old-a', 'old-b']);
		expect(allDrawn(ids, next)).toBe(false);
		expect(allDrawn(ids, nextDrawn(ids, next, 2))).toBe(true);
	});

	it('drops ids that left the list, and a small change is drawn in one step', () => {
		const next = nextDrawn(['b', 'c'], new Set(['a', 'b']), 12);
		expect([...next]).toEqual(['b', 'c']);
		expect(allDrawn(['b', 'c'], next)).toBe(true);
	});
});
