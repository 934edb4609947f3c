/**
 * Input validation. Every issue names the field by path and explains it in Norwegian, naming the
 * group and the field, e.g. "Botid for Flyktninger må være over 0 år".
 */
import { GROUP_IDS, GROUP_LABELS, isGroupId, type GroupId } from '#lib/core/model/groups.ts';
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import type { AgeBand, YearSeries } from '#lib/core/model/population.ts';
import { ageBandTotal } from '#lib/core/model/population.ts';

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

interface Range {
	min: number;
	max: number;
	/** exclusive bounds */
	minOpen?: boolean;
	maxOpen?: boolean;
	unit: string;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function rangeText(r: Range): string {
	const u = r.unit ? ` ${r.unit}` : '';
	if (r.max === Infinity) return `${r.minOpen ? 'over' : 'minst'} ${r.min}${u}`;
	if (r.min === -Infinity) return `${r.maxOpen ? 'under' : 'høyst'} ${r.max}${u}`;
	if (r.minOpen || r.maxOpen) {
		return `${r.minOpen ? 'over' : 'minst'} ${r.min}${u} og ${r.maxOpen ? 'under' : 'høyst'} ${r.max}${u}`;
	}
	return `mellom ${r.min} og ${r.max}${u}`;
}

function inRange(x: number, r: Range): boolean {
	if (r.minOpen ? x <= r.min : x < r.min) return false;
	if (r.maxOpen ? x >= r.max : x > r.max) return false;
	return true;
}

export function validateInput(input: EngineInput): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const push = (path: string, message: string): void => {
		issues.push({ path, message });
	};
	const base = input?.base;
	const pop = input?.population;
	const sc = input?.scenario;
	if (!base || !pop || !sc) {
		push('', 'Grunnlagsdata, befolkning eller scenario mangler.');
		return issues;
	}

	const checkNumber = (path: string, x: unknown, name: string, r: Range): boolean => {
		if (!isNum(x)) {
			push(path, `${name} må være et tall.`);
			return false;
		}
		if (!inRange(x, r)) {
			push(path, `${name} må være ${rangeText(r)}.`);
			return false;
		}
		return true;
	};
	const checkUncertain = (path: string, u: Uncertain | undefined, name: string, r: Range): void => {
		if (!u || typeof u !== 'object') {
			push(path, `${name} mangler.`);
			return;
		}
		checkNumber(path, u.value, name, r);
		const s = u.spread;
		if (!s) return;
		if (s.kind === 'triangular') {
			const okLow = checkNumber(`${path}.spread.low`, s.low, `Laveste verdi for ${lc(name)}`, r);
			const okHigh = checkNumber(`${path}.spread.high`, s.high, `Høyeste verdi for ${lc(name)}`, r);
			if (okLow && okHigh && isNum(u.value) && !(s.low <= u.value && u.value <= s.high)) {
				push(`${path}.spread`, `${name}: laveste verdi ≤ mest sannsynlige verdi ≤ høyeste verdi må gjelde.`);
			}
		} else if (s.kind === 'p10p90') {
			const pr: Range = { ...r, min: Math.max(0, r.min), minOpen: true };
			const ok10 = checkNumber(`${path}.spread.p10`, s.p10, `P10 for ${lc(name)}`, pr);
			const ok90 = checkNumber(`${path}.spread.p90`, s.p90, `P90 for ${lc(name)}`, pr);
			if (ok10 && ok90 && s.p10 > s.p90) push(`${path}.spread`, `${name}: P10 kan ikke være større enn P90.`);
		} else {
			push(`${path}.spread`, `${name}: ukjent type usikkerhet.`);
		}
	};
	const checkSeries = (path: string, s: YearSeries | undefined, name: string): void => {
		if (!s || typeof s !== 'object') {
			push(path, `${name} mangler.`);
			return;
		}
		for (const [k, x] of Object.entries(s)) {
			if (!/^\d{4}$/.test(k)) push(`${path}.${k}`, `${name}: «${k}» er ikke et årstall.`);
			else checkNumber(`${path}.${k}`, x, `${name} i ${k}`, { min: 0, max: Infinity, unit: '' });
		}
	};

	// Base data
	const baseYear = base.baseYear;
	const okBaseYear = checkNumber('base.baseYear', baseYear, 'Basisåret', { min: 1900, max: 2200, unit: '' });
	if (okBaseYear && !Number.isInteger(baseYear)) push('base.baseYear', 'Basisåret må være et helt årstall.');
	checkNumber('base.vacant', base.vacant, 'Ledige boliger i basisåret', { min: 0, max: Infinity, unit: '' });
	const segIds = new Set<string>();
	if (!Array.isArray(base.segments) || base.segments.length === 0) {
		push('base.segments', 'Boligmassen må ha minst én del (for eksempel «Ordinære boliger»).');
	} else {
		base.segments.forEach((s, i) => {
			const p = `base.segments.${i}`;
			const nm = s.name || s.id;
			if (!s.id) push(`${p}.id`, `Boligdelen «${nm}» mangler id.`);
			else if (segIds.has(s.id)) push(`${p}.id`, `Boligdelen «${nm}» har samme id som en annen del.`);
			segIds.add(s.id);
			checkNumber(`${p}.dwellings`, s.dwellings, `Antall boliger i «${nm}»`, { min: 0, max: Infinity, unit: '' });
			if (s.groups !== 'all') {
				if (!Array.isArray(s.groups) || s.groups.length === 0) {
					push(`${p}.groups`, `Boligdelen «${nm}» må være åpen for alle eller for minst én målgruppe.`);
				} else if (!s.groups.every(isGroupId)) {
					push(`${p}.groups`, `Boligdelen «${nm}» nevner en ukjent målgruppe.`);
				}
			}
		});
	}

	// Population
	const years = pop.years;
	const ages = pop.ages;
	let popOk = Array.isArray(years) && Array.isArray(ages) && Array.isArray(pop.values) && years.length > 0 && ages.length > 0;
	if (!popOk) push('population', 'Befolkningsdata mangler.');
	else {
		for (let i = 0; i < years.length; i++) {
			if (!isNum(years[i]) || (i > 0 && years[i] !== (years[i - 1] as number) + 1)) {
				push('population.years', 'Årene i befolkningsdata må være sammenhengende og stigende.');
				popOk = false;
				break;
			}
		}
		for (let i = 0; i < ages.length; i++) {
			if (ages[i] !== i) {
				push('population.ages', 'Aldrene i befolkningsdata må være ettårige og starte på 0.');
				popOk = false;
				break;
			}
		}
		if (pop.values.length !== years.length) {
			push('population.values', 'Befolkningsdata har ikke én rad per år.');
			popOk = false;
		} else {
			outer: for (let y = 0; y < years.length; y++) {
				const row = pop.values[y];
				if (!row || row.length !== ages.length) {
					push(`population.values.${y}`, `Befolkningsdata for ${years[y]} har ikke én verdi per alder.`);
					popOk = false;
					break;
				}
				for (let a = 0; a < row.length; a++) {
					const x = row[a];
					if (!isNum(x) || x < 0) {
						push(`population.values.${y}.${a}`, `Befolkningen i ${years[y]}, alder ${a}, må være et tall på minst 0.`);
						popOk = false;
						break outer;
					}
				}
			}
		}
		if (popOk && okBaseYear && ((years[0] as number) > baseYear || (years[years.length - 1] as number) < baseYear)) {
			push('population.years', `Befolkningsdata må dekke basisåret ${baseYear}.`);
			popOk = false;
		}
	}
	const maxAge = popOk ? ages.length - 1 : Infinity;
	const basePopIndex = popOk ? baseYear - (years[0] as number) : -1;

	// Scenario
	const horizon = sc.horizonYears;
	const okHorizon = checkNumber('scenario.horizonYears', horizon, 'Antall år fremover', { min: 1, max: MAX_HORIZON, unit: 'år' });
	if (okHorizon && !Number.isInteger(horizon)) push('scenario.horizonYears', 'Antall år fremover må være et helt tall.');
	if (sc.mode !== 'need' && sc.mode !== 'capacity') push('scenario.mode', 'Beregningsmåten må være «behov» eller «kapasitet».');
	checkUncertain('scenario.vacancyTargetPct', sc.vacancyTargetPct, 'Måltall for ledighet', { min: 0, max: 50, maxOpen: false, unit: '%' });

	const checkBand = (path: string, band: AgeBand | undefined, label: string): boolean => {
		if (!band || !isNum(band.from) || !Number.isInteger(band.from) || band.from < 0) {
			push(`${path}.from`, `Aldersgruppen for ${label} må starte på en hel alder på minst 0.`);
			return false;
		}
		if (band.from > maxAge) {
			push(`${path}.from`, `Aldersgruppen for ${label} starter over høyeste alder i befolkningsdata (${maxAge}).`);
			return false;
		}
		if (band.to !== undefined) {
			if (!isNum(band.to) || !Number.isInteger(band.to) || band.to < band.from) {
				push(`${path}.to`, `Aldersgruppen for ${label} må slutte på en hel alder som ikke er lavere enn startalderen.`);
				return false;
			}
			if (band.to > maxAge) {
				push(`${path}.to`, `Aldersgruppen for ${label} slutter over høyeste alder i befolkningsdata (${maxAge}).`);
				return false;
			}
		}
		return true;
	};
	const checkYearAfterBase = (path: string, y: unknown, name: string): void => {
		if (!isNum(y) || !Number.isInteger(y)) push(path, `${name} må være et helt årstall.`);
		else if (okBaseYear && y <= baseYear) push(path, `${name} må være etter basisåret ${baseYear}.`);
	};

	const pct: Range = { min: 0, max: 100, unit: '%' };
	for (const gid of GROUP_IDS) {
		const label = GROUP_LABELS[gid];
		const ga = sc.groups?.[gid];
		const gb = base.groups?.[gid];
		const bp = `base.groups.${gid}`;
		if (!gb) push(bp, `Grunnlagsdata for ${label} mangler.`);
		else {
			checkNumber(`${bp}.tenants`, gb.tenants, `Leietakere for ${label}`, { min: 0, max: Infinity, unit: '' });
			checkNumber(`${bp}.waiting`, gb.waiting, `Ventende for ${label}`, { min: 0, max: Infinity, unit: '' });
			if (gb.newTenantsLastYear !== undefined) {
				checkNumber(`${bp}.newTenantsLastYear`, gb.newTenantsLastYear, `Nyinnflyttede for ${label}`, { min: 0, max: Infinity, unit: '' });
			}
		}
		const p = `scenario.groups.${gid}`;
		if (!ga) {
			push(p, `Forutsetningene for ${label} mangler.`);
			continue;
		}
		const d = ga.demand;
		const dp = `${p}.demand`;
		if (!d) push(dp, `Driveren for nytt behov for ${label} mangler.`);
		else if (d.kind === 'rate') {
			const okBand = checkBand(`${dp}.band`, d.band, label);
			if (d.ratePer1000 !== undefined) {
				checkUncertain(`${dp}.ratePer1000`, d.ratePer1000, `Rate per 1000 innbyggere for ${label}`, { min: 0, max: 1000, unit: '' });
			} else if (okBand && popOk && basePopIndex >= 0 && ageBandTotal(pop, d.band, basePopIndex) <= 0) {
				push(`${dp}.ratePer1000`, `Raten for ${label} kan ikke kalibreres: ingen innbyggere i aldersgruppen i basisåret. Oppgi raten.`);
			}
			checkUncertain(`${dp}.trendPctPerYear`, d.trendPctPerYear, `Årlig trend i raten for ${label}`, { min: -50, max: 50, unit: '%' });
		} else if (d.kind === 'prevalence') {
			const okBand = checkBand(`${dp}.band`, d.band, label);
			if (d.sharePct !== undefined) checkUncertain(`${dp}.sharePct`, d.sharePct, `Andel av aldersgruppen for ${label}`, pct);
			else if (okBand && popOk && basePopIndex >= 0 && ageBandTotal(pop, d.band, basePopIndex) <= 0) {
				push(`${dp}.sharePct`, `Andelen for ${label} kan ikke kalibreres: ingen innbyggere i aldersgruppen i basisåret. Oppgi andelen.`);
			}
			if (d.targetSharePct !== undefined) checkUncertain(`${dp}.targetSharePct`, d.targetSharePct, `Målandel for ${label}`, pct);
			if (d.targetYear !== undefined) checkYearAfterBase(`${dp}.targetYear`, d.targetYear, `Målår for andelen for ${label}`);
		} else if (d.kind === 'refugees') {
			checkSeries(`${dp}.settledPerYear`, d.settledPerYear, `Bosatte flyktninger for ${label}`);
			checkUncertain(`${dp}.shareNeedingPct`, d.shareNeedingPct, `Andel som trenger kommunal bolig for ${label}`, pct);
			checkUncertain(`${dp}.personsPerHousehold`, d.personsPerHousehold, `Personer per husstand for ${label}`, {
				min: 0,
				minOpen: true,
				max: 20,
				unit: ''
			});
		} else if (d.kind === 'manual') {
			checkSeries(`${dp}.perYear`, d.perYear, `Nytt behov per år for ${label}`);
		} else push(`${dp}.kind`, `Ukjent driver for nytt behov for ${label}.`);

		const tn = ga.tenure;
		const tp = `${p}.tenure`;
		if (!tn) push(tp, `Botidsforutsetningen for ${label} mangler.`);
		else if (tn.kind === 'botid') {
			checkUncertain(`${tp}.years`, tn.years, `Botid for ${label}`, { min: 0, minOpen: true, max: 100, unit: 'år' });
		} else if (tn.kind === 'lease') {
			if (!isNum(tn.leaseYears) || !Number.isInteger(tn.leaseYears) || tn.leaseYears < 1 || tn.leaseYears > 30) {
				push(`${tp}.leaseYears`, `Kontraktslengde for ${label} må være et helt antall år mellom 1 og 30.`);
			}
			checkUncertain(`${tp}.renewalPct`, tn.renewalPct, `Andel fornyede kontrakter for ${label}`, { min: 0, max: 99, unit: '%' });
		} else if (tn.kind === 'exitRate') {
			checkUncertain(`${tp}.pctPerYear`, tn.pctPerYear, `Årlig avgang for ${label}`, { min: 0, minOpen: true, max: 100, unit: '%' });
		} else push(`${tp}.kind`, `Ukjent botidsforutsetning for ${label}.`);

		if (ga.turnoverTarget) {
			checkUncertain(`${p}.turnoverTarget.changePct`, ga.turnoverTarget.changePct, `Endring i gjennomstrømming for ${label}`, {
				min: -90,
				max: 500,
				unit: '%'
			});
			checkYearAfterBase(`${p}.turnoverTarget.byYear`, ga.turnoverTarget.byYear, `Målår for gjennomstrømming for ${label}`);
		}
		checkUncertain(`${p}.waitingAttritionPctPerYear`, ga.waitingAttritionPctPerYear, `Årlig frafall fra ventelisten for ${label}`, pct);
	}

	// Stock changes
	if (!Array.isArray(sc.stockChanges)) push('scenario.stockChanges', 'Listen over planlagte endringer i boligmassen mangler.');
	else {
		const running = new Map<string, Map<number, number>>();
		sc.stockChanges.forEach((c, i) => {
			const p = `scenario.stockChanges.${i}`;
			if (!segIds.has(c.segmentId)) push(`${p}.segmentId`, `Endring ${i + 1} i boligmassen gjelder en ukjent boligdel.`);
			checkYearAfterBase(`${p}.year`, c.year, `Året for endring ${i + 1} i boligmassen`);
			if (checkNumber(`${p}.count`, c.count, `Antall boliger i endring ${i + 1}`, { min: -Infinity, max: Infinity, unit: '' })) {
				const m = running.get(c.segmentId) ?? new Map<number, number>();
				m.set(c.year, (m.get(c.year) ?? 0) + c.count);
				running.set(c.segmentId, m);
			}
		});
		if (okHorizon && okBaseYear && Array.isArray(base.segments)) {
			base.segments.forEach((s, si) => {
				const m = running.get(s.id);
				if (!m || !isNum(s.dwellings)) return;
				let stock = s.dwellings;
				for (let y = baseYear + 1; y <= baseYear + horizon; y++) {
					stock += m.get(y) ?? 0;
					if (stock < -1e-9) {
						push(`base.segments.${si}.dwellings`, `Boligdelen «${s.name || s.id}» får færre enn 0 boliger i ${y} med de planlagte endringene.`);
						break;
					}
				}
			});
		}
	}

	// Allocation
	const al = sc.allocation;
	if (!al || (al.kind !== 'proportional' && al.kind !== 'priority')) {
		push('scenario.allocation.kind', 'Fordelingsregelen må være «forholdsmessig» eller «prioritert rekkefølge».');
	} else if (al.order) {
		const seen = new Set<GroupId>();
		for (const g of al.order) {
			if (!isGroupId(g)) push('scenario.allocation.order', 'Prioriteringsrekkefølgen nevner en ukjent målgruppe.');
			else if (seen.has(g)) push('scenario.allocation.order', `${GROUP_LABELS[g]} står mer enn én gang i prioriteringsrekkefølgen.`);
			else seen.add(g);
		}
	}

	// Monte Carlo
	const mc = sc.monteCarlo;
	if (!mc) push('scenario.monteCarlo', 'Innstillingene for usikkerhetsberegningen mangler.');
	else {
		if (!isNum(mc.seed) || !Number.isInteger(mc.seed)) push('scenario.monteCarlo.seed', 'Startverdien (seed) må være et helt tall.');
		if (!isNum(mc.draws) || !Number.isInteger(mc.draws) || mc.draws < 1 || mc.draws > MAX_DRAWS) {
			push('scenario.monteCarlo.draws', `Antall trekninger må være et helt tall mellom 1 og ${MAX_DRAWS.toLocaleString('nb-NO')}.`);
		}
	}
	return issues;
}

function lc(s: string): string {
	return s.charAt(0).toLowerCase() + s.slice(1);
}
