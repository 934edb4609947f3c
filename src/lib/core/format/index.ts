/**
 * The shared file `.boligbehov.json`: parse (validate completely, migrate, never throw) and
 * serialize. Specification: docs/file-format.md; JSON Schema: docs/boligbehov.schema.json.
 */
import type { Notebook, StoredNotebook } from '#lib/core/model/notebook.ts';
import { materializeNotebook, toStoredNotebook } from '#lib/core/scenarios/stored.ts';
import { fileError, MAX_REPORTED_ISSUES, type FileError, type FileIssue } from './errors.ts';
import { fieldMessage, formatIssues, norwegianErrorMap } from './messages.ts';
import { MigrationError, migrateNotebook, type NotebookMigration } from './migrations.ts';
import { findForbiddenKey, findTooDeep, isPlainObject, parseJson } from './safe-json.ts';
import { formatPath, type PathSegment } from './paths.ts';
import { derivedId, isUsableId } from './ids.ts';
import { FILE_LIMITS } from './limits.ts';
import { localIsoDate } from '#lib/core/text/dates.ts';
import {
	APP_NAME,
	EnvelopeHeaderSchema,
	FORMAT_NAME,
	FORMAT_VERSION,
	NOTEBOOK_SCHEMA_VERSION,
	NotebookSchema,
	ScenarioAssumptionsSchema
} from './schema.ts';

export type { FileError, FileErrorCode, FileIssue } from './errors.ts';
export { MAX_REPORTED_ISSUES } from './errors.ts';
export { APP_NAME, FORMAT_NAME, FORMAT_VERSION, NOTEBOOK_SCHEMA_VERSION } from './schema.ts';
export { migrateNotebook, MigrationError, NOTEBOOK_MIGRATIONS, type NotebookMigration } from './migrations.ts';
export { derivedId, ID_MAX_LENGTH, ID_RULE, isUsableId } from './ids.ts';
export { FILE_LIMITS } from './limits.ts';
export { decodeFileBytes } from './decode.ts';

/** Largest file accepted: 10 MB (UTF-8 bytes). The built-in example (31 years × ages 0–105) is ~95 kB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_EXTENSION = '.boligbehov.json';

export type FileKind = 'notebook' | 'backup';

/** A notebook whose own id could not be used (empty, too long, `../..`): it was given `to`. */
export interface RenamedId {
	from: unknown;
	to: string;
}

export type ParseResult =
	| { ok: true; kind: FileKind; notebooks: Notebook[]; migratedFrom?: number; renamedIds?: RenamedId[] }
	| { ok: false; error: FileError };

export interface ParseOptions {
	maxBytes?: number;
	/** For tests of the migration mechanism; defaults to the registered steps. */
	migrations?: readonly NotebookMigration[];
	/** For tests of the migration mechanism; defaults to NOTEBOOK_SCHEMA_VERSION. */
	schemaVersion?: number;
}

export interface SerializeMeta {
	appVersion: string;
	now: Date;
}

export interface BoligbehovEnvelope {
	format: typeof FORMAT_NAME;
	formatVersion: number;
	schemaVersion: number;
	app: { name: string; version: string };
	exportedAt: string;
	kind: FileKind;
	notebook?: Notebook;
	notebooks?: Notebook[];
}

const HEADER_KEYS = ['format', 'formatVersion', 'schemaVersion', 'app', 'exportedAt', 'kind'] as const;

function formatMegabytes(bytes: number): string {
	return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',');
}

function utf8Length(text: string): number {
	return new TextEncoder().encode(text).length;
}

function invalid(issues: FileIssue[]): { ok: false; error: FileError } {
	const first = issues[0]!;
	const rest = issues.length - 1;
	const more = rest === 0 ? '' : ` Det er ${rest === 1 ? 'én feil' : `${rest}${issues.length >= MAX_REPORTED_ISSUES ? ' eller flere' : ''} feil`} til.`;
	return {
		ok: false,
		error: fileError('invalid-field', `Filen kan ikke åpnes. ${first.message}${more}`, { path: first.path, issues })
	};
}

/**
 * Validates one notebook document of the current schema version (e.g. after a Dexie upgrade).
 * Paths in issues are relative to the notebook, prefixed with `prefix` when given.
 */
export function validateNotebook(doc: unknown, prefix = ''): { ok: true; notebook: Notebook } | { ok: false; issues: FileIssue[] } {
	const r = NotebookSchema.safeParse(doc, { error: norwegianErrorMap });
	if (!r.success) return { ok: false, issues: formatIssues(r.error.issues, prefix) };
	// Resolve the variants from the validated input, not zod's copy: identical content (strict
	// schemas, no transforms), but the key order is kept, so a re-exported file is byte-identical.
	const m = materializeNotebook(doc as StoredNotebook);
	if (!m.ok) {
		const path = formatPath(['scenarios', m.index, 'basedOn'], prefix);
		return { ok: false, issues: [{ path, message: fieldMessage(path, m.message) }] };
	}
	// A variant's overrides are checked as what they make: its effective assumptions.
	const issues: FileIssue[] = [];
	m.notebook.scenarios.forEach((s, i) => {
		if (s.basedOn === undefined) return;
		const a = ScenarioAssumptionsSchema.safeParse(s.assumptions, { error: norwegianErrorMap });
		if (!a.success)
			for (const iss of a.error.issues) {
				const path = formatPath(['scenarios', i, 'overrides'], prefix);
				const where = formatPath(iss.path as PathSegment[]);
				issues.push({ path, message: fieldMessage(path, `gir varianten «${s.name}» en ugyldig verdi i ${where || 'forutsetningene'}: ${iss.message}`) });
			}
	});
	if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_REPORTED_ISSUES) };
	return { ok: true, notebook: m.notebook };
}

/**
 * Reads a `.boligbehov.json` file. Never throws: every problem is a typed FileError with a
 * Norwegian message. Nothing is returned unless the whole file is valid.
 * Paths: relative to the notebook for kind 'notebook' (`scenarios[1].…`), `notebooks[i].…` for backups.
 */
export function parseBoligbehovFile(text: string, opts: ParseOptions = {}): ParseResult {
	try {
		return parseUnsafe(text, opts);
	} catch (e) {
		// Defensive: a bug here must not crash the import dialog.
		const detail = e instanceof Error ? e.message : String(e);
		return { ok: false, error: fileError('invalid-field', `Filen kunne ikke leses på grunn av en uventet feil: ${detail}`) };
	}
}

type ParseFailure = Extract<ParseResult, { ok: false }>;

/** The steps of reading a file, each of which may stop it: the text, the envelope, the notebooks, their ids. */
function parseUnsafe(input: string, opts: ParseOptions): ParseResult {
	const currentSchema = opts.schemaVersion ?? NOTEBOOK_SCHEMA_VERSION;
	const json = readJson(input, opts.maxBytes ?? MAX_FILE_BYTES);
	if (!json.ok) return json;
	const header = readEnvelope(json.doc, currentSchema);
	if (!header.ok) return header;
	const { kind, schemaVersion, docs } = header;
	const { notebooks, issues, renamedIds } = readNotebooks(docs, schemaVersion, opts, currentSchema);
	if (kind === 'backup' && issues.length === 0) issues.push(...duplicateIdIssues(notebooks));
	if (issues.length > 0) return invalid(issues.slice(0, MAX_REPORTED_ISSUES));
	return {
		ok: true,
		kind,
		notebooks,
		...(schemaVersion < currentSchema ? { migratedFrom: schemaVersion } : {}),
		...(renamedIds.length > 0 ? { renamedIds } : {})
	};
}

/** The file's text as JSON: within the size limit, without a byte-order mark, not empty. */
function readJson(input: string, maxBytes: number): { ok: true; doc: unknown } | ParseFailure {
	if (typeof input !== 'string') return { ok: false, error: fileError('not-json', 'Filen er ikke tekst og kan ikke være en Boligbehov-fil.') };
	if (input.length > maxBytes || (input.length * 3 > maxBytes && utf8Length(input) > maxBytes)) {
		const size = input.length > maxBytes ? input.length : utf8Length(input);
		return {
			ok: false,
			error: fileError('too-large', `Filen er for stor (${formatMegabytes(size)} MB). Største tillatte størrelse er ${formatMegabytes(maxBytes)} MB.`)
		};
	}
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	if (text.trim() === '') return { ok: false, error: fileError('empty', 'Filen er tom.') };

	const parsed = parseJson(text);
	if (!parsed.ok) {
		const where = parsed.line !== undefined ? ` (feil på linje ${parsed.line}, kolonne ${parsed.column})` : '';
		return {
			ok: false,
			error: fileError('not-json', `Filen er ikke gyldig JSON${where}. En Boligbehov-fil er en JSON-fil som slutter på «${FILE_EXTENSION}».`)
		};
	}
	return { ok: true, doc: parsed.value };
}

/** A notebook document of the file, with the prefix of its issues' paths ('' in a single-notebook file). */
interface NotebookDoc {
	doc: unknown;
	prefix: string;
}

/**
 * The envelope around the notebooks: no forbidden keys or hostile nesting anywhere, a Boligbehov
 * file of a version this one reads, a known kind, a valid header without unknown keys, and the
 * payload the kind calls for.
 */
function readEnvelope(doc: unknown, currentSchema: number): { ok: true; kind: FileKind; schemaVersion: number; docs: NotebookDoc[] } | ParseFailure {
	// Same path convention as field issues: relative to the notebook in a single-notebook file.
	const relative = (found: { path: string; segments: PathSegment[] }) =>
		isPlainObject(doc) && doc.kind === 'notebook' && found.segments[0] === 'notebook' && found.segments.length > 1
			? formatPath(found.segments.slice(1))
			: found.path;
	const forbidden = findForbiddenKey(doc);
	if (forbidden) {
		const path = relative(forbidden);
		return invalid([{ path, message: fieldMessage(path, `nøkkelen «${forbidden.key}» er ikke tillatt i en Boligbehov-fil`) }]);
	}
	// Before anything copies the document (a migration deep-copies it): hostile nesting would overflow the stack.
	const tooDeep = findTooDeep(doc, FILE_LIMITS.nestingDepth);
	if (tooDeep) {
		const path = relative(tooDeep);
		return invalid([{ path, message: fieldMessage(path, `er nestet dypere enn ${FILE_LIMITS.nestingDepth} nivåer, og en Boligbehov-fil er aldri så dyp`) }]);
	}

	if (!isPlainObject(doc) || doc.format !== FORMAT_NAME) {
		const hint = isPlainObject(doc) && 'scenarios' in doc && 'base' in doc ? ' Det ser ut som en notatbok uten konvolutt; eksporter den på nytt fra Boligbehov.' : '';
		return {
			ok: false,
			error: fileError('not-boligbehov', `Filen er ikke en Boligbehov-fil: den mangler «"format": "${FORMAT_NAME}"».${hint}`, { path: 'format' })
		};
	}

	// Newer versions first: a newer file may have a header this version does not understand.
	const fv = doc.formatVersion;
	const sv = doc.schemaVersion;
	if ((typeof fv === 'number' && fv > FORMAT_VERSION) || (typeof sv === 'number' && sv > currentSchema)) {
		const app = isPlainObject(doc.app) && typeof doc.app.version === 'string' ? ` (Boligbehov ${doc.app.version})` : '';
		return {
			ok: false,
			error: fileError(
				'newer-version',
				`Filen er laget med en nyere versjon av Boligbehov${app}: filformat ${String(fv)}, skjemaversjon ${String(sv)}. ` +
					`Denne versjonen kan lese filformat til og med ${FORMAT_VERSION} og skjemaversjon til og med ${currentSchema}. Oppdater Boligbehov og prøv igjen.`,
				{ path: typeof fv === 'number' && fv > FORMAT_VERSION ? 'formatVersion' : 'schemaVersion' }
			)
		};
	}

	if (typeof doc.kind === 'string' && doc.kind !== 'notebook' && doc.kind !== 'backup') {
		return {
			ok: false,
			error: fileError('unsupported-kind', `Filtypen «${doc.kind}» støttes ikke. Boligbehov kan åpne «notebook» (én notatbok) og «backup» (sikkerhetskopi av alle notatbøker).`, { path: 'kind' })
		};
	}

	const header = EnvelopeHeaderSchema.safeParse(doc, { error: norwegianErrorMap });
	if (!header.success) return invalid(formatIssues(header.error.issues));
	const { kind, schemaVersion } = header.data;

	const payloadKey = kind === 'notebook' ? 'notebook' : 'notebooks';
	const unknownKeys = Object.keys(doc).filter((k) => !(HEADER_KEYS as readonly string[]).includes(k) && k !== payloadKey);
	if (unknownKeys.length > 0)
		return invalid(unknownKeys.map((k) => ({ path: k, message: fieldMessage(k, `ukjent felt for filtypen «${kind}»`) })));

	if (kind === 'notebook') {
		if (!isPlainObject(doc.notebook)) return invalid([{ path: 'notebook', message: fieldMessage('notebook', doc.notebook === undefined ? 'mangler (filen inneholder ingen notatbok)' : 'må være et objekt { … }') }]);
		return { ok: true, kind, schemaVersion, docs: [{ doc: doc.notebook, prefix: '' }] };
	}
	if (!Array.isArray(doc.notebooks)) return invalid([{ path: 'notebooks', message: fieldMessage('notebooks', doc.notebooks === undefined ? 'mangler (sikkerhetskopien inneholder ingen notatbøker)' : 'må være en liste [ … ]') }]);
	if (doc.notebooks.length === 0) return invalid([{ path: 'notebooks', message: fieldMessage('notebooks', 'sikkerhetskopien inneholder ingen notatbøker, så det er ingenting å lese inn') }]);
	if (doc.notebooks.length > FILE_LIMITS.backupNotebooks)
		return invalid([{ path: 'notebooks', message: fieldMessage('notebooks', `kan ha høyst ${FILE_LIMITS.backupNotebooks} notatbøker, fikk ${doc.notebooks.length}`) }]);
	return { ok: true, kind, schemaVersion, docs: doc.notebooks.map((d, i) => ({ doc: d, prefix: `notebooks[${i}]` })) };
}

/**
 * Each notebook migrated to the current schema and validated; an id that cannot be routed is
 * replaced. Stops once MAX_REPORTED_ISSUES issues are found.
 */
function readNotebooks(
	docs: NotebookDoc[],
	schemaVersion: number,
	opts: ParseOptions,
	currentSchema: number
): { notebooks: Notebook[]; issues: FileIssue[]; renamedIds: RenamedId[] } {
	const notebooks: Notebook[] = [];
	const issues: FileIssue[] = [];
	const renamedIds: RenamedId[] = [];
	const usedIds = new Set(docs.map((d) => (isPlainObject(d.doc) && isUsableId(d.doc.id) ? d.doc.id : '')));
	for (const { doc: nbDoc, prefix } of docs) {
		let migrated: unknown;
		try {
			migrated = migrateNotebook(nbDoc, schemaVersion, { migrations: opts.migrations, toVersion: currentSchema });
		} catch (e) {
			if (e instanceof MigrationError) {
				const path = prefix || 'schemaVersion';
				issues.push({ path, message: fieldMessage(path, e.message.replace(/\.$/, '')) });
				continue;
			}
			throw e;
		}
		// A notebook's id is only its storage key and route: one that cannot be routed is replaced
		// (from its title) rather than refused, so a file from a hand-edited export still opens.
		if (isPlainObject(migrated) && !isUsableId(migrated.id)) {
			const root = derivedId(slugify(typeof migrated.title === 'string' ? migrated.title : ''), '', 'notatbok');
			let to = root;
			for (let n = 2; usedIds.has(to); n++) to = derivedId(root, `-${n}`);
			usedIds.add(to);
			renamedIds.push({ from: migrated.id, to });
			migrated = { ...migrated, id: to };
		}
		const r = validateNotebook(migrated, prefix);
		if (r.ok) notebooks.push(r.notebook);
		else issues.push(...r.issues);
		if (issues.length >= MAX_REPORTED_ISSUES) break;
	}
	return { notebooks, issues, renamedIds };
}

/** A backup's notebooks must have distinct ids (each is a storage key). */
function duplicateIdIssues(notebooks: Notebook[]): FileIssue[] {
	const issues: FileIssue[] = [];
	const seen = new Map<string, number>();
	notebooks.forEach((nb, i) => {
		const first = seen.get(nb.id);
		if (first !== undefined) {
			const path = `notebooks[${i}].id`;
			issues.push({ path, message: fieldMessage(path, `id «${nb.id}» er allerede brukt av notatbok nr. ${first + 1} i sikkerhetskopien`) });
		} else seen.set(nb.id, i);
	});
	return issues;
}

function envelope(kind: FileKind, meta: SerializeMeta): BoligbehovEnvelope {
	return {
		format: FORMAT_NAME,
		formatVersion: FORMAT_VERSION,
		schemaVersion: NOTEBOOK_SCHEMA_VERSION,
		app: { name: APP_NAME, version: meta.appVersion },
		exportedAt: meta.now.toISOString(),
		kind
	};
}

/** One notebook as a `.boligbehov.json` file (pretty-printed JSON, tab-free 2-space indent, final newline). */
export function serializeNotebook(nb: Notebook, meta: SerializeMeta): string {
	return `${JSON.stringify({ ...envelope('notebook', meta), notebook: toStoredNotebook(nb) }, null, 2)}\n`;
}

/** "Eksporter alt": every notebook in one backup file. */
export function serializeBackup(nbs: readonly Notebook[], meta: SerializeMeta): string {
	return `${JSON.stringify({ ...envelope('backup', meta), notebooks: nbs.map(toStoredNotebook) }, null, 2)}\n`;
}

/** Lower-case ASCII slug: æ→ae, ø→o, å→a, other accents dropped, anything else → '-'. */
export function slugify(s: string): string {
	return s
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
}

/** E.g. `eksempelkommune-2026-11-21.boligbehov.json` (kommune name, else title, else "notatbok"; local date). */
export function suggestedFileName(nb: Pick<Notebook, 'title' | 'kommune'>, now: Date = new Date()): string {
	const base = slugify(nb.kommune?.name ?? '') || slugify(nb.title ?? '') || 'notatbok';
	return `${base}-${localIsoDate(now)}${FILE_EXTENSION}`;
}

/** E.g. `boligbehov-alle-2026-11-21.boligbehov.json`. */
export function suggestedBackupFileName(now: Date = new Date()): string {
	return `boligbehov-alle-${localIsoDate(now)}${FILE_EXTENSION}`;
}
