/**
 * The four worked examples of the model contract (docs/model.md, "Worked examples").
 */
import { describe, expect, it } from 'vitest';
import { runProjection } from '#lib/core/engine/index.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { fixed } from '#lib/core/model/uncertain.ts';
import { flatPopulation, quietInput } from './fixtures.ts';

const T0 = 2024;

describe('worked example 1: steady state (Little’s law)', () => {
	it('inflow 10/year, botid 5 years → tenants converge to 50 within 0.1 %', () => {
		const input = quietInput({ horizonYears: 30 });
		input.scenario.groups.rop.demand = { kind: 'manual', perYear: { [T0]: 10 } };
		input.scenario.groups.rop.tenure = { kind: 'botid', years: fixed(5) };
		input.base.groups.rop.tenants = 20;
		const r = runProjection(input);
		const h = r.groups.rop.tenants;
		// H(t) = 50 − 30·0.8^t: after 30 years 0.037 from 50.
		expect(Math.abs((h[30] as number) - 50) / 50).toBeLessThan(0.001);
		expect(h[1]).toBeCloseTo(20 - 20 / 5 + 10, 12);
		// botid and gjennomstrømming at the steady state: 50 ÷ 10 = 5 years, 10 ÷ 50 = 20 %
		expect(r.groups.rop.botidEstimated[30]).toBeCloseTo(5, 2);
		expect(r.groups.rop.turnoverPct[30]).toBeCloseTo(20, 1);
	});

	it('a scenario already at the steady state stays exactly flat', () => {
		const input = quietInput({ horizonYears: 30 });
		input.scenario.groups.rop.demand = { kind: 'manual', perYear: { [T0]: 10 } };
		input.base.groups.rop.tenants = 50;
		const h = runProjection(input).groups.rop.tenants;
		for (const x of h) expect(x).toBe(50);
	});
});

describe('worked example 2: the national reconciliation asked for in 003 (L3075–3078)', () => {
	const national = (withTarget: boolean, tenants = 108000) => {
		const input = quietInput({ horizonYears: 30, stock: 108000 });
		const g = input.scenario.groups.andre;
		g.demand = { kind: 'manual', perYear: { [T0]: 13500 } };
		g.tenure = { kind: 'botid', years: fixed(8) };
		if (withTarget) g.turnoverTarget = { changePct: fixed(10), byYear: T0 + 1 };
		input.base.groups.andre.tenants = tenants;
		return runProjection(input);
	};

	it('108 000 dwellings and botid 8 years ⇔ 13 500 new tenancies a year, flat without a target', () => {
		const r = national(false);
		expect(r.groups.andre.exits[0]).toBe(13500);
		for (const x of r.groups.andre.tenants) expect(x).toBeCloseTo(108000, 6);
		expect(r.total.turnoverAllDwellingsPct[30]).toBeCloseTo(12.5, 9);
		expect(r.total.botidAllDwellings[30]).toBeCloseTo(8, 9);
	});

	it('+10 % gjennomstrømming at the same inflow → botid 7.27 years → 98 182 occupied dwellings, 9.1 % fewer', () => {
		const steady = 13500 * (8 / 1.1);
		expect(Math.round(steady)).toBe(98182);
		expect((108000 - steady) / 108000).toBeCloseTo(0.0909, 4);
		// Started at the new steady state, the model stays there: botid in force 7.27 years.
		const atSteady = national(true, steady);
		expect(atSteady.groups.andre.meanTenure[1]).toBeCloseTo(7.2727, 4);
		for (const x of atSteady.groups.andre.tenants) expect(Math.abs(x - steady) / steady).toBeLessThan(1e-12);
		expect(atSteady.groups.andre.turnoverPct[30]).toBeCloseTo(13.75, 9);
		// Started at today's 108 000, tenants fall towards 98 182 (0.12 % above it after 30 years).
		const h = national(true).groups.andre.tenants;
		for (let t = 1; t < h.length; t++) expect(h[t] as number).toBeLessThan(h[t - 1] as number);
		expect(Math.abs((h[30] as number) - steady) / steady).toBeLessThan(0.002);
	});
});

describe('worked example 3: prevalence', () => {
	it('3.7 % of 80+; 80+ grows 40 % in ten years; share falls to 3.0 % → need +13.5 %', () => {
		const input = quietInput({ horizonYears: 10 });
		const pop = flatPopulation(T0, T0 + 10, 100);
		pop.values = pop.values.map((row, y) => row.map((v, a) => (a >= 80 ? v * (1 + 0.04 * y) : v)));
		input.population = pop;
		const p0 = 26 * 100; // ages 80…105
		input.base.groups.eldre.tenants = 0.037 * p0;
		input.scenario.groups.eldre.demand = {
			kind: 'prevalence',
			band: { from: 80 },
			sharePct: fixed(3.7),
			targetSharePct: fixed(3.0),
			targetYear: T0 + 10
		};
		input.scenario.groups.eldre.tenure = { kind: 'exitRate', pctPerYear: fixed(10) };
		const r = runProjection(input);
		const need = r.groups.eldre.need;
		expect((need[10] as number) / (need[0] as number)).toBeCloseTo((1.4 * 3.0) / 3.7, 12);
		expect(((need[10] as number) / (need[0] as number) - 1) * 100).toBeCloseTo(13.5, 1);
		// Turnover changes the flows, not the need.
		input.scenario.groups.eldre.turnoverTarget = { changePct: fixed(10), byYear: T0 + 5 };
		const r2 = runProjection(input);
		for (let t = 0; t <= 10; t++) expect(r2.groups.eldre.need[t]).toBeCloseTo(need[t] as number, 9);
		expect(r2.groups.eldre.moveIns[10] as number).toBeGreaterThan(r.groups.eldre.moveIns[10] as number);
	});

	it('calibrates the share from today’s tenants and waiting when it is omitted', () => {
		const input = quietInput({ horizonYears: 5 });
		input.base.groups.eldre.tenants = 90;
		input.base.groups.eldre.waiting = 6;
		input.scenario.groups.eldre.demand = { kind: 'prevalence', band: { from: 80 } };
		input.scenario.groups.eldre.tenure = { kind: 'exitRate', pctPerYear: fixed(20) };
		const r = runProjection(input);
		const note = r.calibration.find((c) => c.group === 'eldre');
		expect(note?.field).toBe('demand.sharePct');
		expect(note?.value).toBeCloseTo((96 / 2600) * 100, 12);
		expect(note?.explanation).toMatch(/Eldre/);
		for (const x of r.groups.eldre.need) expect(x).toBeCloseTo(96, 9);
	});
});

describe('worked example 4: capacity', () => {
	const capacityInput = (rule: 'proportional' | 'priority') => {
		const input = quietInput({ horizonYears: 15, mode: 'capacity' });
		input.base.segments = [
			{ id: 'ord', name: 'Ordinære boliger', groups: 'all', dwellings: 100 },
			{ id: 'bem', name: 'Bemannede boliger', groups: ['rop'], dwellings: 20 }
		];
		const set = (g: 'rop' | 'flyktning' | 'andre', inflow: number, botid: number, tenants: number) => {
			input.scenario.groups[g].demand = { kind: 'manual', perYear: { [T0]: inflow } };
			input.scenario.groups[g].tenure = { kind: 'botid', years: fixed(botid) };
			input.base.groups[g].tenants = tenants;
		};
		set('rop', 10, 5, 20);
		set('flyktning', 15, 4, 50);
		set('andre', 10, 5, 50);
		input.scenario.allocation = rule === 'priority' ? { kind: 'priority', order: ['flyktning', 'andre', 'rop'] } : { kind: 'proportional' };
		return input;
	};

	it('the waiting list grows by exactly the unmet need', () => {
		const r = runProjection(capacityInput('proportional'));
		let cumA = 0;
		let cumI = 0;
		for (let t = 1; t < r.years.length; t++) {
			for (const g of GROUP_IDS) {
				const s = r.groups[g];
				const unmet = (s.waiting[t - 1] as number) + (s.newNeed[t] as number) - (s.moveIns[t] as number);
				expect(s.waiting[t]).toBeCloseTo(unmet, 9);
			}
			cumA += r.total.newNeed[t] as number;
			cumI += r.total.moveIns[t] as number;
			expect(r.total.waiting[t]).toBeCloseTo(cumA - cumI, 8);
		}
		// stock is below need: people wait, the stock is full
		expect(r.total.waiting[15] as number).toBeGreaterThan(0);
		expect(r.total.tenants[15]).toBeCloseTo(120, 6);
		expect(r.total.gap[15] as number).toBeGreaterThan(0);
	});

	it('no group gets more than its earmarked plus shared entitlement', () => {
		for (const rule of ['proportional', 'priority'] as const) {
			const r = runProjection(capacityInput(rule));
			for (let t = 0; t < r.years.length; t++) {
				expect(r.groups.rop.tenants[t] as number).toBeLessThanOrEqual(120 + 1e-9);
				expect(r.groups.flyktning.tenants[t] as number).toBeLessThanOrEqual(100 + 1e-9);
				expect(r.groups.andre.tenants[t] as number).toBeLessThanOrEqual(100 + 1e-9);
				expect(
					(r.groups.flyktning.tenants[t] as number) + (r.groups.andre.tenants[t] as number) + (r.groups.rop.tenants[t] as number)
				).toBeLessThanOrEqual(120 + 1e-9);
			}
		}
	});

	it('earmarked dwellings serve their group first; the priority rule serves groups in order', () => {
		const prop = runProjection(capacityInput('proportional'));
		// the 20 staffed dwellings are kept full by ROP
		expect(prop.groups.rop.tenants[15] as number).toBeGreaterThanOrEqual(20 - 1e-9);
		const prio = runProjection(capacityInput('priority'));
		// flyktning first: nobody from flyktning waits while andre gets shared dwellings
		for (let t = 1; t < prio.years.length; t++) {
			if ((prio.groups.andre.moveIns[t] as number) > 0) expect(prio.groups.flyktning.waiting[t]).toBeCloseTo(0, 9);
		}
		// flyktning's own need (15 × 4 = 60) fits in the shared pool: under priority it never waits
		for (let t = 1; t < prio.years.length; t++) expect(prio.groups.flyktning.waiting[t]).toBeCloseTo(0, 9);
		expect(prop.groups.flyktning.waiting[15] as number).toBeGreaterThan(1);
	});
});
