/**
 * Property tests (fast-check) over random valid inputs: stocks and flows balance every year,
 * nothing is negative or non-finite, capacity never exceeds entitlements, and the Monte Carlo
 * agrees with the deterministic run when nothing is uncertain.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runMonteCarlo, runProjection, validateInput, MC_SERIES } from '#lib/core/engine/index.ts';
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { DemandDriver, GroupAssumptions, StockChange, TenureModel } from '#lib/core/model/assumptions.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { GroupSeries, MonteCarloResult } from '#lib/core/model/result.ts';
import type { StockSegment } from '#lib/core/model/base-data.ts';
import { fixed, type Uncertain } from '#lib/core/model/uncertain.ts';
import { flatPopulation } from './fixtures.ts';

const T0 = 2024;

/** An uncertain value in [lo, hi]: fixed, triangular or (for positive ranges) P10–P90. */
const uncertain = (lo: number, hi: number, allowSpread = true): fc.Arbitrary<Uncertain> => {
	const val = fc.double({ min: lo, max: hi, noNaN: true });
	if (!allowSpread) return val.map(fixed);
	return fc.oneof(
		val.map(fixed),
		fc.tuple(val, val, val).map(([a, b, c]) => {
			const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
			return { value, spread: { kind: 'triangular' as const, low, high } };
		}),
		...(lo > 0 ? [fc.tuple(val, val).map(([a, b]) => ({ value: Math.sqrt(a * b), spread: { kind: 'p10p90' as const, p10: Math.min(a, b), p90: Math.max(a, b) } }))] : [])
	);
};

const series = fc.dictionary(fc.integer({ min: T0, max: T0 + 35 }).map(String), fc.double({ min: 0, max: 500, noNaN: true }), { maxKeys: 6 });

const demand: fc.Arbitrary<DemandDriver> = fc.oneof(
	fc.record({
		kind: fc.constant('rate' as const),
		band: fc.constant({ from: 18, to: 66 }),
		ratePer1000: fc.option(uncertain(0, 20), { nil: undefined }),
		trendPctPerYear: uncertain(-10, 10)
	}),
	fc.record({
		kind: fc.constant('prevalence' as const),
		band: fc.constant({ from: 80 }),
		sharePct: fc.option(uncertain(0.1, 30), { nil: undefined }),
		targetSharePct: fc.option(uncertain(0.1, 30), { nil: undefined }),
		targetYear: fc.option(fc.integer({ min: T0 + 1, max: T0 + 40 }), { nil: undefined })
	}),
	fc.record({
		kind: fc.constant('refugees' as const),
		settledPerYear: series,
		shareNeedingPct: uncertain(1, 100),
		personsPerHousehold: uncertain(0.5, 6)
	}),
	fc.record({ kind: fc.constant('manual' as const), perYear: series })
);

const tenure: fc.Arbitrary<TenureModel> = fc.oneof(
	fc.record({ kind: fc.constant('botid' as const), years: uncertain(0.2, 40) }),
	fc.record({ kind: fc.constant('lease' as const), leaseYears: fc.integer({ min: 1, max: 10 }), renewalPct: uncertain(0, 95) }),
	fc.record({ kind: fc.constant('exitRate' as const), pctPerYear: uncertain(0.5, 100) })
);

const group: fc.Arbitrary<GroupAssumptions> = fc.record({
	demand,
	tenure,
	turnoverTarget: fc.option(fc.record({ changePct: uncertain(-80, 100), byYear: fc.integer({ min: T0 + 1, max: T0 + 40 }) }), { nil: undefined }),
	waitingAttritionPctPerYear: uncertain(0, 100)
});

const groupsArb = fc.tuple(group, group, group, group, group).map((gs) => Object.fromEntries(GROUP_IDS.map((g, i) => [g, gs[i]])) as Record<GroupId, GroupAssumptions>);

const segmentsArb = fc
	.tuple(
		fc.integer({ min: 0, max: 400 }),
		fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.subarray([...GROUP_IDS], { minLength: 1 })), { maxLength: 2 }),
		fc.boolean()
	)
	.map(([shared, earmarked, withShared]): StockSegment[] => {
		const segs: StockSegment[] = earmarked.map(([d, gs], i) => ({ id: `e${i}`, name: `Øremerket ${i}`, groups: gs, dwellings: d }));
		if (withShared || segs.length === 0) segs.unshift({ id: 'ord', name: 'Ordinære boliger', groups: 'all', dwellings: shared });
		return segs;
	});

export const inputArb = (opts: { noInitialTenants?: boolean; growingStock?: boolean } = {}): fc.Arbitrary<EngineInput> =>
	fc
		.record({
			horizon: fc.integer({ min: 1, max: 30 }),
			mode: fc.constantFrom('need' as const, 'capacity' as const),
			groups: groupsArb,
			segments: segmentsArb,
			tenants: fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 5, maxLength: 5 }),
			waiting: fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 5, maxLength: 5 }),
			vacancy: uncertain(0, 20),
			changes: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: opts.growingStock ? 0 : -20, max: 40 })), { maxLength: 6 }),
			priority: fc.option(fc.shuffledSubarray([...GROUP_IDS]), { nil: undefined }),
			popGrowth: fc.double({ min: -0.03, max: 0.05, noNaN: true }),
			popYears: fc.integer({ min: 0, max: 30 })
		})
		.map((r): EngineInput => {
			const pop = flatPopulation(T0, T0 + r.popYears, 50);
			pop.values = pop.values.map((row, y) => row.map((v, a) => (a >= 60 ? v * Math.pow(1 + r.popGrowth, y) : v)));
			const changes: StockChange[] = r.changes.map(([dy, count], i) => ({
				year: T0 + dy,
				segmentId: r.segments[i % r.segments.length]?.id ?? 'ord',
				kind: count >= 0 ? 'nybygg' : 'salg',
				count
			}));
			return {
				base: {
					baseYear: T0,
					segments: r.segments,
					vacant: 0,
					groups: Object.fromEntries(
						GROUP_IDS.map((g, i) => [g, { tenants: opts.noInitialTenants ? 0 : (r.tenants[i] as number), waiting: r.waiting[i] as number }])
					) as EngineInput['base']['groups'],
					provenance: { kind: 'entered', source: 'fast-check' }
				},
				population: pop,
				scenario: {
					horizonYears: r.horizon,
					mode: r.mode,
					groups: r.groups,
					vacancyTargetPct: r.vacancy,
					stockChanges: changes,
					allocation: r.priority ? { kind: 'priority', order: r.priority } : { kind: 'proportional' },
					monteCarlo: { seed: 1, draws: 20 }
				}
			};
		})
		// stock changes that would take a segment below zero are invalid input; drop such cases
		.filter((input) => validateInput(input).length === 0);

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

function checkSeries(name: string, s: GroupSeries | Record<string, Float64Array>) {
	for (const [k, arr] of Object.entries(s)) {
		for (const x of arr as Float64Array) {
			expect(Number.isFinite(x), `${name}.${k} finite`).toBe(true);
			if (k !== 'gap') expect(x, `${name}.${k} ≥ 0`).toBeGreaterThanOrEqual(0);
		}
	}
}

// Generous timeouts: the machine is shared; these are not timing tests.
const SLOW = { timeout: 120_000 };

describe('invariants (property tests)', () => {
	it('stocks and flows balance exactly every year; no negative or non-finite values', SLOW, () => {
		fc.assert(
			fc.property(inputArb(), (input) => {
				const r = runProjection(input);
				let scale = 1;
				for (const g of GROUP_IDS) for (const x of r.groups[g].need) scale = Math.max(scale, x);
				for (const g of GROUP_IDS) {
					const s = r.groups[g];
					checkSeries(g, s);
					for (let t = 1; t < r.years.length; t++) {
						const h = (s.tenants[t - 1] as number) - (s.exits[t] as number) + (s.moveIns[t] as number);
						const q = (s.waiting[t - 1] as number) + (s.newNeed[t] as number) - (s.moveIns[t] as number) - (s.waitingAttrition[t] as number);
						expect(close(s.tenants[t] as number, h, scale), `${g} tenants balance t=${t}`).toBe(true);
						expect(close(s.waiting[t] as number, q, scale), `${g} waiting balance t=${t}`).toBe(true);
						expect(s.need[t]).toBe((s.tenants[t] as number) + (s.waiting[t] as number));
					}
				}
				checkSeries('total', r.total as unknown as Record<string, Float64Array>);
				for (let t = 0; t < r.years.length; t++) {
					let h = 0;
					for (const g of GROUP_IDS) h += r.groups[g].tenants[t] as number;
					expect(r.total.tenants[t]).toBe(h);
					expect(r.total.gap[t]).toBe((r.total.requiredStock[t] as number) - (r.total.plannedStock[t] as number));
					expect(r.total.gapCumulative[t] as number).toBeGreaterThanOrEqual(Math.max(0, r.total.gap[t] as number));
					if (t > 0) expect(r.total.gapCumulative[t] as number).toBeGreaterThanOrEqual(r.total.gapCumulative[t - 1] as number);
				}
				if (input.scenario.mode === 'need') for (const x of r.total.waiting.subarray(1)) expect(x).toBe(0);
			}),
			{ numRuns: 300 }
		);
	});

	it('capacity mode: occupancy stays within usable capacity and each group within its entitlement', SLOW, () => {
		fc.assert(
			fc.property(inputArb({ noInitialTenants: true, growingStock: true }), (input) => {
				input.scenario.mode = 'capacity';
				const r = runProjection(input);
				const v = input.scenario.vacancyTargetPct.value / 100;
				const segs = input.base.segments;
				for (let t = 0; t < r.years.length; t++) {
					const year = r.years[t] as number;
					const segStock = segs.map(
						(s) => s.dwellings + input.scenario.stockChanges.filter((c) => c.segmentId === s.id && c.year <= year).reduce((a, c) => a + c.count, 0)
					);
					const usable = segStock.reduce((a, x) => a + x, 0) * (1 - v);
					expect(r.total.tenants[t] as number).toBeLessThanOrEqual(usable + 1e-6);
					for (const g of GROUP_IDS) {
						const entitled = segs.reduce((a, s, i) => a + (s.groups === 'all' || s.groups.includes(g) ? (segStock[i] as number) * (1 - v) : 0), 0);
						expect(r.groups[g].tenants[t] as number).toBeLessThanOrEqual(entitled + 1e-6);
					}
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('Monte Carlo without spreads: every percentile is the deterministic value', SLOW, () => {
		const strip = (u: Uncertain): Uncertain => ({ value: u.value });
		fc.assert(
			fc.property(inputArb(), (input) => {
				const sc = input.scenario;
				sc.vacancyTargetPct = strip(sc.vacancyTargetPct);
				const json = JSON.stringify(sc, (k, v) => (k === 'spread' ? undefined : v));
				input.scenario = JSON.parse(json);
				const det = runProjection(input);
				const mc = runMonteCarlo(input, { draws: 9 }) as MonteCarloResult;
				for (const key of MC_SERIES) {
					const [head, field] = key.split('.') as [string, string];
					const src = (head === 'total' ? det.total : det.groups[head as GroupId]) as unknown as Record<string, Float64Array>;
					expect(Array.from(mc.bands[key]?.[50] ?? [])).toEqual(Array.from(src[field] as Float64Array));
					expect(Array.from(mc.bands[key]?.[5] ?? [])).toEqual(Array.from(src[field] as Float64Array));
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('Monte Carlo: same seed identical, every draw within the valid domain (finite, ≥ 0)', SLOW, () => {
		fc.assert(
			fc.property(inputArb(), fc.integer(), (input, seed) => {
				const a = runMonteCarlo(input, { draws: 25, seed }) as MonteCarloResult;
				const b = runMonteCarlo(input, { draws: 25, seed }) as MonteCarloResult;
				expect(a).toEqual(b);
				for (const [key, band] of Object.entries(a.bands)) {
					for (const arr of Object.values(band)) {
						for (const x of arr) {
							expect(Number.isFinite(x)).toBe(true);
							if (key !== 'total.gap') expect(x).toBeGreaterThanOrEqual(0);
						}
					}
				}
			}),
			{ numRuns: 40 }
		);
	});
});
