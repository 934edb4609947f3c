import { describe, expect, it } from 'vitest';
import {
	draftKey,
	notebooksDiffer,
	readDraft,
	removeDraft,
	replaceNotebookContents,
	writeDraft,
	type PresentationDraft
} from '#lib/components/presentation/presentation-draft.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';

class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	failWrites = false;
	get length() {
		return this.#items.size;
	}
	clear() {
		this.#items.clear();
	}
	getItem(k: string) {
		return this.#items.get(k) ?? null;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	removeItem(k: string) {
		this.#items.delete(k);
	}
	setItem(k: string, v: string) {
		if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
		this.#items.set(k, v);
	}
}

function record(draft: Notebook, state: PresentationDraft['state'] = 'open'): PresentationDraft {
	return { notebookId: draft.id, state, original: JSON.stringify(createExampleNotebook()), draft, savedAt: '2026-01-01T00:00:00.000Z' };
}

describe('presentation draft storage', () => {
	it('writes, reads back and removes a draft per notebook', () => {
		const storage = new MemoryStorage();
		const doc = createExampleNotebook();
		doc.title = 'Endret';
		expect(writeDraft(storage, record(doc, 'keep'))).toBe(true);
		const back = readDraft(storage, doc.id);
		expect(back?.state).toBe('keep');
		expect(back?.draft.title).toBe('Endret');
		expect(readDraft(storage, 'en-annen')).toBeNull();
		removeDraft(storage, doc.id);
		expect(readDraft(storage, doc.id)).toBeNull();
	});

	it('ignores and removes a stored value that is not a draft of this notebook', () => {
		const storage = new MemoryStorage();
		const id = createExampleNotebook().id;
		for (const junk of ['ikke json', '{"notebookId":"x"}', JSON.stringify({ ...record(createExampleNotebook()), state: 'slett alt' })]) {
			storage.setItem(draftKey(id), junk);
			expect(readDraft(storage, id)).toBeNull();
			expect(storage.getItem(draftKey(id))).toBeNull();
		}
	});

	it('reports a refused write instead of throwing, and works without storage', () => {
		const storage = new MemoryStorage();
		storage.failWrites = true;
		expect(writeDraft(storage, record(createExampleNotebook()))).toBe(false);
		expect(writeDraft(undefined, record(createExampleNotebook()))).toBe(false);
		expect(readDraft(undefined, 'x')).toBeNull();
	});

	it('tells a changed notebook from one that only has a newer time stamp', () => {
		const a = createExampleNotebook();
		const b = { ...createExampleNotebook(), updatedAt: '2030-01-01T00:00:00.000Z' };
		expect(notebooksDiffer(a, b)).toBe(false);
		expect(notebooksDiffer(a, { ...b, title: 'Ny' })).toBe(true);
	});

	it('replaces a notebook in place with the draft, keeping its identity and id', () => {
		const target = createExampleNotebook();
		const same = target;
		const draft = createExampleNotebook();
		draft.title = 'Utkast';
		draft.scenarios[0]!.name = 'Hva om';
		(target as unknown as Record<string, unknown>).stale = true;
		replaceNotebookContents(target, draft);
		expect(target).toBe(same);
		expect(target).toEqual(draft);
		draft.scenarios[0]!.name = 'endret etterpå';
		expect(target.scenarios[0]!.name).toBe('Hva om');
	});
});
