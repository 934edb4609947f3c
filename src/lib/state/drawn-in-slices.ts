/**
 * Which entries of a long list are drawn, so that a list that grows by many entries at once (a
 * backup of 90 notebooks read in) is drawn a slice at a time, each slice its own short task,
 * instead of in one Svelte update that blocks the page (issue 13, finding 7: one such update was
 * the longest task of a 10 MB import).
 *
 * Entries already drawn stay drawn, wherever new ones are inserted around them, so nothing the
 * planner is looking at or has focused is taken away and drawn again.
 */

/**
 * The next set of drawn ids: every id of `ids` that is drawn already, plus the first `slice` of
 * those that are not. Ids no longer in the list are dropped.
 */
export function nextDrawn(ids: readonly string[], drawn: ReadonlySet<string>, slice: number): ReadonlySet<string> {
	const next = new Set<string>();
	let added = 0;
	for (const id of ids) {
		if (drawn.has(id)) next.add(id);
		else if (added < slice) {
			next.add(id);
			added++;
		}
	}
	return next;
}

/** True when every id of `ids` is drawn. */
export function allDrawn(ids: readonly string[], drawn: ReadonlySet<string>): boolean {
	return ids.every((id) => drawn.has(id));
}
