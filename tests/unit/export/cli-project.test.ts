import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProjectCli, type CliIo } from '../../../src/cli/project-main.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { buildMinimalNotebook } from '../format/fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');

function run(...argv: string[]) {
	let out = '';
	let err = '';
	const io: CliIo = {
		readFile: (p) => readFileSync(join(FIXTURES, p), 'utf8'),
		stdout: (t) => (out += t),
		stderr: (t) => (err += t)
	};
	const code = runProjectCli(argv, io);
	return { code, out, err };
}

describe('headless runner (npm run project)', () => {
	it('prints one CSV row per scenario and year', () => {
		const { code, out, err } = run('valid-minimal.boligbehov.json');
		expect(err).toBe('');
		expect(code).toBe(0);
		const lines = out.trimEnd().split('\r\n');
		expect(lines[0]!.startsWith('Scenario;År;Behov')).toBe(true);
		expect(lines).toHaveLength(1 + 2 * 11);
		expect(lines[1]!.startsWith('Basis;2025;')).toBe(true);
		expect(lines[12]!.startsWith('Kortere botid ROP;2025;')).toBe(true);
		expect(out.startsWith('\uFEFF')).toBe(false);
	});

	it('--scenario by name or id, --format json gives the same numbers as the engine', () => {
		const { code, out } = run('valid-minimal.boligbehov.json', '--scenario', 'kortere botid rop', '--format', 'json');
		expect(code).toBe(0);
		const json = JSON.parse(out);
		expect(json.scenarios).toHaveLength(1);
		const nb = buildMinimalNotebook();
		const direct = runProjection({ base: nb.base, population: nb.population, scenario: nb.scenarios[1]!.assumptions });
		expect(json.scenarios[0].result.total.requiredStock).toEqual(Array.from(direct.total.requiredStock));
		expect(json.scenarios[0].result.years).toEqual(direct.years);
		expect(run('valid-minimal.boligbehov.json', '--scenario', 'basis', '--format', 'json').code).toBe(0);
	});

	it('--draws adds Monte Carlo percentiles', () => {
		const csv = run('valid-minimal.boligbehov.json', '--scenario', 'basis', '--draws', '40');
		expect(csv.code).toBe(0);
		expect(csv.out).toContain('Nødvendig bestand i alt, P50 (boliger)');
		const json = JSON.parse(run('valid-minimal.boligbehov.json', '--scenario', 'basis', '--draws', '40', '--format', 'json').out);
		expect(json.scenarios[0].monteCarlo.draws).toBe(40);
		expect(json.scenarios[0].monteCarlo.bands['total.requiredStock'].P50).toHaveLength(11);
	});

	it('a backup needs --notebook when it holds several', () => {
		const r = run('valid-backup.boligbehov.json');
		expect(r.code).toBe(2);
		expect(r.err).toContain('velg én med --notebook');
		expect(run('valid-backup.boligbehov.json', '--notebook', 'nb-test-2', '--scenario', 'basis').code).toBe(0);
	});

	it('reports file errors and usage errors in Norwegian with exit code 2', () => {
		const bad = run('invalid-field-botid.boligbehov.json');
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('Feltet scenarios[1].assumptions.groups.rop.tenure.years.value: må være et tall');
		expect(run('finnes-ikke.json').err).toContain('Kunne ikke lese filen');
		expect(run('valid-minimal.boligbehov.json', '--format', 'xml').err).toContain('Ukjent format «xml»');
		expect(run('valid-minimal.boligbehov.json', '--draws', 'mange').err).toContain('--draws må være et helt tall');
		expect(run('valid-minimal.boligbehov.json', '--scenario', 'Finnes ikke').err).toContain('Fant ikke scenarioet «Finnes ikke»');
		expect(run().code).toBe(2);
		expect(run('--help').code).toBe(0);
	});

	it('a scenario the engine refuses is reported by field, exit code 1', () => {
		const doc = JSON.parse(readFileSync(join(FIXTURES, 'valid-minimal.boligbehov.json'), 'utf8'));
		doc.notebook.scenarios[0].assumptions.groups.rop.tenure.years.value = -1;
		let err = '';
		const code = runProjectCli(['x'], { readFile: () => JSON.stringify(doc), stdout: () => {}, stderr: (t) => (err += t) });
		expect(code).toBe(1);
		expect(err).toContain('Scenarioet «Basis» kan ikke beregnes');
		expect(err).toContain('rop');
	});
});
