import { describe, expect, it } from 'vitest';
import {
	assumptionProvenance,
	capitalise,
	dataProvenance,
	DEFAULT_BASE_YEAR_SOURCE,
	isStandInOrigin,
	ORIGIN_LABELS,
	provenanceText,
	STATUS_LABELS,
	UNSET_CHOICE_SOURCE,
	unsetChoiceProvenance
} from '#lib/core/report/provenance.ts';
import { assumptionsAppendix, baseAppendixRows, differencesOnly, scenarioAppendixRows } from '#lib/core/report/assumptions-appendix.ts';
import { listPlaceholders } from '#lib/core/report/placeholders.ts';
import { EMPTY_BASE_SOURCE } from '#lib/core/notebook/new-notebook.ts';
import { createNewNotebook, NATIONAL_DEFAULTS, PROGRAM_DEFAULTS } from '#lib/core/notebook/new-notebook.ts';
import { copyScenario } from '#lib/core/notebook/edits.ts';
import { assumptionsById, reconcileVariants } from '#lib/core/scenarios/overrides.ts';
import { createExampleNotebook } from '#lib/core/example/index.ts';

const own = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
const basis = own.scenarios[0]!;

describe('assumptionProvenance', () => {
	it('names a national default with its source, from the scenario’s value sources', () => {
		expect(assumptionProvenance(own.scenarios, basis, 'groups.rop.tenure.years')).toEqual({ origin: 'national-default', source: NATIONAL_DEFAULTS.botidYears.source });
		expect(assumptionProvenance(own.scenarios, basis, 'vacancyTargetPct')).toEqual({ origin: 'national-default', source: NATIONAL_DEFAULTS.vacancyTargetPct.source });
	});

	it('lets a marker on a driver cover every field of it', () => {
		// The refugee group's whole driver is a stand-in until the council's series is typed in.
		const p = assumptionProvenance(own.scenarios, basis, 'groups.flyktning.demand.band');
		expect(p.origin).toBe('national-default');
		expect(p.source).toMatch(/Bosetting av flyktninger/);
		// The most specific marker wins: the trend has its own.
		expect(assumptionProvenance(own.scenarios, basis, 'groups.flyktning.demand.trendPctPerYear').source).toBe(NATIONAL_DEFAULTS.trendPctPerYear.source);
		// …but not a field of another path that merely starts with the same letters.
		expect(assumptionProvenance([], { valueSources: { 'groups.rop.tenure': { kind: 'example', source: 'x' } } }, 'groups.rop.tenureX').origin).toBe('entered');
	});

	it('says calibrated for a value left to the engine, entered for the planner’s own, example for one copied from the example', () => {
		// A value left out is calibrated: the catalogue says so (no marker), and the row carries the origin.
		expect(scenarioAppendixRows(own.scenarios, basis).find((r) => r.key === 'groups.rop.demand.ratePer1000')).toMatchObject({ status: 'calibrated' });
		expect(assumptionProvenance([], {}, 'groups.rop.tenure.years')).toEqual({ origin: 'entered' });
		expect(assumptionProvenance([], { valueSources: { 'groups.eldre.demand.targetSharePct': { kind: 'example', source: 'Eksempelkommune' } } }, 'groups.eldre.demand.targetSharePct')).toEqual({
			origin: 'example',
			source: 'Eksempelkommune'
		});
	});
});

describe('a variant', () => {
	/** A new notebook with a variant of Basis that changes nothing yet. */
	function withVariant() {
		const doc = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
		const variant = copyScenario(doc, doc.scenarios[0]!.id, 'Variant', () => 0.5)!;
		return { doc, variant };
	}

	it('takes the provenance of a value it inherits from its parent: a national default stays one', () => {
		const { doc, variant } = withVariant();
		expect(variant.valueSources).toBeUndefined();
		expect(assumptionProvenance(doc.scenarios, variant, 'groups.rop.tenure.years')).toEqual({ origin: 'national-default', source: NATIONAL_DEFAULTS.botidYears.source });
		expect(assumptionProvenance(doc.scenarios, variant, 'vacancyTargetPct')).toEqual({ origin: 'national-default', source: NATIONAL_DEFAULTS.vacancyTargetPct.source });
		// A marker on the parent's whole driver covers the variant's fields of it too.
		expect(assumptionProvenance(doc.scenarios, variant, 'groups.flyktning.demand.band').origin).toBe('national-default');
		// Without the notebook's scenarios the chain cannot be followed: only its own markers (none).
		expect(assumptionProvenance([], variant, 'groups.rop.tenure.years').origin).toBe('entered');
	});

	it('is the planner’s own where it overrides the value, at the path or around it', () => {
		const { doc, variant } = withVariant();
		const before = assumptionsById(doc.scenarios);
		variant.assumptions.groups.rop.tenure = { kind: 'botid', years: { value: 6 } };
		variant.assumptions.vacancyTargetPct = { value: 4 };
		reconcileVariants(doc, before);
		expect(Object.keys(variant.overrides ?? {}).sort()).toEqual(['groups.rop.tenure.years', 'vacancyTargetPct']);
		expect(assumptionProvenance(doc.scenarios, variant, 'groups.rop.tenure.years')).toEqual({ origin: 'entered' });
		expect(assumptionProvenance(doc.scenarios, variant, 'vacancyTargetPct')).toEqual({ origin: 'entered' });
		// The other groups still inherit Basis's national default; Basis keeps its own.
		expect(assumptionProvenance(doc.scenarios, variant, 'groups.eldre.tenure.years').origin).toBe('national-default');
		expect(assumptionProvenance(doc.scenarios, doc.scenarios[0]!, 'groups.rop.tenure.years').origin).toBe('national-default');
		// An override of a whole object (another driver) covers every field in it.
		const fresh = withVariant();
		fresh.variant.overrides = { 'groups.flyktning.demand': { kind: 'manual', perYear: {} } };
		expect(assumptionProvenance(fresh.doc.scenarios, fresh.variant, 'groups.flyktning.demand.perYear').origin).toBe('entered');
	});

	it('prints no differing rows in the appendix while it changes nothing', () => {
		const { doc, variant } = withVariant();
		const sections = differencesOnly(assumptionsAppendix(doc, doc.scenarios));
		const section = sections.find((s) => s.id === variant.id)!;
		expect(section.rows).toEqual([]);
		expect(section.sameAs?.omitted).toBe(scenarioAppendixRows(doc.scenarios, variant).length);
		expect(scenarioAppendixRows(doc.scenarios, variant).find((r) => r.key === 'groups.rop.tenure.years')).toMatchObject({ status: 'national-default', source: NATIONAL_DEFAULTS.botidYears.source });
	});
});

describe('dataProvenance', () => {
	it('names the import’s source and year, the example, or the planner’s entry', () => {
		expect(dataProvenance({ kind: 'imported', source: 'SSB KOSTRA (tabell 12008), 2024' })).toEqual({ origin: 'imported', source: 'SSB KOSTRA (tabell 12008), 2024' });
		expect(dataProvenance({ kind: 'imported', source: 'SSB tabell 14288' })).toEqual({ origin: 'imported', source: 'SSB tabell 14288' });
		expect(dataProvenance(createExampleNotebook().population.provenance).origin).toBe('example');
		expect(dataProvenance({ kind: 'entered', source: 'Lagt inn i notatboken' }).origin).toBe('entered');
	});

	it('says placeholder for data still to be replaced, as «Før tallene kan brukes» lists it', () => {
		// A new notebook's empty base data: entered in kind, but a placeholder until typed or imported.
		expect(own.base.provenance).toMatchObject({ kind: 'entered', placeholder: true });
		expect(dataProvenance(own.base.provenance)).toEqual({ origin: 'placeholder', source: EMPTY_BASE_SOURCE });
		expect(dataProvenance({ kind: 'imported', source: 'SSB tabell 14288', placeholder: true }).origin).toBe('placeholder');
		// The example's numbers stay «eksempel» even when marked.
		expect(dataProvenance({ kind: 'example', source: 'Eksempeldata', placeholder: true }).origin).toBe('example');
		expect(listPlaceholders(own).map((p) => p.key).slice(0, 2)).toEqual(['population', 'base']);
		// The printed appendix says the same: no «Oppgitt» for numbers nobody has entered. The base
		// year is the program's proposal (it cannot be typed, only imported with KOSTRA): «Standard».
		const rows = baseAppendixRows(own);
		expect(rows.filter((r) => r.key !== 'population' && r.key !== 'base.baseYear').every((r) => r.status === 'placeholder')).toBe(true);
		expect(rows.find((r) => r.key === 'base.baseYear')).toMatchObject({ status: 'default', source: DEFAULT_BASE_YEAR_SOURCE });
		expect(rows.find((r) => r.key === 'population')!.status).toBe('example');
		expect(STATUS_LABELS.placeholder).toBe('Plassholder');
	});

	it('writes everything a provenance records', () => {
		// (The label with its source beside a field: components/cells/assumptions/ProvenanceLabel.svelte,
		// tested in tests/component/assumptions-cell.test.ts; the words: 'the labels' below.)
		expect(provenanceText({ kind: 'imported', source: 'SSB tabell 14288', alternative: 'MMMM', retrieved: '2026-03-01T10:00:00Z' })).toBe('SSB tabell 14288, alternativ MMMM, hentet 2026-03-01');
	});
});

describe('the labels', () => {
	it('has one table of words; the status column capitalises them', () => {
		expect(ORIGIN_LABELS).toEqual({
			entered: 'oppgitt',
			calibrated: 'kalibrert',
			imported: 'importert',
			'national-default': 'nasjonal standard',
			example: 'eksempel',
			placeholder: 'plassholder',
			default: 'standard'
		});
		expect(STATUS_LABELS).toEqual({
			entered: 'Oppgitt',
			calibrated: 'Kalibrert',
			imported: 'Importert',
			'national-default': 'Nasjonal standard',
			example: 'Eksempel',
			placeholder: 'Plassholder',
			default: 'Standard'
		});
		expect(capitalise('æ og ø')).toBe('Æ og ø');
		expect(capitalise('')).toBe('');
	});

	it('knows which origins stand in for the kommune’s own numbers', () => {
		const standIns = (Object.keys(ORIGIN_LABELS) as (keyof typeof ORIGIN_LABELS)[]).filter(isStandInOrigin);
		expect(standIns.sort()).toEqual(['example', 'national-default', 'placeholder']);
	});
});

describe('the printed appendix', () => {
	it('marks national defaults with their source, the program’s settings as standard with the reason, the rest as calibrated', () => {
		const rows = scenarioAppendixRows(own.scenarios, basis);
		const row = (key: string) => rows.find((r) => r.key === key)!;
		expect(row('groups.rop.tenure.years')).toMatchObject({ status: 'national-default', source: NATIONAL_DEFAULTS.botidYears.source });
		expect(row('groups.rop.waitingAttritionPctPerYear').status).toBe('national-default');
		expect(row('groups.rop.demand.ratePer1000').status).toBe('calibrated');
		expect(row('horizonYears')).toMatchObject({ status: 'default', source: PROGRAM_DEFAULTS.horizonYears(basis.assumptions.horizonYears) });
		expect(row('monteCarlo.draws')).toMatchObject({ status: 'default', source: PROGRAM_DEFAULTS.draws(basis.assumptions.monteCarlo.draws) });
		expect(row('monteCarlo.seed')).toMatchObject({ status: 'default', source: PROGRAM_DEFAULTS.seed });
		expect(row('mode').status).toBe('default');
		expect(row('allocation').status).toBe('default');
	});
});

describe('a choice left unset', () => {
	it('reads «standard» (its default applies), unless a marker says more', () => {
		const nb = createNewNotebook({ kommuneName: 'Testvik', kommuneNumber: '4601', now: '2026-11-29T00:00:00Z', id: 'testvik' });
		const s = nb.scenarios[0]!;
		s.assumptions.groups.flyktning.demand = { kind: 'refugees', settledPerYear: { '2026': 30 }, shareNeedingPct: { value: 60 }, personsPerHousehold: { value: 2.5 } };
		delete s.valueSources!['groups.flyktning.demand'];
		const row = scenarioAppendixRows(nb.scenarios, s).find((r) => r.key === 'groups.flyktning.demand.afterLastYear')!;
		expect(row).toMatchObject({ value: 'Siste verdi gjentas', status: 'default', source: UNSET_CHOICE_SOURCE });
		expect(unsetChoiceProvenance({ origin: 'example', source: 'x' })).toEqual({ origin: 'example', source: 'x' });
		// Chosen: the planner's own.
		if (s.assumptions.groups.flyktning.demand.kind === 'refugees') s.assumptions.groups.flyktning.demand.afterLastYear = 'zero';
		expect(scenarioAppendixRows(nb.scenarios, s).find((r) => r.key === 'groups.flyktning.demand.afterLastYear')?.status).toBe('entered');
	});
});
