/**
 * IndexedDB through Dexie: the only place the planner's notebooks live (nothing leaves the
 * browser unless they export it).
 *
 * Schema history (never edit a released version; add a new one with an upgrade function):
 *   1 — notebooks(id, updatedAt, title): one record per notebook, the document in `doc`.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Notebook } from '#lib/core/model/notebook.ts';

/** The notebook document schema version written by this build (shared with the file format). */
export const NOTEBOOK_SCHEMA_VERSION = 1;

export interface NotebookRecord {
	id: string;
	title: string;
	kommuneName: string;
	updatedAt: string;
	/** Version of `doc`'s shape; older records are migrated on read with the file format's migrations. */
	schemaVersion: number;
	doc: Notebook;
	/** Increments on every write; lets two tabs detect a concurrent change. */
	revision: number;
}

export interface MetaRecord {
	key: string;
	value: unknown;
}

export type BoligbehovDB = Dexie & {
	notebooks: EntityTable<NotebookRecord, 'id'>;
	meta: EntityTable<MetaRecord, 'key'>;
};

export const DB_NAME = 'boligbehov';

export function openDatabase(name = DB_NAME): BoligbehovDB {
	const db = new Dexie(name) as BoligbehovDB;
	db.version(1).stores({
		notebooks: 'id, updatedAt, title',
		meta: 'key'
	});
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
