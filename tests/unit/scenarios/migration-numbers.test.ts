/**
 * Migration 2 → 3 (copy-variants become override-variants) must not change a single number: every
 * frozen fixture of an older version, and the built-in example, gives the same effective
 * assumptions and the same projection (and Monte Carlo bands) before and after.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoligbehovFile } from '#lib/core/format/index.ts';
import { runMonteCarlo, runProjection } from '#lib/core/engine/index.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { withExamplePlan } from '#lib/core/example/plan.ts';
import { createExampleScenarios } from '#lib/core/example/scenarios.ts';
import type { ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/files');

/** Every number the engine produces for a scenario (deterministic run and a short Monte Carlo). */
function numbers(nb: Pick<Notebook, 'base' | 'population'>, a: ScenarioAssumptions): string {
	const input = engineInputOf(nb.base, nb.population, a);
	const result = runProjection(input);
	const mc = runMonteCarlo(input, { draws: 40 });
	return JSON.stringify({ result, mc }, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
}

type RawScenario = { id: string; basedOn?: string; assumptions: ScenarioAssumptions };

const older = ['v1', 'v2'].flatMap((v) =>
	readdirSync(join(ROOT, v))
		.filter((f) => f.endsWith('.boligbehov.json'))
		.map((f) => `${v}/${f}`)
);

describe('migration 2 → 3 gives identical numbers', () => {
	it('there are older fixtures with variants to check', () => {
		const withVariants = older.filter((f) => (JSON.parse(readFileSync(join(ROOT, f), 'utf8')).notebook.scenarios as RawScenario[]).some((s) => s.basedOn));
		expect(withVariants.length).toBeGreaterThanOrEqual(2);
	});

	for (const file of older) {
		it(`${file}: every scenario's effective assumptions and numbers are unchanged`, () => {
			const text = readFileSync(join(ROOT, file), 'utf8');
			const raw = JSON.parse(text).notebook as Notebook & { scenarios: RawScenario[] };
			const r = parseBoligbehovFile(text);
			if (!r.ok) throw new Error(r.error.message);
			const nb = r.notebooks[0]!;
			expect(nb.scenarios.map((s) => s.id)).toEqual(raw.scenarios.map((s) => s.id));
			for (const [i, s] of nb.scenarios.entries()) {
				const before = raw.scenarios[i]!;
				// A variant stores overrides now; its effective assumptions are the old copy, exactly.
				if (before.basedOn) expect(s.basedOn).toBe(before.basedOn);
				expect(s.assumptions).toEqual(before.assumptions);
				expect(numbers(nb, s.assumptions)).toBe(numbers(raw, before.assumptions));
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
