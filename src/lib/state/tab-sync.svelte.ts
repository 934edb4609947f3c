/**
 * Several tabs on one notebook: a save is announced to the other tabs; a tab with nothing unsaved
 * takes the newer version, a tab with unsaved edits enters a conflict and the planner chooses.
 * The channel is passed in (a BroadcastChannel in the browser, nothing in tests that don't need it).
 */
import type { Notebook } from '#lib/core/model/notebook.ts';
import type { Autosave, EditJournal, NotebookStore } from './autosave.svelte.ts';

export interface SaveAnnouncement {
	id: string;
	revision: number;
}

export interface TabChannel {
	post(message: SaveAnnouncement): void;
	/** Returns a function that stops listening. */
	listen(onMessage: (message: SaveAnnouncement) => void): () => void;
	close(): void;
}

/** The browser's BroadcastChannel as a TabChannel; null where there is none (old browsers, Node). */
export function broadcastTabChannel(name = 'boligbehov-notebooks'): TabChannel | null {
	if (typeof BroadcastChannel === 'undefined') return null;
	const channel = new BroadcastChannel(name);
	return {
		post: (m) => channel.postMessage(m),
		listen: (fn) => {
			const handler = (e: MessageEvent<SaveAnnouncement>) => {
				if (e.data && typeof e.data.id === 'string' && typeof e.data.revision === 'number') fn(e.data);
			};
			channel.addEventListener('message', handler);
			return () => channel.removeEventListener('message', handler);
		},
		close: () => channel.close()
	};
}

/** What the sync needs of the rest of the session. */
export interface SyncHost {
	readonly autosave: Autosave;
	readonly store: NotebookStore;
	readonly journal: EditJournal;
	id(): string;
	snapshot(): Notebook;
	/** Show `doc` (another version) without recording an edit, then recompute. */
	adopt(doc: Notebook, opts: { clearHistory: boolean }): void;
}

export type ConflictChoice = 'theirs' | 'mine-as-copy' | 'mine';

export class TabSync {
	/** Set when another tab changed this notebook while we had unsaved edits. */
	conflict: { theirs: Notebook; revision: number } | null = $state(null);
	#stop: () => void;

	constructor(
		private readonly host: SyncHost,
		private readonly channel: TabChannel | null
	) {
		this.#stop =
			channel?.listen((m) => {
				if (m.id === host.id() && m.revision > host.autosave.revision) void this.#onExternalChange();
			}) ?? (() => {});
	}

	announceSave(id: string, revision: number): void {
		this.channel?.post({ id, revision });
	}

	/** Called by Autosave when it found the stored version newer than ours. */
	onConflict(theirs: { doc: Notebook; revision: number }): void {
		this.conflict = { theirs: theirs.doc, revision: theirs.revision };
	}

	/** Another tab saved: take its version if we have nothing unsaved, else ask the planner. */
	async #onExternalChange(): Promise<void> {
		const { autosave, store } = this.host;
		const theirs = await store.get(this.host.id()).catch(() => undefined);
		if (!theirs || theirs.revision <= autosave.revision) return;
		if (autosave.status === 'saved') {
			autosave.resume(theirs.revision, 'saved');
			this.host.adopt(theirs.doc, { clearHistory: false });
		} else {
			autosave.enterConflict(theirs);
		}
	}

	/** Resolve a conflict: keep the other tab's version (ours is kept as a copy), or overwrite with ours. */
	async resolve(choice: ConflictChoice): Promise<string | null> {
		const conflict = this.conflict;
		if (!conflict) return null;
		const { autosave, store, journal } = this.host;
		const mine = this.host.snapshot();
		if (choice === 'mine') {
			this.conflict = null;
			autosave.resume(conflict.revision, 'pending');
			await autosave.flush();
			return null;
		}
		let copyId: string | null = null;
		if (choice === 'mine-as-copy') {
			copyId = `${mine.id}-kopi-${Date.now().toString(36)}`;
			await store.create({ ...mine, id: copyId, title: `${mine.title} (min kopi)` });
		}
		this.conflict = null;
		// Our edits are now either in the copy or deliberately given up: the journal has done its job.
		journal.clear(mine.id);
		autosave.resume(conflict.revision, 'saved');
		this.host.adopt(conflict.theirs, { clearHistory: true });
		return copyId;
	}

	dispose(): void {
		this.#stop();
		this.channel?.close();
	}
}
