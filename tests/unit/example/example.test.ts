import { describe, expect, it } from 'vitest';
import {
	createExampleNotebook,
	EXAMPLE_NOTEBOOK_ID,
	EXAMPLE_SCENARIO_IDS
} from '#lib/core/example/index.ts';
import { EXAMPLE_OTHER_HOUSEHOLDS, EXAMPLE_PLACEMENT } from '#lib/core/example/base-data.ts';
import { TURNOVER_CHANGE_PCT, TURNOVER_GROUPS } from '#lib/core/example/scenarios.ts';
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { AgeBand, PopulationSeries, YearSeries } from '#lib/core/model/population.ts';
import type { TenureModel } from '#lib/core/model/assumptions.ts';
import type { Cell, ChartKind } from '#lib/core/model/notebook.ts';
import { planToStockChanges } from '#lib/core/plan/measures.ts';

const nb = createExampleNotebook();
const pop = nb.population;
const base = nb.base;

function bandSum(p: PopulationSeries, year: number, band: AgeBand): number {
	const row = p.values[p.years.indexOf(year)];
	if (!row) throw new Error(`no population for ${year}`);
	const to = band.to ?? p.ages.length - 1;
	let s = 0;
	for (let a = band.from; a <= to; a++) s += row[a] ?? 0;
	return s;
}

function meanTenure(t: TenureModel): number {
	if (t.kind === 'botid') return t.years.value;
	if (t.kind === 'lease') return t.leaseYears / (1 - t.renewalPct.value / 100);
	return 100 / t.pctPerYear.value;
}

function seriesAt(s: YearSeries, year: number): number {
	const keys = Object.keys(s).map(Number);
	const last = Math.max(...keys);
	return s[String(Math.min(year, last))] ?? 0;
}

function scenario(id: string) {
	const s = nb.scenarios.find((x) => x.id === id);
	if (!s) throw new Error(`no scenario ${id}`);
	return s;
}

describe('example population', () => {
	it('covers ages 0–105 and years 2025–2055 with whole, non-negative numbers', () => {
		expect(pop.years).toEqual(Array.from({ length: 31 }, (_, i) => 2025 + i));
		expect(pop.ages).toEqual(Array.from({ length: 106 }, (_, i) => i));
		expect(pop.values).toHaveLength(31);
		for (const row of pop.values) {
			expect(row).toHaveLength(106);
			for (const v of row) {
				expect(Number.isInteger(v)).toBe(true);
				expect(v).toBeGreaterThanOrEqual(0);
			}
		}
		expect(pop.provenance.kind).toBe('example');
		expect(pop.provenance.source).toBe('Eksempeldata (fiktiv befolkningsframskriving)');
	});

	it('has about 20 000 inhabitants in 2025 and a modest change to 2055', () => {
		const t2025 = bandSum(pop, 2025, { from: 0 });
		expect(t2025).toBeGreaterThan(19_900);
		expect(t2025).toBeLessThan(20_100);
		const t2055 = bandSum(pop, 2055, { from: 0 });
		expect(t2055 / t2025).toBeGreaterThan(0.9);
		expect(t2055 / t2025).toBeLessThan(1.15);
	});

	it('has a plausible age structure and strong growth of 80+ as the post-war cohorts age', () => {
		const total = bandSum(pop, 2025, { from: 0 });
		const old80 = bandSum(pop, 2025, { from: 80 });
		expect(old80 / total).toBeGreaterThan(0.045);
		expect(old80 / total).toBeLessThan(0.065);
		const children = bandSum(pop, 2025, { from: 0, to: 17 });
		expect(children / total).toBeGreaterThan(0.18);
		expect(children / total).toBeLessThan(0.24);
		// SSB's main alternative roughly doubles 80+ nationally from 2025 to the mid-2040s.
		expect(bandSum(pop, 2035, { from: 80 }) / old80).toBeGreaterThan(1.3);
		expect(bandSum(pop, 2040, { from: 80 }) / old80).toBeGreaterThan(1.5);
		expect(bandSum(pop, 2055, { from: 80 }) / old80).toBeLessThan(3);
		// 80+ grows every year to 2045.
		for (let y = 2026; y <= 2045; y++) {
			expect(bandSum(pop, y, { from: 80 })).toBeGreaterThan(bandSum(pop, y - 1, { from: 80 }));
		}
	});
});

describe('example base data', () => {
	const stock = base.segments.reduce((s, x) => s + x.dwellings, 0);
	const tenants = (g: GroupId): number => base.groups[g].tenants;

	it('is shaped after Kommune A: ROP the largest group (≈ 55), andre the smallest (≈ 15)', () => {
		expect(tenants('rop')).toBeGreaterThanOrEqual(50);
		expect(tenants('rop')).toBeLessThanOrEqual(60);
		expect(tenants('andre')).toBeGreaterThanOrEqual(10);
		expect(tenants('andre')).toBeLessThanOrEqual(20);
		for (const g of GROUP_IDS) {
			if (g !== 'rop') expect(tenants(g)).toBeLessThan(tenants('rop'));
			if (g !== 'andre') expect(tenants(g)).toBeGreaterThan(tenants('andre'));
		}
	});

	it('has 10–20 dwellings per 1 000 inhabitants and 5–7 % vacancy', () => {
		const perThousand = (stock / bandSum(pop, 2025, { from: 0 })) * 1000;
		expect(perThousand).toBeGreaterThanOrEqual(10);
		expect(perThousand).toBeLessThanOrEqual(20);
		expect(base.vacant / stock).toBeGreaterThanOrEqual(0.05);
		expect(base.vacant / stock).toBeLessThanOrEqual(0.07);
	});

	it('fits the stock: tenants + other households + vacant = dwellings, in total and per segment', () => {
		const sumTenants = GROUP_IDS.reduce((s, g) => s + tenants(g), 0);
		expect(sumTenants + EXAMPLE_OTHER_HOUSEHOLDS + base.vacant).toBe(stock);
		let vacant = 0;
		const placed: Record<string, number> = {};
		for (const seg of base.segments) {
			const p = EXAMPLE_PLACEMENT[seg.id];
			expect(p, seg.id).toBeDefined();
			if (!p) continue;
			let occupied = p.other;
			for (const [g, n] of Object.entries(p.tenants)) {
				if (seg.groups !== 'all') expect(seg.groups).toContain(g);
				occupied += n;
				placed[g] = (placed[g] ?? 0) + n;
			}
			expect(occupied + p.vacant).toBe(seg.dwellings);
			vacant += p.vacant;
		}
		expect(vacant).toBe(base.vacant);
		for (const g of GROUP_IDS) expect(placed[g]).toBe(tenants(g));
	});

	it('gives every group no more tenants than the dwellings it may live in', () => {
		for (const g of GROUP_IDS) {
			const room = base.segments
				.filter((s) => s.groups === 'all' || s.groups.includes(g))
				.reduce((s, x) => s + x.dwellings, 0);
			expect(tenants(g)).toBeLessThanOrEqual(room);
		}
	});

	it('has new tenants last year consistent with each group’s tenure (within 25 %)', () => {
		const ga = scenario(EXAMPLE_SCENARIO_IDS.basis).assumptions.groups;
		for (const g of GROUP_IDS) {
			const nt = base.groups[g].newTenantsLastYear;
			expect(nt, g).toBeGreaterThan(0);
			const implied = tenants(g) / (nt as number);
			const assumed = meanTenure(ga[g].tenure);
			expect(Math.abs(implied / assumed - 1), g).toBeLessThan(0.25);
		}
		// Transitional groups turn over faster than lifelong ones; the national average is about 8 years (003:L891).
		expect(meanTenure(ga.flyktning.tenure)).toBeLessThan(8);
		expect(meanTenure(ga.andre.tenure)).toBeLessThan(8);
		expect(meanTenure(ga.funksjon.tenure)).toBeGreaterThan(8);
	});
});

describe('example scenarios', () => {
	const basis = scenario(EXAMPLE_SCENARIO_IDS.basis);

	it('has unique ids, Basis first, variants based on Basis', () => {
		const ids = nb.scenarios.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids[0]).toBe('basis');
		expect(ids).toContain('okt-gjennomstromming');
		expect(ids).toContain('flere-flyktninger');
		for (const s of nb.scenarios.slice(1)) expect(s.basedOn).toBe('basis');
		expect(basis.name).toBe('Basis');
		expect(basis.assumptions.mode).toBe('need');
	});

	it('gives every scenario all five groups and the shared settings', () => {
		for (const s of nb.scenarios) {
			expect(Object.keys(s.assumptions.groups).sort()).toEqual([...GROUP_IDS].sort());
			expect(s.assumptions.horizonYears).toBe(30);
			expect(s.assumptions.monteCarlo).toEqual({ seed: 20251231, draws: 2000 });
			expect(s.assumptions.vacancyTargetPct).toEqual({ value: 5, spread: { kind: 'triangular', low: 4, high: 7 } });
			expect(s.name.length).toBeGreaterThan(0);
			expect(s.description.length).toBeGreaterThan(20);
		}
	});

	it('starts in balance: base-year inflow of the rate groups ≈ tenants / mean tenure', () => {
		for (const g of GROUP_IDS) {
			const ga = basis.assumptions.groups[g];
			const d = ga.demand;
			const exits = base.groups[g].tenants / meanTenure(ga.tenure);
			if (d.kind === 'rate') {
				expect(d.ratePer1000, g).toBeDefined();
				const inflow = ((d.ratePer1000?.value ?? 0) * bandSum(pop, 2025, d.band)) / 1000;
				expect(Math.abs(inflow / exits - 1), g).toBeLessThan(0.05);
			} else if (d.kind === 'refugees') {
				const inflow = (seriesAt(d.settledPerYear, 2025) * d.shareNeedingPct.value) / 100 / d.personsPerHousehold.value;
				expect(Math.abs(inflow / (base.groups[g].newTenantsLastYear ?? 0) - 1), g).toBeLessThan(0.1);
			}
		}
	});

	it('uses the demand drivers and tenure models the brief asks for', () => {
		const g = basis.assumptions.groups;
		expect(g.rop.demand).toMatchObject({ kind: 'rate', band: { from: 18, to: 66 } });
		expect(g.funksjon.tenure.kind).toBe('exitRate');
		expect(g.eldre.demand).toMatchObject({ kind: 'prevalence', band: { from: 80 } });
		expect(g.eldre.tenure.kind).toBe('exitRate');
		expect(g.flyktning.demand.kind).toBe('refugees');
		expect(g.flyktning.tenure.kind).toBe('lease');
		expect(g.andre.demand).toMatchObject({ kind: 'rate', band: { from: 18 } });
		// Table 6.3 in 003: clear increase for ROP, gradual increase for funksjon, reduced for andre.
		if (g.rop.demand.kind === 'rate') expect(g.rop.demand.trendPctPerYear.value).toBeGreaterThan(0);
		if (g.funksjon.demand.kind === 'rate') expect(g.funksjon.demand.trendPctPerYear.value).toBeGreaterThan(0);
		if (g.andre.demand.kind === 'rate') expect(g.andre.demand.trendPctPerYear.value).toBeLessThan(0);
		// The eldre share falls slightly.
		if (g.eldre.demand.kind === 'prevalence') {
			const today = ((base.groups.eldre.tenants + base.groups.eldre.waiting) / bandSum(pop, 2025, { from: 80 })) * 100;
			expect(g.eldre.demand.targetSharePct?.value).toBeLessThan(today);
			expect(g.eldre.demand.targetSharePct?.value).toBeGreaterThan(today * 0.75);
		}
		// Key uncertain assumptions carry a spread so the Monte Carlo fan shows.
		expect(g.rop.tenure.kind === 'botid' && g.rop.tenure.years.spread).toBeTruthy();
		expect(g.andre.tenure.kind === 'botid' && g.andre.tenure.years.spread).toBeTruthy();
		expect(g.flyktning.demand.kind === 'refugees' && g.flyktning.demand.shareNeedingPct.spread).toBeTruthy();
	});

	it('has decided stock changes after the base year that never empty a segment', () => {
		const plan = basis.assumptions.plan!;
		const changes = planToStockChanges({ ...plan, measures: plan.measures.filter((m) => m.decided) });
		expect(changes.length).toBeGreaterThan(0);
		for (const seg of base.segments) {
			let n = seg.dwellings;
			for (let y = 2026; y <= 2055; y++) {
				for (const c of changes) if (c.segmentId === seg.id && c.year === y) n += c.count;
				expect(n).toBeGreaterThanOrEqual(0);
			}
		}
		for (const c of changes) {
			expect(c.year).toBeGreaterThan(2025);
			expect(base.segments.map((s) => s.id)).toContain(c.segmentId);
		}
		expect(changes.some((c) => c.year === 2027 && c.segmentId === 'bemannet' && c.count > 0)).toBe(true);
		expect(changes.some((c) => c.kind === 'salg' && c.count < 0)).toBe(true);
	});

	it('"Økt gjennomstrømming" shortens botid by 10 % by 2030 for the transitional groups only', () => {
		const t = scenario(EXAMPLE_SCENARIO_IDS.turnover).assumptions.groups;
		for (const g of GROUP_IDS) {
			const target = t[g].turnoverTarget;
			if (TURNOVER_GROUPS.includes(g)) {
				expect(target, g).toEqual({ changePct: { value: TURNOVER_CHANGE_PCT }, byYear: 2030 });
				expect(1 / (1 + TURNOVER_CHANGE_PCT / 100)).toBeCloseTo(0.9, 3);
			} else {
				expect(target, g).toBeUndefined();
				expect('turnoverTarget' in t[g]).toBe(false);
			}
		}
		// Nothing else differs from Basis.
		const stripped = structuredClone(t);
		for (const g of TURNOVER_GROUPS) delete stripped[g].turnoverTarget;
		expect(stripped).toEqual(basis.assumptions.groups);
	});

	it('"Flere flyktninger" settles more refugees every year from 2026 and changes nothing else', () => {
		const f = scenario(EXAMPLE_SCENARIO_IDS.refugees).assumptions;
		const hi = f.groups.flyktning.demand;
		const lo = basis.assumptions.groups.flyktning.demand;
		if (hi.kind !== 'refugees' || lo.kind !== 'refugees') throw new Error('refugee driver expected');
		for (let y = 2026; y <= 2055; y++) expect(seriesAt(hi.settledPerYear, y)).toBeGreaterThan(seriesAt(lo.settledPerYear, y));
		expect(seriesAt(hi.settledPerYear, 2025)).toBe(seriesAt(lo.settledPerYear, 2025));
		const same = structuredClone(f);
		if (same.groups.flyktning.demand.kind === 'refugees') same.groups.flyktning.demand.settledPerYear = lo.settledPerYear;
		expect(same).toEqual(basis.assumptions);
	});

	it('the capacity variant differs from Basis only in its mode', () => {
		const k = structuredClone(scenario(EXAMPLE_SCENARIO_IDS.capacity).assumptions);
		expect(k.mode).toBe('capacity');
		k.mode = 'need';
		expect(k).toEqual(basis.assumptions);
	});
});

describe('example cells', () => {
	const scenarioIds = new Set(nb.scenarios.map((s) => s.id));
	const refs = (c: Cell): string[] =>
		c.kind === 'note' ? [] : c.kind === 'assumptions' || c.kind === 'key-figures' || c.kind === 'plan' ? [c.scenarioId] : c.scenarioIds;

	it('have unique ids and reference existing scenarios and years in the horizon', () => {
		const ids = nb.cells.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const c of nb.cells) {
			if (c.kind !== 'note') expect(refs(c).length, c.id).toBeGreaterThan(0);
			for (const id of refs(c)) expect(scenarioIds.has(id), `${c.id} → ${id}`).toBe(true);
			if ('year' in c && c.year !== undefined) {
				expect(c.year).toBeGreaterThan(2025);
				expect(c.year).toBeLessThanOrEqual(2055);
			}
		}
	});

	it('show every chart kind, a table, key figures, an assumptions cell and a comparison of three scenarios', () => {
		const kinds: ChartKind[] = ['need-by-group', 'required-vs-planned', 'flows', 'monte-carlo-fan', 'scenario-comparison', 'tornado'];
		for (const k of kinds) expect(nb.cells.some((c) => c.kind === 'chart' && c.chart === k), k).toBe(true);
		const tornado = nb.cells.find((c) => c.kind === 'chart' && c.chart === 'tornado');
		expect(tornado && 'year' in tornado ? tornado.year : undefined).toBe(2035);
		expect(nb.cells.some((c) => c.kind === 'table')).toBe(true);
		expect(nb.cells.some((c) => c.kind === 'key-figures' && c.scenarioId === 'basis' && c.year === 2035)).toBe(true);
		expect(nb.cells.some((c) => c.kind === 'assumptions' && c.scenarioId === 'basis')).toBe(true);
		const cmp = nb.cells.find((c) => c.kind === 'comparison');
		expect(cmp?.kind === 'comparison' && cmp.scenarioIds).toEqual(['basis', 'okt-gjennomstromming', 'flere-flyktninger']);
		expect(cmp?.kind === 'comparison' && cmp.year).toBe(2035);
	});

	it('open with a note that says the kommune is fictional and explain the botid identity', () => {
		const first = nb.cells[0];
		expect(first?.kind).toBe('note');
		expect(first?.kind === 'note' && first.markdown).toMatch(/fiktiv/i);
		const law = nb.cells.find((c) => c.id === 'botid-og-gjennomstromming');
		expect(law?.kind).toBe('note');
		const md = law?.kind === 'note' ? law.markdown : '';
		expect(md).toContain('nye leieforhold per år × gjennomsnittlig botid');
		expect(md).toContain('9 % færre boliger');
		expect(md).toContain('98 200');
		for (const c of nb.cells) if (c.kind === 'note') expect(c.markdown.trim().length, c.id).toBeGreaterThan(100);
	});

	it('mark several cells as slides, each with speaker notes', () => {
		const slides = nb.cells.filter((c) => c.slide);
		expect(slides.length).toBeGreaterThanOrEqual(5);
		for (const c of slides) expect(c.speakerNotes?.length ?? 0, c.id).toBeGreaterThan(20);
	});
});

describe('example notebook', () => {
	it('is the fictional Eksempelkommune with stable id and title', () => {
		expect(nb.id).toBe(EXAMPLE_NOTEBOOK_ID);
		expect(nb.id).toBe('eksempelkommune');
		expect(nb.kommune).toEqual({ name: 'Eksempelkommune', number: '', fictional: true });
		expect(nb.title).toBe('Eksempelkommune – boligbehov 2025–2055');
		expect(nb.base.baseYear).toBe(2025);
		expect(nb.createdAt).toBe('2026-01-01T00:00:00.000Z');
		expect(nb.updatedAt).toBe(nb.createdAt);
		const later = createExampleNotebook('2026-03-01T12:00:00.000Z');
		expect(later.createdAt).toBe('2026-03-01T12:00:00.000Z');
		expect(later.updatedAt).toBe('2026-03-01T12:00:00.000Z');
	});

	it('is deterministic and calls share no objects', () => {
		const a = createExampleNotebook();
		const b = createExampleNotebook();
		expect(a).toEqual(b);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		// Mutating one notebook must not leak into the next (no shared constants).
		a.scenarios[0]?.assumptions.plan?.measures.push({ decisionYear: 2030, segmentId: 'ordinaer', kind: 'kjop', count: 1, decided: true });
		const staffed = a.base.segments[1]?.groups;
		if (Array.isArray(staffed)) staffed.push('andre');
		const dem = a.scenarios[0]?.assumptions.groups.flyktning.demand;
		if (dem?.kind === 'refugees') dem.settledPerYear['2040'] = 999;
		expect(createExampleNotebook()).toEqual(b);
	});

	it('survives a JSON round trip unchanged, with no undefined values', () => {
		const copy: unknown = JSON.parse(JSON.stringify(nb));
		expect(copy).toStrictEqual(nb);
		const walk = (x: unknown, path: string): void => {
			if (x === undefined) throw new Error(`undefined at ${path}`);
			if (typeof x === 'number') expect(Number.isFinite(x), path).toBe(true);
			if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${path}.${i}`));
			else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
		};
		walk(nb, 'notebook');
	});
});
