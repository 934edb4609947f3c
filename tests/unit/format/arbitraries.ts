/** fast-check arbitraries for valid notebooks (structure-valid; domain ranges are not the file's job). */
import fc from 'fast-check';
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import { MEASURE_KINDS } from '#lib/core/model/plan.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';

/** Any finite double within the file's magnitude bounds (limits.ts); -0 becomes 0 because JSON cannot carry -0. */
export const num = fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((x) => (x === 0 ? 0 : x));
const nonNeg = fc.double({ noNaN: true, min: 0, max: 1e7 }).map((x) => (x === 0 ? 0 : x));
/** Ids follow the routable id rule (ids.ts). */
const routableId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/);
const int = fc.integer({ min: -1000, max: 1000 });
const year = fc.integer({ min: 1900, max: 2200 });
const text = fc.string({ unit: 'binary', maxLength: 12 });
const groupId = fc.constantFrom(...GROUP_IDS);

const spread = fc.oneof(
	fc.record({ kind: fc.constant('triangular' as const), low: num, high: num }),
	fc.record({ kind: fc.constant('p10p90' as const), p10: num, p90: num })
);
const uncertain = fc.record({ value: num, spread }, { requiredKeys: ['value'] });
const provenance = fc.record(
	{
		kind: fc.constantFrom('example' as const, 'entered' as const, 'imported' as const),
		source: text,
		alternative: text,
		retrieved: text,
		fileName: text,
		note: text
	},
	{ requiredKeys: ['kind', 'source'] }
);
const band = fc.record({ from: fc.integer({ min: 0, max: 105 }), to: fc.integer({ min: 0, max: 105 }) }, { requiredKeys: ['from'] });
const yearSeries = fc.dictionary(year.map(String), num, { maxKeys: 4 });

const demand = fc.oneof(
	fc.record({ kind: fc.constant('rate' as const), band, ratePer1000: uncertain, trendPctPerYear: uncertain }, { requiredKeys: ['kind', 'band', 'trendPctPerYear'] }),
	fc.record(
		{ kind: fc.constant('prevalence' as const), band, sharePct: uncertain, targetSharePct: uncertain, targetYear: year },
		{ requiredKeys: ['kind', 'band'] }
	),
	fc.record({ kind: fc.constant('refugees' as const), settledPerYear: yearSeries, shareNeedingPct: uncertain, personsPerHousehold: uncertain }),
	fc.record({ kind: fc.constant('manual' as const), perYear: yearSeries })
);
const tenure = fc.oneof(
	fc.record({ kind: fc.constant('botid' as const), years: uncertain }),
	fc.record({ kind: fc.constant('lease' as const), leaseYears: fc.integer({ min: 1, max: 10 }), renewalPct: uncertain }),
	fc.record({ kind: fc.constant('exitRate' as const), pctPerYear: uncertain })
);
const groupAssumptions = fc.record(
	{ demand, tenure, turnoverTarget: fc.record({ changePct: uncertain, byYear: year }), waitingAttritionPctPerYear: uncertain },
	{ requiredKeys: ['demand', 'tenure', 'waitingAttritionPctPerYear'] }
);
function byGroup<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<Record<GroupId, T>> {
	return fc.record({ rop: arb, funksjon: arb, eldre: arb, flyktning: arb, andre: arb });
}
/** A plan's measures, decided (the stock changes of schema 3) and planned; costs are left to the plan's own tests. */
const measure = fc.record(
	{ decisionYear: year, segmentId: text, kind: fc.constantFrom(...MEASURE_KINDS), count: num, leadTimeYears: fc.integer({ min: 0, max: 30 }), decided: fc.boolean(), proposed: fc.boolean() },
	{ requiredKeys: ['decisionYear', 'segmentId', 'kind', 'count'] }
);
const plan = fc.record({ measures: fc.array(measure, { maxLength: 3 }), targetYear: year }, { requiredKeys: ['measures'] });
const assumptions = fc.record({
	horizonYears: fc.integer({ min: 1, max: 30 }),
	mode: fc.constantFrom('need' as const, 'capacity' as const),
	groups: byGroup(groupAssumptions),
	vacancyTargetPct: uncertain,
	allocation: fc.record(
		{ kind: fc.constantFrom('proportional' as const, 'priority' as const), order: fc.array(groupId, { maxLength: 5 }) },
		{ requiredKeys: ['kind'] }
	),
	monteCarlo: fc.record({ seed: int, draws: fc.integer({ min: 0, max: 10000 }) }),
	plan
}, { requiredKeys: ['horizonYears', 'mode', 'groups', 'vacancyTargetPct', 'allocation', 'monteCarlo'] });
const scenario = fc.record(
	// Roots only: a variant names an existing parent and stores overrides (tests/unit/scenarios/).
	{ id: routableId, name: text, description: text, assumptions },
	{ requiredKeys: ['id', 'name', 'description', 'assumptions'] }
);
const cellBase = { id: text, hidden: fc.boolean(), slide: fc.boolean(), speakerNotes: text };
const optBase = ['id', 'kind'] as const;
const cell = fc.oneof(
	fc.record({ ...cellBase, kind: fc.constant('note' as const), markdown: fc.string({ maxLength: 40 }) }, { requiredKeys: [...optBase, 'markdown'] }),
	fc.record({ ...cellBase, kind: fc.constant('assumptions' as const), scenarioId: text, groups: fc.array(groupId) }, { requiredKeys: [...optBase, 'scenarioId'] }),
	fc.record(
		{
			...cellBase,
			kind: fc.constant('chart' as const),
			chart: fc.constantFrom('need-by-group' as const, 'required-vs-planned' as const, 'flows' as const, 'monte-carlo-fan' as const, 'scenario-comparison' as const, 'tornado' as const),
			scenarioIds: fc.array(text, { maxLength: 3 }),
			year,
			title: text
		},
		{ requiredKeys: [...optBase, 'chart', 'scenarioIds'] }
	),
	fc.record({ ...cellBase, kind: fc.constant('table' as const), scenarioIds: fc.array(text, { maxLength: 3 }), title: text }, { requiredKeys: [...optBase, 'scenarioIds'] }),
	fc.record({ ...cellBase, kind: fc.constant('key-figures' as const), scenarioId: text, year }, { requiredKeys: [...optBase, 'scenarioId', 'year'] }),
	fc.record({ ...cellBase, kind: fc.constant('comparison' as const), scenarioIds: fc.array(text, { maxLength: 3 }), year }, { requiredKeys: [...optBase, 'scenarioIds', 'year'] })
);
const population = fc
	.record({ firstYear: fc.integer({ min: 1900, max: 2196 }), nYears: fc.integer({ min: 0, max: 4 }), nAges: fc.integer({ min: 0, max: 5 }), seedValues: fc.array(nonNeg, { minLength: 1, maxLength: 20 }), provenance })
	.map(({ firstYear, nYears, nAges, seedValues, provenance }) => ({
		years: Array.from({ length: nYears }, (_, i) => firstYear + i),
		ages: Array.from({ length: nAges }, (_, a) => a),
		values: Array.from({ length: nYears }, (_, y) => Array.from({ length: nAges }, (_, a) => seedValues[(y * 7 + a) % seedValues.length]!)),
		provenance
	}));
const segment = fc.record({ id: text, name: text, groups: fc.oneof(fc.constant('all' as const), fc.array(groupId, { maxLength: 5 })), dwellings: num });
const base = fc.record({
	baseYear: year,
	segments: fc.uniqueArray(segment, { selector: (s) => s.id, maxLength: 3 }),
	vacant: num,
	groups: byGroup(fc.record({ tenants: num, waiting: num, newTenantsLastYear: num }, { requiredKeys: ['tenants', 'waiting'] })),
	provenance
});

/** fast-check builds some records with a null prototype; a real Notebook is plain JSON objects. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export const notebookArb: fc.Arbitrary<Notebook> = fc.record({
	id: routableId,
	title: text,
	kommune: fc.record({ name: text, number: text, fictional: fc.boolean() }, { requiredKeys: ['name', 'number'] }),
	base,
	population,
	scenarios: fc.uniqueArray(scenario, { selector: (s) => s.id, maxLength: 3 }),
	cells: fc.uniqueArray(cell, { selector: (c) => c.id, maxLength: 4 }),
	createdAt: text,
	updatedAt: text
}).map(plain);
