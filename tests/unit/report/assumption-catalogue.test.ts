import { describe, expect, it } from 'vitest';
import {
	bandLabel,
	listAssumptions,
	MODE_LABELS,
	stockChangeLabel,
	yearSeriesLabel,
	type AssumptionItem
} from '#lib/core/report/assumption-catalogue.ts';
import { baseAppendixRows, scenarioAppendixRows } from '#lib/core/report/assumptions-appendix.ts';
import { formatNumber } from '#lib/core/text/number-format.ts';
import { assumptionRows, baseDataRows } from '#lib/core/export/assumptions.ts';
import { assumptionsToCsv } from '#lib/core/export/csv.ts';
import { ASSUMPTIONS_SHEET_NAME, projectionSheets } from '#lib/core/export/workbook.ts';
import { createExampleNotebook, EXAMPLE_SCENARIO_IDS } from '#lib/core/example/index.ts';
import { GROUP_IDS, GROUP_LABELS, GROUP_SHORT_LABELS } from '#lib/core/model/groups.ts';
import { ASSUMPTION_HELP } from '#lib/core/text/assumption-help.ts';
import { fakeResult } from '../export/result-fixture.ts';
import { readCsv } from '../export/read-csv.ts';

const doc = createExampleNotebook();
const basis = doc.scenarios.find((s) => s.id === EXAMPLE_SCENARIO_IDS.basis)!;

/** Follow a dot path ("groups.rop.tenure.years", "stockChanges.0") into an object. */
function at(root: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), root);
}

describe('label helpers', () => {
	it('name age bands, year series and stock changes', () => {
		expect(bandLabel({ from: 18, to: 66 })).toBe('18–66 år');
		expect(bandLabel({ from: 80 })).toBe('80 år og eldre');
		expect(yearSeriesLabel({ 2027: 45, 2026: 1000.5 })).toBe('2026: 1000,5; 2027: 45');
		expect(yearSeriesLabel({ 2026: 1000.5 }, formatNumber)).toBe('2026: 1\u00a0000,5');
		expect(yearSeriesLabel({})).toBe('(ingen år)');
		expect(stockChangeLabel({ kind: 'avsluttet-innleie', year: 2028, segmentId: 'sentrum' })).toBe('Avsluttet innleie 2028, delbestand «sentrum»');
	});
});

describe('listAssumptions', () => {
	it('gives every assumption a unique key that is a dot path into the scenario assumptions', () => {
		for (const s of doc.scenarios) {
			const items = listAssumptions(s);
			expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
			for (const item of items) {
				const value = at(s.assumptions, item.key);
				// Left out: calibrated by the engine, or a choice whose default applies.
				if (item.quantity.kind === 'calibrated' || (item.quantity.kind === 'text' && item.quantity.byDefault)) expect(value, item.key).toBeUndefined();
				else expect(value, item.key).toBeDefined();
				if (item.quantity.kind === 'uncertain') expect(item.quantity.value, item.key).toBe(value);
				expect(item.key.endsWith(item.path) || item.key.startsWith(`${item.path}.`), item.key).toBe(true);
				expect(item.group === null ? !item.key.startsWith('groups.') : item.key.startsWith(`groups.${item.group}.`), item.key).toBe(true);
				if (item.help) expect(ASSUMPTION_HELP[item.help]).toBeDefined();
			}
		}
	});

	it('lists the settings, every group and the stock changes of the example scenario', () => {
		const items = listAssumptions(basis);
		const byKey = new Map(items.map((i) => [i.key, i]));
		expect(items.slice(0, 6).map((i) => i.key)).toEqual(['horizonYears', 'mode', 'vacancyTargetPct', 'allocation', 'monteCarlo.draws', 'monteCarlo.seed']);
		expect(byKey.get('groups.rop.tenure.years')).toEqual<AssumptionItem>({
			key: 'groups.rop.tenure.years',
			path: 'tenure.years',
			group: 'rop',
			label: 'Botid',
			unit: 'år',
			quantity: { kind: 'uncertain', value: basis.assumptions.groups.rop.tenure.kind === 'botid' ? basis.assumptions.groups.rop.tenure.years : (null as never) },
			setting: false,
			help: 'botid'
		});
		expect(byKey.get('mode')).toMatchObject({ group: null, label: 'Beregningsmåte', quantity: { kind: 'text', value: MODE_LABELS[basis.assumptions.mode] }, setting: true });
		expect(byKey.get('groups.eldre.demand.sharePct')).toMatchObject({ path: 'demand.sharePct', quantity: { kind: 'calibrated' }, help: 'sharePct' });
		for (const g of GROUP_IDS) expect(byKey.get(`groups.${g}.waitingAttritionPctPerYear`)?.label).toBe('Frafall fra ventelisten');
		// The changes decided before the plan, one signed item each (the plan's own measures are in its appendix).
		const decided = basis.assumptions.plan!.measures.filter((m) => m.decided);
		expect(decided.length).toBeGreaterThan(0);
		expect(items.filter((i) => i.path === 'plan.measures')).toHaveLength(decided.length);
		expect(items.filter((i) => i.path === 'plan.measures').every((i) => i.quantity.kind === 'number' && i.quantity.signed && i.unit === 'boliger')).toBe(true);
		expect(byKey.get('plan.measures.0')).toMatchObject({ label: 'Avsluttet innleie 2026, delbestand «ordinaer»', quantity: { kind: 'number', value: -4, signed: true } });
	});

	it('names the groups in a priority order with the names given', () => {
		const s = structuredClone(basis);
		s.assumptions.allocation = { kind: 'priority', order: ['flyktning', 'rop'] };
		expect(listAssumptions(s).find((i) => i.key === 'allocation')?.quantity).toEqual({ kind: 'text', value: `Prioritert: ${GROUP_LABELS.flyktning}, ${GROUP_LABELS.rop}` });
		expect(listAssumptions(s, GROUP_SHORT_LABELS).find((i) => i.key === 'allocation')?.quantity).toEqual({ kind: 'text', value: 'Prioritert: Flyktninger, ROP' });
	});
});

describe('the XLSX/CSV sheet and the printed appendix name the same assumptions the same way', () => {
	/** An appendix row's group in the export's words (short group names, "" for the whole scenario). */
	const exportGroup = (appendixGroup: string): string => {
		const g = GROUP_IDS.find((id) => GROUP_LABELS[id] === appendixGroup);
		return g ? GROUP_SHORT_LABELS[g] : appendixGroup === 'Hele scenarioet' ? '' : `?${appendixGroup}`;
	};

	const sheet = projectionSheets({ scenarios: doc.scenarios.map((scenario) => ({ scenario, result: fakeResult() })), base: doc.base }).find(
		(s) => s.name === ASSUMPTIONS_SHEET_NAME
	)!;
	const csv = readCsv(assumptionsToCsv(doc.scenarios, { base: doc.base }).slice(1));
	const scenarioLines = (rows: readonly (readonly unknown[])[], name: string) => rows.filter((r) => r[0] === name).map((r) => [r[1], r[2]]);

	it('for every scenario of the example notebook: same rows, same order, same group, same label', () => {
		expect(doc.scenarios.length).toBeGreaterThanOrEqual(4);
		for (const s of doc.scenarios) {
			const appendix = scenarioAppendixRows(doc.scenarios, s).map((r) => [exportGroup(r.group), r.field]);
			const rows = assumptionRows(s).map((r) => [r.group, r.assumption]);
			expect(appendix.length, s.name).toBeGreaterThan(20);
			expect(rows, s.name).toEqual(appendix);
			expect(scenarioLines(sheet.rows, s.name), `XLSX ${s.name}`).toEqual(appendix);
			expect(scenarioLines(csv, s.name), `CSV ${s.name}`).toEqual(appendix);
		}
	});

	it('with the same unit: the printed value ends with the unit of the export row', () => {
		for (const s of doc.scenarios) {
			const printed = scenarioAppendixRows(doc.scenarios, s);
			assumptionRows(s).forEach((r, i) => {
				if (r.unit && r.value !== 'kalibreres') expect(printed[i]!.value.endsWith(` ${r.unit}`), `${s.name}: ${r.assumption}`).toBe(true);
			});
		}
	});

	it('and the base data under the same names', () => {
		const exported = new Set(baseDataRows(doc.base).map((r) => r.assumption));
		const printed = new Set(baseAppendixRows(doc).map((r) => r.field));
		exported.delete('Kilde'); // printed as the source column of every row
		printed.delete('Befolkningsframskriving'); // not part of the base data sheet rows
		expect([...exported].sort()).toEqual([...printed].sort());
		expect(printed).toContain('Venteliste (vedtak uten bolig)');
	});
});
