/**
 * A new notebook for the planner's own kommune. There is no empty projection (the engine needs a
 * population and today's tenants), so a new notebook starts from the example's structure — its
 * base data, population and Basis assumptions — clearly marked as placeholders to replace:
 * the provenance says "eksempeldata", and the first note lists what to replace and how.
 * Only the Basis scenario is kept; the cells are a neutral working set.
 */
import { createExampleNotebook } from './example/index.ts';
import type { Cell, Notebook } from './model/notebook.ts';

export interface NewNotebookInput {
	kommuneName: string;
	/** Four digits, or empty. */
	kommuneNumber: string;
	now: string;
	id: string;
}

export type NewNotebookError = { field: 'kommuneName' | 'kommuneNumber'; message: string };

export function validateNewNotebook(input: Pick<NewNotebookInput, 'kommuneName' | 'kommuneNumber'>): NewNotebookError[] {
	const errors: NewNotebookError[] = [];
	if (!input.kommuneName.trim()) errors.push({ field: 'kommuneName', message: 'Kommunenavn mangler: skriv navnet på kommunen.' });
	if (input.kommuneNumber.trim() && !/^\d{4}$/.test(input.kommuneNumber.trim()))
		errors.push({ field: 'kommuneNumber', message: 'Kommunenummer må ha fire sifre, for eksempel 0301, eller stå tomt.' });
	return errors;
}

const START_NOTE = `# Slik kommer du i gang

Denne notatboka er laget for **{kommune}**, men tallene er foreløpig **eksempeldata** fra den fiktive
Eksempelkommune. Bytt dem ut før du bruker resultatene:

1. **Befolkning:** åpne *Grunnlagsdata* og importer SSBs befolkningsframskriving for kommunen (fil fra
   Statistikkbanken eller «Hent fra SSB»).
2. **Boliger og leietakere:** fyll inn boligmassen og dagens leietakere, venteliste og nye leietakere
   per målgruppe – eller importer KOSTRA-tallene (tabell 12008) og godkjenn forslagene.
3. **Forutsetninger:** gå gjennom botid, nytt behov og trender per målgruppe i cellen under. Kilder og
   forklaringer finner du bak «Vis forklaringer og kilder».
4. Lag varianter (for eksempel økt gjennomstrømming) og sammenlign dem.`;

export function createNewNotebook(input: NewNotebookInput): Notebook {
	const template = createExampleNotebook(input.now);
	// The example's history is the fictional kommune's own past: a new kommune starts without one.
	const { history: _exampleHistory, ...templateBase } = template.base;
	const basis = template.scenarios[0]!;
	const kommune = input.kommuneName.trim();
	const end = template.base.baseYear + basis.assumptions.horizonYears;
	const ids = { basis: 'basis' };
	const cells: Cell[] = [
		{ id: 'start', kind: 'note', markdown: START_NOTE.replace('{kommune}', kommune) },
		{ id: 'forutsetninger', kind: 'assumptions', scenarioId: ids.basis },
		{ id: 'behov', kind: 'chart', chart: 'need-by-group', scenarioIds: [ids.basis], slide: true },
		{ id: 'bestand', kind: 'chart', chart: 'required-vs-planned', scenarioIds: [ids.basis], slide: true },
		{ id: 'nokkeltall', kind: 'key-figures', scenarioId: ids.basis, year: template.base.baseYear + 10, slide: true },
		{ id: 'usikkerhet', kind: 'chart', chart: 'monte-carlo-fan', scenarioIds: [ids.basis] },
		{ id: 'tabell', kind: 'table', scenarioIds: [ids.basis] }
	];
	return {
		id: input.id,
		title: `${kommune} – boligbehov ${template.base.baseYear}–${end}`,
		kommune: { name: kommune, number: input.kommuneNumber.trim() },
		base: {
			...templateBase,
			provenance: { kind: 'example', source: 'Eksempeldata fra Eksempelkommune – erstatt med kommunens egne tall', note: 'Kopiert fra den fiktive eksempelkommunen da notatboka ble laget.' }
		},
		population: {
			...template.population,
			provenance: {
				kind: 'example',
				source: 'Eksempeldata (fiktiv befolkning) – importer SSBs framskriving for kommunen',
				note: 'Kopiert fra den fiktive eksempelkommunen da notatboka ble laget.'
			}
		},
		scenarios: [{ ...basis, id: ids.basis, name: 'Basis', description: 'Utgangspunktet. Forutsetningene er foreløpig eksempelkommunens.' }],
		cells,
		createdAt: input.now,
		updatedAt: input.now
	};
}
