/**
 * The example kommune's scenarios: Basis, two variants ("Økt gjennomstrømming", "Flere
 * flyktninger") and a capacity run of today's plan. Every number is explained in
 * docs/example-kommune.md. Names and descriptions are UI text (Norwegian bokmål).
 */
import type { GroupAssumptions, ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import type { MeasureKind, PlanMeasure } from '#lib/core/model/plan.ts';
import type { GroupId } from '#lib/core/model/groups.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import type { YearSeries } from '#lib/core/model/population.ts';
import { fixed, triangular } from '#lib/core/model/uncertain.ts';

export const SCENARIO_IDS = {
	basis: 'basis',
	turnover: 'okt-gjennomstromming',
	refugees: 'flere-flyktninger',
	capacity: 'kapasitet-dagens-plan'
} as const;

export const HORIZON_YEARS = 30;
/** Fixed so that a shared file reproduces the same fan: the base date 31.12.2025. */
export const MONTE_CARLO_SEED = 20251231;
export const MONTE_CARLO_DRAWS = 2000;

/** Groups for which higher turnover is a sensible goal (transitional tenancies, 003:L2229–2238). */
export const TURNOVER_GROUPS: readonly GroupId[] = ['rop', 'flyktning', 'andre'];
/**
 * "Botid down 10 % by 2030": botid × 1/(1 + x) = 0.9 × botid ⇔ x = 1/0.9 − 1 = 11.1 %.
 * (The programme's "+10 % gjennomstrømming" would shorten botid by 9.1 % only.)
 */
export const TURNOVER_CHANGE_PCT = 11.1;
export const TURNOVER_BY_YEAR = 2030;

/** Persons settled per year, Basis: the council's decision for 2025, then a gradual fall to 30 (IMDi-like). */
export const REFUGEES_BASIS: Readonly<YearSeries> = { '2025': 45, '2026': 40, '2027': 35, '2028': 30 };
/** Persons settled per year, "Flere flyktninger": a new crisis, higher requests 2026–2029, 50 a year after. */
export const REFUGEES_HIGH: Readonly<YearSeries> = {
	'2025': 45,
	'2026': 80,
	'2027': 90,
	'2028': 70,
	'2029': 60,
	'2030': 50
};

/**
 * Changes to the stock the kommune decided before this plan (Basis and all variants): measures
 * marked `decided`, whose cost lies in the current budget, available the year given (lead time 0).
 * They were the example's planned stock changes before schema version 4, with the same numbers.
 */
export function decidedMeasures(): PlanMeasure[] {
	const decided = (decisionYear: number, segmentId: string, kind: MeasureKind, count: number): PlanMeasure => ({
		decisionYear,
		segmentId,
		kind,
		count,
		leadTimeYears: 0,
		decided: true
	});
	return [
		// Leases from private owners for refugees, wound down as settlement falls.
		decided(2026, 'ordinaer', 'avsluttet-innleie', 4),
		// A new staffed house (bofellesskap) for ROP, in the plan for 2027.
		decided(2027, 'bemannet', 'nybygg', 8),
		// Old, worn dwellings on the outskirts sold (003:L862–866).
		decided(2028, 'ordinaer', 'salg', 6),
		// Omsorgsboliger in the investment plan for the growing 80+ population.
		decided(2031, 'omsorg', 'nybygg', 12)
	];
}

function basisGroups(): Record<GroupId, GroupAssumptions> {
	return {
		rop: {
			// 0.76 per 1 000 of 18–66 = 9.1 a year in 2025 = 55 / 6 (today's exits).
			demand: { kind: 'rate', band: { from: 18, to: 66 }, ratePer1000: triangular(0.6, 0.76, 0.95), trendPctPerYear: triangular(0, 2, 4) },
			tenure: { kind: 'botid', years: triangular(4.5, 6, 8) },
			waitingAttritionPctPerYear: fixed(15)
		},
		funksjon: {
			// 0.16 per 1 000 of 18–66 = 1.9 a year = 48 × 4 %.
			demand: { kind: 'rate', band: { from: 18, to: 66 }, ratePer1000: triangular(0.12, 0.16, 0.2), trendPctPerYear: triangular(0, 1, 2) },
			tenure: { kind: 'exitRate', pctPerYear: triangular(3, 4, 6) },
			waitingAttritionPctPerYear: fixed(5)
		},
		eldre: {
			// Share of 80+ calibrated from today ((52 + 4) / 1 139 ≈ 4.9 %), falling to 4.2 % by 2040.
			demand: { kind: 'prevalence', band: { from: 80 }, targetSharePct: triangular(3.5, 4.2, 4.9), targetYear: 2040 },
			tenure: { kind: 'exitRate', pctPerYear: triangular(15, 20, 25) },
			waitingAttritionPctPerYear: fixed(25)
		},
		flyktning: {
			// 45 × 65 % / 2.4 = 12.2 households in 2025.
			demand: {
				kind: 'refugees',
				settledPerYear: { ...REFUGEES_BASIS },
				shareNeedingPct: triangular(45, 65, 85),
				personsPerHousehold: triangular(1.8, 2.4, 3.2)
			},
			// 3-year leases, a quarter renewed: mean tenure 3 / 0.75 = 4 years.
			tenure: { kind: 'lease', leaseYears: 3, renewalPct: triangular(10, 25, 40) },
			waitingAttritionPctPerYear: fixed(20)
		},
		andre: {
			// 0.24 per 1 000 of 18+ = 3.8 a year = 15 / 4.
			demand: { kind: 'rate', band: { from: 18 }, ratePer1000: triangular(0.18, 0.24, 0.3), trendPctPerYear: triangular(-4, -2, 0) },
			tenure: { kind: 'botid', years: triangular(3, 4, 6) },
			waitingAttritionPctPerYear: fixed(35)
		}
	};
}

function basisAssumptions(): ScenarioAssumptions {
	return {
		horizonYears: HORIZON_YEARS,
		mode: 'need',
		groups: basisGroups(),
		vacancyTargetPct: triangular(4, 5, 7),
		allocation: { kind: 'proportional' },
		monteCarlo: { seed: MONTE_CARLO_SEED, draws: MONTE_CARLO_DRAWS }
	};
}

export function createExampleScenarios(): Scenario[] {
	const basis: Scenario = {
		id: SCENARIO_IDS.basis,
		name: 'Basis',
		description:
			'Dagens situasjon videreført: behovet følger befolkningen, med økende behov for ROP og nedsatt funksjonsevne, ' +
			'synkende andel eldre i kommunal bolig, færre flyktninger og færre «andre». Botiden er som i dag. Vedtatte endringer i boligmassen er med.',
		assumptions: basisAssumptions()
	};

	const turnoverAssumptions = basisAssumptions();
	for (const gid of TURNOVER_GROUPS) {
		turnoverAssumptions.groups[gid].turnoverTarget = { changePct: fixed(TURNOVER_CHANGE_PCT), byYear: TURNOVER_BY_YEAR };
	}
	const turnover: Scenario = {
		id: SCENARIO_IDS.turnover,
		name: 'Økt gjennomstrømming',
		description:
			'Som Basis, men botiden for ROP, flyktninger og andre går gradvis ned med 10 % fram mot 2030 ' +
			'(det er det samme som 11 % høyere gjennomstrømming). Nedsatt funksjonsevne og eldre har varige leieforhold og er holdt utenfor.',
		basedOn: SCENARIO_IDS.basis,
		assumptions: turnoverAssumptions
	};

	const refugeesAssumptions = basisAssumptions();
	const fl = refugeesAssumptions.groups.flyktning.demand;
	if (fl.kind === 'refugees') fl.settledPerYear = { ...REFUGEES_HIGH };
	const refugees: Scenario = {
		id: SCENARIO_IDS.refugees,
		name: 'Flere flyktninger',
		description:
			'Som Basis, men kommunen bosetter flere flyktninger: 80 i 2026, 90 i 2027, 70 i 2028, 60 i 2029 og deretter 50 i året ' +
			'(Basis: 40, 35 og deretter 30 i året).',
		basedOn: SCENARIO_IDS.basis,
		assumptions: refugeesAssumptions
	};

	const capacityAssumptions = basisAssumptions();
	capacityAssumptions.mode = 'capacity';
	const capacity: Scenario = {
		id: SCENARIO_IDS.capacity,
		name: 'Kapasitet: dagens plan',
		description:
			'Samme forutsetninger som Basis, men regnet med bare de boligene som finnes og er vedtatt. ' +
			'De som ikke får bolig, blir stående på venteliste. Viser ventelister og ventetid hvis kommunen ikke skaffer flere boliger.',
		basedOn: SCENARIO_IDS.basis,
		assumptions: capacityAssumptions
	};

	return [basis, turnover, refugees, capacity];
}
