import { describe, expect, it } from 'vitest';
import { runProjection } from '#lib/core/engine/index.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { fixed } from '#lib/core/model/uncertain.ts';
import { exampleInput, quietInput } from './fixtures.ts';

const T0 = 2024;

describe('runProjection: shape', () => {
	it.each(['need', 'capacity'] as const)('fills every series with horizon + 1 values (%s)', (mode) => {
		const r = runProjection(exampleInput(mode));
		expect(r.years[0]).toBe(2024);
		expect(r.years).toHaveLength(31);
		expect(r.mode).toBe(mode);
		for (const g of GROUP_IDS) for (const arr of Object.values(r.groups[g])) expect((arr as Float64Array).length).toBe(31);
		for (const arr of Object.values(r.total)) expect((arr as Float64Array).length).toBe(31);
		// population ends in 2050: held flat after that, with a Norwegian warning
		expect(r.warnings?.[0]?.message).toMatch(/2050/);
	});

	it('no warnings when population covers the horizon', () => {
		expect(runProjection(exampleInput('need', 20)).warnings).toBeUndefined();
	});
});

describe('demand drivers', () => {
	it('rate: calibrated to today’s exits when omitted, so an unchanged scenario stays flat', () => {
		const input = quietInput({ horizonYears: 10 });
		input.base.groups.rop.tenants = 90;
		input.scenario.groups.rop.demand = { kind: 'rate', band: { from: 18, to: 66 }, trendPctPerYear: fixed(0) };
		const r = runProjection(input);
		expect(r.groups.rop.newNeed[0]).toBeCloseTo(18, 12);
		for (const x of r.groups.rop.tenants) expect(x).toBeCloseTo(90, 9);
		const note = r.calibration.find((c) => c.group === 'rop');
		expect(note?.field).toBe('demand.ratePer1000');
		expect(note?.value).toBeCloseTo((18 / (49 * 100)) * 1000, 12);
		expect(note?.explanation).toMatch(/^Raten for ROP \(rus og psykiske lidelser\) er ikke oppgitt og er kalibrert/);
	});

	it('rate with trend: A(t) = rate × (1 + trend)^t × population / 1000', () => {
		const input = quietInput({ horizonYears: 5 });
		input.scenario.groups.andre.demand = { kind: 'rate', band: { from: 18 }, ratePer1000: fixed(2), trendPctPerYear: fixed(3) };
		const r = runProjection(input);
		const pop = (105 - 18 + 1) * 100;
		for (let t = 0; t <= 5; t++) expect(r.groups.andre.newNeed[t]).toBeCloseTo((2 * Math.pow(1.03, t) * pop) / 1000, 10);
		expect(r.calibration).toEqual([]);
	});

	it('refugees: settled × share ÷ persons per household; missing years 0, the last year repeats', () => {
		const input = quietInput({ horizonYears: 6 });
		input.scenario.groups.flyktning.demand = {
			kind: 'refugees',
			settledPerYear: { '2025': 50, '2027': 20 },
			shareNeedingPct: fixed(60),
			personsPerHousehold: fixed(2.5)
		};
		const a = Array.from(runProjection(input).groups.flyktning.newNeed);
		expect(a.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 12, 0, 4.8, 4.8, 4.8, 4.8]);
	});
});

describe('tenure models and the turnover target', () => {
	it('lease: exits happen at lease ends; mean tenure L / (1 − renewal)', () => {
		const input = quietInput({ horizonYears: 8 });
		input.scenario.groups.andre.demand = { kind: 'manual', perYear: { '2025': 30, '2026': 0 } };
		input.scenario.groups.andre.tenure = { kind: 'lease', leaseYears: 3, renewalPct: fixed(50) };
		const r = runProjection(input).groups.andre;
		expect(Array.from(r.exits).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 0, 0, 0, 15, 0, 0, 7.5, 0]);
		expect(r.meanTenure[3]).toBeCloseTo(6, 12);
	});

	it('lease steady state: tenants = L × inflow / (1 − renewal)', () => {
		const input = quietInput({ horizonYears: 30 });
		input.base.groups.andre.tenants = 60;
		input.scenario.groups.andre.demand = { kind: 'manual', perYear: { [T0]: 10 } };
		input.scenario.groups.andre.tenure = { kind: 'lease', leaseYears: 3, renewalPct: fixed(50) };
		const r = runProjection(input).groups.andre;
		for (const x of r.tenants) expect(x).toBeCloseTo(60, 9);
		expect(r.exits[0]).toBeCloseTo(10, 12);
	});

	it('turnover target: botid × 1/(1 + x·phase), phased in linearly', () => {
		const input = quietInput({ horizonYears: 6 });
		input.base.groups.rop.tenants = 100;
		input.scenario.groups.rop.tenure = { kind: 'botid', years: fixed(8) };
		input.scenario.groups.rop.turnoverTarget = { changePct: fixed(10), byYear: T0 + 4 };
		const r = runProjection(input).groups.rop;
		expect(r.meanTenure[0]).toBe(8);
		expect(r.meanTenure[2]).toBeCloseTo(8 / 1.05, 12);
		expect(r.meanTenure[4]).toBeCloseTo(8 / 1.1, 12);
		expect(r.meanTenure[6]).toBeCloseTo(8 / 1.1, 12);
	});

	it('turnover target on leases and exit rates scales the exit hazard by the same factor', () => {
		const input = quietInput({ horizonYears: 3 });
		input.scenario.groups.andre.tenure = { kind: 'lease', leaseYears: 3, renewalPct: fixed(50) };
		input.scenario.groups.andre.turnoverTarget = { changePct: fixed(10), byYear: T0 + 1 };
		input.scenario.groups.eldre.tenure = { kind: 'exitRate', pctPerYear: fixed(20) };
		input.scenario.groups.eldre.turnoverTarget = { changePct: fixed(10), byYear: T0 + 1 };
		input.base.groups.eldre.tenants = 100;
		const r = runProjection(input);
		expect(r.groups.andre.meanTenure[2]).toBeCloseTo(6 / 1.1, 12);
		expect(r.groups.eldre.meanTenure[2]).toBeCloseTo(5 / 1.1, 12);
		expect(r.groups.eldre.exits[1]).toBeCloseTo(22, 12);
	});

	it('botid under one year: everyone leaves within the year, never more', () => {
		const input = quietInput({ horizonYears: 2 });
		input.base.groups.andre.tenants = 10;
		input.scenario.groups.andre.tenure = { kind: 'botid', years: fixed(0.5) };
		const r = runProjection(input).groups.andre;
		expect(r.exits[1]).toBe(10);
		expect(r.tenants[1]).toBe(0);
	});
});

describe('indicators and supply', () => {
	it('need mode: required stock = need / (1 − vacancy), gap = required − planned, both turnover definitions', () => {
		const input = quietInput({ horizonYears: 4, stock: 80 });
		input.scenario.vacancyTargetPct = fixed(5);
		// 80 dwellings = 76 tenants + 4 vacant: no households outside the groups, so the required
		// stock is the groups' need alone (the outside households are tested in worked-examples).
		input.base.vacant = 4;
		input.base.groups.rop.tenants = 76;
		input.base.groups.rop.waiting = 10;
		input.scenario.groups.rop.demand = { kind: 'manual', perYear: { [T0]: 19 } };
		input.scenario.groups.rop.tenure = { kind: 'botid', years: fixed(4) };
		input.scenario.stockChanges = [{ year: T0 + 2, segmentId: 'ord', kind: 'nybygg', count: 10 }];
		const r = runProjection(input);
		const t = r.total;
		expect(t.plannedStock[1]).toBe(80);
		expect(t.plannedStock[2]).toBe(90);
		expect(r.groups.rop.tenants[1]).toBeCloseTo(76 - 19 + 29, 12);
		expect(r.groups.rop.waiting[1]).toBe(0);
		expect(t.requiredStock[1]).toBeCloseTo(86 / 0.95, 12);
		expect(t.gap[1]).toBeCloseTo(86 / 0.95 - 80, 12);
		expect(t.vacancyPct[1]).toBeCloseTo(5, 12);
		expect(t.turnoverPct[1]).toBeCloseTo((29 / 86) * 100, 12);
		expect(t.botidEstimated[1]).toBeCloseTo(86 / 29, 12);
		expect(t.turnoverAllDwellingsPct[1]).toBeCloseTo((29 / 80) * 100, 12);
		expect(t.botidAllDwellings[1]).toBeCloseTo(80 / 29, 12);
		expect(t.gapCumulative[1]).toBeCloseTo(86 / 0.95 - 80, 12);
		// the stock grows by 10 in year 2: the gap shrinks, the cumulative need does not
		expect(t.gap[2] as number).toBeLessThan(t.gap[1] as number);
		expect(t.gapCumulative[2]).toBe(t.gapCumulative[1]);
		expect(r.groups.rop.waitingTimeYears[1]).toBe(0);
	});

	it('capacity mode: households outside the five groups keep their dwellings; vacancy is the actual one', () => {
		const input = quietInput({ horizonYears: 3, stock: 100, mode: 'capacity' });
		input.base.vacant = 10;
		input.base.groups.rop.tenants = 50; // so 40 dwellings are let to others (e.g. staff)
		input.base.groups.rop.waiting = 30;
		input.scenario.groups.rop.tenure = { kind: 'botid', years: fixed(100) };
		const r = runProjection(input);
		expect(r.total.vacancyPct[0]).toBeCloseTo(10, 12);
		// year 1: 10 vacant + 0.5 freed by exits (50 / 100 years), vacancy target 0
		expect(r.groups.rop.moveIns[1]).toBeCloseTo(10.5, 9);
		expect(r.groups.rop.waiting[1]).toBeCloseTo(19.5, 9);
		expect(r.total.vacancyPct[1]).toBeCloseTo(0, 9);
		expect(r.groups.rop.waitingTimeYears[1]).toBeCloseTo(19.5 / 10.5, 9);
		expect(r.total.tenants[1]).toBeCloseTo(60, 9);
	});
});
