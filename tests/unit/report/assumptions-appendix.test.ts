import { describe, expect, it } from 'vitest';
import {
	assumptionsAppendix,
	baseAppendixRows,
	differencesOnly,
	helpUsed,
	rangeText,
	scenarioAppendixRows,
	scenariosShown,
	statusesUsed
} from '#lib/core/report/assumptions-appendix.ts';
import { ORIGIN_EXPLANATIONS, ORIGIN_LABELS } from '#lib/core/report/provenance.ts';
import { planCostSections } from '#lib/core/plan/cost-appendix.ts';
import { createNewNotebook } from '#lib/core/notebook/new-notebook.ts';
import { createExampleNotebook, EXAMPLE_SCENARIO_IDS } from '#lib/core/example/index.ts';
import type { CalibrationNote } from '#lib/core/model/result.ts';
import { fixed, p10p90, triangular } from '#lib/core/model/uncertain.ts';
import { ASSUMPTION_HELP } from '#lib/core/text/assumption-help.ts';
import { parseSelection, printCells } from '#lib/components/print/print-selection.ts';

const doc = createExampleNotebook();
const basis = doc.scenarios.find((s) => s.id === EXAMPLE_SCENARIO_IDS.basis)!;

const row = (rows: ReturnType<typeof scenarioAppendixRows>, key: string) => {
	const r = rows.find((x) => x.key === key);
	if (!r) throw new Error(`no row ${key}; keys: ${rows.map((x) => x.key).join(', ')}`);
	return r;
};

describe('rangeText', () => {
	it('describes triangular, lognormal and fixed numbers in nb-NO', () => {
		expect(rangeText(triangular(4.5, 6, 8))).toBe('4,5–8, mest sannsynlig 6');
		expect(rangeText(triangular(4.5, 6, 8), 'år')).toBe('4,5–8 år, mest sannsynlig 6');
		expect(rangeText(triangular(-4, -2, 0), '%')).toBe('fra −4 til 0 %, mest sannsynlig −2');
		expect(rangeText(triangular(4, 4.9166, 7), '% av boligene')).toBe('4–7 % av boligene, mest sannsynlig 4,9');
		expect(rangeText(p10p90(0.6, 0.9))).toBe('80 % sannsynlig mellom 0,6 og 0,9');
		expect(rangeText(fixed(15))).toBe('Fast verdi');
		expect(rangeText(triangular(3, 3, 3))).toBe('Fast verdi');
	});
});

describe('scenarioAppendixRows', () => {
	const rows = scenarioAppendixRows(doc.scenarios, basis);

	it('lists every group assumption with value, unit, range and the help source', () => {
		const botid = row(rows, 'groups.rop.tenure.years');
		expect(botid).toMatchObject({
			group: 'ROP (rus og psykiske lidelser)',
			field: 'Botid',
			value: '6 år',
			range: '4,5–8 år, mest sannsynlig 6',
			// The fictional example's own number (report/provenance.ts), with the help's source.
			status: 'example',
			source: ASSUMPTION_HELP.botid.source,
			help: 'botid'
		});
		expect(row(rows, 'groups.rop.waitingAttritionPctPerYear')).toMatchObject({ value: '15 % per år', range: 'Fast verdi' });
		expect(row(rows, 'groups.flyktning.tenure.leaseYears').value).toBe('3 år');
		expect(row(rows, 'groups.flyktning.demand.settledPerYear').value).toBe('2025: 45; 2026: 40; 2027: 35; 2028: 30 personer');
		expect(row(rows, 'vacancyTargetPct')).toMatchObject({ value: '5 % av boligene', status: 'example' });
		// The Monte Carlo settings are two rows, as in the XLSX sheet; the seed is printed without digit grouping.
		expect(row(rows, 'monteCarlo.draws')).toMatchObject({ field: 'Usikkerhetsberegning (Monte Carlo): antall trekk', value: '2\u00a0000 trekk', range: '' });
		expect(row(rows, 'monteCarlo.seed')).toMatchObject({ field: 'Usikkerhetsberegning (Monte Carlo): frø', value: String(basis.assumptions.monteCarlo.seed), range: '' });
		expect(row(rows, 'groups.rop.demand.ratePer1000').value).toBe('0,76 husstander per 1 000 per år');
		// Every group has tenure, demand and waiting-list attrition.
		for (const g of ['rop', 'funksjon', 'eldre', 'flyktning', 'andre']) {
			expect(rows.filter((r) => r.key.startsWith(`groups.${g}.`)).length).toBeGreaterThanOrEqual(3);
		}
		// Planned stock changes are listed with sign.
		expect(rows.filter((r) => r.key.startsWith('plan.measures.')).map((r) => r.value)).toContain('+8 boliger');
		expect(rows.every((r) => r.source.length > 0)).toBe(true);
	});

	it('marks a left-out number as calibrated, with the engine value and explanation when known', () => {
		const pending = row(rows, 'groups.eldre.demand.sharePct');
		expect(pending).toMatchObject({ status: 'calibrated', value: 'kalibreres' });

		const note: CalibrationNote = { group: 'eldre', field: 'demand.sharePct', value: 4.9165, explanation: 'Andelen for Eldre er kalibrert til 4,92 %.' };
		const calibrated = row(scenarioAppendixRows(doc.scenarios, basis, [note]), 'groups.eldre.demand.sharePct');
		// One decimal, as the app shows percentages (formatPercent).
		expect(calibrated).toMatchObject({ status: 'calibrated', value: '4,9 %', source: note.explanation });
		// A given number (here the example's) is never "calibrated", even if a note for another field exists.
		expect(row(scenarioAppendixRows(doc.scenarios, basis, [note]), 'groups.eldre.demand.targetSharePct').status).toBe('example');
	});

	it('includes a turnover target only when the scenario has one', () => {
		const turnover = doc.scenarios.find((s) => s.id === EXAMPLE_SCENARIO_IDS.turnover)!;
		expect(rows.some((r) => r.key.endsWith('turnoverTarget.changePct'))).toBe(false);
		expect(row(scenarioAppendixRows(doc.scenarios, turnover), 'groups.rop.turnoverTarget.changePct')).toMatchObject({
			field: 'Endring i gjennomstrømming innen 2030',
			value: '11,1 %'
		});
	});
});

describe('baseAppendixRows', () => {
	it('gives the base data and population the status of their provenance', () => {
		const rows = baseAppendixRows(doc);
		expect(rows.every((r) => r.status === 'example')).toBe(true);
		expect(row(rows, 'population').value).toMatch(/^2025–\d{4}, alder 0–\d+\+$/);

		const imported = baseAppendixRows({
			base: doc.base,
			population: { ...doc.population, provenance: { kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM', retrieved: '2026-03-01T10:00:00Z' } }
		});
		expect(row(imported, 'population')).toMatchObject({ status: 'imported', source: 'SSB tabell 14288, alternativ MMMM, hentet 2026-03-01' });
	});
});

describe('short group names (the printed group column)', () => {
	it('gives a target group’s row its short name, and leaves shared rows without one', () => {
		const base = baseAppendixRows(doc);
		expect(row(base, 'base.groups.rop.tenants')).toMatchObject({ group: 'ROP (rus og psykiske lidelser)', groupShort: 'ROP' });
		expect(row(base, 'base.groups.eldre.waiting')).toMatchObject({ group: 'Eldre', groupShort: 'Eldre' });
		expect(row(base, 'base.baseYear').group).toBe('Alle');
		expect(row(base, 'base.baseYear').groupShort).toBeUndefined();
		// A segment for several groups names them all, in both forms.
		const shared = base.find((r) => r.key.startsWith('base.segments.') && r.group.includes(','));
		expect(shared).toBeDefined();
		expect(shared!.groupShort).toBe(shared!.group.replace('ROP (rus og psykiske lidelser)', 'ROP'));
		const scenarioRows = scenarioAppendixRows(doc.scenarios, basis);
		expect(row(scenarioRows, 'groups.rop.tenure.years').groupShort).toBe('ROP');
		expect(row(scenarioRows, 'vacancyTargetPct')).toMatchObject({ group: 'Hele scenarioet' });
		expect(row(scenarioRows, 'vacancyTargetPct').groupShort).toBeUndefined();
	});
});

describe('assumptionsAppendix', () => {
	it('has the shared base first, then one section per scenario with its calibration', () => {
		const sections = assumptionsAppendix(doc, doc.scenarios.slice(0, 2), (id) =>
			id === 'basis' ? [{ group: 'eldre', field: 'demand.sharePct', value: 5, explanation: 'kalibrert' }] : []
		);
		expect(sections.map((s) => s.id)).toEqual(['grunnlag', 'basis', 'okt-gjennomstromming']);
		expect(sections[1]!.title).toBe('Scenario: Basis');
		expect(row(sections[1]!.rows, 'groups.eldre.demand.sharePct').value).toBe('5 %');
		expect(row(sections[2]!.rows, 'groups.eldre.demand.sharePct').value).toBe('kalibreres');
		expect(helpUsed(sections)).toEqual(expect.arrayContaining(['botid', 'vacancy', 'sharePct', 'refugees', 'turnoverTarget']));
	});
});

describe('statusesUsed (the legend above the appendix)', () => {
	it('names each status the tables use once, in the label table’s order', () => {
		const sections = [...differencesOnly(assumptionsAppendix(doc, doc.scenarios)), ...planCostSections(doc.scenarios)];
		// The example: calibrated rates, its own numbers, base data and population (all «eksempel»), the plans' default costs.
		expect(statusesUsed(sections)).toEqual(['calibrated', 'example', 'placeholder']);
		// A new notebook: nothing typed yet; national defaults, the example's population, empty base
		// data, and the program's own settings (horizon, draws, seed, base year).
		const own = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
		expect(statusesUsed(assumptionsAppendix(own, own.scenarios))).toEqual(['calibrated', 'national-default', 'example', 'placeholder', 'default']);
		// An edit anywhere brings «Oppgitt» into the legend.
		delete own.scenarios[0]!.valueSources!['horizonYears'];
		expect(statusesUsed(assumptionsAppendix(own, own.scenarios))).toContain('entered');
	});

	it('has a sentence for every origin', () => {
		expect(Object.keys(ORIGIN_EXPLANATIONS).sort()).toEqual(Object.keys(ORIGIN_LABELS).sort());
		for (const sentence of Object.values(ORIGIN_EXPLANATIONS)) expect(sentence).toMatch(/^\p{Ll}.*\.$/u);
	});
});

describe('scenariosShown', () => {
	it('collects the scenarios the cells refer to, in notebook order', () => {
		const comparison = doc.cells.filter((c) => c.kind === 'comparison');
		expect(scenariosShown(doc, comparison).map((s) => s.name)).toEqual(['Basis', 'Økt gjennomstrømming', 'Flere flyktninger']);
		expect(scenariosShown(doc, doc.cells).length).toBe(doc.scenarios.length);
		const notesOnly = doc.cells.filter((c) => c.kind === 'note');
		expect(scenariosShown(doc, notesOnly).length).toBe(doc.scenarios.length);
	});
});

describe('print selection (what the printout contains)', () => {
	it('prints every visible cell, or only the scenario comparisons', () => {
		expect(parseSelection(null)).toBe('alt');
		expect(parseSelection('sammenligning')).toBe('sammenligning');
		expect(parseSelection('noe-annet')).toBe('alt');
		const cells = doc.cells.map((c, i) => (i === 0 ? { ...c, hidden: true } : c));
		expect(printCells({ cells }, 'alt').map((c) => c.id)).toEqual(doc.cells.slice(1).map((c) => c.id));
		expect(printCells({ cells }, 'sammenligning').map((c) => c.kind)).toEqual(['chart', 'comparison']);
	});
});

describe('differencesOnly', () => {
	it('keeps the first scenario whole and lists for the others only what differs from it', () => {
		const sections = assumptionsAppendix(doc, doc.scenarios);
		const reduced = differencesOnly(sections);
		expect(reduced[0]).toBe(sections[0]);
		expect(reduced[1]).toBe(sections[1]);
		for (let i = 2; i < sections.length; i++) {
			const full = sections[i]!;
			const diff = reduced[i]!;
			expect(diff.sameAs?.scenario).toBe(doc.scenarios[0]!.name);
			expect(diff.rows.length + diff.sameAs!.omitted).toBe(full.rows.length);
			expect(diff.rows.length).toBeGreaterThan(0);
			expect(diff.rows.length).toBeLessThan(full.rows.length);
			// Every row left out is equal to the first scenario's row with the same key.
			const first = new Map(sections[1]!.rows.map((r) => [r.key, r]));
			for (const r of full.rows.filter((r) => !diff.rows.includes(r))) expect(first.get(r.key)).toEqual({ ...r });
		}
	});
});

