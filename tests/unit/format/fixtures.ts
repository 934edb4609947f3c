/**
 * A small valid notebook with all five groups and every demand driver and tenure model, for the
 * file-format tests. Deterministic (no clock, no randomness).
 */
import type { Notebook, Scenario } from '#lib/core/model/notebook.ts';
import type { ScenarioAssumptions } from '#lib/core/model/assumptions.ts';
import { fixed, p10p90, triangular } from '#lib/core/model/uncertain.ts';

export const FIXTURE_NOW = new Date('2026-11-21T10:00:00.000Z');
export const FIXTURE_APP_VERSION = '0.1.0';

function population(): Notebook['population'] {
	const years = Array.from({ length: 11 }, (_, i) => 2025 + i);
	const ages = Array.from({ length: 91 }, (_, a) => a);
	// A smooth, fictional age profile of a kommune of about 20 000, ageing slowly.
	const values = years.map((_, y) => ages.map((a) => Math.round((260 - a * 1.2 + (a >= 60 ? y * 2 : 0)) * (a === 90 ? 4 : 1))));
	return { years, ages, values, provenance: { kind: 'example', source: 'Testdata (fiktiv)', alternative: 'MMMM' } };
}

export function basisAssumptions(): ScenarioAssumptions {
	return {
		horizonYears: 10,
		mode: 'need',
		groups: {
			rop: {
				demand: { kind: 'rate', band: { from: 18, to: 66 }, trendPctPerYear: fixed(1) },
				tenure: { kind: 'botid', years: triangular(4, 6, 9) },
				turnoverTarget: { changePct: fixed(10), byYear: 2030 },
				waitingAttritionPctPerYear: fixed(10)
			},
			funksjon: {
				demand: { kind: 'rate', band: { from: 18, to: 66 }, ratePer1000: fixed(0.4), trendPctPerYear: fixed(0) },
				tenure: { kind: 'exitRate', pctPerYear: fixed(4) },
				waitingAttritionPctPerYear: fixed(5)
			},
			eldre: {
				demand: { kind: 'prevalence', band: { from: 80 }, targetSharePct: fixed(3.2), targetYear: 2035 },
				tenure: { kind: 'exitRate', pctPerYear: p10p90(12, 20) },
				waitingAttritionPctPerYear: fixed(15)
			},
			flyktning: {
				demand: { kind: 'refugees', settledPerYear: { '2026': 60, '2027': 45 }, shareNeedingPct: fixed(70), personsPerHousehold: fixed(2.6) },
				tenure: { kind: 'lease', leaseYears: 3, renewalPct: fixed(40) },
				waitingAttritionPctPerYear: fixed(20)
			},
			andre: {
				demand: { kind: 'manual', perYear: { '2026': 12, '2030': 10 } },
				tenure: { kind: 'botid', years: fixed(3.5) },
				waitingAttritionPctPerYear: fixed(25)
			}
		},
		vacancyTargetPct: fixed(5),
		allocation: { kind: 'priority', order: ['rop', 'funksjon', 'eldre', 'flyktning', 'andre'] },
		monteCarlo: { seed: 42, draws: 500 },
		plan: {
			measures: [
				{ decisionYear: 2027, segmentId: 'ordinaer', kind: 'nybygg', count: 8, leadTimeYears: 0, decided: true },
				{ decisionYear: 2028, segmentId: 'ordinaer', kind: 'salg', count: 2, leadTimeYears: 0, decided: true }
			]
		}
	};
}

export function buildMinimalNotebook(): Notebook {
	const basis: Scenario = { id: 'basis', name: 'Basis', description: 'Dagens forutsetninger videreført.', assumptions: basisAssumptions() };
	const faster = basisAssumptions();
	faster.groups.rop.tenure = { kind: 'botid', years: fixed(5) };
	const scenario2: Scenario = {
		id: 'kortere-botid',
		name: 'Kortere botid ROP',
		description: 'Botid for ROP ned fra 6 til 5 år.',
		basedOn: 'basis',
		// Stored: only what differs from Basis; in memory also the effective assumptions (issue 15).
		overrides: { 'groups.rop.tenure.years': { value: 5 } },
		assumptions: faster
	};
	return {
		id: 'nb-test-1',
		title: 'Boligbehov Testkommune',
		kommune: { name: 'Testkommune Ø', number: '', fictional: true },
		base: {
			baseYear: 2025,
			segments: [
				{ id: 'ordinaer', name: 'Ordinære boliger', groups: 'all', dwellings: 300 },
				{ id: 'bemannet', name: 'Bemannede boliger', groups: ['rop', 'funksjon'], dwellings: 40 }
			],
			vacant: 14,
			groups: {
				rop: { tenants: 110, waiting: 14, newTenantsLastYear: 18 },
				funksjon: { tenants: 70, waiting: 4 },
				eldre: { tenants: 60, waiting: 3 },
				flyktning: { tenants: 55, waiting: 10, newTenantsLastYear: 20 },
				andre: { tenants: 31, waiting: 6 }
			},
			provenance: { kind: 'entered', source: 'Egen kartlegging', retrieved: '2026-01-15', note: 'Tall per 31.12.2025' }
		},
		population: population(),
		scenarios: [basis, scenario2],
		cells: [
			{ id: 'c1', kind: 'note', markdown: '# Boligbehov\n\nNotat med *Markdown*; «anførselstegn» og æøå.', slide: true, speakerNotes: 'Innledning' },
			{ id: 'c2', kind: 'assumptions', scenarioId: 'basis', groups: ['rop'] },
			{ id: 'c3', kind: 'chart', chart: 'need-by-group', scenarioIds: ['basis'], title: 'Behov per gruppe' },
			{ id: 'c4', kind: 'table', scenarioIds: ['basis', 'kortere-botid'], hidden: true },
			{ id: 'c5', kind: 'key-figures', scenarioId: 'basis', year: 2035 },
			{ id: 'c6', kind: 'comparison', scenarioIds: ['basis', 'kortere-botid'], year: 2030 }
		],
		createdAt: '2026-11-01T08:00:00.000Z',
		updatedAt: '2026-11-20T14:30:00.000Z'
	};
}
