/**
 * Migrations must not change a single number: 2 → 3 (copy-variants become override-variants) and
 * 3 → 4 (stock changes become decided plan measures). Every frozen fixture of an older version,
 * and the built-in example, gives the same effective assumptions and the same projection, Monte
 * Carlo bands and cost totals before and after.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoligbehovFile } from '#lib/core/format/index.ts';
import { runMonteCarlo, runProjection } from '#lib/core/engine/index.ts';
import { decidedMeasuresOf, engineInputOf, planToStockChanges, type LegacyStockChange } from '#lib/core/plan/measures.ts';
import { planBudget } from '#lib/core/plan/budget.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { withExamplePlan } from '#lib/core/example/plan.ts';
import { createExampleScenarios } from '#lib/core/example/scenarios.ts';
import type { ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';
import { resolveAll, type StoredScenarioLike } from '#lib/core/scenarios/overrides.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/files');

/** Assumptions as schema version 3 and earlier stored them: the planned stock changes beside the plan. */
type V3Assumptions = ScenarioAssumptions & { stockChanges: LegacyStockChange[] };

/** Every number for a scenario from its engine input and plan: deterministic run, a short Monte Carlo, the cost totals. */
function numbersOf(input: EngineInput, nb: Pick<Notebook, 'base'>, a: ScenarioAssumptions): string {
	const result = runProjection(input);
	const mc = runMonteCarlo(input, { draws: 40 });
	const budget = planBudget({ plan: a.plan ?? { measures: [] }, base: nb.base, horizonYears: a.horizonYears });
	const costs = { total: budget.total, presentValue: budget.presentValue, dwellingsAdded: budget.dwellingsAdded };
	return JSON.stringify({ result, mc, costs }, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
}

/** The numbers of a current scenario. */
function numbers(nb: Pick<Notebook, 'base' | 'population'>, a: ScenarioAssumptions): string {
	return numbersOf(engineInputOf(nb.base, nb.population, a), nb, a);
}

/**
 * The numbers of a version 3 (or older) scenario, with the engine input assembled as it was then
 * (frozen here): the stored stock changes followed by the plan's measures.
 */
function v3Numbers(nb: Pick<Notebook, 'base' | 'population'>, a: V3Assumptions): string {
	const scenario = { ...a, stockChanges: [...a.stockChanges, ...planToStockChanges(a.plan)] } as EngineInput['scenario'];
	return numbersOf({ base: nb.base, population: nb.population, scenario }, nb, a);
}

/** What migration 3 → 4 makes of a scenario's effective assumptions: the stock changes as decided measures, first. */
function asVersion4(a: V3Assumptions): ScenarioAssumptions {
	const { stockChanges, ...rest } = a;
	if (stockChanges.length === 0) return rest;
	return { ...rest, plan: { ...(a.plan ?? {}), measures: [...decidedMeasuresOf(stockChanges), ...(a.plan?.measures ?? [])] } };
}

type RawScenario = { id: string; basedOn?: string; assumptions?: V3Assumptions; overrides?: Record<string, unknown> };

const older = ['v1', 'v2', 'v3'].flatMap((v) =>
	readdirSync(join(ROOT, v))
		.filter((f) => f.endsWith('.boligbehov.json'))
		.map((f) => `${v}/${f}`)
);

/** The effective assumptions of each raw scenario as its version stored them: full copies before version 3, overrides from it. */
function rawEffective(file: string, scenarios: RawScenario[]): V3Assumptions[] {
	if (!file.startsWith('v3/')) return scenarios.map((s) => s.assumptions!);
	const resolved = resolveAll(scenarios as unknown as StoredScenarioLike[]);
	return scenarios.map((s) => resolved.get(s.id)!.assumptions as V3Assumptions);
}

describe('migrations to version 4 give identical numbers', () => {
	it('there are older fixtures with variants to check', () => {
		const withVariants = older.filter((f) => (JSON.parse(readFileSync(join(ROOT, f), 'utf8')).notebook.scenarios as RawScenario[]).some((s) => s.basedOn));
		expect(withVariants.length).toBeGreaterThanOrEqual(3);
		const withStockChanges = older.filter((f) => /"stockChanges":\s*\[\s*\{/.test(readFileSync(join(ROOT, f), 'utf8')));
		expect(withStockChanges.length).toBeGreaterThanOrEqual(3);
	});

	for (const file of older) {
		it(`${file}: every scenario's effective assumptions and numbers are unchanged`, () => {
			const text = readFileSync(join(ROOT, file), 'utf8');
			const raw = JSON.parse(text).notebook as Notebook & { scenarios: RawScenario[] };
			const r = parseBoligbehovFile(text);
			if (!r.ok) throw new Error(r.error.message);
			const nb = r.notebooks[0]!;
			expect(nb.scenarios.map((s) => s.id)).toEqual(raw.scenarios.map((s) => s.id));
			const effective = rawEffective(file, raw.scenarios);
			for (const [i, s] of nb.scenarios.entries()) {
				const before = raw.scenarios[i]!;
				// A variant stores overrides now; its effective assumptions are the old copy, its stock changes decided measures.
				if (before.basedOn) expect(s.basedOn).toBe(before.basedOn);
				expect(s.assumptions).toEqual(asVersion4(effective[i]!));
				expect(numbers(nb, s.assumptions)).toBe(v3Numbers(raw, effective[i]!));
			}
		});
	}

	it('the built-in example: its variants, now overrides of Basis, give the numbers of the full copies', () => {
		const nb = createExampleNotebook();
		const copies = withExamplePlan(createExampleScenarios());
		const variants = nb.scenarios.filter((s) => s.basedOn);
		expect(variants.length).toBe(3);
		for (const s of variants) {
			expect(Object.keys(s.overrides ?? {}).length).toBeGreaterThan(0);
			const copy = copies.find((c) => c.id === s.id)!;
			expect(s.assumptions).toEqual(copy.assumptions);
			expect(numbers(nb, s.assumptions)).toBe(numbers(nb, copy.assumptions));
		}
	});
});
