/**
 * Variants that inherit (issue 15) in the assumption editor: an overridden field is marked with
 * the parent's value and can be reset; typing the parent's value removes the override; reset per
 * group and for the whole variant; a change of Basis reaches the variant's fields.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import Host from './assumptions-cell-host.svelte';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook, EXAMPLE_SCENARIO_IDS } from '#lib/core/example/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';

const fakeRepo = { save: async (_doc: unknown, rev: number) => rev + 1, get: async () => undefined, create: async () => undefined } as unknown as NotebookRepository;
const engineClient = {
	project: async (input: EngineInput) => ({ ok: true as const, result: runProjection(input) }),
	monteCarlo: async () => null,
	sensitivity: async () => null,
	terminate: () => {}
} as unknown as ProjectionClient;

const ROP = 'ROP (rus og psykiske lidelser)';
const VARIANT = EXAMPLE_SCENARIO_IDS.turnover;

function setup() {
	const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient, { channel: null, journal: { write: () => true, clear: () => {} } });
	render(Host, { session, scenarioId: VARIANT });
	const variant = () => session.doc.scenarios.find((s) => s.id === VARIANT)!;
	return { session, variant };
}

const ropGroup = () => screen.getByRole('group', { name: (n) => n.startsWith(ROP) });

describe('override marks in the assumption editor', { timeout: 30_000 }, () => {
	it('editing a field of a variant creates an override, marked with the parent value and reset per field', async () => {
		const { variant } = setup();
		expect(within(ropGroup()).queryByRole('button', { name: `Tilbakestill Botid – ${ROP} til Basis` })).toBeNull();
		const botid = within(ropGroup()).getByLabelText(`Botid – ${ROP}`);
		await userEvent.clear(botid);
		await userEvent.type(botid, '4,5');
		await userEvent.tab();
		expect(variant().overrides?.['groups.rop.tenure.years']).toMatchObject({ value: 4.5 });
		expect(within(ropGroup()).getByText('Endret – Basis: 6,0 (4,5–8,0) år')).toBeInTheDocument();

		await userEvent.click(within(ropGroup()).getByRole('button', { name: `Tilbakestill Botid – ${ROP} til Basis` }));
		expect(variant().overrides?.['groups.rop.tenure.years']).toBeUndefined();
		expect(within(ropGroup()).getByLabelText(`Botid – ${ROP}`)).toHaveValue('6,0');
		expect(within(ropGroup()).queryByText(/Endret – Basis: 6,0/)).toBeNull();
	});

	it("typing the parent's value removes the override", async () => {
		const { variant } = setup();
		const botid = within(ropGroup()).getByLabelText(`Botid – ${ROP}`);
		await userEvent.clear(botid);
		await userEvent.type(botid, '5');
		await userEvent.tab();
		expect(variant().overrides).toHaveProperty(['groups.rop.tenure.years']);
		await userEvent.clear(botid);
		await userEvent.type(botid, '6');
		await userEvent.tab();
		expect(variant().overrides).not.toHaveProperty(['groups.rop.tenure.years']);
	});

	it('reset per group and for the whole variant; a change of Basis reaches the inherited fields', async () => {
		const { session, variant } = setup();
		const botid = within(ropGroup()).getByLabelText(`Botid – ${ROP}`);
		await userEvent.clear(botid);
		await userEvent.type(botid, '5');
		await userEvent.tab();
		// The example's variant already overrides the ROP turnover target; now the botid too.
		await userEvent.click(within(ropGroup()).getByRole('button', { name: `Tilbakestill ${ROP} til Basis` }));
		expect(Object.keys(variant().overrides ?? {}).some((p) => p.startsWith('groups.rop'))).toBe(false);
		expect(Object.keys(variant().overrides ?? {}).length).toBeGreaterThan(0);

		await userEvent.click(screen.getByRole('button', { name: 'Tilbakestill hele Økt gjennomstrømming til Basis' }));
		expect(variant().overrides).toEqual({});

		session.update((doc) => {
			const basis = doc.scenarios[0]!;
			if (basis.assumptions.groups.rop.tenure.kind === 'botid') basis.assumptions.groups.rop.tenure.years = { value: 7 };
		});
		flushSync();
		expect(within(ropGroup()).getByLabelText(`Botid – ${ROP}`)).toHaveValue('7,0');
		session.undo();
		flushSync();
		expect(within(ropGroup()).getByLabelText(`Botid – ${ROP}`)).toHaveValue('6,0');
	});
});
