/**
 * Engine fixtures, shared with the worker tests and the benchmark.
 *
 * `exampleInput()` is a realistic, fictional kommune of about 20 000 inhabitants (in the spirit of
 * Kommune A in report 003, chapter 4): five groups with every demand driver and tenure model,
 * three stock segments (shared pool, staffed dwellings for ROP and funksjon, omsorgsboliger for
 * eldre), planned stock changes and several uncertain assumptions (triangular and P10–P90).
 */
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import type { EngineInput, EngineScenario } from '#lib/core/model/engine-input.ts';
import type { GroupAssumptions, ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { BaseData, GroupBase } from '#lib/core/model/base-data.ts';
import type { PopulationSeries } from '#lib/core/model/population.ts';
import { fixed, p10p90, triangular } from '#lib/core/model/uncertain.ts';

export const MAX_AGE = 105;

/** Population with `perAge` persons at every age, constant over the years. */
export function flatPopulation(firstYear: number, lastYear: number, perAge = 100): PopulationSeries {
	const years: number[] = [];
	for (let y = firstYear; y <= lastYear; y++) years.push(y);
	const ages = Array.from({ length: MAX_AGE + 1 }, (_, a) => a);
	return {
		years,
		ages,
		values: years.map(() => ages.map(() => perAge)),
		provenance: { kind: 'example', source: 'Testdata (fiktiv)' }
	};
}

/**
 * A fictional kommune of about 20 000 inhabitants, 2024–2050: the young bands flat, 67–79 growing
 * 1.5 %/year, 80+ growing 3.5 %/year (the post-war cohorts turning 80).
 */
export function examplePopulation(firstYear = 2024, lastYear = 2050): PopulationSeries {
	const years: number[] = [];
	for (let y = firstYear; y <= lastYear; y++) years.push(y);
	const ages = Array.from({ length: MAX_AGE + 1 }, (_, a) => a);
	const shape = (a: number): number => (a < 67 ? 255 : a < 80 ? 200 : Math.max(0, 160 * Math.exp(-(a - 80) / 6)));
	const values = years.map((y) =>
		ages.map((a) => {
			const k = y - firstYear;
			const growth = a >= 80 ? Math.pow(1.035, k) : a >= 67 ? Math.pow(1.015, k) : 1;
			return Math.round(shape(a) * growth * 100) / 100;
		})
	);
	return { years, ages, values, provenance: { kind: 'example', source: 'Eksempeldata (fiktiv)' } };
}

export function exampleBase(baseYear = 2024): BaseData {
	const groups: Record<GroupId, GroupBase> = {
		rop: { tenants: 90, waiting: 12, newTenantsLastYear: 17 },
		funksjon: { tenants: 70, waiting: 8 },
		eldre: { tenants: 35, waiting: 5 },
		flyktning: { tenants: 90, waiting: 5, newTenantsLastYear: 30 },
		andre: { tenants: 30, waiting: 6 }
	};
	return {
		baseYear,
		segments: [
			{ id: 'ord', name: 'Ordinære boliger', groups: 'all', dwellings: 300 },
			{ id: 'bemannet', name: 'Bemannede boliger', groups: ['rop', 'funksjon'], dwellings: 40 },
			{ id: 'omsorg', name: 'Omsorgsboliger', groups: ['eldre'], dwellings: 30 }
		],
		vacant: 20,
		groups,
		provenance: { kind: 'example', source: 'Eksempeldata (fiktiv)' }
	};
}

export function exampleScenario(mode: 'need' | 'capacity' = 'need', horizonYears = 30): EngineScenario {
	const groups: Record<GroupId, GroupAssumptions> = {
		rop: {
			demand: { kind: 'rate', band: { from: 18, to: 66 }, trendPctPerYear: triangular(0, 1, 3) },
			tenure: { kind: 'botid', years: triangular(4, 5, 7) },
			turnoverTarget: { changePct: triangular(0, 10, 15), byYear: 2030 },
			waitingAttritionPctPerYear: triangular(5, 10, 20)
		},
		funksjon: {
			demand: { kind: 'rate', band: { from: 18, to: 66 }, ratePer1000: p10p90(0.2, 0.35), trendPctPerYear: fixed(0.5) },
			tenure: { kind: 'exitRate', pctPerYear: p10p90(3.5, 7) },
			waitingAttritionPctPerYear: fixed(5)
		},
		eldre: {
			demand: { kind: 'prevalence', band: { from: 80 }, targetSharePct: triangular(2.5, 3, 3.7), targetYear: 2035 },
			tenure: { kind: 'exitRate', pctPerYear: triangular(15, 20, 25) },
			waitingAttritionPctPerYear: fixed(10)
		},
		flyktning: {
			demand: {
				kind: 'refugees',
				settledPerYear: { '2024': 60, '2025': 50, '2026': 40 },
				shareNeedingPct: p10p90(40, 70),
				personsPerHousehold: triangular(2, 2.5, 3.2)
			},
			tenure: { kind: 'lease', leaseYears: 5, renewalPct: triangular(10, 30, 50) },
			waitingAttritionPctPerYear: fixed(20)
		},
		andre: {
			demand: { kind: 'manual', perYear: { '2025': 10, '2026': 9, '2027': 8 } },
			tenure: { kind: 'lease', leaseYears: 3, renewalPct: fixed(50) },
			turnoverTarget: { changePct: fixed(10), byYear: 2028 },
			waitingAttritionPctPerYear: triangular(10, 20, 30)
		}
	};
	return {
		horizonYears,
		mode,
		groups,
		vacancyTargetPct: triangular(3, 5, 8),
		stockChanges: [
			{ year: 2026, segmentId: 'bemannet', kind: 'nybygg', count: 8 },
			{ year: 2028, segmentId: 'ord', kind: 'kjop', count: 10 },
			{ year: 2030, segmentId: 'ord', kind: 'salg', count: -5 },
			{ year: 2032, segmentId: 'omsorg', kind: 'nybygg', count: 12 },
			{ year: 2035, segmentId: 'ord', kind: 'avsluttet-innleie', count: -6 }
		],
		allocation: { kind: 'proportional' },
		monteCarlo: { seed: 20241, draws: 10000 }
	};
}

/** The realistic fixture: 5 groups, 30 years, 3 segments, 13 uncertain assumptions. */
export function exampleInput(mode: 'need' | 'capacity' = 'need', horizonYears = 30): EngineInput {
	return { base: exampleBase(), population: examplePopulation(), scenario: exampleScenario(mode, horizonYears) };
}

/**
 * A minimal input: every group manual inflow 0, botid 5, no waiting, one shared segment;
 * tests override the parts they need.
 */
export function quietInput(opts: { baseYear?: number; horizonYears?: number; mode?: 'need' | 'capacity'; stock?: number } = {}): EngineInput {
	const baseYear = opts.baseYear ?? 2024;
	const horizonYears = opts.horizonYears ?? 10;
	const groups = {} as Record<GroupId, GroupAssumptions>;
	const baseGroups = {} as Record<GroupId, GroupBase>;
	for (const g of GROUP_IDS) {
		groups[g] = {
			demand: { kind: 'manual', perYear: {} },
			tenure: { kind: 'botid', years: fixed(5) },
			waitingAttritionPctPerYear: fixed(0)
		};
		baseGroups[g] = { tenants: 0, waiting: 0 };
	}
	return {
		base: {
			baseYear,
			segments: [{ id: 'ord', name: 'Ordinære boliger', groups: 'all', dwellings: opts.stock ?? 0 }],
			vacant: 0,
			groups: baseGroups,
			provenance: { kind: 'entered', source: 'Test' }
		},
		population: flatPopulation(baseYear, baseYear + horizonYears),
		scenario: {
			horizonYears,
			mode: opts.mode ?? 'need',
			groups,
			vacancyTargetPct: fixed(0),
			stockChanges: [],
			allocation: { kind: 'proportional' },
			monteCarlo: { seed: 1, draws: 200 }
		}
	};
}
