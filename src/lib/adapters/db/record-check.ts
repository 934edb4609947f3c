/**
 * Stored records are untrusted input too: another version of the app, a browser extension, a
 * half-written disk or devtools may have left anything in IndexedDB or localStorage. Every record
 * is migrated and validated with the file format's own rules when it is read; one that fails is
 * never opened, but set aside (quarantine.ts) with a Norwegian explanation.
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import { isUsableId, migrateNotebook, MigrationError, NOTEBOOK_SCHEMA_VERSION, validateNotebook } from '#lib/core/format/index.ts';
import { toRecord, type NotebookRecord } from './database.ts';

export type CheckedDocument = { ok: true; doc: Notebook } | { ok: false; reason: string };

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stored document of `schemaVersion`, brought to the current version and validated. */
export function checkStoredDocument(doc: unknown, schemaVersion: unknown, expectedId: string): CheckedDocument {
	if (!isObject(doc)) return { ok: false, reason: 'Innholdet mangler eller er ikke en notatbok.' };
	const version = schemaVersion === undefined ? NOTEBOOK_SCHEMA_VERSION : schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return { ok: false, reason: `Skjemaversjonen ${JSON.stringify(version)} er ugyldig.` };
	if (version > NOTEBOOK_SCHEMA_VERSION)
		return { ok: false, reason: `Den er lagret av en nyere versjon av Boligbehov (skjemaversjon ${version}).` };
	let migrated: unknown;
	try {
		migrated = migrateNotebook(doc, version);
	} catch (e) {
		if (e instanceof MigrationError) return { ok: false, reason: e.message };
		return { ok: false, reason: `Den kunne ikke oppgraderes (${e instanceof Error ? e.message : String(e)}).` };
	}
	const checked = validateNotebook(migrated);
	if (!checked.ok) {
		const rest = checked.issues.length - 1;
		return { ok: false, reason: `${checked.issues[0]?.message ?? 'Ugyldig innhold.'}${rest > 0 ? ` (og ${rest} feil til)` : ''}` };
	}
	if (checked.notebook.id !== expectedId) return { ok: false, reason: `Notatbokens id «${checked.notebook.id}» stemmer ikke med postens id «${expectedId}».` };
	return { ok: true, doc: checked.notebook };
}

export type RecordCheck =
	| { ok: true; record: NotebookRecord; /** The summary fields or revision had to be rebuilt from the document. */ repaired: boolean }
	| { ok: false; id: unknown; reason: string };

/** Checks one record of the `notebooks` store; summary fields are rebuilt from the document when off. */
export function checkRecord(raw: unknown): RecordCheck {
	if (!isObject(raw)) return { ok: false, id: undefined, reason: 'Posten er ikke et objekt.' };
	const id = raw.id;
	if (!isUsableId(id)) return { ok: false, id, reason: 'Posten har en id som ikke kan brukes i en lenke.' };
	const checked = checkStoredDocument(raw.doc, raw.schemaVersion, id);
	if (!checked.ok) return { ok: false, id, reason: checked.reason };
	const revision = typeof raw.revision === 'number' && Number.isInteger(raw.revision) && raw.revision > 0 ? raw.revision : 1;
	const record = toRecord(checked.doc, revision);
	const repaired =
		raw.schemaVersion !== record.schemaVersion ||
		raw.revision !== record.revision ||
		raw.title !== record.title ||
		raw.kommuneName !== record.kommuneName ||
		raw.updatedAt !== record.updatedAt;
	return { ok: true, record, repaired };
}
