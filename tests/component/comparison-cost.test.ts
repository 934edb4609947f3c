/**
 * The comparison cell states cost beside need for every compared scenario with a plan (issue 16,
 * item 6), with a real NotebookSession (the engine runs in place of the worker).
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import Host from './comparison-cell-host.svelte';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import { proposePlan } from '#lib/core/plan/proposal.ts';

const fakeRepo = { save: async (_doc: unknown, rev: number) => rev + 1, get: async () => undefined, create: async () => undefined } as unknown as NotebookRepository;
const engineClient = {
	project: async (input: EngineInput) => ({ ok: true as const, result: runProjection(input) }),
	monteCarlo: async () => null,
	sensitivity: async () => null,
	terminate: () => {}
} as unknown as ProjectionClient;
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('comparison cell: cost beside need', { timeout: 60_000 }, () => {
	it('a variant re-proposed for its own gap: «sparer N boliger og X mill. kr i netto investering til 2035»', async () => {
		const nb = createExampleNotebook();
		const variant = nb.scenarios.find((s) => s.id === 'okt-gjennomstromming')!;
		const result = runProjection(engineInputOf(nb.base, nb.population, variant.assumptions));
		variant.assumptions.plan = proposePlan({ result, base: nb.base, plan: variant.assumptions.plan! });
		const session = new NotebookSession(nb, 1, fakeRepo, engineClient);
		render(Host, { session, scenarioIds: ['basis', 'okt-gjennomstromming'], year: 2035 });
		const block = await screen.findByTestId('comparison-cost-test');
		// The heading names the period and the prices (one line less than a footnote, which a slide needs).
		expect(within(block).getByRole('heading', { name: 'Behov og kostnad i tiltaksplanene (netto investering 2026–2035, faste 2025-kroner)' })).toBeInTheDocument();
		const items = within(block).getAllByRole('listitem');
		expect(items).toHaveLength(1);
		expect(norm(items[0]!.textContent)).toMatch(/^Økt gjennomstrømming sparer \d+ boliger og \d+,\d mill\. kr i netto investering til 2035 sammenlignet med Basis\.$/);
		expect(within(block).queryByTestId('comparison-cost-same-plan')).toBeNull();
	});

	it('the same measures as the first scenario: says so and points to «Foreslå tiltak»', async () => {
		const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient);
		render(Host, { session, scenarioIds: ['basis', 'okt-gjennomstromming'], year: 2035 });
		const block = await screen.findByTestId('comparison-cost-test');
		const text = norm(within(block).getByRole('listitem').textContent);
		expect(text).toMatch(/^Økt gjennomstrømming sparer \d+ boliger og har samme netto investering til 2035 sammenlignet med Basis\.$/);
		expect(norm(within(block).getByTestId('comparison-cost-same-plan').textContent)).toBe(
			'Økt gjennomstrømming har de samme tiltakene som Basis: velg «Foreslå tiltak» i scenarioets tiltaksplan for å se hva forskjellen i behov betyr for kostnaden.'
		);
	});

	it('on a slide or in print (compact): the sentences and the period, without the advice', async () => {
		const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient);
		render(Host, { session, scenarioIds: ['basis', 'okt-gjennomstromming'], year: 2035, compact: true });
		const block = await screen.findByTestId('comparison-cost-test');
		expect(norm(within(block).getByRole('listitem').textContent)).toMatch(/^Økt gjennomstrømming sparer \d+ boliger og har samme netto investering til 2035 sammenlignet med Basis\.$/);
		expect(within(block).getByRole('heading', { name: /netto investering 2026–2035, faste 2025-kroner/ })).toBeInTheDocument();
		expect(within(block).queryByTestId('comparison-cost-same-plan')).toBeNull();
	});

	it('no plan among the compared scenarios: no cost block', async () => {
		const nb = createExampleNotebook();
		for (const s of nb.scenarios) delete s.assumptions.plan;
		const session = new NotebookSession(nb, 1, fakeRepo, engineClient);
		render(Host, { session, scenarioIds: ['basis', 'okt-gjennomstromming'], year: 2035 });
		await screen.findAllByText(/\d/, { selector: 'td' });
		expect(screen.queryByTestId('comparison-cost-test')).toBeNull();
	});
});
