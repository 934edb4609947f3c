/**
 * Input validation. Every issue names the field by path and explains it in Norwegian, naming the
 * group and the field, e.g. "Botid for Flyktninger må være over 0 år".
 */
import { GROUP_IDS, GROUP_LABELS, isGroupId, type GroupId } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import type { AgeBand, YearSeries } from '#lib/core/model/population.ts';
import { ageBandTotal } from '#lib/core/model/population.ts';
import { GROUP_FIELDS, GROUP_FIELD_IDS, INTEGER_FIELDS, VACANCY_FIELD, inRange, rangeText, type GroupFieldSpec, type NumberRange } from '#lib/core/model/assumption-fields.ts';
import { validateChoices } from './validate-choices.ts';

export interface ValidationIssue {
	/** Dot path of the offending field, e.g. "scenario.groups.flyktning.tenure.years". */
	path: string;
	/** Norwegian message naming the group and the field. */
	message: string;
}

export class EngineInputError extends Error {
	readonly issues: ValidationIssue[];
	constructor(issues: ValidationIssue[]) {
		super(`Ugyldige forutsetninger: ${issues.map((i) => i.message).join('; ')}`);
		this.name = 'EngineInputError';
		this.issues = issues;
	}
}

export const MAX_HORIZON = 30;
/** Above this the draw buffer would not fit the memory cap even one series at a time. */
export const MAX_DRAWS = 200_000;

type Range = NumberRange & { unit: string };

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const COUNT: Range = { min: 0, max: Infinity, unit: '' };

/** Collects issues; the small checks every section uses. */
class Checker {
	readonly issues: ValidationIssue[] = [];

	push(path: string, message: string): void {
		this.issues.push({ path, message });
	}

	number(path: string, x: unknown, name: string, r: Range): boolean {
		if (!isNum(x)) {
			this.push(path, `${name} må være et tall.`);
			return false;
		}
		if (!inRange(x, r)) {
			this.push(path, `${name} må være ${rangeText(r, r.unit)}.`);
			return false;
		}
		return true;
	}

	uncertain(path: string, u: Uncertain | undefined, name: string, r: Range): void {
		if (!u || typeof u !== 'object') {
			this.push(path, `${name} mangler.`);
			return;
		}
		this.number(path, u.value, name, r);
		const s = u.spread;
		if (!s) return;
		if (s.kind === 'triangular') {
			const okLow = this.number(`${path}.spread.low`, s.low, `Laveste verdi for ${lc(name)}`, r);
			const okHigh = this.number(`${path}.spread.high`, s.high, `Høyeste verdi for ${lc(name)}`, r);
			if (okLow && okHigh && isNum(u.value) && !(s.low <= u.value && u.value <= s.high)) {
				this.push(`${path}.spread`, `${name}: laveste verdi ≤ mest sannsynlige verdi ≤ høyeste verdi må gjelde.`);
			}
		} else if (s.kind === 'p10p90') {
			const pr: Range = { ...r, min: Math.max(0, r.min), minOpen: true };
			const ok10 = this.number(`${path}.spread.p10`, s.p10, `P10 for ${lc(name)}`, pr);
			const ok90 = this.number(`${path}.spread.p90`, s.p90, `P90 for ${lc(name)}`, pr);
			if (ok10 && ok90 && s.p10 > s.p90) this.push(`${path}.spread`, `${name}: P10 kan ikke være større enn P90.`);
		} else {
			this.push(`${path}.spread`, `${name}: ukjent type usikkerhet.`);
		}
	}

	series(path: string, s: YearSeries | undefined, name: string): void {
		if (!s || typeof s !== 'object') {
			this.push(path, `${name} mangler.`);
			return;
		}
		for (const [k, x] of Object.entries(s)) {
			if (!/^\d{4}$/.test(k)) this.push(`${path}.${k}`, `${name}: «${k}» er ikke et årstall.`);
			else this.number(`${path}.${k}`, x, `${name} i ${k}`, COUNT);
		}
	}
}

/** What the scenario checks need to know about base data and population once those are checked. */
interface Context {
	baseYear: number;
	okBaseYear: boolean;
	segIds: Set<string>;
	pop: EngineInput['population'];
	popOk: boolean;
	maxAge: number;
	basePopIndex: number;
}

export function validateInput(input: EngineInput): ValidationIssue[] {
	const c = new Checker();
	const base = input?.base;
	const pop = input?.population;
	const sc = input?.scenario;
	if (!base || !pop || !sc) {
		c.push('', 'Grunnlagsdata, befolkning eller scenario mangler.');
		return c.issues;
	}
	const baseYear = base.baseYear;
	const okBaseYear = c.number('base.baseYear', baseYear, 'Basisåret', { min: 1900, max: 2200, unit: '' });
	if (okBaseYear && !Number.isInteger(baseYear)) c.push('base.baseYear', 'Basisåret må være et helt årstall.');
	const segIds = checkSegments(c, base);
	const popOk = checkPopulation(c, pop, baseYear, okBaseYear);
	const ctx: Context = {
		baseYear,
		okBaseYear,
		segIds,
		pop,
		popOk,
		maxAge: popOk ? pop.ages.length - 1 : Infinity,
		basePopIndex: popOk ? baseYear - (pop.years[0] as number) : -1
	};
	const okHorizon = checkScenarioWide(c, sc);
	for (const gid of GROUP_IDS) {
		checkGroupBase(c, base, gid);
		checkGroup(c, sc, gid, ctx);
	}
	checkStockChanges(c, input, ctx, okHorizon);
	checkAllocationAndDraws(c, sc);
	c.issues.push(...validateChoices(input));
	return c.issues;
}

function checkSegments(c: Checker, base: EngineInput['base']): Set<string> {
	c.number('base.vacant', base.vacant, 'Ledige boliger i basisåret', COUNT);
	const segIds = new Set<string>();
	if (!Array.isArray(base.segments) || base.segments.length === 0) {
		c.push('base.segments', 'Boligmassen må ha minst én del (for eksempel «Ordinære boliger»).');
		return segIds;
	}
	base.segments.forEach((s, i) => {
		const p = `base.segments.${i}`;
		const nm = s.name || s.id;
		if (!s.id) c.push(`${p}.id`, `Boligdelen «${nm}» mangler id.`);
		else if (segIds.has(s.id)) c.push(`${p}.id`, `Boligdelen «${nm}» har samme id som en annen del.`);
		segIds.add(s.id);
		c.number(`${p}.dwellings`, s.dwellings, `Antall boliger i «${nm}»`, COUNT);
		if (s.groups !== 'all') {
			if (!Array.isArray(s.groups) || s.groups.length === 0) {
				c.push(`${p}.groups`, `Boligdelen «${nm}» må være åpen for alle eller for minst én målgruppe.`);
			} else if (!s.groups.every(isGroupId)) {
				c.push(`${p}.groups`, `Boligdelen «${nm}» nevner en ukjent målgruppe.`);
			}
		}
	});
	return segIds;
}

function checkPopulation(c: Checker, pop: EngineInput['population'], baseYear: number, okBaseYear: boolean): boolean {
	const years = pop.years;
	const ages = pop.ages;
	if (!(Array.isArray(years) && Array.isArray(ages) && Array.isArray(pop.values) && years.length > 0 && ages.length > 0)) {
		c.push('population', 'Befolkningsdata mangler.');
		return false;
	}
	for (let i = 0; i < years.length; i++) {
		if (!isNum(years[i]) || (i > 0 && years[i] !== (years[i - 1] as number) + 1)) {
			c.push('population.years', 'Årene i befolkningsdata må være sammenhengende og stigende.');
			return false;
		}
	}
	for (let i = 0; i < ages.length; i++) {
		if (ages[i] !== i) {
			c.push('population.ages', 'Aldrene i befolkningsdata må være ettårige og starte på 0.');
			return false;
		}
	}
	if (pop.values.length !== years.length) {
		c.push('population.values', 'Befolkningsdata har ikke én rad per år.');
		return false;
	}
	for (let y = 0; y < years.length; y++) {
		const row = pop.values[y];
		if (!row || row.length !== ages.length) {
			c.push(`population.values.${y}`, `Befolkningsdata for ${years[y]} har ikke én verdi per alder.`);
			return false;
		}
		for (let a = 0; a < row.length; a++) {
			const x = row[a];
			if (!isNum(x) || x < 0) {
				c.push(`population.values.${y}.${a}`, `Befolkningen i ${years[y]}, alder ${a}, må være et tall på minst 0.`);
				return false;
			}
		}
	}
	if (okBaseYear && ((years[0] as number) > baseYear || (years[years.length - 1] as number) < baseYear)) {
		c.push('population.years', `Befolkningsdata må dekke basisåret ${baseYear}.`);
		return false;
	}
	return true;
}

/** Horizon, mode and target vacancy. Returns whether the horizon is usable. */
function checkScenarioWide(c: Checker, sc: EngineInput['scenario']): boolean {
	const h = INTEGER_FIELDS.horizonYears;
	const okHorizon = c.number('scenario.horizonYears', sc.horizonYears, 'Antall år fremover', { ...h.range, max: MAX_HORIZON, unit: h.unit });
	if (okHorizon && !Number.isInteger(sc.horizonYears)) c.push('scenario.horizonYears', 'Antall år fremover må være et helt tall.');
	if (sc.mode !== 'need' && sc.mode !== 'capacity') c.push('scenario.mode', 'Beregningsmåten må være «behov» eller «kapasitet».');
	const v = VACANCY_FIELD;
	c.uncertain(`scenario.${v.path}`, v.get(sc), v.name, { ...v.range, unit: v.unit });
	return okHorizon;
}

function checkGroupBase(c: Checker, base: EngineInput['base'], gid: GroupId): void {
	const label = GROUP_LABELS[gid];
	const gb = base.groups?.[gid];
	const bp = `base.groups.${gid}`;
	if (!gb) {
		c.push(bp, `Grunnlagsdata for ${label} mangler.`);
		return;
	}
	c.number(`${bp}.tenants`, gb.tenants, `Leietakere for ${label}`, COUNT);
	c.number(`${bp}.waiting`, gb.waiting, `Ventende for ${label}`, COUNT);
	if (gb.newTenantsLastYear !== undefined) c.number(`${bp}.newTenantsLastYear`, gb.newTenantsLastYear, `Nyinnflyttede for ${label}`, COUNT);
}

function checkYearAfterBase(c: Checker, ctx: Context, path: string, y: unknown, name: string): void {
	if (!isNum(y) || !Number.isInteger(y)) c.push(path, `${name} må være et helt årstall.`);
	else if (ctx.okBaseYear && y <= ctx.baseYear) c.push(path, `${name} må være etter basisåret ${ctx.baseYear}.`);
}

function checkBand(c: Checker, ctx: Context, path: string, band: AgeBand | undefined, label: string): boolean {
	const maxAge = ctx.maxAge;
	if (!band || !isNum(band.from) || !Number.isInteger(band.from) || band.from < 0) {
		c.push(`${path}.from`, `Aldersgruppen for ${label} må starte på en hel alder på minst 0.`);
		return false;
	}
	if (band.from > maxAge) {
		c.push(`${path}.from`, `Aldersgruppen for ${label} starter over høyeste alder i befolkningsdata (${maxAge}).`);
		return false;
	}
	if (band.to !== undefined) {
		if (!isNum(band.to) || !Number.isInteger(band.to) || band.to < band.from) {
			c.push(`${path}.to`, `Aldersgruppen for ${label} må slutte på en hel alder som ikke er lavere enn startalderen.`);
			return false;
		}
		if (band.to > maxAge) {
			c.push(`${path}.to`, `Aldersgruppen for ${label} slutter over høyeste alder i befolkningsdata (${maxAge}).`);
			return false;
		}
	}
	return true;
}

/**
 * One group's assumptions: the kinds and non-numeric parts (band, series, years) here, then every
 * uncertain number from the field table with its range.
 */
function checkGroup(c: Checker, sc: EngineInput['scenario'], gid: GroupId, ctx: Context): void {
	const label = GROUP_LABELS[gid];
	const ga = sc.groups?.[gid];
	const p = `scenario.groups.${gid}`;
	if (!ga) {
		c.push(p, `Forutsetningene for ${label} mangler.`);
		return;
	}
	const d = ga.demand;
	const dp = `${p}.demand`;
	let okBand = false;
	if (!d) c.push(dp, `Driveren for nytt behov for ${label} mangler.`);
	else if (d.kind === 'rate' || d.kind === 'prevalence') okBand = checkBand(c, ctx, `${dp}.band`, d.band, label);
	else if (d.kind === 'refugees') c.series(`${dp}.settledPerYear`, d.settledPerYear, `Bosatte flyktninger for ${label}`);
	else if (d.kind === 'manual') c.series(`${dp}.perYear`, d.perYear, `Nytt behov per år for ${label}`);
	else c.push(`${dp}.kind`, `Ukjent driver for nytt behov for ${label}.`);
	if (d?.kind === 'prevalence' && d.targetYear !== undefined) checkYearAfterBase(c, ctx, `${dp}.targetYear`, d.targetYear, `Målår for andelen for ${label}`);

	const tn = ga.tenure;
	const tp = `${p}.tenure`;
	if (!tn) c.push(tp, `Botidsforutsetningen for ${label} mangler.`);
	else if (tn.kind === 'lease') {
		const lf = INTEGER_FIELDS.leaseYears;
		if (!isNum(tn.leaseYears) || !Number.isInteger(tn.leaseYears) || !inRange(tn.leaseYears, lf.range)) {
			c.push(`${tp}.leaseYears`, `${lf.name} for ${label} må være et helt antall år ${rangeText(lf.range, '')}.`);
		}
	} else if (tn.kind !== 'botid' && tn.kind !== 'exitRate') c.push(`${tp}.kind`, `Ukjent botidsforutsetning for ${label}.`);
	if (ga.turnoverTarget) {
		checkYearAfterBase(c, ctx, `${p}.turnoverTarget.byYear`, ga.turnoverTarget.byYear, `Målår for gjennomstrømming for ${label}`);
	}

	const knownDemand = d && ['rate', 'prevalence', 'refugees', 'manual'].includes(d.kind);
	const knownTenure = tn && ['botid', 'lease', 'exitRate'].includes(tn.kind);
	for (const id of GROUP_FIELD_IDS) {
		const f: GroupFieldSpec = GROUP_FIELDS[id];
		const isDemand = f.path.startsWith('demand.');
		const isTenure = f.path.startsWith('tenure.');
		if ((isDemand && !knownDemand) || (isTenure && !knownTenure) || !f.applies(ga)) continue;
		const path = `${p}.${f.path}`;
		const u = f.get(ga);
		if (u === undefined && f.whenAbsent === 'unused') continue;
		if (u === undefined && f.whenAbsent === 'calibrated') {
			if (okBand && ctx.popOk && ctx.basePopIndex >= 0 && (d.kind === 'rate' || d.kind === 'prevalence') && ageBandTotal(ctx.pop, d.band, ctx.basePopIndex) <= 0) {
				const what = id === 'rate' ? 'Raten' : 'Andelen';
				c.push(path, `${what} for ${label} kan ikke kalibreres: ingen innbyggere i aldersgruppen i basisåret. Oppgi ${what.toLowerCase()}.`);
			}
			continue;
		}
		c.uncertain(path, u, `${f.name} for ${label}`, { ...f.range, unit: f.unit });
	}
}

function checkStockChanges(c: Checker, input: EngineInput, ctx: Context, okHorizon: boolean): void {
	const { base, scenario: sc } = input;
	if (!Array.isArray(sc.stockChanges)) {
		c.push('scenario.stockChanges', 'Listen over planlagte endringer i boligmassen mangler.');
		return;
	}
	const running = new Map<string, Map<number, number>>();
	sc.stockChanges.forEach((ch, i) => {
		const p = `scenario.stockChanges.${i}`;
		if (!ctx.segIds.has(ch.segmentId)) c.push(`${p}.segmentId`, `Endring ${i + 1} i boligmassen gjelder en ukjent boligdel.`);
		checkYearAfterBase(c, ctx, `${p}.year`, ch.year, `Året for endring ${i + 1} i boligmassen`);
		if (c.number(`${p}.count`, ch.count, `Antall boliger i endring ${i + 1}`, { min: -Infinity, max: Infinity, unit: '' })) {
			const m = running.get(ch.segmentId) ?? new Map<number, number>();
			m.set(ch.year, (m.get(ch.year) ?? 0) + ch.count);
			running.set(ch.segmentId, m);
		}
	});
	if (!okHorizon || !ctx.okBaseYear || !Array.isArray(base.segments)) return;
	base.segments.forEach((s, si) => {
		const m = running.get(s.id);
		if (!m || !isNum(s.dwellings)) return;
		let stock = s.dwellings;
		for (let y = ctx.baseYear + 1; y <= ctx.baseYear + sc.horizonYears; y++) {
			stock += m.get(y) ?? 0;
			if (stock < -1e-9) {
				c.push(`base.segments.${si}.dwellings`, `Boligdelen «${s.name || s.id}» får færre enn 0 boliger i ${y} med de planlagte endringene.`);
				break;
			}
		}
	});
}

function checkAllocationAndDraws(c: Checker, sc: EngineInput['scenario']): void {
	const al = sc.allocation;
	if (!al || (al.kind !== 'proportional' && al.kind !== 'priority')) {
		c.push('scenario.allocation.kind', 'Fordelingsregelen må være «forholdsmessig» eller «prioritert rekkefølge».');
	} else if (al.order) {
		const seen = new Set<GroupId>();
		for (const g of al.order) {
			if (!isGroupId(g)) c.push('scenario.allocation.order', 'Prioriteringsrekkefølgen nevner en ukjent målgruppe.');
			else if (seen.has(g)) c.push('scenario.allocation.order', `${GROUP_LABELS[g]} står mer enn én gang i prioriteringsrekkefølgen.`);
			else seen.add(g);
		}
	}
	const mc = sc.monteCarlo;
	if (!mc) {
		c.push('scenario.monteCarlo', 'Innstillingene for usikkerhetsberegningen mangler.');
		return;
	}
	for (const issue of monteCarloIssues(mc.draws, mc.seed)) c.push(issue.path, issue.message);
}

/** The Monte Carlo's own settings: the scenario's, or those a run overrides them with (runMonteCarlo's options). */
export function monteCarloIssues(draws: unknown, seed: unknown): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	if (!isNum(seed) || !Number.isInteger(seed)) issues.push({ path: 'scenario.monteCarlo.seed', message: 'Startverdien (seed) må være et helt tall.' });
	if (!isNum(draws) || !Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) {
		issues.push({ path: 'scenario.monteCarlo.draws', message: `Antall trekninger må være et helt tall mellom 1 og ${MAX_DRAWS.toLocaleString('nb-NO')}.` });
	}
	return issues;
}

function lc(s: string): string {
	return s.charAt(0).toLowerCase() + s.slice(1);
}

