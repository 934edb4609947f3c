/**
 * JSON parsing for untrusted text. JSON.parse itself never pollutes prototypes (a `"__proto__"`
 * key becomes an own property), but code that later copies such an object (spread, Object.assign,
 * `result[key] = …` in a validator) could. We therefore refuse the keys `__proto__`, `constructor`
 * and `prototype` anywhere in the document, with the path where they occur.
 */
import { formatPath, type PathSegment } from './paths.ts';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult =
	| { ok: true; value: unknown }
	| { ok: false; line?: number; column?: number; detail: string };

/** JSON.parse that never throws; on failure, the line and column (1-based) when the engine tells. */
export function parseJson(text: string): JsonParseResult {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (e) {
		const detail = e instanceof Error ? e.message : String(e);
		const m = /position (\d+)/.exec(detail);
		if (m) {
			const pos = Math.min(Number(m[1]), text.length);
			const before = text.slice(0, pos);
			const line = before.split('\n').length;
			const column = pos - before.lastIndexOf('\n');
			return { ok: false, line, column, detail };
		}
		return { ok: false, detail };
	}
}

/** Finds the first forbidden key (depth-first, iterative so deep nesting cannot overflow the stack). */
export function findForbiddenKey(value: unknown): { path: string; key: string } | null {
	const stack: { v: unknown; path: PathSegment[] }[] = [{ v: value, path: [] }];
	while (stack.length > 0) {
		const { v, path } = stack.pop()!;
		if (v === null || typeof v !== 'object') continue;
		if (Array.isArray(v)) {
			for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
			continue;
		}
		const keys = Object.keys(v);
		for (const key of keys) {
			if (FORBIDDEN_KEYS.has(key)) return { path: formatPath([...path, key]), key };
		}
		for (let i = keys.length - 1; i >= 0; i--) {
			const key = keys[i]!;
			stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
		}
	}
	return null;
}
