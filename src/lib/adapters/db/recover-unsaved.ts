/**
 * Opens a notebook, first applying edits that were journalled when the tab went away before its
 * save committed (see unsaved-journal.ts). Never drops anything: a journal entry that no longer
 * fits the stored revision becomes a separate copy the planner can compare; an entry that is not
 * a valid notebook is moved to the quarantine (never written over the stored notebook); an entry
 * that cannot be written now (disk full) stays in the journal for the next open.
 */
import type { NotebookRecord } from './database.ts';
import type { NotebookRepository, OpenResult } from './notebook-repository.ts';
import { clearJournal, inspectJournal } from './unsaved-journal.ts';
import { addToQuarantine, quarantineEntry } from './quarantine.ts';
import { derivedId } from '#lib/core/format/index.ts';

export interface RecoverOptions {
	/** Told (in Norwegian) what happened to a journal entry that could not be applied as is. */
	notify?: (message: string) => void;
	now?: Date;
}

/** The record to open (undefined when missing or quarantined; `openRecovered` tells which). */
export async function recoverUnsaved(repo: NotebookRepository, id: string, storage?: Storage, opts: RecoverOptions = {}): Promise<NotebookRecord | undefined> {
	const opened = await openRecovered(repo, id, storage, opts);
	return opened.status === 'ok' ? opened.record : undefined;
}

export async function openRecovered(repo: NotebookRepository, id: string, storage?: Storage, opts: RecoverOptions = {}): Promise<OpenResult> {
	const now = opts.now ?? new Date();
	const opened = await repo.open(id, now);
	const read = inspectJournal(id, storage);
	if (read.status === 'none') return opened;
	if (read.status === 'invalid') {
		await addToQuarantine(repo.db, quarantineEntry('journal', id, read.reason, read.raw, now));
		clearJournal(id, storage);
		opts.notify?.(`${read.reason} De er satt til side under «Notatbøker som ikke kunne åpnes» i biblioteket, og notatboken er åpnet slik den sist ble lagret.`);
		return opened;
	}
	if (opened.status !== 'ok') return opened;
	const { entry } = read;
	const record = opened.record;
	if (entry.doc.updatedAt <= record.doc.updatedAt && entry.baseRevision < record.revision) {
		// The save went through after all: the journal is stale.
		clearJournal(id, storage);
		return opened;
	}
	try {
		if (entry.baseRevision === record.revision) {
			await repo.save(entry.doc, record.revision);
		} else {
			const copyId = derivedId(id, `-ulagret-${now.getTime().toString(36)}`);
			await repo.create({ ...entry.doc, id: copyId, title: `${entry.doc.title} (ulagrede endringer)` });
		}
	} catch (err) {
		// Most likely a full disk: keep the journal for the next open, and open what is stored.
		const name = err instanceof Error ? err.name : '';
		opts.notify?.(
			`Ulagrede endringer fra forrige gang kunne ikke lagres nå (${name || 'ukjent feil'}${name === 'QuotaExceededError' ? ': lagringsplassen er full' : ''}). ` +
				'De er tatt vare på og prøves igjen neste gang du åpner notatboken. Notatboken vises slik den sist ble lagret.'
		);
		return opened;
	}
	clearJournal(id, storage);
	return repo.open(id, now);
}
