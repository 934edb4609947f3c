import { describe, expect, it } from 'vitest';
import { assumptionProvenance, dataProvenance, provenanceLabel, provenanceText } from '#lib/core/report/provenance.ts';
import { scenarioAppendixRows } from '#lib/core/report/assumptions-appendix.ts';
import { createNewNotebook, NATIONAL_DEFAULTS } from '#lib/core/notebook/new-notebook.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';

const own = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
const basis = own.scenarios[0]!;

describe('assumptionProvenance', () => {
	it('names a national default with its source, from the scenario’s value sources', () => {
		expect(assumptionProvenance(basis, 'groups.rop.tenure.years')).toEqual({ origin: 'national-default', source: NATIONAL_DEFAULTS.botidYears.source });
		expect(assumptionProvenance(basis, 'vacancyTargetPct')).toEqual({ origin: 'national-default', source: NATIONAL_DEFAULTS.vacancyTargetPct.source });
	});

	it('lets a marker on a driver cover every field of it', () => {
		// The refugee group's whole driver is a stand-in until the council's series is typed in.
		const p = assumptionProvenance(basis, 'groups.flyktning.demand.band');
		expect(p.origin).toBe('national-default');
		expect(p.source).toMatch(/Bosetting av flyktninger/);
		// The most specific marker wins: the trend has its own.
		expect(assumptionProvenance(basis, 'groups.flyktning.demand.trendPctPerYear').source).toBe(NATIONAL_DEFAULTS.trendPctPerYear.source);
		// …but not a field of another path that merely starts with the same letters.
		expect(assumptionProvenance({ valueSources: { 'groups.rop.tenure': { kind: 'example', source: 'x' } } }, 'groups.rop.tenureX').origin).toBe('entered');
	});

	it('says calibrated for a value left to the engine, entered for the planner’s own, example for one copied from the example', () => {
		expect(assumptionProvenance(basis, 'groups.rop.demand.ratePer1000', true)).toEqual({ origin: 'calibrated' });
		expect(assumptionProvenance({}, 'groups.rop.tenure.years')).toEqual({ origin: 'entered' });
		expect(assumptionProvenance({ valueSources: { 'groups.eldre.demand.targetSharePct': { kind: 'example', source: 'Eksempelkommune' } } }, 'groups.eldre.demand.targetSharePct')).toEqual({
			origin: 'example',
			source: 'Eksempelkommune'
		});
	});
});

describe('dataProvenance', () => {
	it('names the import’s source and year, the example, or the planner’s entry', () => {
		expect(dataProvenance({ kind: 'imported', source: 'SSB KOSTRA (tabell 12008)' }, 2024)).toEqual({ origin: 'imported', source: 'SSB KOSTRA (tabell 12008), 2024' });
		expect(dataProvenance({ kind: 'imported', source: 'SSB tabell 14288' })).toEqual({ origin: 'imported', source: 'SSB tabell 14288' });
		expect(dataProvenance(createExampleNotebook().population.provenance).origin).toBe('example');
		expect(dataProvenance({ kind: 'entered', source: 'Lagt inn i notatboken' }).origin).toBe('entered');
	});

	it('writes a label with the source where there is one', () => {
		expect(provenanceLabel({ origin: 'imported', source: 'SSB KOSTRA (tabell 12008), 2024' })).toBe('importert: SSB KOSTRA (tabell 12008), 2024');
		expect(provenanceLabel({ origin: 'national-default', source: 'ca. 5 %' })).toBe('nasjonal standard: ca. 5 %');
		expect(provenanceLabel({ origin: 'calibrated' })).toBe('kalibrert');
		// The planner's own entry needs no source in the label.
		expect(provenanceLabel({ origin: 'entered', source: 'Lagt inn i notatboken' })).toBe('oppgitt');
		expect(provenanceText({ kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM', retrieved: '2026-03-01T10:00:00Z' })).toBe('SSB tabell 14288, alternativ MMMM, hentet 2026-03-01');
	});
});

describe('the printed appendix', () => {
	it('marks national defaults with their source, the rest of a new notebook as entered or calibrated', () => {
		const rows = scenarioAppendixRows(basis);
		const row = (key: string) => rows.find((r) => r.key === key)!;
		expect(row('groups.rop.tenure.years')).toMatchObject({ status: 'national-default', source: NATIONAL_DEFAULTS.botidYears.source });
		expect(row('groups.rop.waitingAttritionPctPerYear').status).toBe('national-default');
		expect(row('groups.rop.demand.ratePer1000').status).toBe('calibrated');
		expect(row('horizonYears').status).toBe('entered');
	});
});
