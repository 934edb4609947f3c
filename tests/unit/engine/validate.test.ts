import { describe, expect, it } from 'vitest';
import { EngineInputError, runMonteCarlo, runProjection, runSensitivity, validateInput } from '#lib/core/engine/index.ts';
import { fixed, p10p90, triangular } from '#lib/core/model/uncertain.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { exampleInput, flatPopulation } from './fixtures.ts';

function issuesFor(mutate: (i: EngineInput) => void) {
	const input = exampleInput();
	mutate(input);
	return validateInput(input);
}

describe('validateInput', () => {
	it('accepts the realistic fixture in both modes', () => {
		expect(validateInput(exampleInput('need'))).toEqual([]);
		expect(validateInput(exampleInput('capacity'))).toEqual([]);
	});

	it('names group and field in Norwegian, with the path', () => {
		const issues = issuesFor((i) => {
			i.scenario.groups.flyktning.tenure = { kind: 'botid', years: fixed(0) };
		});
		expect(issues).toHaveLength(1);
		expect(issues[0]?.path).toBe('scenario.groups.flyktning.tenure.years');
		expect(issues[0]?.message).toMatch(/^Botid for Flyktninger må være over 0 år/);
	});

	it.each([
		['non-finite value', (i: EngineInput) => (i.scenario.groups.rop.waitingAttritionPctPerYear = fixed(NaN)), 'scenario.groups.rop.waitingAttritionPctPerYear', /tall/],
		['share above 100', (i: EngineInput) => (i.scenario.groups.flyktning.demand = { kind: 'refugees', settledPerYear: {}, shareNeedingPct: fixed(120), personsPerHousehold: fixed(2) }), 'scenario.groups.flyktning.demand.shareNeedingPct', /Flyktninger/],
		['triangular not ordered', (i: EngineInput) => (i.scenario.vacancyTargetPct = triangular(6, 5, 8)), 'scenario.vacancyTargetPct.spread', /laveste/],
		['p10 above p90', (i: EngineInput) => (i.scenario.groups.funksjon.tenure = { kind: 'exitRate', pctPerYear: { value: 5, spread: { kind: 'p10p90', p10: 7, p90: 3 } } }), 'scenario.groups.funksjon.tenure.pctPerYear.spread', /P10/],
		['p10 not positive', (i: EngineInput) => (i.scenario.groups.funksjon.tenure = { kind: 'exitRate', pctPerYear: p10p90(0, 3) }), 'scenario.groups.funksjon.tenure.pctPerYear.spread.p10', /P10/],
		['horizon above 30', (i: EngineInput) => (i.scenario.horizonYears = 31), 'scenario.horizonYears', /år fremover/],
		['horizon 0', (i: EngineInput) => (i.scenario.horizonYears = 0), 'scenario.horizonYears', /år fremover/],
		['population misses base year', (i: EngineInput) => (i.population = flatPopulation(2026, 2050)), 'population.years', /basisåret/],
		['band beyond ages', (i: EngineInput) => (i.scenario.groups.andre.demand = { kind: 'rate', band: { from: 18, to: 120 }, ratePer1000: fixed(1), trendPctPerYear: fixed(0) }), 'scenario.groups.andre.demand.band.to', /Andre/],
		['unknown segment', (i: EngineInput) => i.scenario.stockChanges.push({ year: 2027, segmentId: 'nope', kind: 'kjop', count: 3 }), 'scenario.stockChanges.5.segmentId', /ukjent boligdel/],
		['stock change in base year', (i: EngineInput) => i.scenario.stockChanges.push({ year: 2024, segmentId: 'ord', kind: 'kjop', count: 3 }), 'scenario.stockChanges.5.year', /etter basisåret/],
		['segment below zero', (i: EngineInput) => i.scenario.stockChanges.push({ year: 2027, segmentId: 'omsorg', kind: 'salg', count: -100 }), 'base.segments.2.dwellings', /færre enn 0/],
		['negative tenants', (i: EngineInput) => (i.base.groups.eldre.tenants = -1), 'base.groups.eldre.tenants', /Eldre/],
		['renewal 100 %', (i: EngineInput) => (i.scenario.groups.andre.tenure = { kind: 'lease', leaseYears: 3, renewalPct: fixed(100) }), 'scenario.groups.andre.tenure.renewalPct', /fornyede/],
		['lease years not whole', (i: EngineInput) => (i.scenario.groups.andre.tenure = { kind: 'lease', leaseYears: 2.5, renewalPct: fixed(10) }), 'scenario.groups.andre.tenure.leaseYears', /Kontraktslengde for Andre/],
		['turnover target year in the past', (i: EngineInput) => (i.scenario.groups.rop.turnoverTarget = { changePct: fixed(10), byYear: 2020 }), 'scenario.groups.rop.turnoverTarget.byYear', /gjennomstrømming/],
		['turnover change −100 %', (i: EngineInput) => (i.scenario.groups.rop.turnoverTarget = { changePct: fixed(-100), byYear: 2030 }), 'scenario.groups.rop.turnoverTarget.changePct', /gjennomstrømming/],
		['no segments', (i: EngineInput) => (i.base.segments = []), 'base.segments', /minst én/],
		['duplicate priority', (i: EngineInput) => (i.scenario.allocation = { kind: 'priority', order: ['rop', 'rop'] }), 'scenario.allocation.order', /mer enn én gang/],
		['draws 0', (i: EngineInput) => (i.scenario.monteCarlo.draws = 0), 'scenario.monteCarlo.draws', /trekninger/],
		['settled series not a year', (i: EngineInput) => (i.scenario.groups.flyktning.demand = { kind: 'refugees', settledPerYear: { abc: 3 }, shareNeedingPct: fixed(50), personsPerHousehold: fixed(2) }), 'scenario.groups.flyktning.demand.settledPerYear.abc', /årstall/],
		['calibration impossible', (i: EngineInput) => {
			i.scenario.groups.rop.demand = { kind: 'rate', band: { from: 104, to: 105 }, trendPctPerYear: fixed(0) };
			i.population.values = i.population.values.map((row) => row.map((v, a) => (a >= 104 ? 0 : v)));
		}, 'scenario.groups.rop.demand.ratePer1000', /kalibreres/]
	])('%s', (_name, mutate, path, message) => {
		const issues = issuesFor(mutate);
		const hit = issues.find((x) => x.path === path);
		expect(hit, JSON.stringify(issues)).toBeDefined();
		expect(hit?.message).toMatch(message);
	});

	it('the run functions throw EngineInputError with the issues', () => {
		const input = exampleInput();
		input.scenario.horizonYears = 40;
		expect(() => runProjection(input)).toThrow(EngineInputError);
		try {
			runProjection(input);
		} catch (e) {
			expect((e as EngineInputError).issues[0]?.path).toBe('scenario.horizonYears');
		}
		expect(() => runMonteCarlo(input, { draws: 10 })).toThrow(EngineInputError);
		expect(() => runSensitivity(input, { year: 2030, output: 'total.gap' })).toThrow(EngineInputError);
		expect(() => runSensitivity(exampleInput(), { year: 2100, output: 'total.gap' })).toThrow(/følsomhetsanalysen/);
	});

	it('does not throw on missing parts', () => {
		expect(validateInput({} as EngineInput).length).toBeGreaterThan(0);
		const input = exampleInput();
		delete (input.scenario.groups as Partial<typeof input.scenario.groups>).andre;
		expect(validateInput(input).some((x) => x.path === 'scenario.groups.andre')).toBe(true);
	});
});
