/**
 * Frozen files of every released schema version (tests/fixtures/files/v<N>/) must keep opening,
 * migrated to the current version. Never regenerate these files; add a folder per new version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTEBOOK_SCHEMA_VERSION, parseBoligbehovFile } from '#lib/core/format/index.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/files');
const versions = readdirSync(ROOT, { withFileTypes: true })
	.filter((d) => d.isDirectory() && /^v\d+$/.test(d.name))
	.map((d) => Number(d.name.slice(1)))
	.sort((a, b) => a - b);

describe('frozen fixtures of released versions', () => {
	it('exist for every version up to the current one', () => {
		expect(versions).toEqual(Array.from({ length: NOTEBOOK_SCHEMA_VERSION }, (_, i) => i + 1));
	});

	for (const v of versions) {
		const dir = join(ROOT, `v${v}`);
		for (const name of readdirSync(dir).filter((f) => f.endsWith('.boligbehov.json'))) {
			it(`v${v}/${name} opens, migrated from version ${v}`, () => {
				const text = readFileSync(join(dir, name), 'utf8');
				expect(JSON.parse(text).schemaVersion).toBe(v);
				const r = parseBoligbehovFile(text);
				if (!r.ok) throw new Error(r.error.message);
				expect(r.migratedFrom).toBe(v < NOTEBOOK_SCHEMA_VERSION ? v : undefined);
				expect(r.notebooks.length).toBeGreaterThan(0);
			});
		}
	}
});
