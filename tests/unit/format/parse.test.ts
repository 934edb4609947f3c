import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	FORMAT_VERSION,
	MAX_FILE_BYTES,
	NOTEBOOK_SCHEMA_VERSION,
	decodeFileBytes,
	isUsableId,
	slugify,
	parseBoligbehovFile,
	serializeBackup,
	serializeNotebook,
	suggestedBackupFileName,
	suggestedFileName,
	validateNotebook,
	type FileErrorCode
} from '#lib/core/format/index.ts';
import { buildMinimalNotebook, FIXTURE_APP_VERSION, FIXTURE_NOW } from './fixtures.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';
import { toStoredNotebook } from '#lib/core/scenarios/stored.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const meta = { appVersion: FIXTURE_APP_VERSION, now: FIXTURE_NOW };

function expectError(text: string, code: FileErrorCode) {
	const r = parseBoligbehovFile(text);
	if (r.ok) throw new Error(`expected ${code}, got ok`);
	expect(r.error.code).toBe(code);
	expect(r.error.message.length).toBeGreaterThan(10);
	return r.error;
}

describe('parseBoligbehovFile: valid files', () => {
	it('reads the minimal fixture into exactly the builder notebook', () => {
		const r = parseBoligbehovFile(fixture('valid-minimal.boligbehov.json'));
		expect(r).toEqual({ ok: true, kind: 'notebook', notebooks: [buildMinimalNotebook()] });
	});

	it('the committed fixture is what the current serializer writes (fixtures are up to date)', () => {
		expect(fixture('valid-minimal.boligbehov.json')).toBe(serializeNotebook(buildMinimalNotebook(), meta));
	});

	it('reads a backup with two notebooks', () => {
		const r = parseBoligbehovFile(fixture('valid-backup.boligbehov.json'));
		expect(r.ok && r.kind).toBe('backup');
		expect(r.ok && r.notebooks.map((n) => n.id)).toEqual(['nb-test-1', 'nb-test-2']);
	});

	it('accepts a UTF-8 byte order mark and surrounding whitespace', () => {
		const r = parseBoligbehovFile(`\uFEFF\n  ${fixture('valid-minimal.boligbehov.json')}  \n`);
		expect(r.ok).toBe(true);
	});

	it('writes the envelope with the current versions', () => {
		const env = JSON.parse(serializeNotebook(buildMinimalNotebook(), meta));
		expect(env).toMatchObject({
			format: 'boligbehov',
			formatVersion: FORMAT_VERSION,
			schemaVersion: NOTEBOOK_SCHEMA_VERSION,
			app: { name: 'Boligbehov', version: '0.1.0' },
			exportedAt: '2026-11-21T10:00:00.000Z',
			kind: 'notebook'
		});
		expect(Object.keys(env)).toEqual(['format', 'formatVersion', 'schemaVersion', 'app', 'exportedAt', 'kind', 'notebook']);
	});
});

describe('parseBoligbehovFile: each kind of error', () => {
	it('empty', () => {
		expect(expectError(fixture('invalid-empty.boligbehov.json'), 'empty').message).toBe('Filen er tom.');
		expectError('   \n\t ', 'empty');
	});

	it('not JSON, with line and column', () => {
		const e = expectError(fixture('invalid-not-json.boligbehov.json'), 'not-json');
		expect(e.message).toMatch(/^Filen er ikke gyldig JSON/);
		expectError('{"format": "boligbehov",}', 'not-json');
		const e2 = expectError('{\n  "a": 1,\n  x\n}', 'not-json');
		expect(e2.message).toContain('linje 3');
	});

	it('not a Boligbehov file', () => {
		expectError(fixture('invalid-not-boligbehov.json'), 'not-boligbehov');
		for (const t of ['[]', '42', '"boligbehov"', 'null', '{"format":"excel"}']) expectError(t, 'not-boligbehov');
		const e = expectError(JSON.stringify(buildMinimalNotebook()), 'not-boligbehov');
		expect(e.message).toContain('uten konvolutt');
	});

	it('made with a newer version', () => {
		const e = expectError(fixture('invalid-newer-version.boligbehov.json'), 'newer-version');
		expect(e.message).toContain('nyere versjon');
		expect(e.message).toContain('9.0.0');
		expect(e.path).toBe('formatVersion');
		expect(expectError(fixture('invalid-newer-schema.boligbehov.json'), 'newer-version').path).toBe('schemaVersion');
	});

	it('unsupported kind', () => {
		const e = expectError(fixture('invalid-unsupported-kind.boligbehov.json'), 'unsupported-kind');
		expect(e.message).toContain('«template»');
	});

	it('an invalid field, named with its path and the problem', () => {
		const e = expectError(fixture('invalid-field-botid.boligbehov.json'), 'invalid-field');
		expect(e.path).toBe('scenarios[0].assumptions.groups.rop.tenure.years.value');
		expect(e.message).toBe(
			'Filen kan ikke åpnes. Feltet scenarios[0].assumptions.groups.rop.tenure.years.value: må være et tall, fikk tekst «fem».'
		);
		expect(e.issues).toHaveLength(1);
	});

	it('a missing group', () => {
		const e = expectError(fixture('invalid-missing-group.boligbehov.json'), 'invalid-field');
		expect(e.path).toBe('base.groups.flyktning');
		expect(e.message).toContain('mangler');
	});

	it('an unknown field is reported, not dropped', () => {
		const e = expectError(fixture('invalid-unknown-field.boligbehov.json'), 'invalid-field');
		expect(e.path).toBe('scenarios[0].navn');
		expect(e.message).toContain('ukjent felt');
	});

	it('too large', () => {
		const e = expectError(`${' '.repeat(MAX_FILE_BYTES)}{}`, 'too-large');
		expect(e.message).toContain('10,0 MB');
		const small = parseBoligbehovFile(fixture('valid-minimal.boligbehov.json'), { maxBytes: 1000 });
		expect(!small.ok && small.error.code).toBe('too-large');
		// Counted in UTF-8 bytes, not characters: 400 × «æ» is 800 bytes.
		const r = parseBoligbehovFile(`"${'æ'.repeat(400)}"`, { maxBytes: 700 });
		expect(!r.ok && r.error.code).toBe('too-large');
	});

	it('reports many issues at once, each with a path, capped', () => {
		const doc = JSON.parse(fixture('valid-minimal.boligbehov.json'));
		doc.notebook.population.values = doc.notebook.population.values.map((row: number[]) => row.map(() => 'x'));
		const e = expectError(JSON.stringify(doc), 'invalid-field');
		expect(e.issues!.length).toBe(50);
		expect(e.message).toContain('eller flere feil til');
		expect(e.issues![0]!.path).toBe('population.values[0][0]');
	});

	it('envelope fields are checked with their own paths', () => {
		const doc = JSON.parse(fixture('valid-minimal.boligbehov.json'));
		doc.exportedAt = 17;
		doc.extra = true;
		const e = expectError(JSON.stringify(doc), 'invalid-field');
		expect(e.path).toBe('exportedAt');
		delete doc.exportedAt;
		doc.exportedAt = 'x';
		expect(expectError(JSON.stringify(doc), 'invalid-field').path).toBe('extra');
		const noNb = JSON.parse(fixture('valid-minimal.boligbehov.json'));
		delete noNb.notebook;
		expect(expectError(JSON.stringify(noNb), 'invalid-field').message).toContain('notebook: mangler');
	});

	it('backup paths start with notebooks[i], and duplicate notebook ids are refused', () => {
		const doc = JSON.parse(fixture('valid-backup.boligbehov.json'));
		doc.notebooks[1].base.vacant = '14';
		expect(expectError(JSON.stringify(doc), 'invalid-field').path).toBe('notebooks[1].base.vacant');
		const dup = JSON.parse(fixture('valid-backup.boligbehov.json'));
		dup.notebooks[1].id = dup.notebooks[0].id;
		expect(expectError(JSON.stringify(dup), 'invalid-field').path).toBe('notebooks[1].id');
	});

	it('structural checks: population shape, duplicate ids, integer years', () => {
		const cases: [(nb: any) => void, string][] = [
			[(nb) => nb.population.values.pop(), 'population.values'],
			[(nb) => nb.population.values[3].pop(), 'population.values[3]'],
			[(nb) => (nb.population.years[2] = 2040), 'population.years[2]'],
			[(nb) => (nb.population.ages[0] = 1), 'population.ages[0]'],
			[(nb) => (nb.population.values[0][5] = -1), 'population.values[0][5]'],
			[(nb) => (nb.scenarios[1].id = 'basis'), 'scenarios[1].id'],
			[(nb) => (nb.cells[2].id = 'c1'), 'cells[2].id'],
			[(nb) => (nb.base.segments[1].id = 'ordinaer'), 'base.segments[1].id'],
			[(nb) => (nb.base.baseYear = 2025.5), 'base.baseYear'],
			[(nb) => (nb.base.segments[0].groups = ['rop', 'ukjent']), 'base.segments[0].groups[1]'],
			[(nb) => (nb.scenarios[0].assumptions.groups.rop.tenure.kind = 'forever'), 'scenarios[0].assumptions.groups.rop.tenure.kind'],
			[(nb) => (nb.scenarios[0].assumptions.groups.rop.tenure.years.spread = { kind: 'triangular', low: 1 }), 'scenarios[0].assumptions.groups.rop.tenure.years.spread.high'],
			[(nb) => (nb.kommune.fictional = 'ja'), 'kommune.fictional']
		];
		for (const [edit, path] of cases) {
			const doc = JSON.parse(fixture('valid-minimal.boligbehov.json'));
			edit(doc.notebook);
			const e = expectError(JSON.stringify(doc), 'invalid-field');
			expect(e.path, path).toBe(path);
			expect(e.message).toMatch(/^Filen kan ikke åpnes\. Feltet /);
		}
	});

	it('a year-series key that is not a year names the key', () => {
		const doc = JSON.parse(fixture('valid-minimal.boligbehov.json'));
		doc.notebook.scenarios[0].assumptions.groups.andre.demand.perYear['neste år'] = 3;
		const e = expectError(JSON.stringify(doc), 'invalid-field');
		expect(e.path).toBe('scenarios[0].assumptions.groups.andre.demand.perYear["neste år"]');
		expect(e.message).toContain('årstall med fire sifre');
	});
});

describe('untrusted keys', () => {
	const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

	it('refuses __proto__ inside a YearSeries, naming where', () => {
		const e = expectError(fixture('invalid-proto.boligbehov.json'), 'invalid-field');
		expect(e.path).toBe('scenarios[0].assumptions.groups.flyktning.demand.settledPerYear.__proto__');
		expect(e.message).toContain('«__proto__» er ikke tillatt');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	/** An own, enumerable property even for "__proto__" (plain assignment would set the prototype). */
	const setOwn = (obj: object, key: string, value: unknown) =>
		Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });

	it.each(['__proto__', 'constructor', 'prototype'])('refuses %s anywhere, and pollutes nothing', (key) => {
		const places: [(d: any) => void, string][] = [
			[(d) => setOwn(d, key, { polluted: true }), key],
			[(d) => setOwn(d.notebook.base.groups, key, { tenants: 1, waiting: 1 }), `base.groups.${key}`],
			[(d) => setOwn(d.notebook.scenarios[0].assumptions.groups, key, { polluted: true }), `scenarios[0].assumptions.groups.${key}`],
			[(d) => setOwn(d.notebook.scenarios[0].assumptions.groups.andre.demand.perYear, key, 1), `scenarios[0].assumptions.groups.andre.demand.perYear.${key}`],
			[(d) => setOwn(d.notebook.cells[0], key, { polluted: true }), `cells[0].${key}`]
		];
		for (const [place, path] of places) {
			const doc = JSON.parse(fixture('valid-minimal.boligbehov.json'));
			place(doc);
			const text = JSON.stringify(doc);
			expect(text).toContain(`"${key}":`);
			const e = expectError(text, 'invalid-field');
			expect(e.path).toBe(path);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
	});
});

describe('validateNotebook', () => {
	it('accepts the fixture and reports paths relative to the notebook', () => {
		expect(validateNotebook(toStoredNotebook(buildMinimalNotebook())).ok).toBe(true);
		const nb: any = toStoredNotebook(buildMinimalNotebook());
		nb.title = 3;
		const r = validateNotebook(nb);
		expect(!r.ok && r.issues[0]).toEqual({ path: 'title', message: 'Feltet title: må være tekst, fikk tallet 3.' });
	});
});

describe('suggestedFileName', () => {
	it('is a safe slug of the kommune name with the local date', () => {
		const nb = buildMinimalNotebook();
		const now = new Date(2026, 10, 21, 12);
		expect(suggestedFileName(nb, now)).toBe('testkommune-o-2026-11-21.boligbehov.json');
		expect(suggestedFileName({ ...nb, kommune: { name: 'Bærum / Ås: «Sør-Fron» ', number: '' } }, now)).toBe(
			'baerum-as-sor-fron-2026-11-21.boligbehov.json'
		);
		expect(suggestedFileName({ title: '../../etc', kommune: { name: '', number: '' } }, now)).toBe('etc-2026-11-21.boligbehov.json');
		expect(suggestedFileName({ title: '', kommune: { name: '', number: '' } }, now)).toBe('notatbok-2026-11-21.boligbehov.json');
		expect(suggestedFileName({ ...nb, kommune: { name: 'x'.repeat(500), number: '' } }, now).length).toBeLessThan(90);
		expect(suggestedBackupFileName(now)).toBe('boligbehov-alle-2026-11-21.boligbehov.json');
	});
});

describe('union messages', () => {
	it('a segment groups value that is neither "all" nor a list says what is allowed', () => {
		const doc = JSON.parse(fixture('valid-minimal.boligbehov.json'));
		doc.notebook.base.segments[0].groups = 'alle';
		const e = expectError(JSON.stringify(doc), 'invalid-field');
		expect(e.path).toBe('base.segments[0].groups');
		expect(e.message).toContain('må være «all» (felles) eller en liste av målgrupper (rop, funksjon, eldre, flyktning, andre)');
	});
});

describe('hardening (issue 13)', () => {
	it('a document nested deeper than any real file is refused with its path before it is copied or migrated', () => {
		const doc = JSON.parse(fixture('valid-minimal.boligbehov.json'));
		doc.schemaVersion = 1; // would be migrated (and so deep-copied) if it got that far
		let deep: unknown = 1;
		for (let i = 0; i < 40; i++) deep = { a: deep };
		doc.notebook.title = deep;
		const e = expectError(JSON.stringify(doc), 'invalid-field');
		expect(e.message).toMatch(/nestet dypere enn 32 nivåer/);
		expect(e.path).toMatch(/^title(\.a)+$/);
	});

	const example = () => createExampleNotebook('2026-01-01T00:00:00.000Z');

	it('a truncated file names the line and column where it ends (finding 12)', () => {
		const text = serializeNotebook(example(), meta);
		const cut = text.slice(0, 200);
		const r = parseBoligbehovFile(cut);
		expect(r.ok).toBe(false);
		const lines = cut.trimEnd().split('\n');
		if (!r.ok) expect(r.error.message).toContain(`linje ${lines.length}, kolonne ${lines.at(-1)!.length + 1}`);
	});

	it.each([
		['', 'tom tekst'],
		['../../etc/passwd', '«../../etc/passwd»'],
		['a'.repeat(129), 'aaaa']
	])('a notebook id %j gets a fresh id from the title instead of reaching a route (finding 1)', (id) => {
		const nb = { ...example(), id };
		const r = parseBoligbehovFile(serializeNotebook(nb, meta));
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(isUsableId(r.notebooks[0]!.id)).toBe(true);
			expect(r.notebooks[0]!.id).toBe(slugify(nb.title));
			expect(r.renamedIds).toEqual([{ from: id, to: r.notebooks[0]!.id }]);
		}
	});

	it('two notebooks of a backup with unusable ids get different fresh ids', () => {
		const r = parseBoligbehovFile(serializeBackup([{ ...example(), id: '' }, { ...example(), id: '/' }], meta));
		expect(r.ok && new Set(r.notebooks.map((n) => n.id)).size).toBe(2);
	});

	it('a scenario id that is not routable is refused, naming the field', () => {
		const nb = example();
		nb.scenarios[1]!.id = '../x';
		const r = parseBoligbehovFile(serializeNotebook(nb, meta));
		expect(!r.ok && r.error.path).toBe('scenarios[1].id');
	});

	it.each([
		['base.groups.rop.tenants', (nb: Notebook) => (nb.base.groups.rop.tenants = 1e308)],
		['base.segments[0].dwellings', (nb: Notebook) => (nb.base.segments[0]!.dwellings = 5e6)],
		['base.vacant', (nb: Notebook) => (nb.base.vacant = -1e300)],
		['population.values[0][0]', (nb: Notebook) => (nb.population.values[0]![0] = 1e9)],
		['scenarios[0].assumptions.horizonYears', (nb: Notebook) => (nb.scenarios[0]!.assumptions.horizonYears = 1000)],
		['scenarios[0].assumptions.monteCarlo.draws', (nb: Notebook) => (nb.scenarios[0]!.assumptions.monteCarlo.draws = 1e9)],
		['scenarios[0].assumptions.vacancyTargetPct.value', (nb: Notebook) => (nb.scenarios[0]!.assumptions.vacancyTargetPct.value = 1e308)],
		[
			'scenarios[0].assumptions.plan.measures',
			(nb: Notebook) =>
				(nb.scenarios[0]!.assumptions.plan = {
					measures: Array.from({ length: 10_000 }, () => ({ decisionYear: 2030, segmentId: 'ordinaer', kind: 'nybygg' as const, count: 1 }))
				})
		]
	])('a value beyond its documented bound is refused, naming %s (finding 6)', (path, mutate) => {
		const nb = example();
		mutate(nb);
		const r = parseBoligbehovFile(serializeNotebook(nb, meta));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.path).toBe(path);
			expect(r.error.message).toContain(`Feltet ${path}:`);
		}
	});

	it('refugees settled per year beyond the bound are refused', () => {
		const nb = example();
		const g = nb.scenarios[0]!.assumptions.groups.flyktning;
		if (g.demand.kind !== 'refugees') throw new Error('the example settles refugees');
		g.demand.settledPerYear['2027'] = 1e12;
		const r = parseBoligbehovFile(serializeNotebook(nb, meta));
		expect(!r.ok && r.error.message).toMatch(/^Filen kan ikke åpnes\. Feltet scenarios\[0\]\.assumptions\.groups\.flyktning\.demand\.settledPerYear\["2027"\]: kan være høyst 1\u00a0000\u00a0000/);
	});
});

describe('decodeFileBytes (the same decoding in the browser and the runner)', () => {
	const text = '{"format":"boligbehov","ø":"å"}';
	const utf16 = (le: boolean, bom: boolean) => {
		const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
		for (const ch of text) {
			const c = ch.charCodeAt(0);
			out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
		}
		return new Uint8Array(out);
	};

	it.each([
		['UTF-8', new TextEncoder().encode(text)],
		['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
		['UTF-16 LE with BOM', utf16(true, true)],
		['UTF-16 BE with BOM', utf16(false, true)],
		['UTF-16 LE without BOM', utf16(true, false)],
		['UTF-16 BE without BOM', utf16(false, false)]
	])('%s gives the same text', (_, bytes) => {
		expect(decodeFileBytes(bytes)).toMatchObject({ ok: true, text });
	});

	it('invalid UTF-8 is refused with a Norwegian message, not replaced by «�»', () => {
		const r = decodeFileBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0xfd, 0x7d]));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/ikke gyldig tekst/);
	});
});
