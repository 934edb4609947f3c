/**
 * Generated notebooks for the runner benchmark: the example kommune scaled to sizes from a
 * small kommune (≈ 5 % of the example) to a city (≈ 40 ×), log-uniformly, with a seeded random
 * generator so every run measures the same work. Nothing is committed: the files are written to
 * a temporary folder by runner.bench.ts.
 */
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { serializeNotebook } from '#lib/core/format/index.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The example scaled by `k`: population, dwellings, tenants, waiting and planned changes. */
export function scaledExample(k: number, index: number, draws: number): Notebook {
	const nb = createExampleNotebook();
	nb.id = `bench-${index}`;
	nb.title = `Benchkommune ${index + 1}`;
	nb.kommune = { name: `Benchkommune ${index + 1}`, number: String(3000 + index).padStart(4, '0'), fictional: true };
	nb.population = { ...nb.population, values: nb.population.values.map((row) => row.map((v) => Math.round(v * k))) };
	// Dwellings rounded up and households down, so the scaled kommune stays valid (tenants fit).
	nb.base.segments = nb.base.segments.map((s) => ({ ...s, dwellings: Math.max(1, Math.ceil(s.dwellings * k)) }));
	nb.base.vacant = Math.floor(nb.base.vacant * k);
	for (const g of Object.values(nb.base.groups)) {
		g.tenants = Math.floor(g.tenants * k);
		g.waiting = Math.floor(g.waiting * k);
		if (g.newTenantsLastYear !== undefined) g.newTenantsLastYear = Math.floor(g.newTenantsLastYear * k);
	}
	for (const s of nb.scenarios) {
		s.assumptions.monteCarlo = { ...s.assumptions.monteCarlo, draws };
		// The decided measures (the stock changes of schema 3) scale with the kommune; proposed ones stay.
		const plan = s.assumptions.plan;
		if (plan)
			plan.measures = plan.measures
				.map((m) => (m.decided ? { ...m, count: Math.trunc(m.count * k) } : m))
				.filter((m) => !m.decided || m.count !== 0);
	}
	return nb;
}

/** `count` notebooks with `scenarios` scenarios each, as .boligbehov.json texts. */
export function generateNotebookFiles(count: number, opts: { scenarios: number; draws: number; seed?: number }): { name: string; text: string }[] {
	const random = prng(opts.seed ?? 357);
	const now = new Date('2026-11-29T00:00:00.000Z');
	return Array.from({ length: count }, (_, i) => {
		const k = Math.exp(Math.log(0.05) + random() * (Math.log(40) - Math.log(0.05)));
		const nb = scaledExample(k, i, opts.draws);
		if (nb.scenarios.length < opts.scenarios) throw new Error(`the example has only ${nb.scenarios.length} scenarios`);
		nb.scenarios = nb.scenarios.slice(0, opts.scenarios);
		return { name: `benchkommune-${String(i + 1).padStart(3, '0')}.boligbehov.json`, text: serializeNotebook(nb, { now, appVersion: 'bench' }) };
	});
}
