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
	if (entry.baseRevision < record.revision && sameDocument(entry.doc, record.doc)) {
		// The save went through after all: the journal is stale. Only when the stored notebook is
		// exactly the journalled one: a newer stored notebook may be another tab's save over ours
		// (a tab closed in the «Endret i en annen fane» state), whose edits must become a copy.
		clearJournal(id, storage);
		return opened;
	}
	let copyTitle: string | null = null;
	try {
		if (entry.baseRevision === record.revision) {
			await repo.save(entry.doc, record.revision);
		} else {
			const copyId = derivedId(id, `-ulagret-${now.getTime().toString(36)}`);
			copyTitle = `${entry.doc.title} (ulagrede endringer)`;
			await repo.create({ ...entry.doc, id: copyId, title: copyTitle });
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
	if (copyTitle)
		opts.notify?.(
			`Notatboken ble lagret i en annen fane etter at du sist gjorde endringer her. Dine ulagrede endringer er lagret som en egen kopi, «${copyTitle}», i biblioteket. Her vises den sist lagrede versjonen.`
		);
	return repo.open(id, now);
}

/** Both documents went through the same check (record-check.ts), so their JSON has the same key order. */
function sameDocument(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
