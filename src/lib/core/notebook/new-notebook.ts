/**
 * A new notebook for the planner's own kommune. The engine needs a population, base data and
 * assumptions, so a new notebook starts from stand-ins, each one listed under "Før tallene kan
 * brukes" (core/report/placeholders.ts) until replaced:
 * - population: the example's (fictional) projection until SSB's is imported;
 * - base data: one ordinary segment and zeros, marked as a placeholder, until typed or imported
 *   from KOSTRA;
 * - assumptions: documented national defaults (NATIONAL_DEFAULTS, the domain brief's figures)
 *   recorded in `Scenario.valueSources`; rates and shares are calibrated from the kommune's own
 *   tenants, so they are not stand-ins.
 * - settings and choices that need no number of the kommune's (horizon, calculation mode,
 *   allocation, the drivers and their age bands, the tenure model, Monte Carlo draws and seed, an
 *   empty stock plan): the program's own defaults, marked `default` («standard», with the reason),
 *   so they are not taken for the planner's choice, and not listed as stand-ins (PROGRAM_DEFAULTS).
 * Nothing of the example's stock plan, target shares or uncertainty ranges is carried over.
 */
import { createExampleNotebook } from '../example/index.ts';
import { newCellYear } from './cells.ts';
import { SUGGESTED_BANDS } from '../assumptions/demand-switch.ts';
import { GROUP_IDS, type GroupId } from '../model/groups.ts';
import type { GroupAssumptions, ScenarioAssumptions } from '../model/assumptions.ts';
import type { BaseData } from '../model/base-data.ts';
import type { Cell, Notebook, Scenario, ValueSource } from '../model/notebook.ts';
import { bandLabel } from '../model/assumption-fields.ts';
import { GROUP_CHOICE_PATHS } from '../report/provenance.ts';

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

/**
 * National defaults for a new kommune's assumptions, with their source (docs/model.md, "A new
 * notebook"). Each is a placeholder: the planner is asked to replace it with the kommune's own.
 */
export const NATIONAL_DEFAULTS = {
	/** Agenda Kaupang (2020): estimated mean tenure about 8 years nationally 2008–2019 (003:L891). */
	botidYears: { value: 8, source: 'ca. 8 år nasjonalt 2008–2019 (Agenda Kaupang 2020)' },
	/** No national trend per group is published: 0 % a year keeps today's rate (a neutral start). */
	trendPctPerYear: { value: 0, source: 'ingen endring per år (nøytralt utgangspunkt, ingen nasjonal kilde)' },
	/** No national figure: 0 % means nobody leaves the waiting list without a dwelling. */
	waitingAttritionPctPerYear: { value: 0, source: 'ingen frafall (ingen nasjonal kilde; anslå ut fra egne tall)' },
	/** Common planning assumption; national vacancy 3 257 (2008) → 8 905 (2019) (003:L855). */
	vacancyTargetPct: { value: 5, source: 'ca. 5 %, vanlig planforutsetning (Agenda Kaupang 2020)' }
} as const;

/**
 * Why each of the program's own settings is what it is, as the «standard» label says it
 * (docs/model.md, "Provenance of every value"). Given the settings they describe.
 */
export const PROGRAM_DEFAULTS = {
	horizonYears: (years: number) => `${years} år: programmets standard, lang nok til å vise når eldrebølgen gir utslag`,
	mode: 'behovsberegning: programmets standard (kapasitet velges over scenarioene)',
	allocation: 'forholdsmessig etter ventelistene: programmets standard',
	draws: (draws: number) => `${draws} trekk: programmets standard, nok til stabile usikkerhetsbånd`,
	seed: 'programmets faste frø: samme fil gir de samme usikkerhetsbåndene',
	driver: (g: GroupId) =>
		g === 'eldre'
			? 'andel av 80 år og eldre: programmets forslag for eldre (kalibreres fra leietakerne)'
			: 'rate per 1 000 innbyggere: programmets forslag (kalibreres fra leietakerne)',
	band: (g: GroupId) => `${bandLabel(SUGGESTED_BANDS[g])}: foreslått aldersgruppe for målgruppen`,
	tenureModel: 'gjennomsnittlig botid: programmets standard'
} as const;

/** Eldre: a share of 80+ (003:L1963); the others: a rate per 1 000 of their suggested band. Both calibrated. */
function defaultGroup(g: GroupId): GroupAssumptions {
	const band = SUGGESTED_BANDS[g];
	return {
		demand: g === 'eldre' ? { kind: 'prevalence', band } : { kind: 'rate', band, trendPctPerYear: { value: NATIONAL_DEFAULTS.trendPctPerYear.value } },
		tenure: { kind: 'botid', years: { value: NATIONAL_DEFAULTS.botidYears.value } },
		waitingAttritionPctPerYear: { value: NATIONAL_DEFAULTS.waitingAttritionPctPerYear.value }
	};
}

function defaultSources(a: ScenarioAssumptions): Record<string, ValueSource> {
	const nd = (source: string): ValueSource => ({ kind: 'national-default', source });
	const std = (source: string): ValueSource => ({ kind: 'default', source });
	const out: Record<string, ValueSource> = {
		horizonYears: std(PROGRAM_DEFAULTS.horizonYears(a.horizonYears)),
		mode: std(PROGRAM_DEFAULTS.mode),
		vacancyTargetPct: nd(NATIONAL_DEFAULTS.vacancyTargetPct.source),
		allocation: std(PROGRAM_DEFAULTS.allocation),
		'monteCarlo.draws': std(PROGRAM_DEFAULTS.draws(a.monteCarlo.draws)),
		'monteCarlo.seed': std(PROGRAM_DEFAULTS.seed)
	};
	for (const g of GROUP_IDS) {
		// The refugee driver is a national default as a whole (below), its age band with it.
		if (g !== 'flyktning') {
			out[`groups.${g}.${GROUP_CHOICE_PATHS.driver}`] = std(PROGRAM_DEFAULTS.driver(g));
			out[`groups.${g}.${GROUP_CHOICE_PATHS.band}`] = std(PROGRAM_DEFAULTS.band(g));
		}
		out[`groups.${g}.${GROUP_CHOICE_PATHS.tenureModel}`] = std(PROGRAM_DEFAULTS.tenureModel);
		out[`groups.${g}.tenure.years`] = nd(NATIONAL_DEFAULTS.botidYears.source);
		if (g !== 'eldre') out[`groups.${g}.demand.trendPctPerYear`] = nd(NATIONAL_DEFAULTS.trendPctPerYear.source);
		out[`groups.${g}.waitingAttritionPctPerYear`] = nd(NATIONAL_DEFAULTS.waitingAttritionPctPerYear.source);
	}
	// Refugees: a rate until the council's decision or IMDi's request is typed in as a settlement series.
	out['groups.flyktning.demand'] = {
		kind: 'national-default',
		source: 'rate per 1 000 innbyggere 18+ (kalibrert) – bytt til «Bosetting av flyktninger» med kommunens vedtak eller IMDis anmodning'
	};
	return out;
}

export const EMPTY_BASE_SOURCE = 'Ikke fylt ut ennå';

/** The base data of a new notebook: nothing known yet (one ordinary segment, zeros). */
function emptyBaseData(baseYear: number): BaseData {
	const groups = Object.fromEntries(GROUP_IDS.map((g) => [g, { tenants: 0, waiting: 0 }])) as BaseData['groups'];
	return {
		baseYear,
		segments: [{ id: 'ordinaer', name: 'Ordinære boliger', groups: 'all', dwellings: 0 }],
		vacant: 0,
		groups,
		provenance: { kind: 'entered', source: EMPTY_BASE_SOURCE, placeholder: true }
	};
}

const START_NOTE = `# Slik kommer du i gang

Denne notatboka er for **{kommune}**. Listen «Før tallene kan brukes» øverst viser hva som ennå er
stedfortredere, og tar deg dit de endres:

1. **Befolkning:** importer SSBs befolkningsframskriving for kommunen (fil fra Statistikkbanken eller
   «Hent fra SSB»). Til da brukes **eksempeldata** (en fiktiv befolkning).
2. **Boliger og leietakere:** fyll inn boligmassen, dagens leietakere, venteliste og nye leietakere per
   målgruppe – eller importer KOSTRA-tallene (tabell 12008) og godkjenn forslagene.
3. **Forutsetninger:** botid, trend og frafall starter på nasjonale anslag (se kildene i listen).
   Nytt behov kalibreres fra kommunens egne leietakere. Erstatt anslagene med egne tall.
4. Legg inn planlagte endringer i boligmassen, lag varianter og sammenlign dem.`;

export function createNewNotebook(input: NewNotebookInput): Notebook {
	const template = createExampleNotebook(input.now);
	const example = template.scenarios[0]!.assumptions;
	const kommune = input.kommuneName.trim();
	const base = emptyBaseData(template.base.baseYear);
	const assumptions: ScenarioAssumptions = {
		horizonYears: example.horizonYears,
		mode: 'need',
		groups: Object.fromEntries(GROUP_IDS.map((g) => [g, defaultGroup(g)])) as ScenarioAssumptions['groups'],
		vacancyTargetPct: { value: NATIONAL_DEFAULTS.vacancyTargetPct.value },
		allocation: { kind: 'proportional' },
		monteCarlo: { ...example.monteCarlo }
	};
	const basis: Scenario = {
		id: 'basis',
		name: 'Basis',
		description: 'Utgangspunktet: kommunens egne tall, med nasjonale anslag der egne tall mangler.',
		assumptions,
		valueSources: defaultSources(assumptions)
	};
	const end = base.baseYear + assumptions.horizonYears;
	const year = newCellYear({ base, scenarios: [basis] });
	const cells: Cell[] = [
		{ id: 'start', kind: 'note', markdown: START_NOTE.replace('{kommune}', kommune) },
		{ id: 'forutsetninger', kind: 'assumptions', scenarioId: basis.id },
		{ id: 'behov', kind: 'chart', chart: 'need-by-group', scenarioIds: [basis.id], slide: true },
		{ id: 'bestand', kind: 'chart', chart: 'required-vs-planned', scenarioIds: [basis.id], slide: true },
		{ id: 'nokkeltall', kind: 'key-figures', scenarioId: basis.id, year, slide: true },
		{ id: 'usikkerhet', kind: 'chart', chart: 'monte-carlo-fan', scenarioIds: [basis.id] },
		{ id: 'sannsynlighet-for-mangel', kind: 'chart', chart: 'shortfall-probability', scenarioIds: [basis.id] },
		{ id: 'tabell', kind: 'table', scenarioIds: [basis.id] }
	];
	return {
		id: input.id,
		title: `${kommune} – boligbehov ${base.baseYear}–${end}`,
		kommune: { name: kommune, number: input.kommuneNumber.trim() },
		base,
		population: {
			...template.population,
			provenance: {
				kind: 'example',
				source: 'Eksempeldata (fiktiv befolkning) – importer SSBs framskriving for kommunen',
				note: 'Kopiert fra den fiktive eksempelkommunen da notatboka ble laget.'
			}
		},
		scenarios: [basis],
		cells,
		createdAt: input.now,
		updatedAt: input.now
	};
}
