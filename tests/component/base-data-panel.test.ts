/**
 * The Grunnlagsdata panel with a real NotebookSession (fake repository and worker): edits are
 * checked first and refused with a message naming the field (nothing changes, no undo step);
 * valid edits and a confirmed population import are one undo step each.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Host from './base-data-panel-host.svelte';
import { NotebookSession } from '#lib/state/notebook-session.svelte.ts';
import type { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import type { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { createNewNotebook } from '#lib/core/notebook/new-notebook.ts';

const fakeRepo = { save: async (_doc: unknown, rev: number) => rev + 1, get: async () => null, create: async () => null } as unknown as NotebookRepository;
const fakeClient = { project: async () => null, monteCarlo: async () => null, sensitivity: async () => null, terminate: () => {} } as unknown as ProjectionClient;

async function setup() {
	const session = new NotebookSession(createExampleNotebook(), 1, fakeRepo, fakeClient);
	render(Host, { session });
	expect(screen.getByTestId('population-provenance')).toHaveTextContent('Befolkning: Eksempeldata');
	expect(screen.getByTestId('population-summary')).toHaveTextContent('Innbyggere 2025: 20 000 · 2055:');
	await userEvent.click(screen.getByRole('button', { name: 'Vis og endre grunnlagsdata' }));
	return session;
}

describe('Grunnlagsdata panel', () => {
	it('refuses vacant dwellings that do not fit, naming the field; nothing changes and no undo step', async () => {
		const session = await setup();
		const vacant = screen.getByLabelText('Ledige boliger');
		await userEvent.clear(vacant);
		await userEvent.type(vacant, '40');
		await userEvent.tab();
		expect(screen.getByRole('alert')).toHaveTextContent(
			'Ledige boliger: leietakere (214) og ledige boliger (40) blir til sammen 254, men kommunen har bare 236 boliger.'
		);
		expect(vacant).toHaveAttribute('aria-invalid', 'true');
		// Issue 10 item 6 (changed on purpose): the field keeps what was typed; the notebook keeps its value.
		expect(vacant).toHaveValue('40');
		expect(session.doc.base.vacant).toBe(16);
		expect(session.canUndo).toBe(false);
	});

	it('a valid count is one undo step; bad text names the field', async () => {
		const session = await setup();
		const tenants = screen.getByLabelText('Leietakere – ROP (rus og psykiske lidelser)');
		await userEvent.clear(tenants);
		expect(screen.getByRole('alert')).toHaveTextContent('Leietakere – ROP (rus og psykiske lidelser): skriv et helt tall (0 eller mer).');
		await userEvent.type(tenants, '60');
		expect(session.doc.base.groups.rop.tenants).toBe(55);
		await userEvent.tab();
		expect(session.doc.base.groups.rop.tenants).toBe(60);
		expect(session.doc.base.provenance.kind).toBe('entered');
		expect(screen.getByTestId('base-provenance')).toHaveTextContent('Grunnlagsdata: Lagt inn i notatboken – Endret for hånd fra: Eksempeldata');
		const waiting = screen.getByLabelText('På venteliste – Eldre');
		await userEvent.clear(waiting);
		await userEvent.type(waiting, '2,5{Enter}');
		expect(screen.getByRole('alert')).toHaveTextContent('På venteliste – Eldre må være et helt tall (ikke 2,5).');
		expect(session.doc.base.groups.eldre.waiting).toBe(4);
		// The new-tenant count may be left empty (unknown).
		const fresh = screen.getByLabelText('Nye leietakere i basisåret – Andre');
		await userEvent.clear(fresh);
		await userEvent.tab();
		expect(session.doc.base.groups.andre.newTenantsLastYear).toBeUndefined();
		session.undo();
		session.undo();
		expect(session.doc.base.groups.rop.tenants).toBe(55);
		expect(session.doc.base.groups.andre.newTenantsLastYear).toBe(4);
	});

	it('adds and removes an earmarked segment; the ordinary pool cannot be removed', async () => {
		const session = await setup();
		expect(screen.queryByRole('button', { name: 'Fjern «Ordinære boliger»' })).toBeNull();
		expect(screen.getByTestId('dwellings-total')).toHaveTextContent('236');
		await userEvent.click(screen.getByRole('button', { name: 'Legg til boligdel' }));
		expect(screen.getByRole('alert')).toHaveTextContent('Ny boligdel: skriv et navn');
		await userEvent.type(screen.getByLabelText('Navn'), 'Bofellesskap');
		await userEvent.click(screen.getByRole('button', { name: 'Legg til boligdel' }));
		expect(screen.getByRole('alert')).toHaveTextContent('Ny boligdel «Bofellesskap»: velg minst én målgruppe');
		const add = screen.getByRole('group', { name: 'Hvem kan bo der' });
		await userEvent.click(screen.getAllByLabelText('Nedsatt funksjonsevne').find((el) => add.contains(el))!);
		const dw = screen.getByLabelText('Boliger');
		await userEvent.clear(dw);
		await userEvent.type(dw, '10');
		await userEvent.click(screen.getByRole('button', { name: 'Legg til boligdel' }));
		expect(session.doc.base.segments.map((s) => s.name)).toEqual(['Ordinære boliger', 'Bemannede boliger', 'Omsorgsboliger', 'Bofellesskap']);
		expect(session.doc.base.segments[3]!.groups).toEqual(['funksjon']);
		expect(screen.getByTestId('dwellings-total')).toHaveTextContent('246');
		// The example's scenarios plan changes to Omsorgsboliger: it cannot go.
		await userEvent.click(screen.getByRole('button', { name: 'Fjern «Omsorgsboliger»' }));
		expect(screen.getByRole('alert')).toHaveTextContent(/^«Omsorgsboliger» kan ikke fjernes: planlagte endringer i boligmassen i scenarioene «Basis»/);
		expect(session.doc.base.segments).toHaveLength(4);
		await userEvent.click(screen.getByRole('button', { name: 'Fjern «Bofellesskap»' }));
		expect(session.doc.base.segments).toHaveLength(3);
	});

	it('checks the kommune number: four digits', async () => {
		const session = await setup();
		const nr = screen.getByLabelText('Kommunenummer (fire siffer)');
		await userEvent.type(nr, '320');
		expect(screen.getByRole('alert')).toHaveTextContent('Kommunenummer må ha fire siffer (du skrev 3).');
		expect(session.doc.kommune.number).toBe('');
		await userEvent.type(nr, '1');
		expect(session.doc.kommune.number).toBe('3201');
		expect(screen.getByLabelText('Basisår (status 31.12.)')).toHaveAttribute('readonly');
		expect(screen.getByText(/Basisåret kan ikke endres i en eksisterende notatbok/)).toBeVisible();
	});

	it('a confirmed population import replaces the population as one undo step, and the provenance says so', async () => {
		const session = await setup();
		const text = readFileSync(resolve(process.cwd(), 'tests/fixtures/ssb/population-14288.json'), 'utf8');
		await userEvent.upload(screen.getByLabelText('Befolkningsfil fra SSB (JSON-stat eller CSV)'), new File([text], 'befolkning.json', { type: 'application/json' }));
		await screen.findByTestId('population-preview');
		expect(session.doc.population.provenance.kind).toBe('example');
		await userEvent.click(screen.getByRole('button', { name: 'Bruk denne befolkningen' }));
		expect(session.doc.population.provenance).toMatchObject({ kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM', fileName: 'befolkning.json' });
		expect(screen.getByTestId('population-provenance')).toHaveTextContent(/SSB tabell 14288, alternativ MMMM \(importert, hentet \d{4}-\d\d-\d\d, fil «befolkning.json»\)/);
		expect(screen.getByTestId('base-data')).toHaveTextContent('går bare til 2028');
		session.undo();
		expect(session.doc.population.provenance.kind).toBe('example');
		expect(session.canUndo).toBe(false);
	});

	it('base data is one draft: the stock may be lowered before the tenants, and the message follows the draft', async () => {
		const session = await setup();
		// 150 ordinary dwellings → 100: 214 tenants + 16 vacant no longer fit in 186.
		const ordinary = screen.getByLabelText('Boliger i «Ordinære boliger»');
		await userEvent.clear(ordinary);
		await userEvent.type(ordinary, '100');
		await userEvent.tab();
		expect(ordinary).toHaveValue('100');
		expect(screen.getByRole('alert')).toHaveTextContent('leietakere (214) og ledige boliger (16) blir til sammen 230, men kommunen har bare 186 boliger.');
		expect(screen.getByTestId('base-draft')).toBeInTheDocument();
		expect(session.doc.base.segments[0]!.dwellings).toBe(150);
		expect(session.canUndo).toBe(false);
		// Lowering ROP's tenants 55 → 20 is not yet enough: the message now cites the draft's 179 tenants.
		const rop = screen.getByLabelText('Leietakere – ROP (rus og psykiske lidelser)');
		await userEvent.clear(rop);
		await userEvent.type(rop, '20');
		await userEvent.tab();
		expect(screen.getByRole('alert')).toHaveTextContent('leietakere (179) og ledige boliger (16) blir til sammen 195, men kommunen har bare 186 boliger.');
		expect(ordinary).toHaveValue('100');
		// 5 vacant: 179 + 5 = 184 ≤ 186. The whole draft is used, as one undo step.
		const vacant = screen.getByLabelText('Ledige boliger');
		await userEvent.clear(vacant);
		await userEvent.type(vacant, '5');
		await userEvent.tab();
		expect(screen.queryByRole('alert')).toBeNull();
		expect(screen.queryByTestId('base-draft')).toBeNull();
		expect(session.doc.base.segments[0]!.dwellings).toBe(100);
		expect(session.doc.base.groups.rop.tenants).toBe(20);
		expect(session.doc.base.vacant).toBe(5);
		session.undo();
		expect(session.doc.base.segments[0]!.dwellings).toBe(150);
		expect(session.doc.base.groups.rop.tenants).toBe(55);
		expect(session.doc.base.vacant).toBe(16);
	});
});

describe('where each base-data number comes from', () => {
	const at = (key: string) => document.querySelector<HTMLElement>(`[data-value-key="${key}"]`);

	it('the example’s numbers read eksempel; a typed number reads oppgitt, the others stay as they were', async () => {
		const session = await setup();
		expect(at('population')).toHaveAttribute('data-origin', 'example');
		for (const key of ['base.baseYear', 'base.segments.ordinaer.dwellings', 'base.vacant', 'base.groups.rop.tenants', 'base.groups.eldre.waiting', 'base.groups.andre.newTenantsLastYear', 'base.otherHouseholds'])
			expect(at(key), key).toHaveAttribute('data-origin', 'example');
		const tenants = screen.getByLabelText('Leietakere – ROP (rus og psykiske lidelser)');
		await userEvent.clear(tenants);
		await userEvent.type(tenants, '60');
		await userEvent.tab();
		expect(session.doc.base.groups.rop.tenants).toBe(60);
		expect(at('base.groups.rop.tenants')).toHaveAttribute('data-origin', 'entered');
		expect(at('base.groups.eldre.tenants')).toHaveAttribute('data-origin', 'example');
		expect(at('base.vacant')).toHaveAttribute('data-origin', 'example');
		// Outside the groups is derived from both: the example's part decides.
		expect(at('base.otherHouseholds')).toHaveAttribute('data-origin', 'example');
	});

	it('a new notebook’s empty numbers read plassholder, and its base year standard', async () => {
		const doc = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
		const session = new NotebookSession(doc, 1, fakeRepo, fakeClient);
		render(Host, { session });
		await userEvent.click(screen.getByRole('button', { name: 'Vis og endre grunnlagsdata' }));
		expect(at('base.vacant')).toHaveAttribute('data-origin', 'placeholder');
		expect(at('base.groups.rop.tenants')).toHaveAttribute('data-origin', 'placeholder');
		expect(at('base.baseYear')).toHaveAttribute('data-origin', 'default');
		// An optional number left empty has no origin: there is no number.
		expect(at('base.groups.rop.newTenantsLastYear')).toBeNull();
		const vacant = screen.getByLabelText('Ledige boliger');
		await userEvent.clear(vacant);
		await userEvent.type(vacant, '0');
		await userEvent.tab();
		expect(at('base.vacant')).toHaveAttribute('data-origin', 'entered');
		expect(at('base.groups.rop.tenants')).toHaveAttribute('data-origin', 'placeholder');
	});
});
