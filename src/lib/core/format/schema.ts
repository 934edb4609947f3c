/**
 * zod 4 schemas mirroring every type in src/lib/core/model that a Notebook carries, plus the file
 * envelope. The model types are the contract; the compile-time checks at the bottom make the build
 * fail if the schemas and the types drift apart.
 *
 * Policy (documented in docs/file-format.md):
 * - Objects are STRICT: an unknown key is an error naming the key (`scenarios[0].navn: ukjent felt`).
 *   Nothing is silently dropped, so re-import is exact, a typo is reported, and keys such as
 *   `__proto__` / `constructor` / `prototype` are refused (they are also refused earlier, in
 *   safe-json.ts, wherever they occur).
 * - Numbers must be finite (zod 4 refuses NaN and ±Infinity; JSON cannot carry them anyway), and
 *   every number has a magnitude bound far beyond a real kommune (limits.ts), so that no accepted
 *   file overflows the projection.
 * - Notebook and scenario ids follow the routable id rule (ids.ts).
 * - Years, ages and whole-count fields the model defines as whole numbers must be integers.
 * - The file checks structure and types. Domain ranges (a botid must be positive, a horizon 1–30
 *   years, low ≤ value ≤ high, …) are checked by the engine's validateInput when a scenario is run,
 *   so a notebook with an unfinished scenario can still be saved, sent and opened.
 *   Exception: the population table must be well formed (shape, consecutive years and ages,
 *   no negative persons), because it is imported data, never typed half-way.
 */
import { z } from 'zod';
import { GROUP_IDS, type GroupId } from '#lib/core/model/groups.ts';
import { AFTER_LAST_YEAR_RULES, OBSERVED_FLOW_USES, WAITING_AT_START_CHOICES } from '#lib/core/model/assumptions.ts';
import { DWELLING_KINDS, GRANT_ZONES, MEASURE_KINDS, type Plan, type PlanMeasure } from '#lib/core/model/plan.ts';
import { FILE_LIMITS as L } from './limits.ts';
import { ID_MAX_LENGTH, ID_RULE, isUsableId } from './ids.ts';
import type {
	AgeBand,
	PopulationSeries,
	Provenance,
	YearSeries
} from '#lib/core/model/population.ts';
import type { Spread, Uncertain } from '#lib/core/model/uncertain.ts';
import type {
	AllocationRule,
	DemandDriver,
	GroupAssumptions,
	ScenarioAssumptions,
	TenureModel,
	TurnoverTarget
} from '#lib/core/model/assumptions.ts';
import type { BaseData, GroupBase, StockSegment } from '#lib/core/model/base-data.ts';
import type { Cell, ChartKind, Kommune, StoredNotebook, StoredScenario } from '#lib/core/model/notebook.ts';
import { isOverridePath } from '#lib/core/scenarios/overrides.ts';

/** The notebook document schema version (shared by Dexie upgrades and file migrations). */
export const NOTEBOOK_SCHEMA_VERSION = 4;
/** The envelope format version. */
export const FORMAT_VERSION = 1;
export const FORMAT_NAME = 'boligbehov';
export const APP_NAME = 'Boligbehov';

const int = z.int();
const year = z.int().min(L.yearMin).max(L.yearMax);
/** A number whose size is bounded both ways (|x| ≤ max). */
const bounded = (max: number) => z.number().min(-max).max(max);
/** A count of dwellings or households. */
const count = bounded(L.count);
/** An id that can be a route segment and a storage key. */
const routableId = z
	.string()
	.max(ID_MAX_LENGTH)
	.refine(isUsableId, { error: (iss) => `${ID_RULE}, fikk ${typeof iss.input === 'string' && iss.input === '' ? 'tom tekst' : `«${String(iss.input).slice(0, 40)}»`}` });

export const GroupIdSchema = z.enum(GROUP_IDS);

/** Record<GroupId, T> with exactly the five groups. */
function byGroup<T extends z.ZodType>(schema: T) {
	return z.strictObject({ rop: schema, funksjon: schema, eldre: schema, flyktning: schema, andre: schema });
}

// --- uncertain.ts -------------------------------------------------------------------------------

export const SpreadSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('triangular'), low: bounded(L.assumption), high: bounded(L.assumption) }),
	z.strictObject({ kind: z.literal('p10p90'), p10: bounded(L.assumption), p90: bounded(L.assumption) })
]);

export const UncertainSchema = z.strictObject({ value: bounded(L.assumption), spread: SpreadSchema.optional() });

// --- population.ts ------------------------------------------------------------------------------

export const ProvenanceSchema = z.strictObject({
	kind: z.enum(['example', 'entered', 'imported']),
	source: z.string(),
	alternative: z.string().optional(),
	retrieved: z.string().optional(),
	fileName: z.string().optional(),
	note: z.string().optional(),
	placeholder: z.boolean().optional()
});

const age = z.int().min(0).max(L.ageMax);
export const AgeBandSchema = z.strictObject({ from: age, to: age.optional() });

/** Keys are calendar years written as four digits ("2026"); values finite numbers. */
export const YearSeriesSchema = z.record(
	z
		.string()
		.regex(/^\d{4}$/, { error: 'nøkkelen må være et årstall med fire sifre, f.eks. «2026»' })
		.refine((k) => Number(k) >= L.yearMin && Number(k) <= L.yearMax, { error: `nøkkelen må være et årstall fra ${L.yearMin} til ${L.yearMax}` }),
	bounded(L.perYear)
);

export const PopulationSeriesSchema = z
	.strictObject({
		years: z.array(year),
		ages: z.array(age),
		values: z.array(z.array(z.number().min(0, { error: 'antall personer kan ikke være negativt' }).max(L.persons))),
		provenance: ProvenanceSchema
	})
	.superRefine((p, ctx) => {
		p.years.forEach((y, i) => {
			if (i > 0 && y !== p.years[i - 1]! + 1)
				ctx.addIssue({ code: 'custom', path: ['years', i], message: `årene må følge etter hverandre (${p.years[i - 1]} etterfølges av ${y})` });
		});
		p.ages.forEach((a, i) => {
			if (a !== i)
				ctx.addIssue({ code: 'custom', path: ['ages', i], message: `alderne må være 0, 1, 2, … uten hull (posisjon ${i} er ${a}, ventet ${i})` });
		});
		if (p.values.length !== p.years.length)
			ctx.addIssue({ code: 'custom', path: ['values'], message: `må ha én rad per år: ${p.years.length} år, men ${p.values.length} rader` });
		p.values.forEach((row, i) => {
			if (row.length !== p.ages.length)
				ctx.addIssue({ code: 'custom', path: ['values', i], message: `må ha én verdi per alder: ${p.ages.length} aldre, men ${row.length} verdier` });
		});
	});

// --- assumptions.ts -----------------------------------------------------------------------------

export const DemandDriverSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('rate'), band: AgeBandSchema, ratePer1000: UncertainSchema.optional(), trendPctPerYear: UncertainSchema }),
	z.strictObject({
		kind: z.literal('prevalence'),
		band: AgeBandSchema,
		sharePct: UncertainSchema.optional(),
		targetSharePct: UncertainSchema.optional(),
		targetYear: year.optional()
	}),
	z.strictObject({
		kind: z.literal('refugees'),
		settledPerYear: YearSeriesSchema,
		shareNeedingPct: UncertainSchema,
		personsPerHousehold: UncertainSchema,
		afterLastYear: z.enum(AFTER_LAST_YEAR_RULES).optional()
	}),
	z.strictObject({ kind: z.literal('manual'), perYear: YearSeriesSchema, afterLastYear: z.enum(AFTER_LAST_YEAR_RULES).optional() })
]);

export const TenureModelSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('botid'), years: UncertainSchema }),
	z.strictObject({ kind: z.literal('lease'), leaseYears: z.int().min(-L.leaseYears).max(L.leaseYears), renewalPct: UncertainSchema }),
	z.strictObject({ kind: z.literal('exitRate'), pctPerYear: UncertainSchema })
]);

export const TurnoverTargetSchema = z.strictObject({ changePct: UncertainSchema, byYear: year });

export const GroupAssumptionsSchema = z.strictObject({
	demand: DemandDriverSchema,
	tenure: TenureModelSchema,
	turnoverTarget: TurnoverTargetSchema.optional(),
	waitingAttritionPctPerYear: UncertainSchema,
	observedFlowUse: z.enum(OBSERVED_FLOW_USES).optional(),
	waitingAtStart: z.enum(WAITING_AT_START_CHOICES).optional()
});

export const AllocationRuleSchema = z.strictObject({
	kind: z.enum(['proportional', 'priority']),
	order: z.array(GroupIdSchema).optional()
});

// --- plan.ts ------------------------------------------------------------------------------------

export const PlanMeasureSchema = z.strictObject({
	decisionYear: year,
	segmentId: z.string().max(ID_MAX_LENGTH),
	kind: z.enum(MEASURE_KINDS),
	count,
	leadTimeYears: z.int().min(-L.leadTimeYears).max(L.leadTimeYears).optional(),
	group: GroupIdSchema.optional(),
	proposed: z.boolean().optional(),
	grantPaidYear: year.optional(),
	decided: z.boolean().optional()
});

/** A cost figure in kroner: the same shape as any uncertain assumption, with the bound for amounts. */
const UncertainAmountSchema = z.strictObject({
	value: bounded(L.amountKr),
	spread: z
		.discriminatedUnion('kind', [
			z.strictObject({ kind: z.literal('triangular'), low: bounded(L.amountKr), high: bounded(L.amountKr) }),
			z.strictObject({ kind: z.literal('p10p90'), p10: bounded(L.amountKr), p90: bounded(L.amountKr) })
		])
		.optional()
});

export const PlanSchema = z.strictObject({
	measures: z.array(PlanMeasureSchema).max(L.planMeasures),
	targetYear: year.optional(),
	mix: z
		.strictObject({
			nybygg: bounded(L.assumption).optional(),
			kjop: bounded(L.assumption).optional(),
			innleie: bounded(L.assumption).optional(),
			tilvisning: bounded(L.assumption).optional()
		})
		.optional(),
	leadTimes: z.partialRecord(z.enum(MEASURE_KINDS), z.int().min(-L.leadTimeYears).max(L.leadTimeYears)).optional(),
	segmentKinds: z.record(z.string(), z.enum(DWELLING_KINDS)).optional(),
	costs: z.record(z.string(), UncertainAmountSchema).optional(),
	grantZone: z.enum(GRANT_ZONES).optional()
});

export const ScenarioAssumptionsSchema = z.strictObject({
	horizonYears: z.int().min(-L.horizonYears).max(L.horizonYears),
	mode: z.enum(['need', 'capacity']),
	groups: byGroup(GroupAssumptionsSchema),
	vacancyTargetPct: UncertainSchema,
	allocation: AllocationRuleSchema,
	monteCarlo: z.strictObject({ seed: int, draws: z.int().min(-L.draws).max(L.draws) }),
	plan: PlanSchema.optional()
});

// --- base-data.ts -------------------------------------------------------------------------------

export const StockSegmentSchema = z.strictObject({
	id: z.string(),
	name: z.string(),
	groups: z.union([z.literal('all'), z.array(GroupIdSchema)], {
		error: `må være «all» (felles) eller en liste av målgrupper (${GROUP_IDS.join(', ')})`
	}),
	dwellings: count
});

export const GroupBaseSchema = z.strictObject({ tenants: count, waiting: count, newTenantsLastYear: count.optional() });

const nonNegative = z.number().min(0, { error: 'kan ikke være negativt' });

export const HistoryYearSchema = z.strictObject({
	year,
	dwellings: nonNegative.optional(),
	vacant: nonNegative.optional(),
	newTenants: nonNegative.optional(),
	waiting: nonNegative.optional()
});

export const BaseHistorySchema = z
	.strictObject({ years: z.array(HistoryYearSchema), provenance: ProvenanceSchema })
	.superRefine((h, ctx) => {
		h.years.forEach((y, i) => {
			if (i > 0 && y.year <= h.years[i - 1]!.year)
				ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `årene må stå i stigende rekkefølge uten gjentakelser (${h.years[i - 1]!.year} etterfølges av ${y.year})` });
		});
	});

export const BaseDataSchema = z
	.strictObject({
		baseYear: year,
		segments: z.array(StockSegmentSchema).max(L.segments),
		vacant: count,
		groups: byGroup(GroupBaseSchema),
		provenance: ProvenanceSchema,
		history: BaseHistorySchema.optional(),
		// Keys are read only by name (core/base-data/field-origins.ts); an unknown key is ignored.
		fieldOrigins: z
			.record(z.string().max(200), z.strictObject({ kind: z.enum(['entered', 'imported', 'example', 'placeholder']), source: z.string().optional() }))
			.optional()
	})
	.superRefine((b, ctx) => {
		uniqueIds(b.segments, ['segments'], 'delbestand', ctx);
		b.history?.years.forEach((y, i) => {
			if (y.year > b.baseYear)
				ctx.addIssue({ code: 'custom', path: ['history', 'years', i, 'year'], message: `historikken kan ikke ha år etter basisåret ${b.baseYear} (fant ${y.year})` });
		});
	});

// --- notebook.ts --------------------------------------------------------------------------------

export const KommuneSchema = z.strictObject({ name: z.string(), number: z.string(), fictional: z.boolean().optional() });

/** An override's path: dot-separated identifiers, never a key that reaches a prototype (core/scenarios/overrides.ts). */
const overridePath = z.string().refine(isOverridePath, { message: 'er ikke en gyldig sti til en forutsetning' });

/**
 * A stored scenario: a root (no `basedOn`) holds its `assumptions`; a variant holds `basedOn` and
 * `overrides` and no assumptions (they are resolved from the parent when the notebook is read).
 * The overrides' values are checked after resolution, as the variant's effective assumptions
 * (validateNotebook in index.ts).
 */
export const ScenarioSchema = z
	.strictObject({
		id: routableId,
		name: z.string(),
		description: z.string(),
		basedOn: z.string().optional(),
		overrides: z.record(overridePath, z.json()).optional(),
		assumptions: ScenarioAssumptionsSchema.optional(),
		valueSources: z.record(z.string(), z.strictObject({ kind: z.enum(['national-default', 'example', 'default']), source: z.string() })).optional()
	})
	.superRefine((s, ctx) => {
		if (s.basedOn === undefined) {
			if (!s.assumptions) ctx.addIssue({ code: 'custom', path: ['assumptions'], message: 'mangler (et scenario uten «basedOn» må ha sine egne forutsetninger)' });
			if (s.overrides) ctx.addIssue({ code: 'custom', path: ['overrides'], message: 'er bare tillatt i en variant (med «basedOn»)' });
		} else {
			if (!s.overrides) ctx.addIssue({ code: 'custom', path: ['overrides'], message: 'mangler (en variant med «basedOn» lagrer bare det som avviker)' });
			if (s.assumptions) ctx.addIssue({ code: 'custom', path: ['assumptions'], message: 'er ikke tillatt i en variant: den arver fra «basedOn» og lagrer bare «overrides»' });
		}
	});

export const ChartKindSchema = z.enum(['need-by-group', 'required-vs-planned', 'flows', 'monte-carlo-fan', 'shortfall-probability', 'scenario-comparison', 'tornado']);

const cellBase = {
	id: z.string(),
	hidden: z.boolean().optional(),
	slide: z.boolean().optional(),
	speakerNotes: z.string().optional()
};

export const CellSchema = z.discriminatedUnion('kind', [
	z.strictObject({ ...cellBase, kind: z.literal('note'), markdown: z.string() }),
	z.strictObject({ ...cellBase, kind: z.literal('assumptions'), scenarioId: z.string(), groups: z.array(GroupIdSchema).optional() }),
	z.strictObject({
		...cellBase,
		kind: z.literal('chart'),
		chart: ChartKindSchema,
		scenarioIds: z.array(z.string()),
		year: year.optional(),
		title: z.string().optional()
	}),
	z.strictObject({ ...cellBase, kind: z.literal('table'), scenarioIds: z.array(z.string()), title: z.string().optional() }),
	z.strictObject({ ...cellBase, kind: z.literal('key-figures'), scenarioId: z.string(), year }),
	z.strictObject({ ...cellBase, kind: z.literal('comparison'), scenarioIds: z.array(z.string()), year }),
	z.strictObject({ ...cellBase, kind: z.literal('plan'), scenarioId: z.string() })
]);

export const NotebookSchema = z
	.strictObject({
		id: routableId,
		title: z.string(),
		kommune: KommuneSchema,
		base: BaseDataSchema,
		population: PopulationSeriesSchema,
		scenarios: z.array(ScenarioSchema).max(L.scenarios),
		cells: z.array(CellSchema).max(L.cells),
		createdAt: z.string(),
		updatedAt: z.string()
	})
	.superRefine((nb, ctx) => {
		uniqueIds(nb.scenarios, ['scenarios'], 'scenario', ctx);
		uniqueIds(nb.cells, ['cells'], 'celle', ctx);
	});

function uniqueIds(items: readonly { id: string }[], path: (string | number)[], what: string, ctx: z.RefinementCtx): void {
	const seen = new Map<string, number>();
	items.forEach((item, i) => {
		const first = seen.get(item.id);
		if (first !== undefined)
			ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `id «${item.id}» er allerede brukt av ${what} nr. ${first + 1}; hver ${what} må ha sin egen id` });
		else seen.set(item.id, i);
	});
}

// --- envelope -----------------------------------------------------------------------------------

/** The envelope's header, checked before the notebook(s) are migrated and validated. */
export const EnvelopeHeaderSchema = z.object({
	format: z.literal(FORMAT_NAME),
	formatVersion: z.int().min(1),
	schemaVersion: z.int().min(1),
	app: z.strictObject({ name: z.string(), version: z.string() }),
	exportedAt: z.string(),
	kind: z.enum(['notebook', 'backup'])
});

/** The header as the current version writes it: the same in both kinds of file. */
const WRITTEN_HEADER = {
	format: z.literal(FORMAT_NAME),
	formatVersion: z.literal(FORMAT_VERSION),
	schemaVersion: z.literal(NOTEBOOK_SCHEMA_VERSION),
	app: z.strictObject({ name: z.string(), version: z.string() }),
	exportedAt: z.string()
};

/** The whole file as written by the current version (used to publish docs/boligbehov.schema.json). */
export const BoligbehovFileSchema = z.discriminatedUnion('kind', [
	z.strictObject({ ...WRITTEN_HEADER, kind: z.literal('notebook'), notebook: NotebookSchema }),
	z.strictObject({ ...WRITTEN_HEADER, kind: z.literal('backup'), notebooks: z.array(NotebookSchema).min(1).max(L.backupNotebooks) })
]);

// --- compile-time drift checks ------------------------------------------------------------------
// Exact type equality (not just mutual assignability): an optional field added to the model but not
// to the schema (or the other way round) fails the build here.

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Flattens intersections so `CellBase & {…}` compares equal to the schema's single object type. */
type Flat<T> = T extends readonly (infer U)[] ? Flat<U>[] : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;
type Same<A, B> = Equals<Flat<A>, Flat<B>>;
type Assert<T extends true> = T;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type _DriftChecks = [
	Assert<Same<z.infer<typeof SpreadSchema>, Spread>>,
	Assert<Same<z.infer<typeof UncertainSchema>, Uncertain>>,
	Assert<Same<z.infer<typeof ProvenanceSchema>, Provenance>>,
	Assert<Same<z.infer<typeof AgeBandSchema>, AgeBand>>,
	Assert<Same<z.infer<typeof YearSeriesSchema>, YearSeries>>,
	Assert<Same<z.infer<typeof PopulationSeriesSchema>, PopulationSeries>>,
	Assert<Same<z.infer<typeof DemandDriverSchema>, DemandDriver>>,
	Assert<Same<z.infer<typeof TenureModelSchema>, TenureModel>>,
	Assert<Same<z.infer<typeof TurnoverTargetSchema>, TurnoverTarget>>,
	Assert<Same<z.infer<typeof GroupAssumptionsSchema>, GroupAssumptions>>,
	Assert<Same<z.infer<typeof AllocationRuleSchema>, AllocationRule>>,
	Assert<Same<z.infer<typeof PlanMeasureSchema>, PlanMeasure>>,
	Assert<Same<z.infer<typeof PlanSchema>, Plan>>,
	Assert<Same<z.infer<typeof ScenarioAssumptionsSchema>, ScenarioAssumptions>>,
	Assert<Same<z.infer<typeof StockSegmentSchema>, StockSegment>>,
	Assert<Same<z.infer<typeof GroupBaseSchema>, GroupBase>>,
	Assert<Same<z.infer<typeof BaseDataSchema>, BaseData>>,
	Assert<Same<z.infer<typeof KommuneSchema>, Kommune>>,
	Assert<Same<z.infer<typeof ScenarioSchema>, StoredScenario>>,
	Assert<Same<z.infer<typeof ChartKindSchema>, ChartKind>>,
	Assert<Same<z.infer<typeof CellSchema>, Cell>>,
	Assert<Same<z.infer<typeof NotebookSchema>, StoredNotebook>>,
	Assert<MutuallyAssignable<z.infer<typeof NotebookSchema>, StoredNotebook>>,
	Assert<Same<keyof z.infer<typeof ScenarioAssumptionsSchema>['groups'], GroupId>>
];
