/**
 * The appendix of a printed report (saksframlegg): every assumption of every scenario shown, with
 * its value and unit, its uncertainty range, whether it was entered, calibrated by the engine or
 * imported, and where the number comes from. Also the base data and population the scenarios share.
 *
 * Pure: a function of the notebook and the engine's calibration notes, so the print page, tests
 * and any later export read the same rows.
 */
import type { Notebook, Scenario, Cell } from '#lib/core/model/notebook.ts';
import type { CalibrationNote } from '#lib/core/model/result.ts';
import type { Provenance, AgeBand, YearSeries } from '#lib/core/model/population.ts';
import type { StockChangeKind } from '#lib/core/model/assumptions.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import { ASSUMPTION_HELP } from '#lib/core/text/assumption-help.ts';

/** oppgitt = entered by the planner; kalibrert = derived by the engine; importert = read from a file (SSB etc.); eksempeldata = the fictional example. */
export type AssumptionStatus = 'oppgitt' | 'kalibrert' | 'importert' | 'eksempeldata';

export type HelpKey = keyof typeof ASSUMPTION_HELP;

export interface AppendixRow {
	/** Dot path into the scenario (or "base.…", "population"), stable for tests and keys. */
	key: string;
	/** Norwegian group label, or "Hele scenarioet" / "Alle" for shared assumptions. */
	group: string;
	/** Norwegian name of the assumption. */
	field: string;
	/** Value with unit, nb-NO formatted ("6 år", "kalibreres"). */
	value: string;
	/** Uncertainty range ("4,5–8 (triangulær)"), or "Fast verdi". Empty where not applicable. */
	range: string;
	status: AssumptionStatus;
	/** Where the number comes from: the help text's source, a calibration explanation or a provenance. */
	source: string;
	/** The help entry that explains this assumption, if any (listed once under the table). */
	help?: HelpKey;
}

export interface AppendixSection {
	/** Scenario id, or "grunnlag" for the base data and population shared by all scenarios. */
	id: string;
	title: string;
	description: string;
	rows: AppendixRow[];
}

export const STATUS_LABELS: Readonly<Record<AssumptionStatus, string>> = {
	oppgitt: 'Oppgitt',
	kalibrert: 'Kalibrert',
	importert: 'Importert',
	eksempeldata: 'Eksempeldata'
};

const STOCK_CHANGE_LABELS: Record<StockChangeKind, string> = {
	nybygg: 'Nybygg',
	kjop: 'Kjøp',
	innleie: 'Innleie',
	'avsluttet-innleie': 'Avsluttet innleie',
	salg: 'Salg',
	konvertering: 'Konvertering'
};

const SCENARIO_WIDE = 'Hele scenarioet';

const numberFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 3 });

/** nb-NO number: "1 234,5", "−3". */
export function formatNumber(n: number): string {
	return Number.isFinite(n) ? numberFormat.format(n === 0 ? 0 : n) : '–';
}

function withUnit(n: number, unit: string): string {
	if (!unit) return formatNumber(n);
	return unit === '%' ? `${formatNumber(n)} %` : `${formatNumber(n)} ${unit}`;
}

/** The uncertainty of a number as one line: "4,5–8 (triangulær)", "P10 0,6 – P90 0,9 (lognormal)" or "Fast verdi". */
export function rangeText(u: Uncertain): string {
	const s = u.spread;
	if (!s) return 'Fast verdi';
	if (s.kind === 'triangular') return s.low === s.high ? 'Fast verdi' : `${formatNumber(s.low)}–${formatNumber(s.high)} (triangulær)`;
	return s.p10 === s.p90 ? 'Fast verdi' : `P10 ${formatNumber(s.p10)} – P90 ${formatNumber(s.p90)} (lognormal)`;
}

function bandText(b: AgeBand): string {
	return b.to === undefined ? `${b.from} år og eldre` : `${b.from}–${b.to} år`;
}

function seriesText(s: YearSeries): string {
	const keys = Object.keys(s).sort();
	return keys.length === 0 ? '(ingen år)' : keys.map((k) => `${k}: ${formatNumber(s[k] ?? 0)}`).join('; ');
}

function statusOf(p: Provenance): AssumptionStatus {
	return p.kind === 'imported' ? 'importert' : p.kind === 'example' ? 'eksempeldata' : 'oppgitt';
}

export function provenanceText(p: Provenance): string {
	return [
		p.source,
		p.alternative ? `alternativ ${p.alternative}` : '',
		p.fileName ? `fil ${p.fileName}` : '',
		p.retrieved ? `hentet ${p.retrieved.slice(0, 10)}` : '',
		p.note ?? ''
	]
		.filter(Boolean)
		.join(', ');
}

/** Every assumption of one scenario as appendix rows, in the order of the assumptions editor. */
export function scenarioAppendixRows(scenario: Scenario, calibration: readonly CalibrationNote[] = []): AppendixRow[] {
	const rows: AppendixRow[] = [];
	const a = scenario.assumptions;

	const add = (key: string, group: string, field: string, value: string, source: string, help?: HelpKey, range = '') =>
		rows.push({ key, group, field, value, range, status: 'oppgitt', source, ...(help ? { help } : {}) });
	const addU = (key: string, group: string, field: string, u: Uncertain, unit: string, help: HelpKey) =>
		add(key, group, field, withUnit(u.value, unit), ASSUMPTION_HELP[help].source, help, rangeText(u));
	/** An optional number the engine calibrates when it is left out. */
	const addOrCalibrated = (key: string, gid: GroupId, field: string, path: string, u: Uncertain | undefined, unit: string, help: HelpKey) => {
		if (u) return addU(key, GROUP_LABELS[gid], field, u, unit, help);
		const note = calibration.find((c) => c.group === gid && c.field === path);
		rows.push({
			key,
			group: GROUP_LABELS[gid],
			field,
			value: note ? withUnit(note.value, unit) : 'kalibreres',
			range: '',
			status: 'kalibrert',
			source: note?.explanation ?? `Ikke oppgitt: kalibreres av modellen. ${ASSUMPTION_HELP[help].source}`,
			help
		});
	};

	add('horizonYears', SCENARIO_WIDE, 'Framskrivingsperiode', `${formatNumber(a.horizonYears)} år`, 'Valgt i scenarioet.');
	add(
		'mode',
		SCENARIO_WIDE,
		'Beregningsmåte',
		a.mode === 'need' ? 'Behov (boliger som trengs)' : 'Kapasitet (planlagte boliger, venteliste)',
		'Valgt i scenarioet.'
	);
	addU('vacancyTargetPct', SCENARIO_WIDE, 'Måledighet (friksjonsledighet)', a.vacancyTargetPct, '% av boligene', 'vacancy');
	add(
		'allocation',
		SCENARIO_WIDE,
		'Fordeling av ledige boliger',
		a.allocation.kind === 'proportional'
			? 'Forholdsmessig etter venteliste'
			: `Prioritert: ${(a.allocation.order ?? []).map((g) => GROUP_LABELS[g]).join(', ')}`,
		'Valgt i scenarioet (brukes i kapasitetsberegningen).'
	);
	add(
		'monteCarlo',
		SCENARIO_WIDE,
		'Usikkerhetsberegning (Monte Carlo)',
		`${formatNumber(a.monteCarlo.draws)} trekk, frø ${a.monteCarlo.seed}`,
		'Valgt i scenarioet; samme frø gir samme resultat.'
	);

	for (const gid of GROUP_IDS) {
		const ga = a.groups[gid];
		const g = GROUP_LABELS[gid];
		const p = `groups.${gid}`;
		const d = ga.demand;
		switch (d.kind) {
			case 'rate':
				addOrCalibrated(`${p}.demand.ratePer1000`, gid, `Nytt behov per 1 000 innbyggere ${bandText(d.band)}`, 'demand.ratePer1000', d.ratePer1000, 'per 1 000 per år', 'ratePer1000');
				addU(`${p}.demand.trendPctPerYear`, g, 'Årlig trend i nytt behov', d.trendPctPerYear, '% per år', 'trend');
				break;
			case 'prevalence':
				addOrCalibrated(`${p}.demand.sharePct`, gid, `Andel av innbyggere ${bandText(d.band)} med behov`, 'demand.sharePct', d.sharePct, '%', 'sharePct');
				if (d.targetSharePct) {
					addU(`${p}.demand.targetSharePct`, g, `Målandel${d.targetYear !== undefined ? ` i ${d.targetYear}` : ''}`, d.targetSharePct, '%', 'sharePct');
				}
				break;
			case 'refugees':
				add(`${p}.demand.settledPerYear`, g, 'Bosatte flyktninger per år', `${seriesText(d.settledPerYear)} personer`, ASSUMPTION_HELP.refugees.source, 'refugees');
				addU(`${p}.demand.shareNeedingPct`, g, 'Andel som trenger kommunal bolig', d.shareNeedingPct, '%', 'refugees');
				addU(`${p}.demand.personsPerHousehold`, g, 'Personer per husstand', d.personsPerHousehold, 'personer', 'refugees');
				break;
			case 'manual':
				add(`${p}.demand.perYear`, g, 'Nytt behov per år (oppgitt per år)', `${seriesText(d.perYear)} husstander`, 'Oppgitt år for år av planleggeren.');
				break;
		}
		const t = ga.tenure;
		switch (t.kind) {
			case 'botid':
				addU(`${p}.tenure.years`, g, 'Gjennomsnittlig botid', t.years, 'år', 'botid');
				break;
			case 'lease':
				add(`${p}.tenure.leaseYears`, g, 'Tidsbestemt kontrakt, lengde', `${formatNumber(t.leaseYears)} år`, ASSUMPTION_HELP.lease.source, 'lease', 'Fast verdi');
				addU(`${p}.tenure.renewalPct`, g, 'Andel fornyet ved utløp', t.renewalPct, '%', 'lease');
				break;
			case 'exitRate':
				addU(`${p}.tenure.pctPerYear`, g, 'Årlig avgang (død, institusjon, flytting)', t.pctPerYear, '% per år', 'exitRate');
				break;
		}
		if (ga.turnoverTarget) {
			addU(`${p}.turnoverTarget.changePct`, g, `Endring i gjennomstrømming innen ${ga.turnoverTarget.byYear}`, ga.turnoverTarget.changePct, '%', 'turnoverTarget');
		}
		addU(`${p}.waitingAttritionPctPerYear`, g, 'Avgang fra venteliste', ga.waitingAttritionPctPerYear, '% per år', 'attrition');
	}

	a.stockChanges.forEach((c, i) =>
		add(
			`stockChanges.${i}`,
			SCENARIO_WIDE,
			`${STOCK_CHANGE_LABELS[c.kind]} ${c.year}, delbestand «${c.segmentId}»`,
			`${c.count > 0 ? '+' : ''}${formatNumber(c.count)} boliger`,
			'Vedtatt eller planlagt endring i boligmassen, oppgitt i scenarioet.',
			undefined,
			'Fast verdi'
		)
	);
	return rows;
}

/** The base data and population every scenario shares, with their provenance. */
export function baseAppendixRows(doc: Pick<Notebook, 'base' | 'population'>): AppendixRow[] {
	const { base, population } = doc;
	const status = statusOf(base.provenance);
	const source = provenanceText(base.provenance);
	const rows: AppendixRow[] = [];
	const add = (key: string, group: string, field: string, value: string) => rows.push({ key, group, field, value, range: '', status, source });
	add('base.baseYear', 'Alle', 'Basisår (status 31.12)', String(base.baseYear));
	for (const s of base.segments) {
		add(`base.segments.${s.id}`, s.groups === 'all' ? 'Alle' : s.groups.map((g) => GROUP_LABELS[g]).join(', '), `Boliger: ${s.name}`, `${formatNumber(s.dwellings)} boliger`);
	}
	add('base.vacant', 'Alle', 'Ledige boliger', `${formatNumber(base.vacant)} boliger`);
	for (const gid of GROUP_IDS) {
		const gb = base.groups[gid];
		add(`base.groups.${gid}.tenants`, GROUP_LABELS[gid], 'Leietakere', `${formatNumber(gb.tenants)} husstander`);
		add(`base.groups.${gid}.waiting`, GROUP_LABELS[gid], 'Venteliste (vedtak uten bolig)', `${formatNumber(gb.waiting)} husstander`);
		if (gb.newTenantsLastYear !== undefined) {
			add(`base.groups.${gid}.newTenantsLastYear`, GROUP_LABELS[gid], 'Nye leietakere i basisåret', `${formatNumber(gb.newTenantsLastYear)} husstander`);
		}
	}
	const years = population.years;
	rows.push({
		key: 'population',
		group: 'Alle',
		field: 'Befolkningsframskriving',
		value: years.length ? `${years[0]}–${years[years.length - 1]}, alder ${population.ages[0] ?? 0}–${population.ages[population.ages.length - 1] ?? 0}+` : '(ingen år)',
		range: '',
		status: statusOf(population.provenance),
		source: provenanceText(population.provenance)
	});
	return rows;
}

/** The appendix: shared base data first, then one section per scenario, in the order given. */
export function assumptionsAppendix(
	doc: Pick<Notebook, 'base' | 'population'>,
	scenarios: readonly Scenario[],
	calibrationOf: (scenarioId: string) => readonly CalibrationNote[] = () => []
): AppendixSection[] {
	return [
		{
			id: 'grunnlag',
			title: `Grunnlag ${doc.base.baseYear} (felles for alle scenarioer)`,
			description: '',
			rows: baseAppendixRows(doc)
		},
		...scenarios.map((s) => ({
			id: s.id,
			title: `Scenario: ${s.name}`,
			description: s.description,
			rows: scenarioAppendixRows(s, calibrationOf(s.id))
		}))
	];
}

/** The help entries the rows refer to, once each, in first-use order (printed under the appendix). */
export function helpUsed(sections: readonly AppendixSection[]): HelpKey[] {
	const seen = new Set<HelpKey>();
	for (const s of sections) for (const r of s.rows) if (r.help) seen.add(r.help);
	return [...seen];
}

/** The scenarios the given cells show, in notebook order; all scenarios when no cell names one. */
export function scenariosShown(doc: Pick<Notebook, 'scenarios'>, cells: readonly Cell[]): Scenario[] {
	const ids = new Set<string>();
	for (const c of cells) {
		if (c.kind === 'assumptions' || c.kind === 'key-figures') ids.add(c.scenarioId);
		else if (c.kind === 'chart' || c.kind === 'table' || c.kind === 'comparison') {
			// A chart without scenarios draws the first one.
			if (c.scenarioIds.length === 0 && doc.scenarios[0]) ids.add(doc.scenarios[0].id);
			for (const id of c.scenarioIds) ids.add(id);
		}
	}
	const shown = doc.scenarios.filter((s) => ids.has(s.id));
	return shown.length ? shown : [...doc.scenarios];
}
