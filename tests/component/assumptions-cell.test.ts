/**
 * The assumption editor with a real NotebookSession (the engine runs in place of the worker):
 * labelled fields with units, botid and gjennomstrømming side by side, valid edits as one undo step,
 * invalid input refused with a message naming the field, uncertainty as low / likely / high,
 * calibrated values marked, explanations with sources behind a toggle.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Host from './assumptions-cell-host.svelte';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { EngineInputError, runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { createNewNotebook, NATIONAL_DEFAULTS, PROGRAM_DEFAULTS } from '#lib/core/notebook/new-notebook.ts';
import { copyScenario } from '#lib/core/notebook/edits.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';

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

const ROP = 'ROP (rus og psykiske lidelser)';

function setup() {
	const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, engineClient);
	render(Host, { session, scenarioId: 'basis' });
	return session;
}

// Each edit of Basis now also recomputes the variants that inherit from it (issue 15): more engine
// runs per keystroke than before, in process here, so a loaded machine needs more than 5 s.
describe('assumption editor', { timeout: 20_000 }, () => {
	it('labels every group and field, with units, and shows botid and gjennomstrømming side by side', () => {
		setup();
		for (const name of [ROP, 'Nedsatt funksjonsevne', 'Eldre', 'Flyktninger', 'Andre']) expect(screen.getByRole('group', { name })).toBeInTheDocument();
		const rop = screen.getByRole('group', { name: ROP });
		expect(within(rop).getByLabelText(`Botid – ${ROP}`)).toHaveValue('6,0');
		expect(within(rop).getByLabelText(`Gjennomstrømming – ${ROP}`)).toHaveValue('16,7');
		expect(within(rop).getAllByText('år').length).toBeGreaterThan(0);
		expect(within(rop).getAllByText('% per år').length).toBeGreaterThan(0);
		expect(within(rop).getByRole('slider', { name: `Botid – ${ROP} (glidebryter)` })).toBeInTheDocument();
	});

	it('a valid botid changes the scenario, is one undo step, and moves gjennomstrømming with it', async () => {
		const session = setup();
		const botid = screen.getByLabelText(`Botid – ${ROP}`);
		await userEvent.clear(botid);
		await userEvent.type(botid, '5');
		expect(session.doc.scenarios[0]!.assumptions.groups.rop.tenure).toMatchObject({ kind: 'botid', years: { value: 5 } });
		expect(screen.getByLabelText(`Gjennomstrømming – ${ROP}`)).toHaveValue('20,0');
		session.undo();
		expect(session.doc.scenarios[0]!.assumptions.groups.rop.tenure).toMatchObject({ kind: 'botid', years: { value: 6 } });
	});

	it('typing gjennomstrømming sets botid (the same number upside down)', async () => {
		const session = setup();
		const turnover = screen.getByLabelText(`Gjennomstrømming – ${ROP}`);
		await userEvent.clear(turnover);
		await userEvent.type(turnover, '25');
		// 4 years lies below the range 4,5–8: the range moves with it, so the scenario stays valid.
		expect(session.doc.scenarios[0]!.assumptions.groups.rop.tenure).toEqual({ kind: 'botid', years: { value: 4, spread: { kind: 'triangular', low: 3, high: 5.333 } } });
		await expect.poll(() => session.outcome('basis').issues).toEqual([]);
	});

	it('refuses an impossible botid with a message naming the field, and changes nothing', async () => {
		const session = setup();
		const before = JSON.stringify(session.doc);
		const botid = screen.getByLabelText('Botid – Andre');
		await userEvent.clear(botid);
		await userEvent.type(botid, '0');
		expect(screen.getByRole('alert')).toHaveTextContent('Botid – Andre må være over 0 år.');
		await userEvent.clear(botid);
		await userEvent.type(botid, 'åtte');
		expect(screen.getByRole('alert')).toHaveTextContent('Botid – Andre: skriv et tall');
		expect(JSON.stringify(session.doc)).toBe(before);
	});

	it('enters uncertainty as low / most likely / high', async () => {
		const session = setup();
		await userEvent.click(screen.getByLabelText('Vis usikkerhet (lav / sannsynlig / høy)'));
		const rop = screen.getByRole('group', { name: ROP });
		const [low, high] = [within(rop).getAllByLabelText('Lav')[0]!, within(rop).getAllByLabelText('Høy')[0]!];
		expect(low).toHaveValue('4,5');
		expect(high).toHaveValue('8,0');
		await userEvent.clear(high);
		await userEvent.type(high, '9');
		expect(session.doc.scenarios[0]!.assumptions.groups.rop.tenure).toEqual({ kind: 'botid', years: { value: 6, spread: { kind: 'triangular', low: 4.5, high: 9 } } });
	});

	it('marks a calibrated value as such, with the value the engine derived', async () => {
		setup();
		const eldre = screen.getByRole('group', { name: 'Eldre' });
		await within(eldre).findByText('kalibrert');
		await expect.poll(() => eldre.textContent).toMatch(/kalibrert\s*\d+,\d %/);
	});

	it('shows a plain-Norwegian explanation and its source behind the help toggle', async () => {
		setup();
		expect(screen.queryByText(/Kilde:/)).toBeNull();
		await userEvent.click(screen.getByLabelText('Vis forklaringer og kilder'));
		const rop = screen.getByRole('group', { name: ROP });
		expect(within(rop).getByText(/Hvor mange år en husstand i snitt bor i boligen/)).toBeInTheDocument();
		expect(within(rop).getAllByText(/Kilde:/).length).toBeGreaterThan(0);
	});

	it('an out-of-range botid stays as typed with the range named, and the scenario keeps its botid', async () => {
		const session = setup();
		const before = JSON.stringify(session.doc.scenarios);
		const botid = screen.getByLabelText(`Botid – ${ROP}`);
		await userEvent.clear(botid);
		await userEvent.type(botid, '120');
		await userEvent.tab();
		expect(botid).toHaveValue('120');
		expect(screen.getByRole('alert')).toHaveTextContent('kan ikke være over 100 år');
		expect(JSON.stringify(session.doc.scenarios)).toBe(before);
	});

	it('emptying a calibratable rate returns it to calibration, and a calibrated value can be taken over', async () => {
		const session = setup();
		const group = () => session.doc.scenarios[0]!.assumptions.groups.funksjon;
		expect(group().demand).toMatchObject({ kind: 'rate', ratePer1000: { value: expect.any(Number) } });
		const rate = screen.getByLabelText(/^Nytt behov per 1 000 innbyggere .* – Nedsatt funksjonsevne$/);
		await userEvent.clear(rate);
		await userEvent.tab();
		expect(group().demand).not.toHaveProperty('ratePer1000');
		expect(screen.queryByRole('alert')).toBeNull();
		const take = await screen.findByRole('button', { name: /^Oppgi egen verdi – Nytt behov per 1 000 innbyggere .* – Nedsatt funksjonsevne$/ });
		await userEvent.click(take);
		expect(group().demand).toMatchObject({ kind: 'rate', ratePer1000: { value: expect.any(Number) } });
	});

	it('switching a driver away and back keeps the trend the planner had set', { timeout: 20_000 }, async () => {
		const session = setup();
		const before = JSON.parse(JSON.stringify(session.doc.scenarios[0]!.assumptions.groups.funksjon.demand));
		const driver = screen.getByLabelText('Nytt behov – Nedsatt funksjonsevne');
		await userEvent.selectOptions(driver, 'prevalence');
		expect(session.doc.scenarios[0]!.assumptions.groups.funksjon.demand.kind).toBe('prevalence');
		await userEvent.selectOptions(driver, 'rate');
		expect(session.doc.scenarios[0]!.assumptions.groups.funksjon.demand).toEqual(before);
	});

	it('per group: what observed new tenants calibrate, the waiting list at the start, and the rule after a series ends', { timeout: 20_000 }, async () => {
		const session = setup();
		const group = (g: 'rop' | 'flyktning') => session.doc.scenarios[0]!.assumptions.groups[g];
		await userEvent.selectOptions(screen.getByLabelText(`Observerte nye leietakere – ${ROP}`), 'tenure');
		expect(group('rop').observedFlowUse).toBe('tenure');
		await userEvent.selectOptions(screen.getByLabelText(`Observerte nye leietakere – ${ROP}`), 'none');
		expect(group('rop')).not.toHaveProperty('observedFlowUse');
		const waiting = screen.getByLabelText(`Ventelisten ved start – ${ROP}`);
		expect(waiting).toHaveValue('backlog');
		expect(screen.getByText(/bosettes i starten: innflyttingen og gjennomstrømmingen hopper det første året/, { selector: `[id$="rop-waiting-start-hint"]` })).toBeInTheDocument();
		await userEvent.selectOptions(waiting, 'lasting');
		expect(group('rop').waitingAtStart).toBe('lasting');
		await userEvent.selectOptions(screen.getByLabelText('Etter siste oppgitte år – Flyktninger'), 'zero');
		expect(group('flyktning').demand).toMatchObject({ kind: 'refugees', afterLastYear: 'zero' });
	});
});

// Several engine runs per edit, in process (see above): more than 5 s on a loaded machine.
describe('provenance beside every assumption field', { timeout: 20_000 }, () => {
	it('names a national default with its source until the planner enters a value, then says oppgitt', async () => {
		const doc = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
		const session = new NotebookSession(doc, 1, fakeRepo, engineClient);
		render(Host, { session, scenarioId: doc.scenarios[0]!.id });
		const rop = screen.getByRole('group', { name: ROP });
		const botid = within(rop).getByLabelText(`Botid – ${ROP}`);
		const label = () => botid.closest('.uncertain')!.nextElementSibling as HTMLElement;
		expect(label()).toHaveAttribute('data-origin', 'national-default');
		expect(label()).toHaveTextContent(`nasjonal standard: ${NATIONAL_DEFAULTS.botidYears.source}`);
		// The scenario-wide target vacancy is a national default too.
		expect(screen.getByText(`: ${NATIONAL_DEFAULTS.vacancyTargetPct.source}`)).toBeInTheDocument();

		await userEvent.clear(botid);
		await userEvent.type(botid, '5');
		expect(session.doc.scenarios[0]!.valueSources?.['groups.rop.tenure.years']).toBeUndefined();
		expect(label()).toHaveAttribute('data-origin', 'entered');
		expect(label()).toHaveTextContent(/^oppgitt$/);
		// Other groups keep their marker.
		const andre = screen.getByRole('group', { name: 'Andre' });
		expect((within(andre).getByLabelText('Botid – Andre').closest('.uncertain')!.nextElementSibling as HTMLElement).dataset['origin']).toBe('national-default');
	});

	it('in a variant, names the national default it inherits from Basis, and oppgitt once it overrides it', async () => {
		const doc = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
		const variant = copyScenario(doc, doc.scenarios[0]!.id, 'Variant', () => 0.5)!;
		const session = new NotebookSession(doc, 1, fakeRepo, engineClient);
		render(Host, { session, scenarioId: variant.id });
		const rop = screen.getByRole('group', { name: ROP });
		const botid = within(rop).getByLabelText(`Botid – ${ROP}`);
		const label = () => botid.closest('.uncertain')!.nextElementSibling as HTMLElement;
		expect(label()).toHaveAttribute('data-origin', 'national-default');
		expect(label()).toHaveTextContent(`nasjonal standard: ${NATIONAL_DEFAULTS.botidYears.source}`);
		expect(screen.getByText(`: ${NATIONAL_DEFAULTS.vacancyTargetPct.source}`)).toBeInTheDocument();

		await userEvent.clear(botid);
		await userEvent.type(botid, '5');
		expect(session.scenario(variant.id)!.overrides).toHaveProperty(['groups.rop.tenure.years']);
		expect(label()).toHaveAttribute('data-origin', 'entered');
		expect(label()).toHaveTextContent(/^oppgitt$/);
		// Basis keeps its national default.
		expect(session.doc.scenarios[0]!.valueSources?.['groups.rop.tenure.years']).toBeDefined();
	});

	// Issue 10 item 3 (changed on purpose): the example's own numbers read «eksempel», not «oppgitt».
	it('says eksempel for the example’s own numbers, and oppgitt for the one the planner edits', async () => {
		setup();
		const rop = screen.getByRole('group', { name: ROP });
		// Every value the example holds; its calibration choices are left unset, so their default applies: «standard».
		const unset = ['groups.rop.observedFlowUse', 'groups.rop.waitingAtStart'];
		const labels = within(rop).getAllByTestId('provenance').filter((l) => !unset.includes(l.dataset['valueKey'] ?? ''));
		expect(labels.length).toBeGreaterThanOrEqual(3);
		expect(labels.every((l) => l.dataset['origin'] === 'example')).toBe(true);
		for (const key of unset) expect(document.querySelector(`[data-value-key="${key}"]`)).toHaveAttribute('data-origin', 'default');
		const botid = within(rop).getByLabelText(`Botid – ${ROP}`);
		const label = () => botid.closest('.uncertain')!.nextElementSibling as HTMLElement;
		await userEvent.clear(botid);
		await userEvent.type(botid, '5');
		expect(label()).toHaveAttribute('data-origin', 'entered');
		expect(within(rop).getAllByTestId('provenance').filter((l) => l.dataset['origin'] === 'example').length).toBe(labels.length - 1);
		expect(within(rop).getAllByTestId('provenance').filter((l) => l.dataset['origin'] === 'default').length).toBe(unset.length);
	});

	it('labels the values outside the field table: lease years, the series and their rule past the last year', async () => {
		setup();
		const at = (key: string) => document.querySelector<HTMLElement>(`[data-value-key="${key}"]`);
		for (const key of ['groups.flyktning.tenure.kind', 'groups.flyktning.tenure.leaseYears', 'groups.flyktning.demand.kind', 'groups.flyktning.demand.settledPerYear', 'groups.flyktning.demand.afterLastYear', 'groups.rop.demand.band', 'horizonYears', 'allocation', 'monteCarlo.draws', 'monteCarlo.seed'])
			expect(at(key), key).toHaveAttribute('data-origin', 'example');
		await userEvent.selectOptions(screen.getByLabelText('Etter siste oppgitte år – Flyktninger'), 'zero');
		expect(at('groups.flyktning.demand.afterLastYear')).toHaveAttribute('data-origin', 'entered');
		expect(at('groups.flyktning.demand.settledPerYear')).toHaveAttribute('data-origin', 'example');
		const lease = screen.getByLabelText('Kontraktslengde – Flyktninger');
		await userEvent.clear(lease);
		await userEvent.type(lease, '5');
		await userEvent.tab();
		expect(at('groups.flyktning.tenure.leaseYears')).toHaveAttribute('data-origin', 'entered');
	});

	it('names the program’s own settings «standard» with the reason, until the planner changes them', async () => {
		const doc = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
		const session = new NotebookSession(doc, 1, fakeRepo, engineClient);
		render(Host, { session, scenarioId: doc.scenarios[0]!.id });
		const at = (key: string) => document.querySelector<HTMLElement>(`[data-value-key="${key}"]`);
		for (const key of ['groups.rop.demand.kind', 'groups.rop.demand.band', 'groups.rop.tenure.kind', 'groups.eldre.demand.kind', 'horizonYears', 'allocation', 'monteCarlo.draws', 'monteCarlo.seed'])
			expect(at(key), key).toHaveAttribute('data-origin', 'default');
		expect(at('horizonYears')).toHaveTextContent(`standard: ${PROGRAM_DEFAULTS.horizonYears(doc.scenarios[0]!.assumptions.horizonYears)}`);
		expect(at('monteCarlo.seed')).toHaveTextContent(`standard: ${PROGRAM_DEFAULTS.seed}`);
		// The refugee driver is a national default as a whole (a stand-in, listed), not the program's choice.
		expect(at('groups.flyktning.demand.kind')).toHaveAttribute('data-origin', 'national-default');

		const horizon = screen.getByLabelText('Framskrivingsperiode');
		await userEvent.clear(horizon);
		await userEvent.type(horizon, '20');
		await userEvent.tab();
		expect(session.doc.scenarios[0]!.assumptions.horizonYears).toBe(20);
		expect(at('horizonYears')).toHaveAttribute('data-origin', 'entered');
		const from = screen.getByLabelText(`Alder fra – ${ROP}`);
		await userEvent.clear(from);
		await userEvent.type(from, '20');
		await userEvent.tab();
		expect(at('groups.rop.demand.band')).toHaveAttribute('data-origin', 'entered');
		// Its driver is still the program's proposal.
		expect(at('groups.rop.demand.kind')).toHaveAttribute('data-origin', 'default');
		const seed = screen.getByLabelText('Frø for tilfeldige tall');
		await userEvent.clear(seed);
		await userEvent.type(seed, '7');
		await userEvent.tab();
		expect(at('monteCarlo.seed')).toHaveAttribute('data-origin', 'entered');
		expect(at('monteCarlo.draws')).toHaveAttribute('data-origin', 'default');
		// A choice left unset (the waiting list at the start) reads standard until the planner picks one.
		expect(at('groups.rop.waitingAtStart')).toHaveAttribute('data-origin', 'default');
		await userEvent.selectOptions(screen.getByLabelText(`Ventelisten ved start – ${ROP}`), 'lasting');
		expect(at('groups.rop.waitingAtStart')).toHaveAttribute('data-origin', 'entered');
	});
});
