import { describe, expect, it } from 'vitest';
import { switchDemand } from '#lib/core/assumptions/demand-switch.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

describe('switching the demand driver of a group', () => {
	const nb = createExampleNotebook();
	const input = engineInputOf(nb.base, nb.population, structuredClone(nb.scenarios[0]!.assumptions));
	const before = runProjection(input);
	const inflow = before.groups.andre.newNeed[1]!;

	it('to a manual series starts from the current inflow, so year 1 barely moves', () => {
		const scenario = structuredClone(input.scenario);
		scenario.groups.andre.demand = switchDemand(scenario.groups.andre.demand, 'manual', { group: 'andre', baseYear: 2025, currentInflow: inflow });
		expect(scenario.groups.andre.demand).toEqual({ kind: 'manual', perYear: { '2026': Math.round(inflow * 10) / 10 } });
		const after = runProjection({ ...input, scenario });
		expect(Math.abs(after.groups.andre.need[1]! - before.groups.andre.need[1]!)).toBeLessThan(0.2);
	});

	it('to a rate keeps the age band and starts calibrated (no rate given)', () => {
		const d = switchDemand({ kind: 'prevalence', band: { from: 75 } }, 'rate', { group: 'eldre', baseYear: 2025, currentInflow: 3 });
		expect(d).toEqual({ kind: 'rate', band: { from: 75 }, trendPctPerYear: { value: 0 } });
	});

	it('to refugees converts households to persons settled', () => {
		const d = switchDemand({ kind: 'manual', perYear: {} }, 'refugees', { group: 'flyktning', baseYear: 2025, currentInflow: 13 });
		expect(d).toEqual({ kind: 'refugees', settledPerYear: { '2026': 48 }, shareNeedingPct: { value: 65 }, personsPerHousehold: { value: 2.4 } });
		const scenario = structuredClone(input.scenario);
		scenario.groups.flyktning.demand = d;
		expect(() => runProjection({ ...input, scenario })).not.toThrow();
	});

	it('switching away and back restores every field the planner had set (the trend stays 1,0)', () => {
		const rate = { kind: 'rate' as const, band: { from: 18, to: 66 }, ratePer1000: { value: 0.16 }, trendPctPerYear: { value: 1 } };
		const ctx = { group: 'funksjon' as const, baseYear: 2025, currentInflow: 3 };
		const away = switchDemand(rate, 'prevalence', ctx);
		const edited = { ...away, band: { from: 20, to: 66 } };
		expect(switchDemand(edited, 'rate', ctx, rate)).toEqual({ ...rate, band: { from: 20, to: 66 } });
		// Without the earlier driver it starts calibrated, as before.
		expect(switchDemand(edited, 'rate', ctx)).toEqual({ kind: 'rate', band: { from: 20, to: 66 }, trendPctPerYear: { value: 0 } });
	});
});
