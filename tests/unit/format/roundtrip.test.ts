import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBoligbehovFile, serializeBackup, serializeNotebook } from '#lib/core/format/index.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';
import { buildMinimalNotebook, FIXTURE_NOW } from './fixtures.ts';
import { notebookArb } from './arbitraries.ts';

const meta = { appVersion: '0.1.0', now: FIXTURE_NOW };

describe('round trip: export then import reproduces the notebook exactly', () => {
	it('the fixture notebook', () => {
		const nb = buildMinimalNotebook();
		const r = parseBoligbehovFile(serializeNotebook(nb, meta));
		expect(r.ok && r.notebooks[0]).toStrictEqual(nb);
	});

	it('a backup of several notebooks keeps their order', () => {
		const nbs = [buildMinimalNotebook(), { ...buildMinimalNotebook(), id: 'b' }, { ...buildMinimalNotebook(), id: 'c', scenarios: [] }];
		const r = parseBoligbehovFile(serializeBackup(nbs, meta));
		expect(r.ok && r.kind).toBe('backup');
		expect(r.ok && r.notebooks).toStrictEqual(nbs);
	});

	it('an empty backup is refused with a message (issue 13, finding 12: it was "imported" as 0 notatbøker)', () => {
		const r = parseBoligbehovFile(serializeBackup([], meta));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.path).toBe('notebooks');
			expect(r.error.message).toMatch(/Feltet notebooks: .*ingen notatbøker/);
		}
	});

	it('serialize ∘ parse is stable: a re-exported file is byte-identical', () => {
		const text = serializeNotebook(buildMinimalNotebook(), meta);
		const r = parseBoligbehovFile(text);
		expect(r.ok && serializeNotebook(r.notebooks[0]!, meta)).toBe(text);
	});

	it('random valid notebooks (property)', () => {
		fc.assert(
			fc.property(notebookArb, (nb: Notebook) => {
				const r = parseBoligbehovFile(serializeNotebook(nb, meta));
				if (!r.ok) throw new Error(r.error.message);
				expect(r.notebooks[0]).toStrictEqual(nb);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('the built-in example notebook', () => {
	it('is a valid file and round-trips exactly', async () => {
		const { createExampleNotebook } = await import('#lib/core/example/index.ts');
		const nb = createExampleNotebook();
		const r = parseBoligbehovFile(serializeNotebook(nb, meta));
		if (!r.ok) throw new Error(r.error.message);
		expect(r.notebooks[0]).toStrictEqual(nb);
	});
});
