/**
 * The example kommune's acquisition plan for the økonomiplan period 2026–2029: the product's own
 * proposal for Basis (core/plan/proposal.ts) with the default mix 40 % kjøp, 40 % nybygg,
 * 20 % innleie and target year 2029, restricted to the measures decided in 2026–2029, after the
 * changes the kommune had already decided (`decidedMeasures`, cost outside the plan). Costs are
 * the placeholder defaults, every one marked as such on screen. A test keeps this list equal to
 * what the proposal gives. Explained in docs/example-kommune.md and docs/model.md, "Plan and cost".
 */
import type { Cell } from '#lib/core/model/notebook.ts';
import type { Plan } from '#lib/core/model/plan.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import { decidedMeasures, SCENARIO_IDS } from './scenarios.ts';

export const EXAMPLE_PLAN_TARGET_YEAR = 2029;

export function createExamplePlan(): Plan {
	const m = (decisionYear: number, segmentId: string, kind: 'kjop' | 'nybygg' | 'innleie', count = 1) => ({
		decisionYear,
		segmentId,
		kind,
		count,
		proposed: true
	});
	return {
		targetYear: EXAMPLE_PLAN_TARGET_YEAR,
		measures: [
			...decidedMeasures(),
			m(2026, 'ordinaer', 'innleie'),
			m(2026, 'omsorg', 'kjop'),
			m(2026, 'ordinaer', 'kjop'),
			m(2026, 'bemannet', 'nybygg'),
			m(2026, 'omsorg', 'nybygg', 2),
			m(2026, 'ordinaer', 'nybygg', 2),
			m(2027, 'omsorg', 'kjop'),
			m(2028, 'omsorg', 'innleie'),
			m(2028, 'omsorg', 'kjop'),
			m(2028, 'ordinaer', 'kjop'),
			m(2029, 'omsorg', 'innleie'),
			m(2029, 'omsorg', 'kjop')
		]
	};
}

export const PLAN_CELL_IDS = { note: 'tiltaksplan-notat', plan: 'tiltaksplan' } as const;

const PLAN_NOTE = `## Fra behov til tiltak og kostnader

Hvor mange boliger må kommunen kjøpe, bygge eller leie hvert år, og hva koster det? Tiltaksplanen under er
programmets forslag for Basis: gapet mellom nødvendig og planlagt bestand lukkes innen ${EXAMPLE_PLAN_TARGET_YEAR},
med 40 % kjøp, 40 % nybygg og 20 % innleie, og med tre års byggetid for nybygg. Endre tiltakene år for år,
eller lag et nytt forslag med en annen fordeling.

Alle kostnadstall er **plassholdere** til kommunen legger inn sine egne. Beløpene er i faste 2025-kroner.`;

/**
 * Every scenario gets the same plan (its own copy): the variants are "Basis with one change", and
 * the capacity run shows the waiting list with the plan's dwellings in place.
 */
export function withExamplePlan(scenarios: Scenario[]): Scenario[] {
	return scenarios.map((s) => ({ ...s, assumptions: { ...s.assumptions, plan: createExamplePlan() } }));
}

/** The plan cells, placed before the closing note about the planner's own kommune. */
export function withExamplePlanCells(cells: Cell[]): Cell[] {
	const planCells: Cell[] = [
		{ id: PLAN_CELL_IDS.note, kind: 'note', markdown: PLAN_NOTE },
		{
			id: PLAN_CELL_IDS.plan,
			kind: 'plan',
			scenarioId: SCENARIO_IDS.basis,
			slide: true,
			speakerNotes:
				'Forslaget lukker gapet innen 2029. Søylene er netto investering etter tilskudd fra Husbanken; linjen er den årlige ' +
				'nettokostnaden. Alle kostnadstall er plassholdere til kommunen legger inn egne tall.'
		}
	];
	const at = cells.findIndex((c) => c.id === 'din-kommune');
	return at < 0 ? [...cells, ...planCells] : [...cells.slice(0, at), ...planCells, ...cells.slice(at)];
}
