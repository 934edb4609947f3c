import { describe, expect, it } from 'vitest';
import { chartNotes, firstYearNote, seriesRuleNote } from '#lib/core/report/chart-notes.ts';
import { scenarioAppendixRows } from '#lib/core/report/assumptions-appendix.ts';
import { createExampleNotebook, EXAMPLE_SCENARIO_IDS } from '#lib/core/example/index.ts';

const doc = createExampleNotebook();
const basis = doc.scenarios.find((s) => s.id === EXAMPLE_SCENARIO_IDS.basis)!;
const copy = () => structuredClone(basis.assumptions);

describe('firstYearNote', () => {
	it('names the waiting list housed in the first year and which choice applies to which group', () => {
		// Example: ROP 8, Funksjon 3, Andre 3 (rate: backlog by default), Eldre 4 (share: lasting), Flyktninger 2 (series).
		const note = firstYearNote(basis.assumptions, doc.base)!;
		expect(note).toContain('Første år (2026): de 20 husstandene på ventelisten ved utgangen av 2025 får bolig');
		expect(note).toContain('hopper innflyttingen og gjennomstrømmingen');
		expect(note).toMatch(/Engangsetterslep for ROP \(8\), Nedsatt funksjonsevne \(3\), Andre \(3\):/);
		expect(note).toContain('Del av det varige behovet for Eldre (4)');
		expect(note).toContain('For Flyktninger (2) er nytt behov oppgitt direkte');
		expect(note).toContain('«Ventelisten ved start»');
	});

	it('names move-ins and turnover only under the chart that draws them', () => {
		expect(firstYearNote(basis.assumptions, doc.base, 'flows')).toContain('Derfor hopper innflyttingen og gjennomstrømmingen det året.');
		for (const chart of ['need-by-group', 'required-vs-planned'] as const) {
			const note = firstYearNote(basis.assumptions, doc.base, chart)!;
			expect(note).toContain('Derfor skiller det første året seg ut i figuren.');
			expect(note).not.toContain('innflyttingen');
		}
	});

	it('follows the planner’s choice per group', () => {
		const a = copy();
		a.groups.rop.waitingAtStart = 'lasting';
		a.groups.eldre.waitingAtStart = 'backlog';
		const note = firstYearNote(a, doc.base)!;
		expect(note).toMatch(/Engangsetterslep for Nedsatt funksjonsevne \(3\), Eldre \(4\), Andre \(3\):/);
		expect(note).toContain('Del av det varige behovet for ROP (8)');
	});

	it('speaks of one household in the singular', () => {
		const base = structuredClone(doc.base);
		for (const g of Object.values(base.groups)) g.waiting = 0;
		base.groups.rop.waiting = 1;
		expect(firstYearNote(basis.assumptions, base)).toMatch(/^Første år \(2026\): den ene husstanden på ventelisten/);
	});

	it('says nothing in capacity mode or when nobody waits', () => {
		expect(firstYearNote({ ...copy(), mode: 'capacity' }, doc.base)).toBeNull();
		const base = structuredClone(doc.base);
		for (const g of Object.values(base.groups)) g.waiting = 0;
		expect(firstYearNote(basis.assumptions, base)).toBeNull();
	});
});

describe('seriesRuleNote', () => {
	it('names the rule of a series that ends before the horizon, and only then', () => {
		// The example's refugee series ends in 2028; the horizon runs to 2055.
		expect(seriesRuleNote(basis.assumptions, 2025)).toBe('Flyktninger etter 2028: siste verdi gjentas');
		const a = copy();
		const d = a.groups.flyktning.demand;
		if (d.kind !== 'refugees') throw new Error('example refugees use the settlement driver');
		d.afterLastYear = 'zero';
		expect(seriesRuleNote(a, 2025)).toBe('Flyktninger etter 2028: null');
		d.settledPerYear = { ...d.settledPerYear, 2055: 10 };
		expect(seriesRuleNote(a, 2025)).toBeNull();
	});
});

describe('chartNotes', () => {
	it('puts the rule in the subtitle and the jump under the charts where they show', () => {
		const need = chartNotes('need-by-group', basis.assumptions, doc.base);
		expect(need.subtitle).toBe('Flyktninger etter 2028: siste verdi gjentas');
		expect(need.notes).toHaveLength(1);
		expect(chartNotes('flows', basis.assumptions, doc.base).notes).toHaveLength(1);
		expect(chartNotes('required-vs-planned', basis.assumptions, doc.base).notes).toHaveLength(1);
		// The fan draws required stock (the rule matters) but no first-year jump note; the tornado neither.
		expect(chartNotes('monte-carlo-fan', basis.assumptions, doc.base)).toEqual({ subtitle: 'Flyktninger etter 2028: siste verdi gjentas', notes: [] });
		expect(chartNotes('tornado', basis.assumptions, doc.base)).toEqual({ notes: [] });
	});
});

describe('appendix choice rows', () => {
	it('lists the series rule of every series (the default spelled out) and a waiting-list choice the planner made', () => {
		const rows = scenarioAppendixRows(doc.scenarios, basis);
		const row = (key: string) => rows.find((r) => r.key === key);
		expect(row('groups.flyktning.demand.afterLastYear')).toMatchObject({ field: 'Etter siste oppgitte år', value: 'Siste verdi gjentas', source: 'Standardvalget.' });
		expect(row('groups.rop.waitingAtStart')).toBeUndefined();

		const chosen = structuredClone(basis);
		chosen.assumptions.groups.rop.waitingAtStart = 'lasting';
		const d = chosen.assumptions.groups.flyktning.demand;
		if (d.kind === 'refugees') d.afterLastYear = 'trend';
		const rows2 = scenarioAppendixRows(doc.scenarios, chosen);
		expect(rows2.find((r) => r.key === 'groups.rop.waitingAtStart')).toMatchObject({ field: 'Ventelisten ved start', value: 'Del av det varige behovet' });
		expect(rows2.find((r) => r.key === 'groups.flyktning.demand.afterLastYear')).toMatchObject({ value: 'Lineær trend fra de siste årene (aldri under 0)', source: 'Valgt i scenarioet.' });
		// Each choice sits in its group's block: right after the group's other rows.
		const i = rows2.findIndex((r) => r.key === 'groups.rop.waitingAtStart');
		expect(rows2[i - 1]!.key.startsWith('groups.rop.')).toBe(true);
		expect(rows2[i + 1]!.key.startsWith('groups.rop.')).toBe(false);
	});
});
