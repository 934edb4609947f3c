import { describe, expect, it } from 'vitest';
import { UndoHistory } from '#lib/state/undo-history.ts';

describe('UndoHistory', () => {
	it('undoes and redoes whole-document steps in order', () => {
		const h = new UndoHistory(100, 1000);
		h.record('a', null, 0);
		h.record('b', null, 10);
		expect(h.undo('c')).toBe('b');
		expect(h.undo('b')).toBe('a');
		expect(h.undo('a')).toBeNull();
		expect(h.redo('a')).toBe('b');
		expect(h.redo('b')).toBe('c');
		expect(h.canRedo).toBe(false);
	});

	it('keeps at least 50 steps (the limit is 100 here)', () => {
		const h = new UndoHistory(100);
		for (let i = 0; i < 120; i++) h.record(`s${i}`, null, i * 5000);
		let n = 0;
		let cur = 'now';
		for (let s = h.undo(cur); s !== null; s = h.undo(cur)) {
			cur = s;
			n++;
		}
		expect(n).toBe(100);
		expect(cur).toBe('s20');
	});

	it('coalesces rapid edits of one field into one step', () => {
		const h = new UndoHistory(100, 1000);
		h.record('v0', 'botid.rop', 0);
		h.record('v1', 'botid.rop', 200);
		h.record('v2', 'botid.rop', 400);
		h.record('v3', 'trend.rop', 500);
		expect(h.undo('v4')).toBe('v3');
		expect(h.undo('v3')).toBe('v0');
	});

	it('a new edit after undo clears the redo stack', () => {
		const h = new UndoHistory();
		h.record('a', null, 0);
		h.undo('b');
		h.record('a', null, 5000);
		expect(h.canRedo).toBe(false);
	});
});
