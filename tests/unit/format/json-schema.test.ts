import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from '#lib/core/format/json-schema.ts';

describe('docs/boligbehov.schema.json', () => {
	it('is exactly what the generator writes from the zod schemas (run `npx tsx src/cli/write-schema.ts`)', () => {
		const committed = readFileSync(join(import.meta.dirname, '../../../docs/boligbehov.schema.json'), 'utf8');
		expect(committed).toBe(jsonSchemaText());
	});

	it('is strict, names its definitions and pins the current versions', () => {
		const s = JSON.parse(jsonSchemaText());
		expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(Object.keys(s.$defs)).toEqual(expect.arrayContaining(['Notebook', 'ScenarioAssumptions', 'Uncertain', 'YearSeries', 'Cell']));
		expect(s.$defs.Notebook.additionalProperties).toBe(false);
		expect(s.oneOf).toHaveLength(2);
		expect(s.oneOf[0].properties.formatVersion.const).toBe(1);
	});
});
