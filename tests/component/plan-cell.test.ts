/**
 * The plan cell with a real NotebookSession (the engine runs in place of the worker): key figures
 * in nb-NO millions, the økonomiplan table, the proposal, a measure edited year by year, and cost
 * figures marked as placeholders until the planner enters their own.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Host from './plan-cell-host.svelte';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { EngineInputError, runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { COST_ITEMS } from '#lib/core/plan/costs.ts';

const fakeRepo = { save: async (_doc: unknown, rev: number) => rev + 1, get: async () => undefined, create: async () => undefined } as unknown as NotebookRepository;
const engineClient = {
	// As the worker does: invalid input comes back as issues, never as a thrown error.
	project: async (input: EngineInput) => {
		try {
			return { ok: true as const, result: runProjection(input) };
		} catch (err) {
			if (err instanceof EngineInputError) return { ok: false as const, issues: err.issues };
			throw err;
		}
	},
	monteCarlo: async () => null,
	sensitivity: async () => null,
	terminate: () => {}
} as unknown as ProjectionClient;

const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function setup() {
	const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient);
	render(Host, { session, scenarioId: 'basis' });
	await screen.findByTestId('plan-net-investment');
	return session;
}

// Typing into fields re-runs the engine per keystroke: generous timeouts on a shared machine.
describe('plan cell', { timeout: 60_000 }, () => {
	it('shows the økonomiplan figures in nb-NO millions at fixed prices, with a chart and a table', async () => {
		await setup();
		expect(norm(screen.getByTestId('plan-net-investment').textContent)).toBe('44,0 mill. kr');
		expect(screen.getByText(/faste 2025-kroner\. Kostnadene gjelder tiltakene/)).toBeInTheDocument();
		const table = screen.getByRole('table', { name: /Økonomiplan 2026–2029/ });
		expect(within(table).getByRole('columnheader', { name: '2029' })).toBeInTheDocument();
		expect(within(table).getByRole('rowheader', { name: 'Netto investering' })).toBeInTheDocument();
		expect(screen.getByTestId('plan-investment-chart').querySelector('svg')).not.toBeNull();
	});

	it('marks every cost default as a placeholder until the planner enters their own', async () => {
		const session = await setup();
		expect(screen.getAllByText('plassholder', { selector: 'span' })).toHaveLength(COST_ITEMS.length);
		const field = screen.getByLabelText('Husleieinntekt per utleid bolig, ordinær bolig');
		await userEvent.clear(field);
		await userEvent.type(field, '120000');
		await userEvent.tab();
		expect(session.doc.scenarios[0]!.assumptions.plan?.costs?.['rent.ordinaer']).toEqual({ value: 120_000 });
		expect(screen.getAllByText('plassholder', { selector: 'span' })).toHaveLength(COST_ITEMS.length - 1);
		expect(screen.getByRole('button', { name: /Tilbakestill Husleieinntekt per utleid bolig, ordinær bolig/ })).toBeInTheDocument();
	});

	it('editing one measure changes the net investment and makes the measure the planner’s own', async () => {
		const session = await setup();
		// Measure 7 of the example plan (after the four decided changes) is the 2026 purchase of one ordinary dwelling.
		const field = screen.getByLabelText('Antall boliger, tiltak 7 (2026)');
		await userEvent.clear(field);
		await userEvent.type(field, '5');
		await userEvent.tab();
		const m = session.doc.scenarios[0]!.assumptions.plan!.measures[6]!;
		expect(m).toEqual({ decisionYear: 2026, segmentId: 'ordinaer', kind: 'kjop', count: 5 });
		// Four more ordinary purchases: 4 × (3 800 000 − 510 000) = 13,16 mill. kr more: 43,9597 + 13,16 = 57,1197.
		await expect.poll(() => norm(screen.getByTestId('plan-net-investment').textContent)).toBe('57,1 mill. kr');
	});

	it('a decided change costs nothing in the plan until the planner unticks «Vedtatt»', async () => {
		const session = await setup();
		// Measure 2 of the example plan: the staffed house (8 dwellings, 2027) decided before the plan.
		const decided = screen.getByRole('checkbox', { name: 'Vedtatt – kostnaden ligger i gjeldende budsjett, tiltak 2' });
		expect(decided).toBeChecked();
		expect(norm(screen.getByTestId('plan-net-investment').textContent)).toBe('44,0 mill. kr');
		await userEvent.click(decided);
		const m = session.doc.scenarios[0]!.assumptions.plan!.measures[1]!;
		expect(m).toEqual({ decisionYear: 2027, segmentId: 'bemannet', kind: 'nybygg', count: 8, leadTimeYears: 0 });
		// Now costed: 8 × (5 500 000 − 45 % × 3 778 000) = 30,3992 mill. kr more in 2027: 43,9597 + 30,3992 = 74,3589.
		await expect.poll(() => norm(screen.getByTestId('plan-net-investment').textContent)).toBe('74,4 mill. kr');
	});

	it('a new proposal without leases has no innleie measures and keeps edited ones', async () => {
		const session = await setup();
		const lease = screen.getByLabelText('Andel innleie fra private');
		await userEvent.clear(lease);
		await userEvent.type(lease, '0');
		await userEvent.tab();
		await userEvent.click(screen.getByRole('button', { name: 'Foreslå tiltak' }));
		const measures = session.doc.scenarios[0]!.assumptions.plan!.measures;
		expect(measures.length).toBeGreaterThan(0);
		expect(measures.some((m) => m.kind === 'innleie')).toBe(false);
		expect(screen.getByText(/Andelene summerer til 80 %/)).toBeInTheDocument();
	});

	it('names a bad measure from a file in Norwegian and keeps it', async () => {
		const nb = createExampleNotebook();
		nb.scenarios[0]!.assumptions.plan!.measures.push({ decisionYear: 2027, segmentId: 'borte', kind: 'nybygg', count: 2 });
		const session = new NotebookSession(nb, 1, fakeRepo, engineClient);
		render(Host, { session, scenarioId: 'basis' });
		const alert = await screen.findByRole('alert', { name: 'Feil i tiltaksplanen' });
		expect(alert).toHaveTextContent('Tiltak 17 (Nybygg) gjelder en boligdel som ikke finnes («borte»).');
		expect(session.doc.scenarios[0]!.assumptions.plan!.measures).toHaveLength(17);
	});
});

describe('plan cell of a variant', { timeout: 60_000 }, () => {
	it('states the difference in dwellings and net investment against the scenario it was copied from', async () => {
		const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient);
		render(Host, { session, scenarioId: 'okt-gjennomstromming' });
		const text = await screen.findByTestId('plan-comparison');
		expect(norm(text.textContent)).toMatch(/^Økt gjennomstrømming sparer \d+ boliger og har samme netto investering til 2035 sammenlignet med Basis\.$/);
	});
});

describe('plan cell lead times', { timeout: 60_000 }, () => {
	it('a longer build time moves the proposed builds later', async () => {
		const session = await setup();
		const lead = screen.getByLabelText('Ledetid nybygg');
		expect(lead).toHaveValue('3');
		await userEvent.clear(lead);
		await userEvent.type(lead, '4');
		await userEvent.click(screen.getByRole('button', { name: 'Foreslå tiltak' }));
		const plan = session.doc.scenarios[0]!.assumptions.plan!;
		expect(plan.leadTimes).toEqual({ nybygg: 4 });
		const builds = plan.measures.filter((m) => m.kind === 'nybygg');
		expect(builds.length).toBeGreaterThan(0);
		for (const m of builds) expect(m.decisionYear + 4).toBeGreaterThanOrEqual(2030);
	});
});

describe('plan cell on a slide', { timeout: 60_000 }, () => {
	it('shows the key figures and «Investering per år» at the slide\'s size, and leaves the table and editing to the notebook', async () => {
		const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient);
		render(Host, { session, scenarioId: 'basis', slide: { height: 300, fontSize: 18 } });
		await screen.findByTestId('plan-net-investment');
		expect(screen.getByTestId('plan-remaining-gap')).toBeInTheDocument();
		const svg = screen.getByTestId('plan-investment-chart').querySelector('svg[role="img"]');
		expect(svg).not.toBeNull();
		expect(svg!.getAttribute('height')).toBe('300');
		expect(screen.queryByTestId('plan-stock-chart')).toBeNull();
		expect(screen.queryByRole('table')).toBeNull();
		expect(screen.queryByRole('button')).toBeNull();
	});
});
