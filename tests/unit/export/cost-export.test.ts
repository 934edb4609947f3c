import { describe, expect, it } from 'vitest';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { costTable, ECONOMY_PLAN_MARK } from '#lib/core/export/cost-table.ts';
import { COST_SECTION_TITLE, projectionToCsv } from '#lib/core/export/csv.ts';
import { summaryRows } from '#lib/core/export/summary.ts';
import { costSheetName, projectionWorkbook } from '#lib/core/export/workbook.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import { planBudget, sumOver } from '#lib/core/plan/budget.ts';
import { planKeyFigures } from '#lib/core/plan/key-figures.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import { segmentGroupShares } from '#lib/core/plan/proposal.ts';
import { scenarioPlanBudget } from '#lib/core/plan/scenario-budget.ts';
import { readCsv } from './read-csv.ts';
import { unzip } from './unzip.ts';

const nb = createExampleNotebook();
const basis = nb.scenarios[0]!;
const result = runProjection(engineInputOf(nb.base, nb.population, basis.assumptions));
const budget = scenarioPlanBudget(basis.assumptions, nb.base, result)!;
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('the scenario budget every output uses', () => {
	it('is the plan cell\'s budget (horizon, group shares), and null without a plan or measures', () => {
		expect(budget).toEqual(planBudget({ plan: basis.assumptions.plan!, base: nb.base, horizonYears: basis.assumptions.horizonYears, groupShares: segmentGroupShares(result, nb.base) }));
		const { plan: _drop, ...noPlan } = basis.assumptions;
		expect(scenarioPlanBudget(noPlan, nb.base, result)).toBeNull();
		expect(scenarioPlanBudget({ ...noPlan, plan: { measures: [] } }, nb.base, result)).toBeNull();
	});
});

describe('cost table', () => {
	const t = costTable(budget, 2025, { context: { kommune: 'Eksempelkommune', scenario: 'Basis', date: new Date(2026, 10, 29) } });

	it('says what the numbers are: kommune, scenario, fixed prices of the base year, the økonomiplan period and its net investment', () => {
		expect(t.block[0]).toEqual(['Kommune', 'Eksempelkommune']);
		const label = (l: string) => t.block.find((r) => r[0] === l)?.[1];
		expect(label('Beløp')).toMatch(/^Kroner i faste 2025-priser/);
		expect(label(ECONOMY_PLAN_MARK)).toBe('2026–2029');
		expect(label('Netto investering 2026–2029 (kr)')).toBe(Math.round(planKeyFigures(budget, 2025).netInvestmentEconomyPlan));
		expect(t.block.at(-1)).toEqual([]);
	});

	it('one row per year to the horizon, the økonomiplan years marked, totals equal the budget', () => {
		expect(t.rows).toHaveLength(basis.assumptions.horizonYears);
		expect(t.header.slice(0, 4)).toEqual(['År', 'Periode', 'Nye boliger klare (netto, boliger)', 'Investering (kr)']);
		expect(t.rows.map((r) => r[1])).toEqual(budget.years.map((y) => (y <= 2029 ? ECONOMY_PLAN_MARK : '')));
		const col = (h: string) => t.header.indexOf(h);
		expect(t.rows.map((r) => r[col('Netto investering (kr)')])).toEqual(budget.total.netInvestment);
		expect(t.rows.map((r) => r[col('Årlig nettokostnad (kr)')])).toEqual(budget.total.netCost);
	});

	it('per measure and per group: net investment and yearly net cost, only those the plan has, summing to the total', () => {
		const kinds = t.header.filter((h) => /^Netto investering – /.test(h));
		expect(kinds).toContain('Netto investering – Kjøp i markedet (kr)');
		expect(kinds).toContain('Netto investering – Nybygg (kr)');
		expect(kinds).not.toContain('Netto investering – Salg (kr)');
		expect(t.header).toContain('Årlig nettokostnad – Innleie fra private (kr)');
		const byKind = ['Kjøp i markedet', 'Nybygg', 'Innleie fra private'].map((k) => t.header.indexOf(`Netto investering – ${k} (kr)`));
		const groupCols = t.columns.flatMap((c, i) => (c.key.startsWith('group.') && c.key.endsWith('.netInvestment') ? [i] : []));
		expect(groupCols.length).toBeGreaterThan(0);
		t.rows.forEach((r, i) => {
			expect(byKind.reduce((s, c) => s + (r[c] as number), 0)).toBeCloseTo(budget.total.netInvestment[i]!, 3);
			expect(groupCols.reduce((s, c) => s + (r[c] as number), 0)).toBeCloseTo(budget.total.netInvestment[i]!, 3);
		});
	});
});

describe('the notebook\'s exports carry the costs', () => {
	it('CSV: the yearly table, an empty line, then «Kostnader i tiltaksplanen» in whole kroner', () => {
		const csv = projectionToCsv(result, { budget, bom: false });
		const rows = readCsv(csv);
		const start = rows.findIndex((r) => r[0] === COST_SECTION_TITLE);
		expect(start).toBe(1 + result.years.length + 1);
		expect(rows[start - 1]).toEqual(['']);
		const header = rows.findIndex((r) => r[0] === 'År' && r[1] === 'Periode');
		const first = rows[header + 1]!;
		expect(first[0]).toBe('2026');
		expect(first[1]).toBe(ECONOMY_PLAN_MARK);
		expect(first[header > 0 ? rows[header]!.indexOf('Netto investering (kr)') : -1]).toBe(String(Math.round(budget.total.netInvestment[0]!)));
		// Without a plan the file is what it was.
		expect(projectionToCsv(result, { bom: false })).toBe(csv.slice(0, csv.indexOf(`\r\n${COST_SECTION_TITLE}`)));
	});

	it('XLSX: a cost sheet after each scenario with a plan, none for a scenario without', () => {
		const capacity = nb.scenarios.find((s) => !s.assumptions.plan) ?? ({ ...basis, id: 'x', name: 'Uten plan', assumptions: { ...basis.assumptions, plan: undefined } } as Scenario);
		const capResult = runProjection(engineInputOf(nb.base, nb.population, capacity.assumptions));
		const files = unzip(
			projectionWorkbook({
				scenarios: [
					{ scenario: basis, result },
					{ scenario: capacity, result: capResult }
				],
				base: nb.base
			})
		);
		const wb = text(files.get('xl/workbook.xml'));
		const names = [...wb.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
		expect(names).toEqual(['Basis', 'Basis – kostnader', capacity.name, 'Forutsetninger']);
		const sheet = text(files.get('xl/worksheets/sheet2.xml'));
		expect(sheet).toContain('Kroner i faste 2025-priser');
		expect(sheet).toContain(`>${ECONOMY_PLAN_MARK}<`);
		// Without base data and no budget given, the workbook cannot cost the plan: no cost sheet.
		const plain = text(unzip(projectionWorkbook({ scenarios: [{ scenario: basis, result }] })).get('xl/workbook.xml'));
		expect(plain).not.toContain('kostnader');
	});

	it('a cost sheet keeps its suffix within Excel\'s 31 characters', () => {
		expect(costSheetName('Basis')).toBe('Basis – kostnader');
		const long = costSheetName('Økt gjennomstrømming for alle målgrupper');
		expect(long.length).toBeLessThanOrEqual(31);
		expect(long.endsWith(' – kostnader')).toBe(true);
	});

	it('the runner\'s summary: net investment in the økonomiplan and to the year, yearly net cost in the year', () => {
		const who = { file: 'a.json', kommune: 'Eksempel', kommunenummer: '', notebook: 'Nb', scenario: 'Basis' };
		const [r4, r10] = summaryRows([{ ...who, result, budget }]);
		const economy = sumOver(budget.total.netInvestment, budget.years, 2026, 2029);
		expect(r4![11]).toBeCloseTo(economy, 6);
		expect(r10![11]).toBeCloseTo(economy, 6);
		expect(r10![12]).toBeCloseTo(sumOver(budget.total.netInvestment, budget.years, 2026, 2035), 6);
		expect(r10![13]).toBe(budget.total.netCost[budget.years.indexOf(2035)]);
		const [none] = summaryRows([{ ...who, result }]);
		expect(none!.slice(11, 14)).toEqual([null, null, null]);
	});
});
