/**
 * The import as the app runs it (in the worker): preview keeps the notebooks where they were
 * parsed and hands out a summary; commit writes them; a dropped or unknown preview writes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { ImportDesk } from '#lib/adapters/files/worker-import.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { serializeBackup, serializeNotebook } from '#lib/core/format/index.ts';

let db: BoligbehovDB | null = null;
afterEach(async () => {
	await db?.delete();
	db = null;
});
const meta = { appVersion: 'test', now: new Date('2026-01-01T00:00:00Z') };

async function setup() {
	db = openDatabase(`worker-import-${Math.random()}`);
	const repo = new NotebookRepository(db);
	return { repo, desk: new ImportDesk(() => repo) };
}

describe('ImportDesk', () => {
	it('previews with a summary only, then commits the kept notebooks', async () => {
		const { repo, desk } = await setup();
		const nb = createExampleNotebook('2026-01-01T00:00:00.000Z');
		const summary = await desk.preview(new File([serializeNotebook(nb, meta)], 'a.boligbehov.json'));
		if (!summary.ok) throw new Error(summary.error.message);
		expect(summary.notebooks).toEqual([{ id: nb.id, title: nb.title }]);
		expect(await repo.ids()).toEqual([]);
		expect(await desk.commit(summary.token, false, '2026-02-01T00:00:00.000Z')).toEqual([nb.id]);
		expect((await repo.get(nb.id))?.doc.updatedAt).toBe('2026-02-01T00:00:00.000Z');
		// A token is used once.
		await expect(desk.commit(summary.token, false, '2026-02-01T00:00:00.000Z')).rejects.toThrow(/velg filen på nytt/);
	});

	it('a dropped preview writes nothing; an unusable id is renamed and reported; scenarios that cannot be computed are warned about', async () => {
		const { repo, desk } = await setup();
		const nb = { ...createExampleNotebook(), id: '' };
		nb.scenarios[0]!.assumptions.groups.rop.tenure = { kind: 'botid', years: { value: -3 } };
		const summary = await desk.preview(new File([serializeBackup([nb], meta)], 'b.boligbehov.json'));
		if (!summary.ok) throw new Error(summary.error.message);
		expect(summary.renamedIds).toEqual([{ from: '', to: summary.notebooks[0]!.id }]);
		expect(summary.warnings?.[0]?.message).toMatch(/^Scenarioet «.+» kan ikke beregnes før dette er rettet: Botid/);
		desk.drop(summary.token);
		await expect(desk.commit(summary.token, false, new Date().toISOString())).rejects.toThrow();
		expect(await repo.ids()).toEqual([]);
	});
});
