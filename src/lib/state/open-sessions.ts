/**
 * The notebook sessions open in this tab, so that an app update can first write their pending
 * edits (UpdateBanner) and the page can ask before unload while something is not saved.
 */
export interface PendingWork {
	/** Edits that are in neither IndexedDB nor the journal (a conflict or a failed save counts). */
	readonly hasUnsaved: boolean;
	flush(): Promise<void>;
	/** Writes unsaved edits synchronously to the journal; false if that was not possible. */
	flushOnExit(): boolean;
	readonly saveStatus: string;
}

const open = new Set<PendingWork>();

export function registerOpenSession(session: PendingWork): () => void {
	open.add(session);
	return () => open.delete(session);
}

/**
 * Saves what can be saved. Resolves to true when nothing unsaved remains in this tab; false when
 * something still needs the planner (a conflict with another tab, a full disk).
 */
export async function flushOpenSessions(): Promise<boolean> {
	await Promise.all([...open].map((s) => s.flush().catch(() => undefined)));
	return [...open].every((s) => !s.hasUnsaved);
}

/**
 * For `beforeunload`: journal every unsaved edit; true when the planner should be asked before
 * leaving, i.e. some edits could not go to the journal, or need a decision (conflict, failed save).
 */
export function unloadNeedsConfirmation(): boolean {
	let ask = false;
	for (const s of open) {
		if (!s.hasUnsaved) continue;
		// Read before flushOnExit: the save it starts turns a failed save's 'error' into 'saving'.
		const needsDecision = s.saveStatus === 'conflict' || s.saveStatus === 'error';
		const kept = s.flushOnExit();
		if (!kept || needsDecision) ask = true;
	}
	return ask;
}
