/**
 * The one table of assumption fields: for every number a planner can set per target group (and the
 * scenario's target vacancy), its path, its one Norwegian name, units, allowed range, editing step,
 * help entry and the engine's parameter slot. Built from it: the engine's slot labels
 * (engine/params.ts), the validation's per-field checks (engine/validate.ts), the editors' labels,
 * ranges and units (components/cells/assumptions/FieldInput.svelte), the assumption catalogue behind
 * exports and the printed appendix (report/assumption-catalogue.ts) and so the tornado's labels.
 * A new assumption is one entry here plus its use in the model.
 *
 * The order of the per-group entries is the engine's slot order (params.ts `F`): the Monte Carlo
 * stream draws slots in that order, so reordering changes every band. Do not reorder.
 *
 * Pure data and small functions; no DOM.
 */
import type { GroupAssumptions, ScenarioAssumptions } from './assumptions.ts';
import type { AgeBand } from './population.ts';
import type { Uncertain } from './uncertain.ts';

/** Allowed values, with exclusive bounds where a value must be strictly above or below. */
export interface NumberRange {
	min: number;
	max: number;
	minOpen?: boolean;
	maxOpen?: boolean;
}

/** Keys of the help texts in text/assumption-help.ts (kept as strings so model/ does not import text/). */
export type FieldHelpKey =
	| 'botid'
	| 'lease'
	| 'exitRate'
	| 'turnoverTarget'
	| 'ratePer1000'
	| 'trend'
	| 'sharePct'
	| 'refugees'
	| 'attrition'
	| 'vacancy';

/** What a label may be qualified with: the driver's age band, the target year. */
export interface FieldContext {
	band?: AgeBand;
	year?: number;
}

interface FieldCommon {
	/** Dot path relative to the group's assumptions ("tenure.years"), or to the scenario for scope 'scenario'. */
	path: string;
	/** The one Norwegian name: field, validation message, tornado, appendix and exports. */
	name: string;
	/** Extra words after the name where the value depends on them ("18–66 år", "innen 2030"). */
	detail?: (ctx: FieldContext) => string;
	/** The editor shows the detail in its label (false where the year has its own field beside it). */
	detailInEditor: boolean;
	/** Unit beside the input ("år", "‰"). */
	unit: string;
	/** Unit in tables (exports, appendix), written out ("husstander per 1 000 per år"). */
	reportUnit: string;
	range: NumberRange;
	/** Arrow-key step and decimals shown in the editor. */
	step: number;
	decimals?: number;
	/** A slider for quick what-ifs: a narrower, practical span than the allowed range. */
	slider?: { min: number; max: number; step: number };
	help?: FieldHelpKey;
	/**
	 * The field may be left out: 'calibrated' — the engine then calibrates it from today's tenants
	 * (see CalibrationNote); 'unused' — it simply does not apply (no target share).
	 */
	whenAbsent?: 'calibrated' | 'unused';
}

export interface GroupFieldSpec extends FieldCommon {
	scope: 'group';
	/** The value, or undefined where the group's driver/tenure model has no such field or it is calibrated. */
	get: (ga: GroupAssumptions) => Uncertain | undefined;
	/** Whether the field belongs to the group's current driver/tenure model at all. */
	applies: (ga: GroupAssumptions) => boolean;
	/** Writes a value (only called where `applies`). */
	set: (ga: GroupAssumptions, u: Uncertain) => void;
}

export interface ScenarioFieldSpec extends FieldCommon {
	scope: 'scenario';
	get: (s: ScenarioAssumptions) => Uncertain;
	set: (s: ScenarioAssumptions, u: Uncertain) => void;
}

/** "18–66 år", "80 år og eldre". */
export function bandLabel(b: AgeBand): string {
	return b.to === undefined ? `${b.from} år og eldre` : `${b.from}–${b.to} år`;
}
const PCT: NumberRange = { min: 0, max: 100 };

/** The per-group value slot of a field: where it lives and how it is read and written. */
type GroupFieldSlot = Pick<GroupFieldSpec, 'path' | 'applies' | 'get' | 'set'>;
type Demand = GroupAssumptions['demand'];
type Tenure = GroupAssumptions['tenure'];
/** The keys of T whose values are uncertain numbers. */
type UncertainKey<T> = { [P in keyof T]-?: NonNullable<T[P]> extends Uncertain ? P : never }[keyof T] & string;

/**
 * A field of one variant of the group's demand driver or tenure model ('demand', 'rate',
 * 'ratePer1000'): it applies only while the group uses that variant, its path is part.key.
 */
function variantSlot<Part extends 'demand' | 'tenure', Kind extends GroupAssumptions[Part]['kind']>(
	part: Part,
	kind: Kind,
	key: UncertainKey<Extract<Part extends 'demand' ? Demand : Tenure, { kind: Kind }>>
): GroupFieldSlot {
	// The variant is checked by its kind before the key is read or written, which the types cannot follow.
	const fields = (ga: GroupAssumptions): Record<string, Uncertain | undefined> | undefined =>
		ga[part].kind === kind ? (ga[part] as unknown as Record<string, Uncertain | undefined>) : undefined;
	return {
		path: `${part}.${key}`,
		applies: (ga) => ga[part].kind === kind,
		get: (ga) => fields(ga)?.[key],
		set: (ga, u) => {
			const f = fields(ga);
			if (f) f[key] = u;
		}
	};
}

/**
 * Per-group uncertain fields, keyed by the engine's slot name (params.ts `F`), in slot order.
 * Ranges are the validation's; the sources of the defaults are in docs/model.md.
 */
export type GroupFieldId =
	| 'rate'
	| 'trend'
	| 'share'
	| 'targetShare'
	| 'shareNeeding'
	| 'personsPerHousehold'
	| 'botid'
	| 'renewal'
	| 'exitPct'
	| 'turnover'
	| 'attrition';

export const GROUP_FIELDS: Readonly<Record<GroupFieldId, GroupFieldSpec>> = {
	rate: {
		scope: 'group',
		...variantSlot('demand', 'rate', 'ratePer1000'),
		name: 'Nytt behov per 1 000 innbyggere',
		detail: (c) => (c.band ? bandLabel(c.band) : ''),
		detailInEditor: true,
		unit: '‰',
		reportUnit: 'husstander per 1 000 per år',
		range: { min: 0, max: 1000 },
		step: 0.1,
		decimals: 2,
		help: 'ratePer1000',
		whenAbsent: 'calibrated'
	},
	trend: {
		scope: 'group',
		...variantSlot('demand', 'rate', 'trendPctPerYear'),
		name: 'Årlig trend i nytt behov per 1 000 innbyggere',
		detailInEditor: false,
		unit: '% per år',
		reportUnit: '% per år',
		range: { min: -50, max: 50 },
		step: 0.5,
		slider: { min: -10, max: 10, step: 0.5 },
		help: 'trend'
	},
	share: {
		scope: 'group',
		...variantSlot('demand', 'prevalence', 'sharePct'),
		name: 'Andel med behov',
		detail: (c) => (c.band ? `blant innbyggere ${bandLabel(c.band)}` : ''),
		detailInEditor: true,
		unit: '%',
		reportUnit: '%',
		range: PCT,
		step: 0.1,
		decimals: 2,
		help: 'sharePct',
		whenAbsent: 'calibrated'
	},
	targetShare: {
		scope: 'group',
		...variantSlot('demand', 'prevalence', 'targetSharePct'),
		name: 'Målandel',
		detail: (c) => (c.year !== undefined ? `i ${c.year}` : ''),
		detailInEditor: true,
		unit: '%',
		reportUnit: '%',
		range: PCT,
		step: 0.1,
		decimals: 2,
		help: 'sharePct',
		// Without a target the share stays at today's.
		whenAbsent: 'unused'
	},
	shareNeeding: {
		scope: 'group',
		...variantSlot('demand', 'refugees', 'shareNeedingPct'),
		name: 'Andel som trenger kommunal bolig',
		detailInEditor: false,
		unit: '%',
		reportUnit: '%',
		range: PCT,
		step: 1,
		help: 'refugees'
	},
	personsPerHousehold: {
		scope: 'group',
		...variantSlot('demand', 'refugees', 'personsPerHousehold'),
		name: 'Personer per husstand',
		detailInEditor: false,
		unit: '',
		reportUnit: 'personer',
		range: { min: 0, minOpen: true, max: 20 },
		step: 0.1,
		help: 'refugees'
	},
	botid: {
		scope: 'group',
		...variantSlot('tenure', 'botid', 'years'),
		name: 'Botid',
		detailInEditor: false,
		unit: 'år',
		reportUnit: 'år',
		range: { min: 0, minOpen: true, max: 100 },
		step: 0.5,
		slider: { min: 0.5, max: 25, step: 0.5 },
		help: 'botid'
	},
	renewal: {
		scope: 'group',
		...variantSlot('tenure', 'lease', 'renewalPct'),
		name: 'Andel fornyede kontrakter',
		detailInEditor: false,
		unit: '%',
		reportUnit: '%',
		range: { min: 0, max: 99 },
		step: 1,
		slider: { min: 0, max: 95, step: 5 },
		help: 'lease'
	},
	exitPct: {
		scope: 'group',
		...variantSlot('tenure', 'exitRate', 'pctPerYear'),
		name: 'Årlig avgang',
		detailInEditor: false,
		unit: '% per år',
		reportUnit: '% per år',
		range: { min: 0, minOpen: true, max: 100 },
		step: 0.5,
		slider: { min: 0.5, max: 40, step: 0.5 },
		help: 'exitRate'
	},
	turnover: {
		scope: 'group',
		path: 'turnoverTarget.changePct',
		name: 'Endring i gjennomstrømming',
		detail: (c) => (c.year !== undefined ? `innen ${c.year}` : ''),
		detailInEditor: false,
		unit: '%',
		reportUnit: '%',
		range: { min: -90, max: 500 },
		step: 1,
		slider: { min: -30, max: 50, step: 1 },
		help: 'turnoverTarget',
		applies: (ga) => ga.turnoverTarget !== undefined,
		get: (ga) => ga.turnoverTarget?.changePct,
		set: (ga, u) => {
			if (ga.turnoverTarget) ga.turnoverTarget.changePct = u;
		}
	},
	attrition: {
		scope: 'group',
		path: 'waitingAttritionPctPerYear',
		name: 'Frafall fra ventelisten',
		detailInEditor: false,
		unit: '% per år',
		reportUnit: '% per år',
		range: PCT,
		step: 1,
		help: 'attrition',
		applies: () => true,
		get: (ga) => ga.waitingAttritionPctPerYear,
		set: (ga, u) => {
			ga.waitingAttritionPctPerYear = u;
		}
	}
};
/** The per-group fields in slot order. */
export const GROUP_FIELD_IDS = Object.keys(GROUP_FIELDS) as GroupFieldId[];

/** The scenario's target vacancy: the one scenario-wide uncertain field. */
export const VACANCY_FIELD: ScenarioFieldSpec = {
	scope: 'scenario',
	path: 'vacancyTargetPct',
	name: 'Mål for ledighet (friksjonsledighet)',
	detailInEditor: false,
	unit: '%',
	reportUnit: '% av boligene',
	range: { min: 0, max: 50 },
	step: 0.5,
	help: 'vacancy',
	get: (s) => s.vacancyTargetPct,
	set: (s, u) => {
		s.vacancyTargetPct = u;
	}
};

/** Whole numbers that are not uncertain, with their range (validation and editor). */
export const INTEGER_FIELDS = {
	horizonYears: { name: 'Framskrivingsperiode', unit: 'år', range: { min: 1, max: 30 } },
	leaseYears: { name: 'Kontraktslengde', unit: 'år', range: { min: 1, max: 30 } }
} as const satisfies Record<string, { name: string; unit: string; range: NumberRange }>;

export type AnyFieldSpec = GroupFieldSpec | ScenarioFieldSpec;

/** The name with its detail: "Nytt behov per 1 000 innbyggere 18–66 år", "Målandel i 2040". */
export function fieldName(f: Pick<FieldCommon, 'name' | 'detail'>, ctx: FieldContext = {}): string {
	const d = f.detail?.(ctx);
	return d ? `${f.name} ${d}` : f.name;
}

/** The detail context of a group's fields: the driver's band and the year its target applies to. */
export function groupFieldContext(ga: GroupAssumptions, id: GroupFieldId): FieldContext {
	const d = ga.demand;
	if (id === 'turnover') return ga.turnoverTarget ? { year: ga.turnoverTarget.byYear } : {};
	if (d.kind === 'rate' || d.kind === 'prevalence') {
		return id === 'targetShare' && d.kind === 'prevalence' ? (d.targetYear !== undefined ? { year: d.targetYear } : {}) : { band: d.band };
	}
	return {};
}

/** The editor's label: "Botid – Flyktninger", "Nytt behov per 1 000 innbyggere 18–66 år – ROP (…)". */
export function editorLabel(f: AnyFieldSpec, ctx: FieldContext, groupLabel?: string): string {
	const n = f.detailInEditor ? fieldName(f, ctx) : f.name;
	return groupLabel ? `${n} – ${groupLabel}` : n;
}

/** "over 0 år og høyst 100 år", "mellom 0 og 100 %": how the allowed range reads in messages. */
export function rangeText(r: NumberRange, unit: string): string {
	const u = unit ? ` ${unit}` : '';
	const n = (x: number) => String(x).replace('.', ',');
	if (r.max === Infinity) return `${r.minOpen ? 'over' : 'minst'} ${n(r.min)}${u}`;
	if (r.min === -Infinity) return `${r.maxOpen ? 'under' : 'høyst'} ${n(r.max)}${u}`;
	if (r.minOpen || r.maxOpen) {
		return `${r.minOpen ? 'over' : 'minst'} ${n(r.min)}${u} og ${r.maxOpen ? 'under' : 'høyst'} ${n(r.max)}${u}`;
	}
	return `mellom ${n(r.min)} og ${n(r.max)}${u}`;
}

export function inRange(x: number, r: NumberRange): boolean {
	if (r.minOpen ? x <= r.min : x < r.min) return false;
	if (r.maxOpen ? x >= r.max : x > r.max) return false;
	return true;
}
