/**
 * Worked examples for the model choices of issue 10 (docs/model.md: "Calibration on observed
 * flows", "The waiting list at the start", "Households outside the five groups", "Series past their
 * last given year", "Warnings"). Every expected number is computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { otherHouseholdsAtStart, runMonteCarlo, runProjection, validateInput } from '#lib/core/engine/index.ts';
import { seriesValue } from '#lib/core/engine/series-rules.ts';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import type { MonteCarloResult } from '#lib/core/model/result.ts';
import { fixed, triangular } from '#lib/core/model/uncertain.ts';
import { quietInput } from './fixtures.ts';

const T0 = 2024;

/** ROP: 100 tenants, botid 5, rate calibrated on a flat population of 100 per age (18–66: 4 900). */
function ropInput(opts: { observed?: number; horizonYears?: number } = {}) {
	const input = quietInput({ horizonYears: opts.horizonYears ?? 30, stock: 200 });
	input.base.vacant = 100;
	input.base.groups.rop = { tenants: 100, waiting: 0, ...(opts.observed === undefined ? {} : { newTenantsLastYear: opts.observed }) };
	input.scenario.groups.rop.demand = { kind: 'rate', band: { from: 18, to: 66 }, trendPctPerYear: fixed(0) };
	input.scenario.groups.rop.tenure = { kind: 'botid', years: fixed(5) };
	return input;
}

describe('calibration on observed flows (observedFlowUse)', () => {
	it('acceptance: constant population, observed flow consistent with botid → need within ±1 % of today for 30 years, both ways', () => {
		for (const use of ['none', 'inflow', 'tenure'] as const) {
			const input = ropInput({ observed: 20 }); // 100 tenants ÷ botid 5 = 20 a year
			input.scenario.groups.rop.observedFlowUse = use;
			const r = runProjection(input);
			for (const need of r.groups.rop.need) expect(Math.abs(need - 100) / 100, use).toBeLessThanOrEqual(0.01);
			expect(r.warnings, use).toBeUndefined();
		}
	});

	it("acceptance for the issue's kommune: five groups, botid 6/15/8/3/4, observed = tenants ÷ botid → each group's need within ±1 % for 30 years", () => {
		const tenants = { rop: 55, funksjon: 40, eldre: 30, flyktning: 35, andre: 15 } as const;
		const botid = { rop: 6, funksjon: 15, eldre: 8, flyktning: 3, andre: 4 } as const;
		const use = { rop: 'inflow', funksjon: 'tenure', eldre: 'inflow', flyktning: 'tenure', andre: 'none' } as const;
		const input = quietInput({ horizonYears: 30, stock: 190 });
		input.base.vacant = 15;
		for (const g of GROUP_IDS) {
			input.base.groups[g] = { tenants: tenants[g], waiting: 0, newTenantsLastYear: tenants[g] / botid[g] };
			input.scenario.groups[g].demand = { kind: 'rate', band: { from: 18 }, trendPctPerYear: fixed(0) };
			input.scenario.groups[g].tenure = { kind: 'botid', years: fixed(botid[g]) };
			input.scenario.groups[g].observedFlowUse = use[g];
		}
		const r = runProjection(input);
		for (const g of GROUP_IDS) {
			for (const need of r.groups[g].need) expect(Math.abs(need - tenants[g]) / tenants[g], g).toBeLessThanOrEqual(0.01);
		}
		expect(r.warnings).toBeUndefined();
	});

	it("'inflow': new need = the 30 observed; botid 5 → H(t) = 0.8·H(t−1) + 30: 110, 118, 124.4 … → 150", () => {
		const input = ropInput({ observed: 30 });
		input.scenario.groups.rop.observedFlowUse = 'inflow';
		const r = runProjection(input);
		const g = r.groups.rop;
		expect(g.newNeed[0]).toBeCloseTo(30, 12);
		expect(g.newNeed[1]).toBeCloseTo(30, 12);
		expect(g.tenants[1]).toBeCloseTo(110, 10);
		expect(g.tenants[2]).toBeCloseTo(118, 10);
		expect(g.tenants[3]).toBeCloseTo(124.4, 10);
		// 150 − 50·0.8^30 = 149.938
		expect(g.tenants[30]).toBeCloseTo(150 - 50 * 0.8 ** 30, 8);
		// rate = 30 ÷ 4 900 × 1000 = 6.122… per 1000, noted as calibrated
		const note = r.calibration.find((c) => c.group === 'rop');
		expect(note?.field).toBe('demand.ratePer1000');
		expect(note?.value).toBeCloseTo((30 / 4900) * 1000, 12);
		// botid and the observed flow disagree by 50 %: said in plain Norwegian with both numbers
		const w = r.warnings?.find((x) => x.code === 'observed-flow-mismatch');
		expect(w?.group).toBe('rop');
		expect(w?.message).toContain('botid 5 år gir 20 nye leieforhold i året, men 30 er observert: da vokser behovet mot 150');
	});

	it("'tenure': botid = 100 tenants ÷ 25 observed = 4 years; the calibrated rate then reproduces 25 a year", () => {
		const input = ropInput({ observed: 25 });
		input.scenario.groups.rop.observedFlowUse = 'tenure';
		input.scenario.groups.rop.tenure = { kind: 'botid', years: triangular(3, 5, 9) };
		const r = runProjection(input);
		const g = r.groups.rop;
		expect(g.meanTenure[0]).toBeCloseTo(4, 12);
		expect(g.exits[1]).toBeCloseTo(25, 10);
		expect(g.newNeed[1]).toBeCloseTo(25, 10);
		for (const need of g.need) expect(need).toBeCloseTo(100, 9);
		const note = r.calibration.find((c) => c.field === 'tenure.years');
		expect(note?.value).toBeCloseTo(4, 12);
		// the botid assumption is replaced, so its spread does not reach the Monte Carlo
		const mc = runMonteCarlo(input, { draws: 200 }) as MonteCarloResult;
		expect(mc.bands['rop.need']?.[5]?.[10]).toBeCloseTo(mc.bands['rop.need']?.[95]?.[10] as number, 9);
		expect(r.warnings).toBeUndefined();
	});

	it('a botid 10 % or less from the observed flow is not flagged; a choice that cannot apply is', () => {
		const input = ropInput({ observed: 22 }); // 22 vs 20: 10 % apart
		expect(runProjection(input).warnings).toBeUndefined();
		const missing = ropInput();
		missing.scenario.groups.rop.observedFlowUse = 'tenure';
		expect(runProjection(missing).warnings?.map((w) => w.code)).toEqual(['observed-flow-missing']);
		const manual = ropInput({ observed: 20 });
		manual.scenario.groups.rop.demand = { kind: 'manual', perYear: { [T0]: 20 } };
		manual.scenario.groups.rop.observedFlowUse = 'inflow';
		expect(runProjection(manual).warnings?.map((w) => w.code)).toEqual(['observed-flow-not-applicable']);
	});
});

describe('the waiting list at the start (waitingAtStart)', () => {
	/** 100 tenants, 20 waiting, botid 5, calibrated rate, flat population. */
	function waitingInput(choice?: 'lasting' | 'backlog') {
		const input = ropInput({ horizonYears: 30 });
		input.base.groups.rop.waiting = 20;
		if (choice) input.scenario.groups.rop.waitingAtStart = choice;
		return input;
	}

	it("'backlog' (the rate driver's default): A = 100 ÷ 5 = 20; the 20 waiting are housed in year 1 (I = 40), then need returns to 100", () => {
		for (const r of [runProjection(waitingInput()), runProjection(waitingInput('backlog'))]) {
			const g = r.groups.rop;
			expect(g.newNeed[1]).toBeCloseTo(20, 10);
			expect(g.moveIns[1]).toBeCloseTo(40, 10);
			// H(1) = 100 − 20 + 40 = 120; H(2) = 0.8·120 + 20 = 116; H(t) = 100 + 20·0.8^(t−1)
			expect(g.tenants[1]).toBeCloseTo(120, 10);
			expect(g.tenants[2]).toBeCloseTo(116, 10);
			expect(g.need[30]).toBeCloseTo(100 + 20 * 0.8 ** 29, 8);
		}
	});

	it("'lasting': A = (100 + 20) ÷ 5 = 24; H(1) = 100 − 20 + 20 + 24 = 124, then need settles at 120", () => {
		const g = runProjection(waitingInput('lasting')).groups.rop;
		expect(g.newNeed[1]).toBeCloseTo(24, 10);
		expect(g.tenants[1]).toBeCloseTo(124, 10);
		// H(2) = 0.8·124 + 24 = 123.2; H(t) = 120 + 4·0.8^(t−1)
		expect(g.tenants[2]).toBeCloseTo(123.2, 10);
		expect(g.need[30]).toBeCloseTo(120 + 4 * 0.8 ** 29, 8);
	});

	it("prevalence: 'lasting' (its default) keeps 120 = share × population; 'backlog' calibrates the share on the 100 tenants", () => {
		const prevalence = (choice?: 'lasting' | 'backlog') => {
			const input = waitingInput(choice);
			input.scenario.groups.rop.demand = { kind: 'prevalence', band: { from: 18, to: 66 } };
			return runProjection(input).groups.rop;
		};
		const lasting = prevalence();
		expect(lasting.need[10]).toBeCloseTo(120, 9);
		expect(prevalence('lasting').need[10]).toBeCloseTo(120, 9);
		// backlog: share = 100 / 4 900. Year 1: A = max(0, 100 − (100 − 20) − 20) = 0, the 20 waiting move in
		// (H = 100); year 2 on: A = exits, need 100.
		const backlog = prevalence('backlog');
		expect(backlog.newNeed[1]).toBeCloseTo(0, 10);
		expect(backlog.moveIns[1]).toBeCloseTo(20, 10);
		expect(backlog.need[1]).toBeCloseTo(100, 10);
		expect(backlog.need[10]).toBeCloseTo(100, 9);
	});
});

describe('households outside the five groups', () => {
	it('100 dwellings, 80 tenants, 5 vacant, target 5 % → 15 outside, required (80 + 15) ÷ 0.95 = 100, gap 0 (not −15,8)', () => {
		const input = quietInput({ horizonYears: 5, stock: 100 });
		input.base.vacant = 5;
		input.base.groups.rop.tenants = 80;
		input.scenario.groups.rop.demand = { kind: 'manual', perYear: { [T0]: 16 } }; // 80 ÷ botid 5: steady
		input.scenario.vacancyTargetPct = fixed(5);
		expect(otherHouseholdsAtStart(input.base)).toBe(15);
		const r = runProjection(input);
		expect(r.total.requiredStock[0]).toBeCloseTo(100, 12);
		expect(r.total.gap[0]).toBeCloseTo(0, 12);
		expect(r.total.gap[5]).toBeCloseTo(0, 12);
		// the group's own required stock is its need alone: 80 ÷ 0.95
		expect(r.groups.rop.requiredStock[0]).toBeCloseTo(80 / 0.95, 12);
		// the Monte Carlo's total includes them too
		const mc = runMonteCarlo(input, { draws: 10 }) as MonteCarloResult;
		expect(mc.bands['total.requiredStock']?.[50]?.[3]).toBeCloseTo(100, 12);
	});

	it('negative when the base data are inconsistent (more tenants and vacant than dwellings)', () => {
		const input = quietInput({ stock: 50 });
		input.base.vacant = 5;
		input.base.groups.rop.tenants = 60;
		expect(otherHouseholdsAtStart(input.base)).toBe(-15);
	});
});

describe('capacity mode: segments, a stock cut below occupancy', () => {
	/** 100 dwellings, 90 tenants (botid 10: 9 exits a year), 5 waiting, 5 vacant; 20 sold in T0+2. */
	function cutInput() {
		const input = quietInput({ horizonYears: 4, stock: 100, mode: 'capacity' });
		input.base.vacant = 5;
		input.base.groups.rop = { tenants: 90, waiting: 5 };
		input.scenario.groups.rop.tenure = { kind: 'botid', years: fixed(10) };
		input.scenario.groups.rop.demand = { kind: 'manual', perYear: { [T0]: 9 } };
		input.scenario.stockChanges = [{ year: T0 + 2, segmentId: 'ord', kind: 'salg', count: -20 }];
		return input;
	}

	it('per segment: dwellings, occupied and free per year; waiting and waiting time per group', () => {
		const r = runProjection(cutInput());
		const seg = r.segments?.[0];
		expect(seg?.id).toBe('ord');
		expect(seg?.name).toBe('Ordinære boliger');
		// T0: 90 tenants + 5 outside (100 − 5 − 90) occupy 95; 5 free (= vacant)
		expect(seg?.occupied[0]).toBeCloseTo(95, 12);
		expect(seg?.free[0]).toBeCloseTo(5, 12);
		// year 1: 9 leave, 14 candidates, room 100 − (81 + 5) = 14: all move in → H = 95, occupied 100
		expect(r.groups.rop.tenants[1]).toBeCloseTo(95, 10);
		expect(seg?.occupied[1]).toBeCloseTo(100, 10);
		expect(seg?.free[1]).toBeCloseTo(0, 10);
		// year 2: stock 80 < 95 − 9.5 + 5 = 90.5 occupied: nobody moves in, 9 wait
		expect(seg?.dwellings[2]).toBe(80);
		expect(r.groups.rop.moveIns[2]).toBe(0);
		expect(r.groups.rop.waiting[2]).toBeCloseTo(9, 10);
		expect(r.total.waiting[2]).toBeCloseTo(9, 10);
		expect(r.groups.rop.waitingTimeYears[2]).toBe(100); // 9 waiting, no move-ins: capped
		expect(seg?.occupied[2]).toBeCloseTo(90.5, 10);
		expect(seg?.free[2]).toBe(0);
		expect(r.total.vacancyPct[2]).toBe(0);
	});

	it('the cut is a warning in the year it happens, with the numbers', () => {
		const r = runProjection(cutInput());
		const w = r.warnings?.filter((x) => x.code === 'stock-below-occupancy') ?? [];
		expect(w).toHaveLength(1);
		expect(w[0]?.year).toBe(T0 + 2);
		expect(w[0]?.message).toContain('i 2026 gir planen 80 boliger, men 90,5 husstander bor der');
	});

	it('need mode has no segment series', () => {
		const input = cutInput();
		input.scenario.mode = 'need';
		expect(runProjection(input).segments).toBeUndefined();
	});
});

describe('series past their last given year (afterLastYear)', () => {
	const s = { '2024': 40, '2025': 50, '2026': 60 };

	it("'hold' (default) repeats 60; 'zero' gives 0; 'trend' continues the line 40, 50, 60 → 70, 80", () => {
		expect(seriesValue(s, 2028)).toBe(60);
		expect(seriesValue(s, 2028, 'hold')).toBe(60);
		expect(seriesValue(s, 2028, 'zero')).toBe(0);
		expect(seriesValue(s, 2027, 'trend')).toBeCloseTo(70, 12);
		expect(seriesValue(s, 2028, 'trend')).toBeCloseTo(80, 12);
		// given and missing years inside the series are the same under every rule
		for (const rule of ['hold', 'zero', 'trend'] as const) {
			expect(seriesValue(s, 2025, rule)).toBe(50);
			expect(seriesValue({ '2024': 5, '2026': 7 }, 2025, rule)).toBe(0);
		}
	});

	it("'trend' fits the last 5 given years by least squares and never goes below 0", () => {
		// 2019's 999 is outside the window of the last 5 given years (2020–2024: 50, 40, 30, 20, 10)
		const long = { '2019': 999, '2020': 50, '2021': 40, '2022': 30, '2023': 20, '2024': 10 };
		// slope −10 per year through 2020–2024 → 2025: 0, 2026: −10 → 0
		expect(seriesValue(long, 2025, 'trend')).toBeCloseTo(0, 10);
		expect(seriesValue(long, 2026, 'trend')).toBe(0);
		expect(seriesValue({ '2024': 7 }, 2030, 'trend')).toBe(7);
	});

	it('the engine uses the rule: manual new need 10, 20 then zero / trend', () => {
		const input = quietInput({ horizonYears: 4 });
		input.scenario.groups.rop.demand = { kind: 'manual', perYear: { [T0 + 1]: 10, [T0 + 2]: 20 }, afterLastYear: 'trend' };
		expect(Array.from(runProjection(input).groups.rop.newNeed)).toEqual([0, 10, 20, 30, 40]);
		input.scenario.groups.rop.demand.afterLastYear = 'zero';
		expect(Array.from(runProjection(input).groups.rop.newNeed)).toEqual([0, 10, 20, 0, 0]);
	});

	it('a held value far past a jump is flagged: refugees {2026: 100, 2027: 1000} held 2028–2055', () => {
		const input = quietInput({ baseYear: 2025, horizonYears: 30 });
		input.scenario.groups.flyktning.demand = {
			kind: 'refugees',
			settledPerYear: { '2026': 100, '2027': 1000 },
			shareNeedingPct: fixed(60),
			personsPerHousehold: fixed(2.5)
		};
		const r = runProjection(input);
		const w = r.warnings?.find((x) => x.code === 'series-held-after-jump');
		expect(w?.group).toBe('flyktning');
		expect(w?.year).toBe(2028);
		expect(w?.message).toContain('1\u00a0000 bosatte personer i 2027 mot 100 i 2026');
		expect(w?.message).toContain('2028–2055 (28 år)');
		// 1000 × 60 % ÷ 2.5 = 240 households a year, as the issue observed
		expect(r.groups.flyktning.newNeed[30]).toBeCloseTo(240, 10);
		// an explicit rule is a choice, not an oversight: no warning
		input.scenario.groups.flyktning.demand.afterLastYear = 'zero';
		expect(runProjection(input).warnings?.some((x) => x.code === 'series-held-after-jump')).toBeFalsy();
	});
});

describe('validation of the choices', () => {
	it('an unknown choice is refused with a Norwegian message naming the group and the field', () => {
		const input = ropInput();
		(input.scenario.groups.rop as { observedFlowUse?: string }).observedFlowUse = 'botid';
		(input.scenario.groups.andre as { waitingAtStart?: string }).waitingAtStart = 'varig';
		input.scenario.groups.eldre.demand = { kind: 'manual', perYear: {}, afterLastYear: 'repeat' as 'hold' };
		const issues = validateInput(input);
		expect(issues.map((i) => i.path)).toEqual([
			'scenario.groups.rop.observedFlowUse',
			'scenario.groups.eldre.demand.afterLastYear',
			'scenario.groups.andre.waitingAtStart'
		]);
		expect(issues[0]?.message).toBe("Hva nye leietakere i basisåret skal kalibrere for ROP (rus og psykiske lidelser), må være en av «none», «inflow», «tenure».");
		expect(validateInput(ropInput())).toEqual([]);
	});
});
