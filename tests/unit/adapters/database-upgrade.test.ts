/**
 * Opening a database written by an older schema version: every record is brought forward with
 * the file format's migrations, or — if one fails — nothing changes at all.
 *
 * Version 1 is the first released version, so the upgrade to "version 2" here is test-only (as in
 * the file format's migration tests): it proves the mechanism the first real upgrade will use.
 * The version-1 records come from the frozen fixture tests/fixtures/files/v1/.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DB_VERSIONS, openDatabase, type DbVersion, type NotebookRecord } from '#lib/adapters/db/database.ts';
import { NOTEBOOK_MIGRATIONS, type NotebookMigration } from '#lib/core/format/index.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';

const v1File = JSON.parse(readFileSync(new URL('../../fixtures/files/v1/minimal.boligbehov.json', import.meta.url), 'utf8')) as { notebook: Notebook };

function v1Records(): NotebookRecord[] {
	return [0, 1, 2].map((i) => {
		const doc = { ...structuredClone(v1File.notebook), id: `nb-${i}`, title: `Notatbok ${i}` };
		return { id: doc.id, title: doc.title, kommuneName: doc.kommune.name, updatedAt: doc.updatedAt, schemaVersion: 1, doc, revision: 3 };
	});
}

/** A test-only document schema 2: every scenario description gets a marker. */
const toV2: NotebookMigration = {
	from: 1,
	to: 2,
	description: 'test: mark scenario descriptions',
	migrate(doc) {
		const d = doc as Notebook;
		return { ...d, scenarios: d.scenarios.map((s) => ({ ...s, description: `${s.description} [v2]` })) };
	}
};
/** The real steps 2 → 3 (variants store overrides) and 3 → 4 (decided measures) follow, so the records end at the current schema. */
const toV3 = NOTEBOOK_MIGRATIONS.find((m) => m.from === 2)!;
const toV4 = NOTEBOOK_MIGRATIONS.find((m) => m.from === 3)!;
const V2: DbVersion[] = [...DB_VERSIONS, { version: 2, stores: { notebooks: 'id, updatedAt, title, kommuneName' }, documentSchema: 4 }];

let name = '';
afterEach(async () => {
	await Dexie.delete(name);
});

async function writeV1(): Promise<void> {
	name = `upgrade-${Math.random()}`;
	const v1 = openDatabase(name, { versions: DB_VERSIONS });
	await v1.notebooks.bulkAdd(v1Records());
	v1.close();
}

describe('database upgrade', () => {
	it('migrates every record of an older database and keeps their revisions', async () => {
		await writeV1();
		const v2 = openDatabase(name, { versions: V2, migrations: [toV2, toV3, toV4] });
		const records = await v2.notebooks.toArray();
		expect(records).toHaveLength(3);
		for (const r of records) {
			expect(r.schemaVersion).toBe(4);
			expect(r.revision).toBe(3);
			expect(r.doc.scenarios.every((s) => s.description.endsWith('[v2]'))).toBe(true);
			expect(r.doc.base).toEqual(v1File.notebook.base);
		}
		// The new index of version 2 works.
		expect(await v2.notebooks.where('kommuneName').equals(v1File.notebook.kommune.name).count()).toBe(3);
		v2.close();
	});

	it('leaves the database untouched when one record cannot be migrated', async () => {
		await writeV1();
		const failing: NotebookMigration = {
			...toV2,
			migrate(doc) {
				if ((doc as Notebook).id === 'nb-1') throw new Error('feil i testdata');
				return toV2.migrate(doc);
			}
		};
		const v2 = openDatabase(name, { versions: V2, migrations: [failing, toV3, toV4] });
		await expect(v2.open()).rejects.toThrow(/nb-1|feil i testdata/);
		v2.close();
		// Reopened at version 1: every record exactly as it was.
		const again = openDatabase(name, { versions: DB_VERSIONS });
		const records = await again.notebooks.toArray();
		expect(again.verno).toBe(1);
		expect(records.map((r) => r.schemaVersion)).toEqual([1, 1, 1]);
		expect(records.map((r) => r.doc)).toEqual(v1Records().map((r) => r.doc));
		again.close();
	});
});
