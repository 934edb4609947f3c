/**
 * The one list of a scenario's assumptions: which there are, in which order, and what they are
 * called. Both the "Forutsetninger" sheet of the XLSX/CSV export (core/export/assumptions.ts) and
 * the appendix of the printed report (core/report/assumptions-appendix.ts) render from it, so an
 * assumption has the same Norwegian name and unit in Excel and in the council's attachment.
 *
 * Pure: no formatting beyond the labels. Each renderer formats the quantities its own way
 * (raw numbers with low/high columns for Excel; nb-NO text with range, status and source in print).
 */
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { YearSeries } from '#lib/core/model/population.ts';
import { measureStockChange } from '#lib/core/plan/measures.ts';
import type { AfterLastYear, StockChangeKind, WaitingAtStart } from '#lib/core/model/assumptions.ts';
import { waitingIsLasting } from '#lib/core/engine/calibration-choices.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import type { ASSUMPTION_HELP } from '#lib/core/text/assumption-help.ts';
import {
	GROUP_FIELDS,
	INTEGER_FIELDS,
	VACANCY_FIELD,
	bandLabel,
	fieldName,
	groupFieldContext,
	type GroupFieldId,
	type GroupFieldSpec
} from '#lib/core/model/assumption-fields.ts';

export type HelpKey = keyof typeof ASSUMPTION_HELP;

/** What an assumption holds. */
export type AssumptionQuantity =
	/** A number with its uncertainty (fixed, triangular or lognormal). */
	| { kind: 'uncertain'; value: Uncertain }
	/**
	 * One exact number. `signed`: a change, shown with "+" when positive. `plain`: an identifier
	 * (a seed), shown without digit grouping.
	 */
	| { kind: 'number'; value: number; signed?: boolean; plain?: boolean }
	/** A number per calendar year. */
	| { kind: 'series'; value: YearSeries }
	/** A choice, already worded in Norwegian. `byDefault`: not set in the scenario, the default applies (the key's value is absent). */
	| { kind: 'text'; value: string; byDefault?: boolean }
	/** Left out: the engine calibrates it (see the run's CalibrationNote with this item's group and path). */
	| { kind: 'calibrated' };

export interface AssumptionItem {
	/** Dot path into the scenario's assumptions, e.g. "groups.rop.tenure.years", "plan.measures.0". Stable. */
	key: string;
	/** The path relative to the group, without a list index ("tenure.years", "plan.measures"); matches CalibrationNote.field. */
	path: string;
	/** The target group, or null for an assumption of the whole scenario. */
	group: GroupId | null;
	/** Norwegian name of the assumption, the same in every export and printout. */
	label: string;
	/** Unit of the number(s), "" when there is none (a choice, a seed). */
	unit: string;
	quantity: AssumptionQuantity;
	/** How the projection is run (horizon, mode, allocation, Monte Carlo) rather than a number about the kommune. */
	setting: boolean;
	/** The help entry that explains this assumption, if any. */
	help?: HelpKey;
}

export const STOCK_CHANGE_LABELS: Readonly<Record<StockChangeKind, string>> = {
	nybygg: 'Nybygg',
	kjop: 'Kjøp',
	innleie: 'Innleie',
	'avsluttet-innleie': 'Avsluttet innleie',
	salg: 'Salg',
	konvertering: 'Konvertering'
};

/** Names of the base data rows (shared by all scenarios), the same in export and print. */
export const BASE_DATA_LABELS = {
	baseYear: 'Basisår (status 31.12)',
	vacant: 'Ledige boliger',
	segment: (name: string) => `Boliger: ${name}`,
	tenants: 'Leietakere',
	waiting: 'Venteliste (vedtak uten bolig)',
	newTenantsLastYear: 'Nye leietakere i basisåret',
	otherHouseholds: 'Husstander utenfor de fem målgruppene (boliger − ledige − leietakere)'
} as const;

export { bandLabel };

/** A number with decimal comma and full precision, no digit grouping ("2,6", "1000"). */
function plainDecimal(n: number): string {
	return String(n).replace('.', ',');
}

/** "2026: 60; 2027: 45" (years sorted), or "(ingen år)". `format` writes each number. */
export function yearSeriesLabel(s: YearSeries, format: (n: number) => string = plainDecimal): string {
	const keys = Object.keys(s).sort();
	return keys.length === 0 ? '(ingen år)' : keys.map((k) => `${k}: ${format(s[k] ?? 0)}`).join('; ');
}

/** "Nybygg 2027, delbestand «sentrum»". */
export function stockChangeLabel(c: { kind: StockChangeKind; year: number; segmentId: string }): string {
	return `${STOCK_CHANGE_LABELS[c.kind]} ${c.year}, delbestand «${c.segmentId}»`;
}

/** The one Norwegian name of each rule past a series' last given year: editor, appendix, exports, chart subtitles. */
export const AFTER_LAST_YEAR_LABELS: Readonly<Record<AfterLastYear, string>> = {
	hold: 'Siste verdi gjentas',
	zero: 'Null',
	trend: 'Lineær trend fra de siste årene (aldri under 0)'
};

/** The one Norwegian name of each waiting-list choice: editor, appendix, exports. */
export const WAITING_AT_START_LABELS: Readonly<Record<WaitingAtStart, string>> = {
	lasting: 'Del av det varige behovet',
	backlog: 'Engangsetterslep som bosettes én gang'
};

export const MODE_LABELS: Readonly<Record<Scenario['assumptions']['mode'], string>> = {
	need: 'Behov (boliger som trengs)',
	capacity: 'Kapasitet (planlagte boliger, venteliste)'
};

/**
 * Every assumption of a scenario, in the order of the assumptions editor: the scenario-wide
 * settings, then each group (demand, tenure, turnover target, waiting-list attrition), then the
 * changes to the stock decided before the plan. `groupNames` names the groups in the priority order of the allocation.
 */
export function listAssumptions(scenario: Scenario, groupNames: Readonly<Record<GroupId, string>> = GROUP_LABELS): AssumptionItem[] {
	const a = scenario.assumptions;
	const items: AssumptionItem[] = [];
	const add = (group: GroupId | null, path: string, label: string, unit: string, quantity: AssumptionQuantity, help?: HelpKey, index?: number, setting = false) =>
		items.push({
			key: `${group ? `groups.${group}.` : ''}${path}${index === undefined ? '' : `.${index}`}`,
			path,
			group,
			label,
			unit,
			quantity,
			setting,
			...(help ? { help } : {})
		});
	const setting = (path: string, label: string, unit: string, quantity: AssumptionQuantity) => add(null, path, label, unit, quantity, undefined, undefined, true);
	const uncertain = (u: Uncertain): AssumptionQuantity => ({ kind: 'uncertain', value: u });
	const orCalibrated = (u: Uncertain | undefined): AssumptionQuantity => (u ? uncertain(u) : { kind: 'calibrated' });

	setting('horizonYears', INTEGER_FIELDS.horizonYears.name, INTEGER_FIELDS.horizonYears.unit, { kind: 'number', value: a.horizonYears });
	setting('mode', 'Beregningsmåte', '', { kind: 'text', value: MODE_LABELS[a.mode] });
	add(null, VACANCY_FIELD.path, VACANCY_FIELD.name, VACANCY_FIELD.reportUnit, uncertain(VACANCY_FIELD.get(a)), VACANCY_FIELD.help);
	setting('allocation', 'Fordeling av ledige boliger', '', {
		kind: 'text',
		value:
			a.allocation.kind === 'proportional'
				? 'Forholdsmessig etter venteliste'
				: `Prioritert: ${(a.allocation.order ?? []).map((g) => groupNames[g]).join(', ')}`
	});
	setting('monteCarlo.draws', 'Usikkerhetsberegning (Monte Carlo): antall trekk', 'trekk', { kind: 'number', value: a.monteCarlo.draws });
	setting('monteCarlo.seed', 'Usikkerhetsberegning (Monte Carlo): frø', '', { kind: 'number', value: a.monteCarlo.seed, plain: true });

	const field = (g: GroupId, id: GroupFieldId) => {
		const ga = a.groups[g];
		const f: GroupFieldSpec = GROUP_FIELDS[id];
		if (!f.applies(ga)) return;
		const u = f.get(ga);
		if (!u && f.whenAbsent === 'unused') return;
		add(g, f.path, fieldName(f, groupFieldContext(ga, id)), f.reportUnit, orCalibrated(u), f.help);
	};
	for (const g of GROUP_IDS) {
		const ga = a.groups[g];
		const d = ga.demand;
		// Editor order: the driver's fields (series first), then tenure, turnover target, attrition.
		if (d.kind === 'rate') (['rate', 'trend'] as const).forEach((id) => field(g, id));
		else if (d.kind === 'prevalence') (['share', 'targetShare'] as const).forEach((id) => field(g, id));
		else if (d.kind === 'refugees') {
			add(g, 'demand.settledPerYear', 'Bosatte flyktninger per år', 'personer', { kind: 'series', value: d.settledPerYear }, 'refugees');
			(['shareNeeding', 'personsPerHousehold'] as const).forEach((id) => field(g, id));
		} else add(g, 'demand.perYear', 'Nytt behov per år (oppgitt år for år)', 'husstander', { kind: 'series', value: d.perYear });
		const t = ga.tenure;
		if (t.kind === 'lease') {
			const lf = INTEGER_FIELDS.leaseYears;
			add(g, 'tenure.leaseYears', lf.name, lf.unit, { kind: 'number', value: t.leaseYears }, 'lease');
		}
		(['botid', 'renewal', 'exitPct', 'turnover', 'attrition'] as const).forEach((id) => field(g, id));
		// The group's choices that change what the charts show. The rule past a series' last year
		// always (the default, too, decides every year after it); the waiting-list choice where the
		// planner made it (its default per driver is stated with the charts' first-year note and in
		// docs/model.md), and not for series drivers, where it changes nothing.
		if (d.kind === 'refugees' || d.kind === 'manual') {
			add(g, 'demand.afterLastYear', 'Etter siste oppgitte år', '', { kind: 'text', value: AFTER_LAST_YEAR_LABELS[d.afterLastYear ?? 'hold'], ...(d.afterLastYear ? {} : { byDefault: true }) });
		} else if (ga.waitingAtStart) {
			add(g, 'waitingAtStart', 'Ventelisten ved start', '', { kind: 'text', value: WAITING_AT_START_LABELS[waitingIsLasting(ga) ? 'lasting' : 'backlog'] });
		}
	}

	// The changes decided before the plan are assumptions of the scenario (the plan's own measures
	// are in the plan's appendix): each as the signed change to the stock the engine reads.
	a.plan?.measures.forEach((m, i) => {
		if (!m.decided || !a.plan) return;
		const c = measureStockChange(m, a.plan);
		add(null, 'plan.measures', stockChangeLabel(c), 'boliger', { kind: 'number', value: c.count, signed: true }, undefined, i);
	});
	return items;
}
