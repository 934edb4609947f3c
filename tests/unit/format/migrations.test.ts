/**
 * The migration mechanism, exercised with test-only steps (which also apply the real step of the
 * same version, so the result stays a valid current document), and the registered steps.
 * Identical numbers before and after 2 → 3: tests/unit/scenarios/migration-numbers.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	migrateNotebook,
	MigrationError,
	NOTEBOOK_MIGRATIONS,
	NOTEBOOK_SCHEMA_VERSION,
	parseBoligbehovFile,
	type NotebookMigration
} from '#lib/core/format/index.ts';
import { checkMigrationChain } from '#lib/core/format/migrations.ts';
import { buildMinimalNotebook } from './fixtures.ts';
import { toStoredNotebook } from '#lib/core/scenarios/stored.ts';
import type { StoredNotebook } from '#lib/core/model/notebook.ts';
import { resolveAll, type StoredScenarioLike } from '#lib/core/scenarios/overrides.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
// A file of schema version 1 (the frozen fixture written by that version).
const v1Text = readFileSync(join(FIXTURES, 'v1/minimal.boligbehov.json'), 'utf8');

/** Test steps 1→2→3→4 that log their application and each leave a visible trace in the title. */
function testSteps(log: string[]): NotebookMigration[] {
	const step = (from: number): NotebookMigration => ({
		from,
		to: from + 1,
		description: `test step ${from}→${from + 1}`,
		migrate(doc) {
			log.push(`${from}→${from + 1}`);
			const real = NOTEBOOK_MIGRATIONS.find((m) => m.from === from);
			const d = (real ? real.migrate(doc) : doc) as { title: string };
			return { ...d, title: `${d.title} [v${from + 1}]` };
		}
	});
	return [step(1), step(2), step(3)];
}

function withSchemaVersion(text: string, v: number): string {
	const doc = JSON.parse(text);
	doc.schemaVersion = v;
	return JSON.stringify(doc);
}

describe('registered migrations', () => {
	it('the current version is 3, reached from 1 by one step at a time', () => {
		expect(NOTEBOOK_SCHEMA_VERSION).toBe(4);
		expect(NOTEBOOK_MIGRATIONS.map((m) => [m.from, m.to])).toEqual([
			[1, 2],
			[2, 3],
			[3, 4]
		]);
		expect(() => checkMigrationChain(NOTEBOOK_MIGRATIONS)).not.toThrow();
	});

	it('a current-version document passes through unchanged (same object)', () => {
		const nb = buildMinimalNotebook();
		expect(migrateNotebook(nb, NOTEBOOK_SCHEMA_VERSION)).toBe(nb);
	});

	it('a version 1 document becomes version 2 unchanged in content (every new field is optional)', () => {
		const v2 = asCopies(toStoredNotebook(buildMinimalNotebook()));
		expect(migrateNotebook(v2, 1, { toVersion: 2 })).toEqual(v2);
	});

	it('2 → 3 turns a copy-variant into the overrides that make it from its source', () => {
		const stored = toStoredNotebook(buildMinimalNotebook());
		expect(migrateNotebook(asCopies(stored), 2)).toEqual(stored);
	});

	it('2 → 3 keeps a scenario whose source is missing, or on a cycle, self-contained', () => {
		const v2 = asCopies(toStoredNotebook(buildMinimalNotebook())) as { scenarios: Record<string, unknown>[] };
		const [basis, variant] = v2.scenarios;
		variant!.basedOn = 'finnes-ikke';
		let out = migrateNotebook(v2, 2) as { scenarios: Record<string, unknown>[] };
		expect(out.scenarios[1]).not.toHaveProperty('basedOn');
		expect(out.scenarios[1]).not.toHaveProperty('overrides');
		expect(out.scenarios[1]!.assumptions).toEqual(variant!.assumptions);

		variant!.basedOn = 'basis';
		basis!.basedOn = 'kortere-botid';
		out = migrateNotebook(v2, 2) as { scenarios: Record<string, unknown>[] };
		expect(out.scenarios.map((s) => s.basedOn)).toEqual([undefined, undefined]);
		expect(out.scenarios.every((s) => typeof s.assumptions === 'object')).toBe(true);
	});

	it('3 → 4 makes stock changes decided measures, for roots and for variants that override them or the plan', () => {
		const v3 = JSON.parse(readFileSync(join(FIXTURES, 'v3/minimal.boligbehov.json'), 'utf8')).notebook as { scenarios: Record<string, any>[] };
		const [basis, variant] = v3.scenarios;
		basis!.assumptions.plan = { measures: [{ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 2 }] };
		const own = { ...structuredClone(variant!), id: 'egne-endringer', overrides: { stockChanges: [{ year: 2030, segmentId: 'ordinaer', kind: 'salg', count: -3 }] } };
		const noMeasures = { ...structuredClone(variant!), id: 'uten-tiltak', overrides: { 'plan.measures': [] } };
		const orphan = { ...structuredClone(variant!), id: 'foreldrelos', basedOn: 'finnes-ikke', overrides: { stockChanges: [] } };
		v3.scenarios.push(own, noMeasures, orphan);
		const out = migrateNotebook(v3, 3) as { scenarios: StoredScenarioLike[] };
		const decided = (year: number, kind: string, count: number) => ({ decisionYear: year, segmentId: 'ordinaer', kind, count, leadTimeYears: 0, decided: true });
		const kjop = { decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 2 };
		expect(out.scenarios[0]!.assumptions).not.toHaveProperty('stockChanges');
		const effective = resolveAll(out.scenarios);
		expect(effective.get('basis')!.assumptions.plan!.measures).toEqual([decided(2027, 'nybygg', 8), decided(2028, 'salg', 2), kjop]);
		expect(effective.get('kortere-botid')!.assumptions.plan).toEqual(effective.get('basis')!.assumptions.plan);
		expect(effective.get('egne-endringer')!.assumptions.plan!.measures).toEqual([decided(2030, 'salg', 3), kjop]);
		expect(effective.get('uten-tiltak')!.assumptions.plan!.measures).toEqual([decided(2027, 'nybygg', 8), decided(2028, 'salg', 2)]);
		for (const id of ['kortere-botid', 'egne-endringer', 'uten-tiltak']) expect(Object.keys(out.scenarios.find((s) => s.id === id)!.overrides ?? {}).some((k) => k.startsWith('stockChanges'))).toBe(false);
		// The changes are edited in a plan cell now: the notebook, which had none, gets one for Basis.
		const cells = (out as unknown as { cells: { id: string; kind: string; scenarioId?: string }[] }).cells;
		expect(cells.filter((c) => c.kind === 'plan')).toEqual([{ id: 'tiltaksplan', kind: 'plan', scenarioId: 'basis' }]);
		// A variant whose parent is missing keeps its overrides as they were: nothing is lost.
		expect(out.scenarios.find((s) => s.id === 'foreldrelos')!.overrides).toEqual({ stockChanges: [] });
	});

	it('3 → 4 leaves a malformed stock change list in place, so validation names it and nothing is lost', () => {
		const v3 = JSON.parse(readFileSync(join(FIXTURES, 'v3/minimal.boligbehov.json'), 'utf8'));
		v3.notebook.scenarios[0].assumptions.stockChanges[0].count = 'åtte';
		const r = parseBoligbehovFile(JSON.stringify(v3));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/stockChanges/);
	});
});

/** The version 2 shape of a stored notebook: every variant as a full copy of its effective assumptions. */
function asCopies(stored: StoredNotebook): StoredNotebook {
	const full = buildMinimalNotebook();
	return {
		...stored,
		scenarios: stored.scenarios.map((s) => {
			const { overrides: _o, ...rest } = s;
			return { ...rest, assumptions: full.scenarios.find((f) => f.id === s.id)!.assumptions };
		})
	};
}

describe('migrateNotebook with test steps', () => {
	it('applies each step once, in order, from the stored version', () => {
		const log: string[] = [];
		const out = migrateNotebook(buildMinimalNotebook(), 1, { migrations: testSteps(log), toVersion: 3 }) as { title: string };
		expect(log).toEqual(['1→2', '2→3']);
		expect(out.title).toBe('Boligbehov Testkommune [v2] [v3]');

		const log2: string[] = [];
		migrateNotebook(buildMinimalNotebook(), 2, { migrations: testSteps(log2), toVersion: 3 });
		expect(log2).toEqual(['2→3']);
	});

	it('does not modify its input', () => {
		const nb = buildMinimalNotebook();
		const inPlace: NotebookMigration = {
			from: 1,
			to: 2,
			description: 'mutating test step',
			migrate(doc) {
				(doc as { title: string }).title = 'changed';
				return doc;
			}
		};
		migrateNotebook(nb, 1, { migrations: [inPlace], toVersion: 2 });
		expect(nb).toEqual(buildMinimalNotebook());
	});

	it('refuses a newer version, a missing step and a broken chain', () => {
		const steps = testSteps([]);
		expect(() => migrateNotebook({}, 4, { migrations: steps, toVersion: 3 })).toThrow(MigrationError);
		try {
			migrateNotebook({}, 4, { migrations: steps, toVersion: 3 });
		} catch (e) {
			expect((e as MigrationError).kind).toBe('newer-version');
		}
		expect(() => migrateNotebook({}, 1, { migrations: [steps[1]!], toVersion: 3 })).toThrow(/ingen overgang fra versjon 1 til 2/);
		expect(() => migrateNotebook({}, 1, { migrations: [steps[1]!, steps[0]!], toVersion: 3 })).toThrow(/out of order/);
		expect(() => migrateNotebook({}, 0, { migrations: steps, toVersion: 3 })).toThrow(MigrationError);
	});

	it('a failing step becomes a MigrationError with a Norwegian message', () => {
		const bad: NotebookMigration = { from: 1, to: 2, description: 'throws', migrate: () => { throw new Error('boom'); } };
		expect(() => migrateNotebook({}, 1, { migrations: [bad], toVersion: 2 })).toThrow(/Oppgraderingen fra skjemaversjon 1 til 2 mislyktes: boom/);
	});
});

describe('parseBoligbehovFile migrates before validating', () => {
	it('an older file is migrated step by step and the version recorded', () => {
		const log: string[] = [];
		const r = parseBoligbehovFile(v1Text, { migrations: testSteps(log), schemaVersion: 4 });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(1);
		expect(log).toEqual(['1→2', '2→3', '3→4']);
		expect(r.notebooks[0]!.title).toBe('Boligbehov Testkommune [v2] [v3] [v4]');
	});

	it('each notebook of a backup is migrated once', () => {
		const log: string[] = [];
		const backup = withSchemaVersion(readFileSync(join(FIXTURES, 'valid-backup.boligbehov.json'), 'utf8'), 1);
		const r = parseBoligbehovFile(backup, { migrations: testSteps(log), schemaVersion: 4 });
		expect(r.ok && r.notebooks.length).toBe(2);
		expect(log).toEqual(['1→2', '2→3', '3→4', '1→2', '2→3', '3→4']);
	});

	it('a current file reports no migration', () => {
		const r = parseBoligbehovFile(readFileSync(join(FIXTURES, 'valid-minimal.boligbehov.json'), 'utf8'));
		expect(r.ok && 'migratedFrom' in r).toBe(false);
	});

	it('a file newer than the supported schema is refused with newer-version', () => {
		const r = parseBoligbehovFile(withSchemaVersion(v1Text, 4), { migrations: testSteps([]), schemaVersion: 3 });
		expect(!r.ok && r.error.code).toBe('newer-version');
	});

	it('a migrated document that is still invalid is reported with paths', () => {
		const breaking: NotebookMigration = { from: 1, to: 2, description: 'breaks', migrate: (d) => ({ ...(d as object), title: 7 }) };
		const r = parseBoligbehovFile(v1Text, { migrations: [breaking], schemaVersion: 2 });
		expect(!r.ok && r.error.path).toBe('title');
	});

	it('a missing step is an invalid-field error naming the schema version', () => {
		const r = parseBoligbehovFile(v1Text, { migrations: [], schemaVersion: 2 });
		expect(!r.ok && r.error.code).toBe('invalid-field');
		expect(!r.ok && r.error.message).toContain('ingen overgang fra versjon 1 til 2');
	});
});
