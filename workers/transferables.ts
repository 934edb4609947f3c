/**
 * Finds every typed-array buffer inside a result so the worker can transfer (not copy) them.
 * Deduplicated: transferring the same buffer twice is an error.
 */
export function collectTransferables(value: unknown): ArrayBuffer[] {
	const seen = new Set<ArrayBuffer>();
	const visit = (v: unknown) => {
		if (v === null || typeof v !== 'object') return;
		if (ArrayBuffer.isView(v)) {
			if (v.buffer instanceof ArrayBuffer) seen.add(v.buffer);
			return;
		}
		for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
	};
	visit(value);
	return [...seen];
}
