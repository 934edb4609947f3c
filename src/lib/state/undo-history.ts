/**
 * Undo/redo as a stack of whole-document snapshots (JSON strings: compact, immutable, cheap to
 * compare). Edits with the same `coalesceKey` within `coalesceMs` (typing in one field) form one
 * step, so "Angre" undoes a whole number rather than one keystroke.
 */
export class UndoHistory {
	#past: string[] = [];
	#future: string[] = [];
	#lastKey: string | null = null;
	#lastAt = 0;

	constructor(
		readonly limit = 100,
		readonly coalesceMs = 1000
	) {}

	/** Records the state *before* an edit. */
	record(before: string, coalesceKey: string | null, now = Date.now()): void {
		const coalesce = coalesceKey !== null && coalesceKey === this.#lastKey && now - this.#lastAt < this.coalesceMs;
		this.#lastKey = coalesceKey;
		this.#lastAt = now;
		this.#future = [];
		if (coalesce) return;
		if (this.#past.at(-1) === before) return;
		this.#past.push(before);
		if (this.#past.length > this.limit) this.#past.shift();
	}

	undo(current: string): string | null {
		return this.#step(this.#past, this.#future, current);
	}

	redo(current: string): string | null {
		return this.#step(this.#future, this.#past, current);
	}

	/** Undo and redo are the same move in opposite directions: the state to go to leaves `from`, the current one joins `to`. */
	#step(from: string[], to: string[], current: string): string | null {
		const state = from.pop();
		if (state === undefined) return null;
		to.push(current);
		this.#lastKey = null;
		return state;
	}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	clear(): void {
		this.#past = [];
		this.#future = [];
		this.#lastKey = null;
	}
}
