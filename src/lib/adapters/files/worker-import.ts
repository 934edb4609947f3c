/**
 * The import as the app runs it: in the projection worker, end to end. The worker reads the file,
 * checks it (import-check.ts) and, on the planner's word, writes it to IndexedDB through its own
 * connection; the main thread only ever sees a summary. A 10 MB file is some 100 notebooks, and
 * carrying them to the main thread and back (structured clone, twice) blocked the page for
 * hundreds of milliseconds; now nothing of that size crosses (issue 13, finding 7).
 */
import type { FileError, RenamedId } from '#lib/core/format/index.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { commitImport, previewImport, type ImportPreview } from './notebook-import.ts';
import type { ImportWarning } from './import-check.ts';

export type ImportSummary =
	| {
			ok: true;
			token: number;
			fileName: string;
			kind: 'notebook' | 'backup';
			notebooks: { id: string; title: string }[];
			clashes: string[];
			migratedFrom?: number;
			renamedIds?: RenamedId[];
			warnings?: ImportWarning[];
	  }
	| { ok: false; fileName: string; error: FileError };

/** Previews kept where they were made (the worker) until committed or dropped. */
export class ImportDesk {
	#pending = new Map<number, Extract<ImportPreview, { ok: true }>>();
	#next = 1;

	constructor(private readonly repo: () => NotebookRepository) {}

	async preview(file: File): Promise<ImportSummary> {
		const p = await previewImport(file, this.repo());
		if (!p.ok) return p;
		const token = this.#next++;
		this.#pending.clear(); // one import at a time: an older, unanswered preview is dropped
		this.#pending.set(token, p);
		const { notebooks, ...rest } = p;
		return { ...rest, token, notebooks: notebooks.map((n) => ({ id: n.id, title: n.title })) };
	}

	async commit(token: number, replace: boolean, nowIso: string): Promise<string[]> {
		const p = this.#pending.get(token);
		if (!p) throw new Error('Importen er ikke lenger klar; velg filen på nytt.');
		this.#pending.delete(token);
		return commitImport(p, this.repo(), { replace, now: new Date(nowIso) });
	}

	drop(token: number): void {
		this.#pending.delete(token);
	}
}
