/**
 * JSON parsing for untrusted text. JSON.parse itself never pollutes prototypes (a `"__proto__"`
 * key becomes an own property), but code that later copies such an object (spread, Object.assign,
 * `result[key] = …` in a validator) could. We therefore refuse the keys `__proto__`, `constructor`
 * and `prototype` anywhere in the document, with the path where they occur.
 */
import { formatPath, type PathSegment } from './paths.ts';

/** A JSON object ({ … }), not an array or null: the shape every reader of untrusted JSON checks first. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult =
	| { ok: true; value: unknown }
	| { ok: false; line?: number; column?: number; detail: string };

/**
 * JSON.parse that never throws; on failure, the line and column (1-based). V8 names the position
 * of most errors; for text that ends too early ("Unexpected end of JSON input", a truncated file)
 * it names none, and the error is at the end of the text.
 */
export function parseJson(text: string): JsonParseResult {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (e) {
		const detail = e instanceof Error ? e.message : String(e);
		const m = /position (\d+)/.exec(detail);
		const pos = m ? Math.min(Number(m[1]), text.length) : /end of (JSON )?input|unterminated|unexpected end/i.test(detail) ? text.length : null;
		if (pos === null) return { ok: false, detail };
		return { ok: false, ...lineAndColumn(text, pos), detail };
	}
}

/** 1-based line and column of a position; a position just past a final newline is reported on the last line. */
function lineAndColumn(text: string, pos: number): { line: number; column: number } {
	let end = pos;
	if (end === text.length) while (end > 0 && /\s/.test(text[end - 1]!)) end--;
	const before = text.slice(0, end);
	const line = before.split('\n').length;
	const column = end - before.lastIndexOf('\n');
	return { line, column };
}

interface Node {
	v: unknown;
	seg: PathSegment | null;
	parent: Node | null;
}

function pathOf(node: Node | null): PathSegment[] {
	const out: PathSegment[] = [];
	for (let n = node; n && n.seg !== null; n = n.parent) out.push(n.seg);
	return out.reverse();
}

/**
 * Finds the first forbidden key (depth-first). Iterative, and paths are parent links built only on
 * a hit, so pathological nesting (100 000 levels) costs linear time and no stack.
 */
export function findForbiddenKey(value: unknown): { path: string; segments: PathSegment[]; key: string } | null {
	const stack: Node[] = [{ v: value, seg: null, parent: null }];
	while (stack.length > 0) {
		const node = stack.pop()!;
		const v = node.v;
		if (v === null || typeof v !== 'object') continue;
		if (Array.isArray(v)) {
			for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], seg: i, parent: node });
			continue;
		}
		const keys = Object.keys(v);
		for (const key of keys) {
			if (FORBIDDEN_KEYS.has(key)) {
				const segments = [...pathOf(node), key];
				return { path: formatPath(segments), segments, key };
			}
		}
		for (let i = keys.length - 1; i >= 0; i--) {
			const key = keys[i]!;
			stack.push({ v: (v as Record<string, unknown>)[key], seg: key, parent: node });
		}
	}
	return null;
}

/**
 * The path of the first value nested deeper than `maxDepth` (the root is depth 0), or null.
 * Iterative for the same reason as findForbiddenKey: a hostile file may nest 100 000 levels, and
 * later steps that copy the document (structuredClone in a migration) would overflow the stack.
 */
export function findTooDeep(value: unknown, maxDepth: number): { path: string; segments: PathSegment[] } | null {
	const stack: { node: Node; depth: number }[] = [{ node: { v: value, seg: null, parent: null }, depth: 0 }];
	while (stack.length > 0) {
		const { node, depth } = stack.pop()!;
		const v = node.v;
		if (v === null || typeof v !== 'object') continue;
		if (depth >= maxDepth) {
			const segments = pathOf(node);
			return { path: formatPath(segments), segments };
		}
		if (Array.isArray(v)) {
			for (let i = v.length - 1; i >= 0; i--) stack.push({ node: { v: v[i], seg: i, parent: node }, depth: depth + 1 });
			continue;
		}
		for (const key of Object.keys(v)) stack.push({ node: { v: (v as Record<string, unknown>)[key], seg: key, parent: node }, depth: depth + 1 });
	}
	return null;
}
