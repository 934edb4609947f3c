/**
 * The chart cell with a real NotebookSession (the engine runs in place of the worker): the note on
 * the first-year jump under the charts where it shows, the series rule in the subtitle, and the
 * chance-of-shortfall chart drawn from the Monte Carlo run.
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import Host from './chart-cell-host.svelte';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { runMonteCarlo, runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { SHORTFALL_LEGEND } from '#lib/charts/shortfall-probability.ts';

const fakeRepo = { save: async (_doc: unknown, rev: number) => rev + 1, get: async () => undefined, create: async () => undefined } as unknown as NotebookRepository;
const engineClient = {
	project: async (input: EngineInput) => ({ ok: true as const, result: runProjection(input) }),
	monteCarlo: async (input: EngineInput) => runMonteCarlo(input, { draws: 100, seed: 1 }),
	// The session stores the Monte Carlo bands with the tornado's sensitivities: an empty one will do here.
	sensitivity: async (_input: EngineInput, year: number) => ({ year, output: 'total.requiredStock', baseline: 0, bars: [] }),
	terminate: () => {}
} as unknown as ProjectionClient;

function setup(chart: 'need-by-group' | 'tornado' | 'shortfall-probability' | 'flows', edit?: (doc: ReturnType<typeof createExampleNotebook>) => void) {
	const doc = createExampleNotebook();
	edit?.(doc);
	const session = new NotebookSession(doc, 1, fakeRepo, engineClient);
	render(Host, { session, chart, scenarioId: 'basis' });
	return session;
}

describe('chart cell', () => {
	it('explains the first-year jump under the need chart and names the series rule in its subtitle', async () => {
		setup('need-by-group');
		const note = await screen.findByTestId('chart-note');
		expect(note).toHaveTextContent(/^Første år \(2026\): de 20 husstandene på ventelisten/);
		expect(note).toHaveTextContent('«Ventelisten ved start»');
		const plot = await screen.findByTestId('plot-test');
		await expect.poll(() => plot.querySelector('h3')?.textContent).toBe('Husstander som bor i eller venter på kommunal bolig. Flyktninger etter 2028: siste verdi gjentas');
	});

	it('has no such note in capacity mode', async () => {
		setup('flows', (doc) => {
			doc.scenarios[0]!.assumptions.mode = 'capacity';
		});
		await screen.findByTestId('plot-test');
		expect(screen.queryByTestId('chart-note')).toBeNull();
	});

	it('draws the chance of a shortfall for every year once the Monte Carlo run is in', { timeout: 20_000 }, async () => {
		setup('shortfall-probability');
		const plot = await screen.findByTestId('plot-test', {}, { timeout: 8000 });
		await expect.poll(() => plot.querySelectorAll('circle').length, { timeout: 8000 }).toBe(31);
		expect(plot).toHaveTextContent(SHORTFALL_LEGEND);
		expect(plot.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe('Sannsynlighet for mangel per år – Basis');
		expect(screen.getByRole('button', { name: 'Last ned SVG' })).toBeInTheDocument();
	});
});
