/**
 * The example notebook against the engine and the file format: it must validate, run without
 * warnings, survive export/import, and the story its notes tell must hold (loosely: exact numbers
 * are the engine's business, see docs/example-kommune.md §7).
 */
import { describe, expect, it } from 'vitest';
import { createExampleNotebook, EXAMPLE_SCENARIO_IDS } from '#lib/core/example/index.ts';
import { TURNOVER_GROUPS } from '#lib/core/example/scenarios.ts';
import { runProjection, runSensitivity, validateInput } from '#lib/core/engine/index.ts';
import { parseBoligbehovFile, serializeNotebook, validateNotebook } from '#lib/core/format/index.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { toStoredNotebook } from '#lib/core/scenarios/stored.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

const nb = createExampleNotebook();
const input = (id: string): EngineInput => {
	const s = nb.scenarios.find((x) => x.id === id);
	if (!s) throw new Error(`no scenario ${id}`);
	return engineInputOf(nb.base, nb.population, s.assumptions);
};
const at = (arr: Float64Array, year: number): number => arr[year - nb.base.baseYear] as number;

describe('example notebook with the engine', () => {
	it('every scenario validates and runs without warnings', () => {
		for (const s of nb.scenarios) {
			expect(validateInput(input(s.id)), s.id).toEqual([]);
			const r = runProjection(input(s.id));
			expect(r.warnings, s.id).toBeUndefined();
			expect(r.years[r.years.length - 1]).toBe(2055);
		}
	});

	it('Basis starts in balance and the need outgrows today’s plan in the long run', () => {
		const r = runProjection(input(EXAMPLE_SCENARIO_IDS.basis));
		for (const g of ['rop', 'funksjon', 'andre'] as const) {
			const grp = r.groups[g];
			expect(Math.abs(at(grp.newNeed, 2025) / at(grp.exits, 2025) - 1), g).toBeLessThan(0.05);
		}
		expect(at(r.groups.eldre.need, 2045)).toBeGreaterThan(at(r.groups.eldre.need, 2025));
		expect(at(r.groups.flyktning.need, 2035)).toBeLessThan(at(r.groups.flyktning.need, 2025));
		expect(at(r.total.gap, 2055)).toBeGreaterThan(0);
		const perThousand = (at(r.total.requiredStock, 2025) / 20_000) * 1000;
		expect(perThousand).toBeGreaterThan(10);
		expect(perThousand).toBeLessThan(20);
	});

	it('botid −10 % gives the transitional groups about 10 % fewer tenants in the long run', () => {
		const b = runProjection(input(EXAMPLE_SCENARIO_IDS.basis));
		const t = runProjection(input(EXAMPLE_SCENARIO_IDS.turnover));
		for (const g of TURNOVER_GROUPS) {
			const ratio = at(t.groups[g].tenants, 2055) / at(b.groups[g].tenants, 2055);
			expect(ratio, g).toBeGreaterThan(0.88);
			expect(ratio, g).toBeLessThan(0.92);
		}
		for (const g of GROUP_IDS.filter((x) => !TURNOVER_GROUPS.includes(x))) {
			expect(at(t.groups[g].tenants, 2055), g).toBeCloseTo(at(b.groups[g].tenants, 2055), 9);
		}
	});

	it('more refugees need more dwellings; the capacity run builds a waiting list', () => {
		const b = runProjection(input(EXAMPLE_SCENARIO_IDS.basis));
		const f = runProjection(input(EXAMPLE_SCENARIO_IDS.refugees));
		expect(at(f.total.requiredStock, 2030)).toBeGreaterThan(at(b.total.requiredStock, 2030) + 10);
		const k = runProjection(input(EXAMPLE_SCENARIO_IDS.capacity));
		expect(k.mode).toBe('capacity');
		expect(at(k.total.waiting, 2055)).toBeGreaterThan(at(k.total.waiting, 2035));
	});

	it('the tornado for 2035 has bars, and the eldre exit rate does not move the need (prevalence)', () => {
		const s = runSensitivity(input(EXAMPLE_SCENARIO_IDS.basis), { year: 2035, output: 'total.requiredStock' });
		expect(s.bars.length).toBeGreaterThan(8);
		const eldreExit = s.bars.find((x) => x.assumption === 'eldre.tenure.pctPerYear');
		expect(eldreExit).toBeDefined();
		expect(Math.abs((eldreExit?.outputAtHigh ?? 1) - (eldreExit?.outputAtLow ?? 0))).toBeLessThan(1e-9);
		const ropBotid = s.bars.find((x) => x.assumption === 'rop.tenure.years');
		expect(Math.abs((ropBotid?.outputAtHigh ?? 0) - (ropBotid?.outputAtLow ?? 0))).toBeGreaterThan(10);
	});
});

describe('example notebook with the file format', () => {
	it('validates against the file schema', () => {
		const v = validateNotebook(JSON.parse(JSON.stringify(toStoredNotebook(nb))));
		expect(v.ok ? [] : v.issues).toEqual([]);
	});

	it('survives export and import unchanged', () => {
		const text = serializeNotebook(nb, { appVersion: '0.0.0-test', now: new Date('2026-01-02T00:00:00.000Z') });
		const parsed = parseBoligbehovFile(text);
		expect(parsed.ok ? parsed.notebooks : parsed.error).toEqual([nb]);
	});
});
