/**
 * JSON-stat 2.0 dataset reader (the `json-stat2` output of SSB's PxWebApi v2 and v0).
 * Handles: `id`/`size`, `dimension[id].category.index` as array or object, missing `label`
 * (codes are used), `value` as a dense array or a sparse object, `status` as a string, array or
 * object, `role` (time/geo/metric), `extension.px.tableid`. Row-major order: the last id varies
 * fastest (JSON-stat 2.0 specification).
 */
import type { CellValue } from './csv.ts';
import { MISSING_MARKERS, ZERO_MARKER, fail, type SsbError } from './errors.ts';
import { classifyDimension, type JsonStatRole } from './dimensions.ts';
import { tableIdFromTitle, type Cube, type CubeDimension } from './cube.ts';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does this parsed JSON look like a JSON-stat dataset at all (before validating it)? */
export function looksLikeJsonStat(v: Json): boolean {
	return isObject(v) && (v['class'] === 'dataset' || ('dimension' in v && 'value' in v && 'id' in v));
}

/** Build a Cube from a parsed JSON-stat 2.0 dataset. */
export function readJsonStat(data: Json): { ok: true; cube: Cube } | { ok: false; error: SsbError } {
	if (!isObject(data)) return fail('not-csv-or-jsonstat', 'Filen er ikke et JSON-stat-datasett (forventet et JSON-objekt).');
	if (data['class'] === 'collection' || data['class'] === 'bundle')
		return fail('not-csv-or-jsonstat', 'Filen er en JSON-stat-samling, ikke ett datasett. Last ned én tabell om gangen.');
	if (data['version'] !== undefined && data['version'] !== '2.0')
		return fail('not-csv-or-jsonstat', `Filen er JSON-stat versjon ${String(data['version'])}; bare JSON-stat 2.0 («json-stat2») støttes.`);
	const parsed = readJsonStatDimensions(data);
	if (!parsed.ok) return parsed;
	const dimensions = parsed.dimensions;
	const total = dimensions.reduce((n, d) => n * d.categories.length, 1);
	const rawValue = data['value'];
	const status = data['status'];
	const statusAt = (i: number): string | undefined => {
		if (typeof status === 'string') return status;
		if (Array.isArray(status)) return typeof status[i] === 'string' ? (status[i] as string) : undefined;
		if (isObject(status)) {
			const s = status[String(i)];
			return typeof s === 'string' ? s : undefined;
		}
		return undefined;
	};
	let valueAt: (i: number) => Json;
	if (Array.isArray(rawValue)) {
		if (rawValue.length !== total)
			return fail(
				'not-csv-or-jsonstat',
				`JSON-stat-filen har ${rawValue.length} verdier, men dimensjonene gir ${total} celler.`
			);
		valueAt = (i) => rawValue[i];
	} else if (isObject(rawValue)) {
		valueAt = (i) => rawValue[String(i)];
	} else {
		return fail('not-csv-or-jsonstat', 'JSON-stat-filen mangler feltet «value».');
	}
	let missingCount = 0;
	let zeroMarkerCount = 0;
	for (let i = 0; i < total; i++) {
		const v = valueAt(i);
		const s = statusAt(i);
		if (typeof v !== 'number' && v !== undefined) {
			if (s === ZERO_MARKER) zeroMarkerCount++;
			else missingCount++;
		} else if (v === undefined && !Array.isArray(rawValue) && s !== undefined) {
			if (s === ZERO_MARKER) zeroMarkerCount++;
			else missingCount++;
		}
	}
	const strides: number[] = new Array<number>(dimensions.length);
	let stride = 1;
	for (let d = dimensions.length - 1; d >= 0; d--) {
		strides[d] = stride;
		stride *= dimensions[d]!.categories.length;
	}
	const get = (indexes: readonly number[]): CellValue | undefined => {
		if (indexes.length !== dimensions.length) return undefined;
		let flat = 0;
		for (let d = 0; d < indexes.length; d++) {
			const k = indexes[d]!;
			if (k < 0 || k >= dimensions[d]!.categories.length) return undefined;
			flat += k * strides[d]!;
		}
		const v = valueAt(flat);
		const s = statusAt(flat);
		if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'number', value: v };
		if (s === ZERO_MARKER) return { kind: 'number', value: 0 };
		if (v === undefined && s === undefined) return { kind: 'missing', marker: '' };
		if (typeof v === 'string') {
			// Some producers put the symbol itself in value.
			if (v in MISSING_MARKERS) return { kind: 'missing', marker: v };
			if (v === ZERO_MARKER) return { kind: 'number', value: 0 };
			return { kind: 'invalid', text: v };
		}
		return { kind: 'missing', marker: s ?? '' };
	};
	const title = typeof data['label'] === 'string' ? data['label'] : undefined;
	let tableId: string | undefined;
	const ext = data['extension'];
	if (isObject(ext) && isObject(ext['px']) && typeof ext['px']['tableid'] === 'string') tableId = ext['px']['tableid'];
	tableId ??= tableIdFromTitle(title);
	const cube: Cube = { format: 'json-stat', dimensions, get, missingCount, zeroMarkerCount };
	if (title !== undefined) cube.title = title;
	if (tableId !== undefined) cube.tableId = tableId;
	if (typeof data['updated'] === 'string') cube.updated = data['updated'];
	return { ok: true, cube };
}

/**
 * The dimensions of a JSON-stat 2.0 dataset (also of PxWebApi v2 `/metadata?outputFormat=json-stat2`,
 * which has no values), classified by role and label.
 */
export function readJsonStatDimensions(
	data: Json
): { ok: true; dimensions: CubeDimension[] } | { ok: false; error: SsbError } {
	if (!isObject(data)) return fail('not-csv-or-jsonstat', 'Filen er ikke et JSON-stat-datasett (forventet et JSON-objekt).');
	const ids = data['id'];
	const sizes = data['size'];
	const dims = data['dimension'];
	if (!Array.isArray(ids) || !Array.isArray(sizes) || !isObject(dims) || ids.length !== sizes.length)
		return fail('not-csv-or-jsonstat', 'Filen mangler feltene «id», «size» eller «dimension» som et JSON-stat 2.0-datasett skal ha.');
	const roles = new Map<string, JsonStatRole>();
	const roleObj = data['role'];
	if (isObject(roleObj)) {
		for (const r of ['time', 'geo', 'metric'] as const) {
			const list = roleObj[r];
			if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') roles.set(id, r);
		}
	}
	const dimensions: CubeDimension[] = [];
	for (let d = 0; d < ids.length; d++) {
		const id = ids[d];
		const size = sizes[d];
		if (typeof id !== 'string' || typeof size !== 'number' || !Number.isInteger(size) || size < 0)
			return fail('not-csv-or-jsonstat', `JSON-stat-feltet «id»/«size» er ugyldig ved posisjon ${d + 1}.`);
		const dim = dims[id];
		if (!isObject(dim) || !isObject(dim['category']))
			return fail('not-csv-or-jsonstat', `Dimensjonen «${id}» mangler «category» i JSON-stat-filen.`);
		const cat = dim['category'];
		const codes: string[] = new Array<string>(size);
		const index = cat['index'];
		if (Array.isArray(index)) {
			index.forEach((c, i) => (codes[i] = String(c)));
		} else if (isObject(index)) {
			for (const [code, pos] of Object.entries(index)) {
				if (typeof pos === 'number' && pos >= 0 && pos < size) codes[pos] = code;
			}
		} else if (isObject(cat['label']) && size === 1) {
			const only = Object.keys(cat['label'])[0];
			if (only !== undefined) codes[0] = only;
		}
		for (let i = 0; i < size; i++) {
			if (codes[i] === undefined)
				return fail('not-csv-or-jsonstat', `Dimensjonen «${id}» har ${size} kategorier, men indeksen mangler posisjon ${i}.`);
		}
		const labels = isObject(cat['label']) ? cat['label'] : {};
		const label = typeof dim['label'] === 'string' ? dim['label'] : id;
		dimensions.push({
			id,
			label,
			kind: classifyDimension(id, label, roles.get(id)),
			categories: codes.map((code) => {
				const l = labels[code];
				return { code, label: typeof l === 'string' ? l : code };
			})
		});
	}
	return { ok: true, dimensions };
}
