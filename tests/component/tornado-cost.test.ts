/**
 * The tornado cell ranks cost drivers beside need drivers (issue 16, item 5): for a scenario whose
 * plan has cost ranges, a choice «Rangér etter» switches between the need drivers (required stock,
 * from the worker) and the cost drivers (the plan's yearly net cost in the same year).
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Host from './chart-cell-host.svelte';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { runProjection, runSensitivity } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { triangular } from '#lib/core/model/uncertain.ts';
import type { BudgetInput } from '#lib/core/plan/budget.ts';
import { costFan } from '#lib/core/plan/uncertainty.ts';

const fakeRepo = { save: async (_doc: unknown, rev: number) => rev + 1, get: async () => undefined, create: async () => undefined } as unknown as NotebookRepository;
const engineClient = {
	project: async (input: EngineInput) => ({ ok: true as const, result: runProjection(input) }),
	monteCarlo: async () => ({ draws: 1, seed: 1, years: [], bands: {}, probRequiredExceedsPlanned: new Float64Array() }),
	sensitivity: async (input: EngineInput, year: number) => runSensitivity(input, { year, output: 'total.requiredStock' }),
	costFan: async (input: BudgetInput, opts: { seed: number }) => costFan(input, { draws: 20, seed: opts.seed }),
	terminate: () => {}
} as unknown as ProjectionClient;

describe('tornado cell: cost drivers beside need drivers', { timeout: 60_000 }, () => {
	it('a plan with cost ranges: «Rangér etter» switches the chart to the cost figures, in mill. kr, at the cell\'s year', async () => {
		const nb = createExampleNotebook();
		nb.scenarios[0]!.assumptions.plan!.costs = {
			'invest.kjop.ordinaer': triangular(3_000_000, 3_800_000, 5_000_000),
			'rent.ordinaer': triangular(100_000, 130_000, 150_000)
		};
		const session = new NotebookSession(nb, 1, fakeRepo, engineClient);
		render(Host, { session, chart: 'tornado', scenarioIds: ['basis'], year: 2035 });
		const choice = screen.getByLabelText('Rangér etter');
		expect(choice).toHaveValue('need');
		await userEvent.selectOptions(choice, 'cost');
		const title = await screen.findByText('Følsomhet: årlig nettokostnad i tiltaksplanen i 2035');
		const figure = title.closest('figure')!;
		expect(figure.textContent).toContain('Mill. kr');
		expect(figure.textContent).toContain('Husleie');
		// Back to the need drivers, from the worker's sensitivity.
		await userEvent.selectOptions(choice, 'need');
		expect(await screen.findByText('Følsomhet: nødvendig boligmasse i 2035')).toBeInTheDocument();
	});

	it('no cost ranges: no choice, the need drivers only', async () => {
		const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient);
		render(Host, { session, chart: 'tornado', scenarioIds: ['basis'], year: 2035 });
		expect(await screen.findByText('Følsomhet: nødvendig boligmasse i 2035')).toBeInTheDocument();
		expect(screen.queryByLabelText('Rangér etter')).toBeNull();
	});
});
