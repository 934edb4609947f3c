/**
 * IndexedDB through Dexie: the only place the planner's notebooks live (nothing leaves the
 * browser unless they export it).
 *
 * Versions are declared in DB_VERSIONS, never edited once released: a new version is appended
 * with its stores and the notebook document schema it writes. Its upgrade brings every stored
 * notebook forward with the file format's `migrateNotebook` (the same steps that upgrade old
 * `.boligbehov.json` files), then validates it. If any record fails, Dexie aborts the upgrade
 * transaction and the database stays as it was: nothing is half-migrated.
 *
 * History:
 *   1 — notebooks(id, updatedAt, title) with the document in `doc`; meta(key). Document schema 1.
 *
 * Document schema 2 needed no new Dexie version: the stores did not change, and every record is
 * migrated and validated when read (record-check.ts), where one bad record is quarantined instead
 * of aborting an upgrade of the whole library. Nor did schema 3 (variants store only overrides), nor
 * schema 4 (planned stock changes became decided plan measures).
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Notebook, StoredNotebook } from '#lib/core/model/notebook.ts';
import { toStoredNotebook } from '#lib/core/scenarios/stored.ts';
import { migrateNotebook, NOTEBOOK_SCHEMA_VERSION, validateNotebook, type NotebookMigration } from '#lib/core/format/index.ts';

export { NOTEBOOK_SCHEMA_VERSION };

export interface NotebookRecord {
	id: string;
	title: string;
	kommuneName: string;
	updatedAt: string;
	/** Version of `doc`'s shape; upgraded with the file format's migrations. */
	schemaVersion: number;
	doc: Notebook;
	/** Increments on every write; lets two tabs detect a concurrent change. */
	revision: number;
}

/**
 * A record as IndexedDB holds it: the document in its stored shape, variants without their derived
 * assumptions (core/scenarios/stored.ts). Reading (record-check.ts) resolves them again.
 */
export type StoredRecord = Omit<NotebookRecord, 'doc'> & { doc: StoredNotebook };

export function toStoredRecord(rec: NotebookRecord): StoredRecord {
	return { ...rec, doc: toStoredNotebook(rec.doc) };
}

export interface MetaRecord {
	key: string;
	value: unknown;
}

export type BoligbehovDB = Dexie & {
	notebooks: EntityTable<StoredRecord, 'id'>;
	meta: EntityTable<MetaRecord, 'key'>;
};

export interface DbVersion {
	version: number;
	stores: Record<string, string | null>;
	/** The notebook document schema version that this database version stores. */
	documentSchema: number;
}

export const DB_VERSIONS: readonly DbVersion[] = [
	{ version: 1, stores: { notebooks: 'id, updatedAt, title', meta: 'key' }, documentSchema: 1 }
];

export const DB_NAME = 'boligbehov';

export class RecordUpgradeError extends Error {
	constructor(
		readonly id: string,
		detail: string
	) {
		super(`Notatboken «${id}» kunne ikke oppgraderes til den nye versjonen: ${detail}`);
		this.name = 'RecordUpgradeError';
	}
}

/** Brings one stored record to `documentSchema`; throws (aborting the upgrade) if it can't. */
export function upgradeRecord(rec: StoredRecord, documentSchema: number, migrations?: readonly NotebookMigration[]): void {
	if (rec.schemaVersion >= documentSchema) return;
	const migrated = migrateNotebook(rec.doc, rec.schemaVersion, { toVersion: documentSchema, ...(migrations ? { migrations } : {}) });
	const checked = validateNotebook(migrated);
	if (!checked.ok) throw new RecordUpgradeError(rec.id, checked.issues[0]?.message ?? 'ugyldig etter oppgradering');
	rec.doc = toStoredNotebook(checked.notebook);
	rec.schemaVersion = documentSchema;
}

export function openDatabase(
	name = DB_NAME,
	opts: { versions?: readonly DbVersion[]; migrations?: readonly NotebookMigration[] } = {}
): BoligbehovDB {
	const db = new Dexie(name) as BoligbehovDB;
	for (const v of opts.versions ?? DB_VERSIONS) {
		db.version(v.version)
			.stores(v.stores)
			.upgrade((tx: Transaction) =>
				tx
					.table<NotebookRecord, string>('notebooks')
					.toCollection()
					.modify((rec) => upgradeRecord(rec, v.documentSchema, opts.migrations))
			);
	}
	return db;
}

export function toRecord(doc: Notebook, revision: number): NotebookRecord {
	return {
		id: doc.id,
		title: doc.title,
		kommuneName: doc.kommune.name,
		updatedAt: doc.updatedAt,
		schemaVersion: NOTEBOOK_SCHEMA_VERSION,
		doc,
		revision
	};
}
