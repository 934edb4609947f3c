import { describe, expect, it } from 'vitest';
import { createExampleNotebook } from '#lib/core/example/index.ts';
import { runProjection } from '#lib/core/engine/index.ts';
import { hindcastInput, hindcastSentence, runHindcast, MIN_HINDCAST_YEARS } from '#lib/core/history/hindcast.ts';
import { observedYears } from '#lib/core/history/observed.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

function exampleInput(): EngineInput {
	const nb = createExampleNotebook();
	return engineInputOf(nb.base, nb.population, nb.scenarios[0]!.assumptions);
}

describe('observedYears', () => {
	it('adds the base year from the base data after the history', () => {
		const years = observedYears(exampleInput().base);
		expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
		expect(years.at(-1)).toEqual({ year: 2025, dwellings: 236, vacant: 16, waiting: 20, newTenants: 38 });
	});
	it('is only the base year without history', () => {
		const input = exampleInput();
		delete input.base.history;
		expect(observedYears(input.base).map((y) => y.year)).toEqual([2025]);
	});
});

describe('runHindcast', () => {
	it('needs at least four observed years', () => {
		const input = exampleInput();
		input.base.history!.years = input.base.history!.years.slice(2);
		const r = runHindcast(input);
		expect(r).toEqual({ ok: false, reason: expect.stringMatching(/minst 4 observerte år.*har 3/) });
		expect(MIN_HINDCAST_YEARS).toBe(4);
	});
	it('needs the stock every year from the calibration year', () => {
		const input = exampleInput();
		delete input.base.history!.years[2]!.dwellings; // 2023 unknown: only 2024–2025 are consecutive
		expect(runHindcast(input)).toMatchObject({ ok: false, reason: expect.stringMatching(/sammenhengende år.*bare 2/) });
	});
	it('refuses history that does not fit the base data (another kommune), naming the years', () => {
		const input = exampleInput();
		input.base.history!.years = input.base.history!.years.map((y) => ({ ...y, dwellings: (y.dwellings ?? 0) * 9 }));
		expect(runHindcast(input)).toEqual({
			ok: false,
			reason: 'Historikken passer ikke med grunnlagsdataene: 2024 har 2106 boliger, 2025 har 236. Sjekk at historikken og grunnlagsdataene gjelder samme kommune.'
		});
	});
	it('calibrates on the first observed year and compares every later year, waiting and new tenants', () => {
		const r = runHindcast(exampleInput());
		if (!r.ok) throw new Error(r.reason);
		const h = r.hindcast;
		expect(h.fromYear).toBe(2021);
		expect(h.toYear).toBe(2025);
		expect(h.points.map((p) => `${p.year}:${p.measure}`)).toEqual([
			'2022:waiting', '2022:newTenants', '2023:waiting', '2023:newTenants',
			'2024:waiting', '2024:newTenants', '2025:waiting', '2025:newTenants'
		]);
		for (const p of h.points) {
			expect(p.error).toBeCloseTo(p.modelled - p.observed, 10);
			expect(p.relativeError).toBeCloseTo(p.error / p.observed, 10);
		}
		expect(h.points.find((p) => p.year === 2025 && p.measure === 'newTenants')?.observed).toBe(38);
		expect(h.sentences).toHaveLength(2);
		expect(h.sentences[0]).toMatch(/^Kalibrert på 2021 (bommet|traff) modellen/);
		expect(h.notes.join(' ')).toMatch(/befolkningen i 2025/);
	});
	it('is the projection from the earlier year: the same numbers as runProjection on hindcastInput', () => {
		const input = exampleInput();
		const observed = observedYears(input.base);
		const { input: early } = hindcastInput(input, 2021, observed);
		expect(early.base.baseYear).toBe(2021);
		expect(early.scenario.mode).toBe('capacity');
		expect(early.scenario.horizonYears).toBe(4);
		// Stock scaled to 2021's 226 dwellings, and the observed path after it.
		expect(early.base.segments.reduce((n, s) => n + s.dwellings, 0)).toBeCloseTo(226, 10);
		expect(early.scenario.stockChanges.map((c) => [c.year, c.count])).toEqual([[2022, 2], [2023, 3], [2024, 3], [2025, 2]]);
		expect(early.base.vacant).toBe(14);
		// Tenants scaled to 2021's occupied dwellings (226 − 14) from 2025's (236 − 16).
		expect(early.base.groups.rop.tenants).toBeCloseTo((55 * 212) / 220, 10);
		expect(early.population.years[0]).toBe(2021);
		const direct = runProjection(early);
		const r = runHindcast(input);
		if (!r.ok) throw new Error(r.reason);
		expect(r.hindcast.points.find((p) => p.year === 2023 && p.measure === 'waiting')?.modelled).toBe(direct.total.waiting[2]);
		expect(r.hindcast.points.find((p) => p.year === 2024 && p.measure === 'newTenants')?.modelled).toBe(direct.total.moveIns[3]);
	});
	it('leaves the notebook untouched and drops planned policy changes from the earlier run', () => {
		const input = exampleInput();
		input.scenario.groups.rop.turnoverTarget = { changePct: { value: 10 }, byYear: 2030 };
		const before = JSON.stringify(input);
		const { input: early } = hindcastInput(input, 2021, observedYears(input.base));
		expect(JSON.stringify(input)).toBe(before);
		expect(early.scenario.groups.rop.turnoverTarget).toBeUndefined();
		const fl = early.scenario.groups.flyktning.demand;
		if (fl.kind === 'refugees') expect(fl.settledPerYear['2021']).toBe(fl.settledPerYear['2025']);
	});
});

describe('hindcastSentence', () => {
	it('says the miss in plain Norwegian with sign and percent', () => {
		expect(hindcastSentence(2019, { year: 2023, measure: 'waiting', observed: 200, modelled: 204.2, error: 4.2, relativeError: 0.021 })).toBe(
			'Kalibrert på 2019 bommet modellen på 2023 med +4 husstander på venteliste (2 %): modellen ga 204, observert 200.'
		);
		expect(hindcastSentence(2019, { year: 2023, measure: 'newTenants', observed: 50, modelled: 44, error: -6, relativeError: -0.12 })).toBe(
			'Kalibrert på 2019 bommet modellen på 2023 med −6 nyinnflyttede husstander (12 %): modellen ga 44, observert 50.'
		);
		expect(hindcastSentence(2019, { year: 2023, measure: 'waiting', observed: 0, modelled: 0.3, error: 0.3 })).toBe(
			'Kalibrert på 2019 traff modellen 2023 for husstander på venteliste: avviket er under én (observert 0).'
		);
	});
});

describe('hindcast chart rows', () => {
	it('observed years from the calibration year, and the model starting at the observed value', async () => {
		const { hindcastRows, hindcastSpec } = await import('#lib/charts/hindcast.ts');
		const input = exampleInput();
		const r = runHindcast(input);
		if (!r.ok) throw new Error(r.reason);
		const rows = hindcastRows(r.hindcast, observedYears(input.base));
		const waitingObserved = rows.filter((x) => x.series === 'Husstander på venteliste' && x.source === 'Observert');
		expect(waitingObserved.map((x) => [x.year, x.value])).toEqual([[2021, 15], [2022, 17], [2023, 18], [2024, 19], [2025, 20]]);
		const waitingModel = rows.filter((x) => x.series === 'Husstander på venteliste' && x.source === 'Modellen');
		expect(waitingModel[0]).toEqual({ year: 2021, series: 'Husstander på venteliste', source: 'Modellen', value: 15 });
		expect(waitingModel.slice(1).map((x) => x.value)).toEqual(r.hindcast.points.filter((p) => p.measure === 'waiting').map((p) => p.modelled));
		expect(hindcastSpec(r.hindcast, observedYears(input.base)).title).toBe('Tilbakeblikk: modellen kalibrert på 2021 mot det som ble observert');
	});
});

describe('required-vs-planned with observed years', () => {
	it('starts the stock line in the observed years before T0 and marks them; without history the chart is unchanged', async () => {
		const { requiredVsPlannedSpec } = await import('#lib/charts/required-vs-planned.ts');
		const input = exampleInput();
		const result = runProjection(input);
		const plain = requiredVsPlannedSpec(result);
		const withHistory = requiredVsPlannedSpec(result, { observed: input.base.history!.years });
		const stockLine = (spec: ReturnType<typeof requiredVsPlannedSpec>) =>
			(spec.marks as { data?: { year: number; series: string; value: number }[] }[])
				.map((m) => m.data)
				.find((d) => Array.isArray(d) && d.some((r) => r.series === 'Planlagt bestand'))!;
		expect(stockLine(withHistory).slice(0, 5).map((r) => [r.year, r.value])).toEqual([[2021, 226], [2022, 228], [2023, 231], [2024, 234], [2025, 236]]);
		expect(stockLine(plain)[0]!.year).toBe(2025);
		expect(withHistory.marks!.length).toBe(plain.marks!.length + 1);
		expect(requiredVsPlannedSpec(result, { observed: [] }).marks!.length).toBe(plain.marks!.length);
	});
});
