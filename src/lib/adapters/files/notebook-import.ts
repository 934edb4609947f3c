/**
 * Importing `.boligbehov.json` files into the library. The whole file is validated (size, JSON,
 * envelope, every field, migrations) before anything is written; an import always creates new
 * notebooks. Replacing an existing one is only done on request, after a backup copy is stored.
 * The app runs all of this in the projection worker (worker-import.ts).
 */
import { derivedId, MAX_FILE_BYTES, type FileError, type RenamedId } from '#lib/core/format/index.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';
import { newId } from '#lib/core/notebook/edits.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { checkImportBytes, type CheckedImport, type ImportWarning } from './import-check.ts';

export type ImportPreview =
	| {
			ok: true;
			fileName: string;
			kind: 'notebook' | 'backup';
			notebooks: Notebook[];
			clashes: string[];
			migratedFrom?: number;
			renamedIds?: RenamedId[];
			warnings?: ImportWarning[];
	  }
	| { ok: false; fileName: string; error: FileError };

/** Checks a file's bytes (import-check.ts); replaceable for tests. */
export type ImportChecker = (bytes: Uint8Array) => Promise<CheckedImport>;
const checkInPlace: ImportChecker = async (bytes) => checkImportBytes(bytes);

/** Reads and validates a file; writes nothing. */
export async function previewImport(file: File, repo: NotebookRepository, check: ImportChecker = checkInPlace): Promise<ImportPreview> {
	if (file.size > MAX_FILE_BYTES) {
		const mb = (n: number) => (n / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 });
		return {
			ok: false,
			fileName: file.name,
			error: { code: 'too-large', message: `Filen er for stor (${mb(file.size)} MB). Største tillatte størrelse er ${mb(MAX_FILE_BYTES)} MB.` }
		};
	}
	const parsed = await check(new Uint8Array(await file.arrayBuffer()));
	if (!parsed.ok) return { ok: false, fileName: file.name, error: parsed.error };
	const existing = new Set(await repo.ids());
	return {
		ok: true,
		fileName: file.name,
		kind: parsed.kind,
		notebooks: parsed.notebooks,
		clashes: parsed.notebooks.filter((n) => existing.has(n.id)).map((n) => n.id),
		...(parsed.migratedFrom !== undefined ? { migratedFrom: parsed.migratedFrom } : {}),
		...(parsed.renamedIds ? { renamedIds: parsed.renamedIds } : {}),
		...(parsed.warnings ? { warnings: parsed.warnings } : {})
	};
}

/**
 * Writes a validated preview. `replace`: notebooks whose id exists replace the stored one after a
 * backup copy is made; otherwise they are added as new notebooks with a new id.
 * All-or-nothing: one Dexie transaction.
 */
export async function commitImport(
	preview: Extract<ImportPreview, { ok: true }>,
	repo: NotebookRepository,
	opts: { replace: boolean; now?: Date } = { replace: false }
): Promise<string[]> {
	const now = opts.now ?? new Date();
	const stamp = now.toISOString();
	const db = repo.db;
	return db.transaction('rw', db.notebooks, async () => {
		const ids: string[] = [];
		const taken = new Set((await db.notebooks.toCollection().primaryKeys()) as string[]);
		for (const nb of preview.notebooks) {
			const existing = await repo.get(nb.id);
			if (existing && opts.replace) {
				const backupId = newId(derivedId(nb.id, '-sikkerhetskopi').slice(0, 120), taken);
				taken.add(backupId);
				const date = now.toLocaleDateString('nb-NO');
				await repo.create({ ...existing.doc, id: backupId, title: `${existing.doc.title} (sikkerhetskopi ${date})`, updatedAt: stamp });
				await repo.save({ ...nb, updatedAt: stamp }, existing.revision);
				ids.push(nb.id);
			} else if (existing) {
				const id = newId(nb.id.slice(0, 120), taken);
				taken.add(id);
				await repo.create({ ...nb, id, title: `${nb.title} (importert)`, updatedAt: stamp });
				ids.push(id);
			} else {
				taken.add(nb.id);
				await repo.create({ ...nb, updatedAt: stamp });
				ids.push(nb.id);
			}
		}
		return ids;
	});
}
