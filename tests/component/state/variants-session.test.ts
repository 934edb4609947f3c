/**
 * Variants in a live session (issue 15): a change of Basis recomputes every variant that inherits
 * it, with undo as one step; IndexedDB holds variants as overrides only; the presentation's
 * what-if layer works on a variant and keeping it writes overrides.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook, EXAMPLE_SCENARIO_IDS } from '#lib/core/example/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import { applyDraft, PresentationLayer } from '#lib/components/presentation/presentation-layer.svelte.ts';

const projected: string[] = [];
const stubClient = {
	project: async (input: EngineInput, id: string) => {
		projected.push(id);
		return { ok: true as const, result: runProjection(input) };
	},
	monteCarlo: async () => null,
	sensitivity: async () => null,
	terminate: () => {}
} as unknown as ProjectionClient;

class MemoryStorage {
	#m = new Map<string, string>();
	getItem(k: string) {
		return this.#m.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.#m.set(k, v);
	}
	removeItem(k: string) {
		this.#m.delete(k);
	}
}

let db: BoligbehovDB | null = null;
afterEach(async () => {
	await db?.delete();
	db = null;
});

const VARIANT = EXAMPLE_SCENARIO_IDS.turnover;
const NO_JOURNAL = { write: () => true, clear: () => {} };

async function open() {
	db = openDatabase(`variants-${Math.random()}`);
	const repo = new NotebookRepository(db);
	const record = await repo.create(createExampleNotebook());
	const session = new NotebookSession(record.doc, record.revision, repo, stubClient, { channel: null, journal: NO_JOURNAL });
	return { db, repo, session };
}

const ropBotid = (session: NotebookSession, id: string) => {
	const t = session.scenario(id)!.assumptions.groups.rop.tenure;
	return t.kind === 'botid' ? t.years.value : NaN;
};

describe('variants in a session', { timeout: 30_000 }, () => {
	it('a change of Basis reaches and recomputes every variant; undo is one step', async () => {
		const { session } = await open();
		projected.length = 0;
		session.update(
			(doc) => {
				const t = doc.scenarios[0]!.assumptions.groups.rop.tenure;
				if (t.kind === 'botid') t.years = { value: 8 };
			},
			{ affects: [doc0(session)] }
		);
		flushSync();
		for (const s of session.doc.scenarios) expect(ropBotid(session, s.id)).toBe(8);
		expect(new Set(projected)).toEqual(new Set(session.doc.scenarios.map((s) => s.id)));
		expect(session.engineInput(VARIANT)!.scenario.groups.rop.tenure).toEqual({ kind: 'botid', years: { value: 8 } });
		session.undo();
		for (const s of session.doc.scenarios) expect(ropBotid(session, s.id)).toBe(6);
		session.dispose();
	});

	it('a change of Basis does not recompute a variant that overrides the changed value', async () => {
		const { session } = await open();
		const setBotid = (id: string, years: number) =>
			session.update(
				(doc) => {
					const t = doc.scenarios.find((s) => s.id === id)!.assumptions.groups.rop.tenure;
					if (t.kind === 'botid') t.years = { value: years };
				},
				{ affects: [id] }
			);
		setBotid(VARIANT, 4.5);
		projected.length = 0;
		setBotid(doc0(session), 8);
		flushSync();
		expect(ropBotid(session, VARIANT)).toBe(4.5);
		expect(projected).not.toContain(VARIANT);
		expect(new Set(projected)).toEqual(new Set(session.doc.scenarios.filter((s) => s.id !== VARIANT).map((s) => s.id)));
		session.dispose();
	});

	it('IndexedDB holds a variant as its overrides only, and reading it back gives the same effective values', async () => {
		const { db, repo, session } = await open();
		session.update((doc) => {
			const v = doc.scenarios.find((s) => s.id === VARIANT)!;
			v.assumptions.horizonYears = 12;
		});
		await session.flush();
		const raw = await db.notebooks.get(session.doc.id);
		const stored = raw!.doc.scenarios.find((s) => s.id === VARIANT)!;
		expect(stored).not.toHaveProperty('assumptions');
		expect(stored.overrides).toMatchObject({ horizonYears: 12 });
		const back = await repo.get(session.doc.id);
		expect(back!.doc.scenarios.find((s) => s.id === VARIANT)!.assumptions).toEqual($stateSnapshot(session, VARIANT));
		session.dispose();
	});

	it('the what-if layer works on a variant; keeping writes overrides, as one undo step', async () => {
		const { session } = await open();
		const storage = new MemoryStorage() as unknown as Storage;
		const layer = new PresentationLayer(session, storage);
		layer.draft.update((doc) => {
			const v = doc.scenarios.find((s) => s.id === VARIANT)!;
			if (v.assumptions.groups.rop.tenure.kind === 'botid') v.assumptions.groups.rop.tenure.years = { value: 4.5 };
		});
		expect(layer.draft.scenario(VARIANT)!.overrides).toHaveProperty(['groups.rop.tenure.years'], { value: 4.5 });
		expect(session.scenario(VARIANT)!.overrides).not.toHaveProperty(['groups.rop.tenure.years']);
		applyDraft(session, layer.record('keep'), storage);
		expect(session.scenario(VARIANT)!.overrides).toHaveProperty(['groups.rop.tenure.years'], { value: 4.5 });
		expect(ropBotid(session, VARIANT)).toBe(4.5);
		// Basis still flows into what the variant did not change.
		session.update((doc) => {
			doc.scenarios[0]!.assumptions.vacancyTargetPct = { value: 6 };
		});
		expect(session.scenario(VARIANT)!.assumptions.vacancyTargetPct).toEqual({ value: 6 });
		session.undo();
		session.undo();
		expect(session.scenario(VARIANT)!.overrides).not.toHaveProperty(['groups.rop.tenure.years']);
		layer.dispose();
		session.dispose();
	});
});

function doc0(session: NotebookSession): string {
	return session.doc.scenarios[0]!.id;
}

function $stateSnapshot(session: NotebookSession, id: string) {
	return JSON.parse(JSON.stringify(session.scenario(id)!.assumptions));
}

describe('the seeded example', () => {
	it('is stored with variants as overrides and opens (first start and restore)', async () => {
		const { seedExampleOnFirstStart, restoreExample } = await import('#lib/adapters/db/seed.ts');
		const { EXAMPLE_NOTEBOOK_ID } = await import('#lib/core/example/index.ts');
		db = openDatabase(`seed-${Math.random()}`);
		await seedExampleOnFirstStart(db);
		const raw = await db.notebooks.get(EXAMPLE_NOTEBOOK_ID);
		expect(raw!.doc.scenarios.filter((s) => s.basedOn).every((s) => !('assumptions' in s) && s.overrides)).toBe(true);
		const repo = new NotebookRepository(db);
		expect((await repo.open(EXAMPLE_NOTEBOOK_ID)).status).toBe('ok');
		await restoreExample(db);
		expect((await repo.open(EXAMPLE_NOTEBOOK_ID)).status).toBe('ok');
	});
});
