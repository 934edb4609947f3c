/**
 * The published JSON Schema (docs/boligbehov.schema.json), generated from the zod schemas so the
 * two cannot drift: `npx tsx src/cli/write-schema.ts` writes it; a unit test checks it is current.
 *
 * JSON Schema cannot express every check the app makes: the cross-field checks (population shape,
 * consecutive years and ages, unique ids) are described in docs/file-format.md.
 */
import { z } from 'zod';
import * as S from './schema.ts';
import { BoligbehovFileSchema, FORMAT_VERSION, NOTEBOOK_SCHEMA_VERSION } from './schema.ts';

/** Named definitions ($defs), with the meaning of each; units and formulas in docs/file-format.md and docs/model.md. */
const DEFS: [z.ZodType, string, string][] = [
	[S.NotebookSchema, 'Notebook', "One kommune's base data, population, scenarios and cells."],
	[S.KommuneSchema, 'Kommune', 'The municipality: name, four-digit kommunenummer ("" for the fictional example).'],
	[S.BaseDataSchema, 'BaseData', 'Observed facts at the base year T0 (status at 31.12), shared by all scenarios.'],
	[S.StockSegmentSchema, 'StockSegment', 'A part of the dwelling stock; groups "all" = the shared ordinary pool.'],
	[S.GroupBaseSchema, 'GroupBase', 'Per target group at T0: tenants (households), waiting (households), new tenants in the base year.'],
	[S.PopulationSeriesSchema, 'PopulationSeries', 'values[yearIndex][ageIndex] = persons at 1 January; ages 0..max consecutive, the last open-ended.'],
	[S.ProvenanceSchema, 'Provenance', 'Where a set of numbers came from.'],
	[S.ScenarioSchema, 'Scenario', 'A named set of assumptions.'],
	[S.ScenarioAssumptionsSchema, 'ScenarioAssumptions', 'Everything a planner can change in one scenario.'],
	[S.GroupAssumptionsSchema, 'GroupAssumptions', 'Demand driver, tenure model, optional turnover target and waiting-list attrition for one group.'],
	[S.DemandDriverSchema, 'DemandDriver', 'How new need arises: rate per 1000 inhabitants, prevalence share, refugee settlement or a manual series.'],
	[S.TenureModelSchema, 'TenureModel', 'How tenancies end: mean tenure (botid, years), time-limited leases, or an annual exit rate (%).'],
	[S.TurnoverTargetSchema, 'TurnoverTarget', 'Change in gjennomstrømming (%) by a year, phased in linearly from T0.'],
	[S.AllocationRuleSchema, 'AllocationRule', 'How free dwellings are shared between groups.'],
	[S.UncertainSchema, 'Uncertain', 'A number used as is in the deterministic run; Monte Carlo draws from spread when present.'],
	[S.SpreadSchema, 'Spread', 'Triangular(low, value, high) or lognormal given P10 and P90.'],
	[S.AgeBandSchema, 'AgeBand', 'Inclusive age band; "to" omitted = open-ended.'],
	[S.YearSeriesSchema, 'YearSeries', 'Calendar year (four digits, as a string key) to value; missing years are 0 or repeat the last, see the field.'],
	[S.CellSchema, 'Cell', 'One cell of the notebook: note, assumptions, chart, table, key figures or comparison.']
];

export function buildJsonSchema(): Record<string, unknown> {
	const metadata = z.registry<{ id: string; description: string }>();
	for (const [schema, id, description] of DEFS) metadata.add(schema, { id, description });
	const generated = z.toJSONSchema(BoligbehovFileSchema, { target: 'draft-2020-12', unrepresentable: 'any', metadata }) as Record<string, unknown>;
	const { $schema, ...rest } = generated;
	return {
		$schema,
		$id: 'https://boligbehov.no/schema/boligbehov.schema.json',
		title: `Boligbehov-fil (filformat ${FORMAT_VERSION}, skjemaversjon ${NOTEBOOK_SCHEMA_VERSION})`,
		description:
			'A .boligbehov.json file: one notebook (kind "notebook") or a backup of all notebooks (kind "backup"). ' +
			'Specification: docs/file-format.md. Generated from src/lib/core/format/schema.ts; do not edit by hand.',
		...rest
	};
}

export function jsonSchemaText(): string {
	return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
