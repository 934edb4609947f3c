/**
 * The appendix of a printed report (saksframlegg): every assumption of every scenario shown, with
 * its value and unit, its uncertainty range, whether it was entered, calibrated by the engine or
 * imported, and where the number comes from. Also the base data and population the scenarios share.
 *
 * Pure: a function of the notebook and the engine's calibration notes, so the print page, tests
 * and any later export read the same rows. Which assumptions there are and what they are called
 * comes from assumption-catalogue.ts, which the XLSX/CSV export uses too.
 */
import type { Notebook, Scenario, Cell } from '#lib/core/model/notebook.ts';
import type { CalibrationNote } from '#lib/core/model/result.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import { GROUP_IDS, GROUP_LABELS, GROUP_SHORT_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import { ASSUMPTION_HELP } from '#lib/core/text/assumption-help.ts';
import { formatNumber } from '#lib/core/text/number-format.ts';
import { assumptionProvenance, unsetChoiceProvenance, baseFieldProvenance, dataProvenance, otherHouseholdsProvenance, provenanceText, STATUS_LABELS, type ValueOrigin, type ValueProvenance } from './provenance.ts';
import { groupFieldKey, segmentDwellingsKey } from '#lib/core/base-data/field-origins.ts';
import { otherHouseholdsAtStart } from '#lib/core/engine/other-households.ts';
import { describeOverrides } from '#lib/core/scenarios/difference-text.ts';
import { BASE_DATA_LABELS, listAssumptions, yearSeriesLabel, type AssumptionItem, type HelpKey } from '#lib/core/report/assumption-catalogue.ts';

export type { HelpKey };

export interface AppendixRow {
	/** Dot path into the scenario (or "base.…", "population"), stable for tests and keys. */
	key: string;
	/** Norwegian group label, or "Hele scenarioet" / "Alle" for shared assumptions. */
	group: string;
	/**
	 * The group as a table column shows it (GROUP_SHORT_LABELS: «ROP»), where `group` is a
	 * target group's full name; absent where the two are the same. The printed appendix's legend
	 * spells the short names out.
	 */
	groupShort?: string;
	/** Norwegian name of the assumption. */
	field: string;
	/** Value with unit, nb-NO formatted ("6 år", "kalibreres"). */
	value: string;
	/** Uncertainty range in words ("4,5–8 år, mest sannsynlig 6"), or "Fast verdi". Empty where not applicable. */
	range: string;
	/** Where the value comes from (report/provenance.ts, the one derivation; a plan's default cost figure is a 'placeholder'). */
	status: ValueOrigin;
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
	/** A variant's overrides in numbers ("Botid ROP: 6,0 → 4,5 år (Basis → Økt gjennomstrømming)"); absent for Basis. */
	overrides?: string[];
	/** Set when `rows` lists only what differs from this scenario (see `differencesOnly`): its name and how many rows were left out as equal. */
	sameAs?: { scenario: string; omitted: number };
}

/** The status column: the origin's name, capitalised as a table cell ("Nasjonal standard"). */
export { provenanceText, STATUS_LABELS };

const SCENARIO_WIDE = 'Hele scenarioet';

/** Percentages print with one decimal, as the app shows them (formatPercent): "4,9 %", not "4,917 %". */
const percentFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

function formatIn(n: number, unit: string): string {
	return unit.startsWith('%') && Number.isFinite(n) ? percentFormat.format(n === 0 ? 0 : n) : formatNumber(n);
}

/** "6 år", "4,9 %", "4 500 000 kr": nb-NO, the unit after the number (percentages with one decimal at most). */
export function withUnit(n: number, unit: string): string {
	if (!unit) return formatNumber(n);
	return unit === '%' ? `${formatIn(n, unit)} %` : `${formatIn(n, unit)} ${unit}`;
}

/**
 * The uncertainty of a number in words, for readers who do not know the distributions:
 * "4,5–8 år, mest sannsynlig 6", "fra −4 til 0 %, mest sannsynlig −2" (a dash between negative
 * numbers reads as a minus), "80 % sannsynlig mellom 0,6 og 0,9" (lognormal P10–P90), or
 * "Fast verdi".
 */
export function rangeText(u: Uncertain, unit = ''): string {
	const s = u.spread;
	const f = (n: number) => formatIn(n, unit);
	const withU = unit ? ` ${unit}` : '';
	if (!s) return 'Fast verdi';
	if (s.kind === 'triangular') {
		if (s.low === s.high) return 'Fast verdi';
		const span = s.low < 0 || s.high < 0 ? `fra ${f(s.low)} til ${f(s.high)}${withU}` : `${f(s.low)}–${f(s.high)}${withU}`;
		return `${span}, mest sannsynlig ${f(u.value)}`;
	}
	return s.p10 === s.p90 ? 'Fast verdi' : `80 % sannsynlig mellom ${f(s.p10)} og ${f(s.p90)}${withU}`;
}

/** Where an assumption without a help entry comes from, by its catalogue path. */
const SOURCES_WITHOUT_HELP: Readonly<Record<string, string>> = {
	horizonYears: 'Valgt i scenarioet.',
	mode: 'Valgt i scenarioet.',
	allocation: 'Valgt i scenarioet (brukes i kapasitetsberegningen).',
	'monteCarlo.draws': 'Valgt i scenarioet; flere trekk gir jevnere usikkerhetsbånd.',
	'monteCarlo.seed': 'Valgt i scenarioet; samme frø gir samme resultat.',
	'demand.perYear': 'Oppgitt år for år av planleggeren.',
	waitingAtStart: 'Valgt i scenarioet.',
	'demand.afterLastYear': 'Valgt i scenarioet.',
	'plan.measures': 'Vedtatt endring i boligmassen, oppgitt i scenarioet; kostnaden ligger i gjeldende budsjett.'
};

function sourceOf(item: AssumptionItem): string {
	return item.help ? ASSUMPTION_HELP[item.help].source : (SOURCES_WITHOUT_HELP[item.path] ?? 'Oppgitt i scenarioet.');
}

/**
 * Every assumption of one scenario (see assumption-catalogue.ts) as appendix rows, in the order of
 * the assumptions editor. `scenarios`: the notebook's, where a variant's inherited values take
 * their status and source from (report/provenance.ts).
 */
export function scenarioAppendixRows(scenarios: readonly Scenario[], scenario: Scenario, calibration: readonly CalibrationNote[] = []): AppendixRow[] {
	return listAssumptions(scenario, GROUP_LABELS).map((item): AppendixRow => {
		const q = item.quantity;
		const base = {
			key: item.key,
			group: item.group ? GROUP_LABELS[item.group] : SCENARIO_WIDE,
			...(item.group ? { groupShort: GROUP_SHORT_LABELS[item.group] } : {}),
			field: item.label,
			...(item.help ? { help: item.help } : {})
		};
		// A national default or the program's own setting names its own source (the reason) instead
		// of the help's; the example's numbers keep the help's, since the status already says «Eksempel».
		const held = assumptionProvenance(scenarios, scenario, item.key);
		// A choice left unset (its default applies) is the program's, not the planner's.
		const origin = q.kind === 'text' && q.byDefault ? unsetChoiceProvenance(held) : held;
		const source = origin.origin !== 'example' && origin.source ? origin.source : sourceOf(item);
		const row = (value: string, range: string): AppendixRow => ({ ...base, value, range, status: origin.origin, source });
		switch (q.kind) {
			case 'uncertain':
				return row(withUnit(q.value.value, item.unit), rangeText(q.value, item.unit));
			case 'number': {
				const n = q.plain ? String(q.value) : formatNumber(q.value);
				const text = `${q.signed && q.value > 0 ? '+' : ''}${n}`;
				return row(item.unit ? `${text} ${item.unit}` : text, item.setting ? '' : 'Fast verdi');
			}
			case 'series':
				return row(`${yearSeriesLabel(q.value, formatNumber)}${item.unit ? ` ${item.unit}` : ''}`, '');
			case 'text':
				return { ...row(q.value, ''), ...(q.byDefault && origin.origin !== 'default' ? { source: 'Standardvalget.' } : {}) };
			case 'calibrated': {
				const note = item.group ? calibration.find((c) => c.group === item.group && c.field === item.path) : undefined;
				const help = item.help ? ` ${ASSUMPTION_HELP[item.help].source}` : '';
				return {
					...base,
					value: note ? withUnit(note.value, item.unit) : 'kalibreres',
					range: '',
					status: 'calibrated',
					source: note?.explanation ?? `Ikke oppgitt: kalibreres av modellen.${help}`
				};
			}
		}
	});
}

/**
 * The base data and population every scenario shares, each number with its own status
 * (report/provenance.ts: baseFieldProvenance): a KOSTRA import names its table and year, a typed
 * number says «Oppgitt», and the households outside the groups take the weakest of their parts.
 */
export function baseAppendixRows(doc: Pick<Notebook, 'base' | 'population'>): AppendixRow[] {
	const { base, population } = doc;
	const whole = provenanceText(base.provenance);
	const rows: AppendixRow[] = [];
	/** An import or a stand-in names its own source; otherwise the whole base data's provenance says where it comes from. */
	const add = (key: string, groups: 'all' | 'other' | readonly GroupId[], field: string, value: string, p: ValueProvenance) =>
		rows.push({
			key,
			...(groups === 'all'
				? { group: 'Alle' }
				: groups === 'other'
					? { group: 'Utenfor målgruppene' }
					: { group: groups.map((g) => GROUP_LABELS[g]).join(', '), groupShort: groups.map((g) => GROUP_SHORT_LABELS[g]).join(', ') }),
			field,
			value,
			range: '',
			status: p.origin,
			source: p.origin !== 'entered' && p.source ? p.source : whole
		});
	const field = (k: string) => baseFieldProvenance(base, k);
	add('base.baseYear', 'all', BASE_DATA_LABELS.baseYear, String(base.baseYear), field('baseYear'));
	for (const s of base.segments) {
		add(`base.segments.${s.id}`, s.groups, BASE_DATA_LABELS.segment(s.name), `${formatNumber(s.dwellings)} boliger`, field(segmentDwellingsKey(s.id)));
	}
	add('base.vacant', 'all', BASE_DATA_LABELS.vacant, `${formatNumber(base.vacant)} boliger`, field('vacant'));
	for (const gid of GROUP_IDS) {
		const gb = base.groups[gid];
		add(`base.groups.${gid}.tenants`, [gid], BASE_DATA_LABELS.tenants, `${formatNumber(gb.tenants)} husstander`, field(groupFieldKey(gid, 'tenants')));
		add(`base.groups.${gid}.waiting`, [gid], BASE_DATA_LABELS.waiting, `${formatNumber(gb.waiting)} husstander`, field(groupFieldKey(gid, 'waiting')));
		if (gb.newTenantsLastYear !== undefined) {
			add(
				`base.groups.${gid}.newTenantsLastYear`,
				[gid],
				BASE_DATA_LABELS.newTenantsLastYear,
				`${formatNumber(gb.newTenantsLastYear)} husstander`,
				field(groupFieldKey(gid, 'newTenantsLastYear'))
			);
		}
	}
	add('base.otherHouseholds', 'other', BASE_DATA_LABELS.otherHouseholds, `${formatNumber(otherHouseholdsAtStart(base))} husstander`, otherHouseholdsProvenance(base));
	const years = population.years;
	rows.push({
		key: 'population',
		group: 'Alle',
		field: 'Befolkningsframskriving',
		value: years.length ? `${years[0]}–${years[years.length - 1]}, alder ${population.ages[0] ?? 0}–${population.ages[population.ages.length - 1] ?? 0}+` : '(ingen år)',
		range: '',
		status: dataProvenance(population.provenance).origin,
		source: provenanceText(population.provenance)
	});
	return rows;
}

/**
 * The appendix: shared base data first, then one section per scenario, in the order given; a
 * variant's section lists what it changes from its parent (found in `doc.scenarios` when given).
 */
export function assumptionsAppendix(
	doc: Pick<Notebook, 'base' | 'population'> & Partial<Pick<Notebook, 'scenarios'>>,
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
		...scenarios.map((s): AppendixSection => {
			const overrides = describeOverrides({ scenarios: doc.scenarios ?? scenarios }, s).map((l) => l.text);
			return {
				id: s.id,
				title: `Scenario: ${s.name}`,
				description: s.description,
				rows: scenarioAppendixRows(doc.scenarios ?? scenarios, s, calibrationOf(s.id)),
				...(overrides.length ? { overrides } : {})
			};
		})
	];
}

/** Two rows of the same key say the same: value, range, status and source. */
export function sameAppendixRow(a: AppendixRow, b: AppendixRow | undefined): boolean {
	return !!b && a.value === b.value && a.range === b.range && a.status === b.status && a.source === b.source;
}

/**
 * The appendix with each scenario after the first reduced to the assumptions that differ from the
 * first scenario (value, range or status), so a printed case does not repeat the same table four
 * times. Nothing is lost: the first scenario is complete and every other section says that all
 * rows not listed are as in it. Sections that are not scenarios (the base data) stay whole.
 */
export function differencesOnly(sections: readonly AppendixSection[], baseSectionId = 'grunnlag'): AppendixSection[] {
	const scenarios = sections.filter((s) => s.id !== baseSectionId);
	const first = scenarios[0];
	if (!first) return [...sections];
	const firstRows = new Map(first.rows.map((r) => [r.key, r]));
	const name = first.title.replace(/^Scenario: /, '');
	return sections.map((section) => {
		if (section.id === baseSectionId || section === first) return section;
		const rows = section.rows.filter((r) => !sameAppendixRow(r, firstRows.get(r.key)));
		return { ...section, rows, sameAs: { scenario: name, omitted: section.rows.length - rows.length } };
	});
}

/** The help entries the rows refer to, once each, in first-use order (printed under the appendix). */
export function helpUsed(sections: readonly AppendixSection[]): HelpKey[] {
	const seen = new Set<HelpKey>();
	for (const s of sections) for (const r of s.rows) if (r.help) seen.add(r.help);
	return [...seen];
}

/** The statuses the rows use, once each, in the order of the label table (the appendix's legend explains these). */
export function statusesUsed(sections: readonly AppendixSection[]): ValueOrigin[] {
	const used = new Set(sections.flatMap((s) => s.rows.map((r) => r.status)));
	return (Object.keys(STATUS_LABELS) as ValueOrigin[]).filter((o) => used.has(o));
}

/** The scenarios the given cells show, in notebook order; all scenarios when no cell names one. */
export function scenariosShown(doc: Pick<Notebook, 'scenarios'>, cells: readonly Cell[]): Scenario[] {
	const ids = new Set<string>();
	for (const c of cells) {
		if (c.kind === 'assumptions' || c.kind === 'key-figures' || c.kind === 'plan') ids.add(c.scenarioId);
		else if (c.kind === 'chart' || c.kind === 'table' || c.kind === 'comparison') {
			// A chart without scenarios draws the first one.
			if (c.scenarioIds.length === 0 && doc.scenarios[0]) ids.add(doc.scenarios[0].id);
			for (const id of c.scenarioIds) ids.add(id);
		}
	}
	const shown = doc.scenarios.filter((s) => ids.has(s.id));
	return shown.length ? shown : [...doc.scenarios];
}
