/**
 * NotebookSession with a real repository (fake-indexeddb) and a stub worker client: autosave,
 * undo, a refused write (full disk), and a concurrent save from another tab.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { NotebookSession, describeStorageError } from '#lib/state/notebook-session.svelte.ts';
import { COST_FAN_DRAWS } from '#lib/state/scenario-projections.svelte.ts';
import { triangular } from '#lib/core/model/uncertain.ts';
import type { BudgetInput } from '#lib/core/plan/budget.ts';
import { costFan } from '#lib/core/plan/uncertainty.ts';

/** Runs the engine synchronously in place of the worker. */
const stubClient = {
	project: async (input: Parameters<typeof runProjection>[0]) => ({ ok: true as const, result: runProjection(input) }),
	monteCarlo: async () => null,
	sensitivity: async () => null,
	terminate: () => {}
} as unknown as ProjectionClient;

let db: BoligbehovDB | null = null;
afterEach(async () => {
	await db?.delete();
	db = null;
	vi.useRealTimers();
});

async function open() {
	db = openDatabase(`session-${Math.random()}`);
	const repo = new NotebookRepository(db);
	const nb = createExampleNotebook();
	const record = await repo.create(nb);
	const session = new NotebookSession(record.doc, record.revision, repo, stubClient);
	return { repo, session, nb };
}

describe('NotebookSession', () => {
	it('saves an edit, and undo/redo move between whole states', async () => {
		const { repo, session, nb } = await open();
		session.update((d) => {
			d.title = 'Ny tittel';
		});
		flushSync();
		expect(session.saveStatus).toBe('pending');
		await session.flush();
		expect(session.saveStatus).toBe('saved');
		expect((await repo.get(nb.id))?.doc.title).toBe('Ny tittel');
		session.undo();
		expect(session.doc.title).toBe(nb.title);
		session.redo();
		expect(session.doc.title).toBe('Ny tittel');
		session.dispose();
	});

	it('a refused write (full disk) gives a Norwegian message and leaves the stored notebook intact', async () => {
		const { repo, session, nb } = await open();
		const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
		vi.spyOn(repo, 'save').mockRejectedValueOnce(quota);
		session.update((d) => {
			d.title = 'Kan ikke lagres';
		});
		await session.flush();
		expect(session.saveStatus).toBe('error');
		expect(session.saveMessage).toMatch(/ikke mer lagringsplass/);
		expect(session.saveMessage).toMatch(/urørt/);
		expect((await repo.get(nb.id))?.doc.title).toBe(nb.title);
		// The edit is still in the session and is saved once there is room.
		expect(session.doc.title).toBe('Kan ikke lagres');
		await session.flush();
		expect(session.saveStatus).toBe('saved');
		expect((await repo.get(nb.id))?.doc.title).toBe('Kan ikke lagres');
		session.dispose();
	});

	it('a save based on a stale revision becomes a conflict, not an overwrite', async () => {
		const { repo, session, nb } = await open();
		await repo.save({ ...nb, title: 'Fra en annen fane' }, 1);
		session.update((d) => {
			d.title = 'Fra denne fanen';
		});
		await session.flush();
		expect(session.saveStatus).toBe('conflict');
		expect((await repo.get(nb.id))?.doc.title).toBe('Fra en annen fane');
		const copyId = await session.resolveConflict('mine-as-copy');
		expect(session.doc.title).toBe('Fra en annen fane');
		expect((await repo.get(copyId!))?.doc.title).toBe('Fra denne fanen (min kopi)');
		session.dispose();
	});

	it('computes sensitivity only for the scenario and year a visible tornado chart shows', async () => {
		db = openDatabase(`session-${Math.random()}`);
		const repo = new NotebookRepository(db);
		const nb = createExampleNotebook();
		const record = await repo.create(nb);
		const asked: string[] = [];
		const client = {
			...stubClient,
			monteCarlo: async () => ({ draws: 1, seed: 1, years: [], bands: {}, probRequiredExceedsPlanned: new Float64Array() }),
			sensitivity: async (input: Parameters<typeof runProjection>[0], year: number, channel: string) => {
				asked.push(`${channel}@${year}`);
				return { year, output: 'total.requiredStock', baseline: 0, bars: [] };
			}
		} as unknown as ProjectionClient;
		const session = new NotebookSession(record.doc, record.revision, repo, client);
		const tornado = nb.cells.find((c) => c.kind === 'chart' && c.chart === 'tornado');
		if (tornado?.kind !== 'chart') throw new Error('the example has a tornado chart');
		const shown = tornado.scenarioIds[0]!;
		await expect.poll(() => Object.keys(session.outcome(shown).sensitivity)).toEqual([String(tornado.year)]);
		// Only that scenario and year were computed, not every scenario.
		expect(new Set(asked)).toEqual(new Set([`${shown}:${tornado.year}@${tornado.year}`]));
		// Moving the chart to another year fills that year without recomputing anything else.
		session.update((d) => {
			const c = d.cells.find((x) => x.id === tornado.id);
			if (c?.kind === 'chart') c.year = 2045;
		}, { affects: 'none' });
		await expect.poll(() => session.outcome(shown).sensitivity[2045]?.year).toBe(2045);
		expect(asked.filter((a) => a.endsWith('@2045'))).toEqual([`${shown}:2045@2045`]);
		session.dispose();
	});

	it('the plan\'s cost fan comes from the worker with the Monte Carlo bands, only for a plan whose cost figures have a range', async () => {
		db = openDatabase(`session-${Math.random()}`);
		const repo = new NotebookRepository(db);
		const nb = createExampleNotebook();
		nb.scenarios[0]!.assumptions.plan!.costs = { 'invest.kjop.ordinaer': triangular(3_000_000, 3_800_000, 5_000_000) };
		const record = await repo.create(nb);
		const asked: { channel: string; draws: number; seed: number }[] = [];
		const client = {
			...stubClient,
			monteCarlo: async () => ({ draws: 1, seed: 1, years: [], bands: {}, probRequiredExceedsPlanned: new Float64Array() }),
			sensitivity: async (_input: unknown, year: number) => ({ year, output: 'total.requiredStock', baseline: 0, bars: [] }),
			costFan: async (input: BudgetInput, opts: { draws: number; seed: number }, channel: string) => {
				asked.push({ channel, ...opts });
				return costFan(input, { draws: 20, seed: opts.seed });
			}
		} as unknown as ProjectionClient;
		const session = new NotebookSession(record.doc, record.revision, repo, client);
		const basis = nb.scenarios[0]!;
		await expect.poll(() => session.outcome(basis.id).costFan?.uncertain, { timeout: 5_000 }).toBe(true);
		expect(asked).toEqual([{ channel: basis.id, draws: COST_FAN_DRAWS, seed: basis.assumptions.monteCarlo.seed }]);
		// The other scenarios' plans have no ranges: no fan, nothing asked.
		for (const s of nb.scenarios.slice(1)) expect(session.outcome(s.id).costFan).toBeNull();
		session.dispose();
	});

	it('an edit of one scenario draws only that scenario’s cost fan again: an unchanged one is reused', { timeout: 30_000 }, async () => {
		db = openDatabase(`session-${Math.random()}`);
		const repo = new NotebookRepository(db);
		const nb = createExampleNotebook();
		const [basis, other] = nb.scenarios;
		// Basis's purchase cost gets a range, which every variant inherits: four fans.
		for (const s of nb.scenarios) s.assumptions.plan!.costs = { 'invest.kjop.ordinaer': triangular(3_000_000, 3_800_000, 5_000_000) };
		const record = await repo.create(nb);
		const asked: string[] = [];
		const client = {
			...stubClient,
			monteCarlo: async () => ({ draws: 1, seed: 1, years: [], bands: {}, probRequiredExceedsPlanned: new Float64Array() }),
			sensitivity: async (_input: unknown, year: number) => ({ year, output: 'total.requiredStock', baseline: 0, bars: [] }),
			costFan: async (input: BudgetInput, opts: { draws: number; seed: number }, channel: string) => {
				asked.push(channel);
				return costFan(input, { draws: 20, seed: opts.seed });
			}
		} as unknown as ProjectionClient;
		const session = new NotebookSession(record.doc, record.revision, repo, client);
		const ids = nb.scenarios.map((x) => x.id);
		await expect.poll(() => ids.every((id) => session.outcome(id).costFan?.uncertain), { timeout: 5_000 }).toBe(true);
		expect([...asked].sort()).toEqual([...ids].sort());
		const before = session.outcome(basis!.id).costFan;
		// A wider range for one variant's purchases: its fan is drawn again, no other is.
		session.update((d) => {
			d.scenarios.find((x) => x.id === other!.id)!.assumptions.plan!.costs = { 'invest.kjop.ordinaer': triangular(2_000_000, 3_800_000, 6_000_000) };
		}, { affects: [other!.id] });
		await expect.poll(() => asked.length, { timeout: 5_000 }).toBe(ids.length + 1);
		expect(asked.at(-1)).toBe(other!.id);
		await expect.poll(() => session.outcome(basis!.id).monteCarloRunning, { timeout: 5_000 }).toBe(false);
		await new Promise((r) => setTimeout(r, 400));
		for (const id of ids) expect(asked.filter((c) => c === id), id).toHaveLength(id === other!.id ? 2 : 1);
		expect(session.outcome(basis!.id).costFan).toBe(before);
		expect(session.outcome(other!.id).costFan).not.toEqual(session.outcome(basis!.id).costFan);
		session.dispose();
	});

	it('names other storage errors too', () => {
		expect(describeStorageError(Object.assign(new Error('x'), { name: 'InvalidStateError' }))).toMatch(/InvalidStateError/);
	});
});
