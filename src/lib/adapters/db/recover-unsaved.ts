/**
 * Opens a notebook, first applying edits that were journalled when the tab went away before its
 * save committed (see unsaved-journal.ts). Never drops anything: a journal entry that no longer
 * fits the stored revision becomes a separate copy the planner can compare.
 */
import type { NotebookRecord } from './database.ts';
import type { NotebookRepository } from './notebook-repository.ts';
import { clearJournal, readJournal } from './unsaved-journal.ts';

export async function recoverUnsaved(repo: NotebookRepository, id: string, storage?: Storage): Promise<NotebookRecord | undefined> {
	const record = await repo.get(id);
	const entry = readJournal(id, storage);
	if (!entry || !record) return record;
	if (entry.doc.updatedAt <= record.doc.updatedAt && entry.baseRevision < record.revision) {
		// The save went through after all: the journal is stale.
		clearJournal(id, storage);
		return record;
	}
	if (entry.baseRevision === record.revision) {
		await repo.save(entry.doc, record.revision);
	} else {
		await repo.create({ ...entry.doc, id: `${id}-ulagret-${Date.now().toString(36)}`, title: `${entry.doc.title} (ulagrede endringer)` });
	}
	clearJournal(id, storage);
	return repo.get(id);
}
