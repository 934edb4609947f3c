/**
 * A scenario's assumptions flattened to rows with Norwegian labels and units, for the
 * "Forutsetninger" sheet of the XLSX export and for CSV. Every entered number is listed with its
 * uncertainty range; numbers the engine calibrates are marked "kalibreres".
 */
import { GROUP_IDS, GROUP_SHORT_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { AgeBand, YearSeries } from '#lib/core/model/population.ts';
import type { StockChangeKind } from '#lib/core/model/assumptions.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';

export interface AssumptionRow {
	scenario: string;
	/** Group label, or "" for scenario-wide assumptions. */
	group: string;
	assumption: string;
	value: number | string | null;
	unit: string;
	/** "Fast", "Triangulær" or "Lognormal (P10–P90)". */
	distribution: string;
	low: number | null;
	high: number | null;
}

export const ASSUMPTION_HEADER = ['Scenario', 'Målgruppe', 'Forutsetning', 'Verdi', 'Enhet', 'Usikkerhet', 'Lav / P10', 'Høy / P90'] as const;

const STOCK_CHANGE_LABELS: Record<StockChangeKind, string> = {
	nybygg: 'Nybygg',
	kjop: 'Kjøp',
	innleie: 'Innleie',
	'avsluttet-innleie': 'Avsluttet innleie',
	salg: 'Salg',
	konvertering: 'Konvertering'
};

export function bandLabel(b: AgeBand): string {
	return b.to === undefined ? `${b.from} år og eldre` : `${b.from}–${b.to} år`;
}

export function yearSeriesLabel(s: YearSeries): string {
	const keys = Object.keys(s).sort();
	return keys.length === 0 ? '(ingen år)' : keys.map((k) => `${k}: ${String(s[k]).replace('.', ',')}`).join('; ');
}

export function assumptionRows(scenario: Scenario, labels: Partial<Record<GroupId, string>> = {}): AssumptionRow[] {
	const names = { ...GROUP_SHORT_LABELS, ...labels };
	const rows: AssumptionRow[] = [];
	const a = scenario.assumptions;
	const push = (group: string, assumption: string, value: number | string | null, unit: string) =>
		rows.push({ scenario: scenario.name, group, assumption, value, unit, distribution: '', low: null, high: null });
	const pushU = (group: string, assumption: string, u: Uncertain | undefined, unit: string) => {
		if (!u) return push(group, assumption, 'kalibreres', unit);
		const s = u.spread;
		rows.push({
			scenario: scenario.name,
			group,
			assumption,
			value: u.value,
			unit,
			distribution: !s ? 'Fast' : s.kind === 'triangular' ? 'Triangulær' : 'Lognormal (P10–P90)',
			low: !s ? null : s.kind === 'triangular' ? s.low : s.p10,
			high: !s ? null : s.kind === 'triangular' ? s.high : s.p90
		});
	};

	push('', 'Horisont', a.horizonYears, 'år');
	push('', 'Modus', a.mode === 'need' ? 'Behov' : 'Kapasitet', '');
	pushU('', 'Mål for ledighet (friksjonsledighet)', a.vacancyTargetPct, '% av bestanden');
	push(
		'',
		'Fordeling av ledige boliger',
		a.allocation.kind === 'proportional'
			? 'Forholdsmessig etter venteliste'
			: `Prioritert: ${(a.allocation.order ?? []).map((g) => names[g]).join(', ')}`,
		''
	);
	push('', 'Monte Carlo: antall trekk', a.monteCarlo.draws, '');
	push('', 'Monte Carlo: frø', a.monteCarlo.seed, '');

	for (const g of GROUP_IDS) {
		const ga = a.groups[g];
		const n = names[g];
		const d = ga.demand;
		switch (d.kind) {
			case 'rate':
				pushU(n, `Nytt behov per 1000 innbyggere ${bandLabel(d.band)}`, d.ratePer1000, 'husstander per 1000 per år');
				pushU(n, 'Årlig endring i raten', d.trendPctPerYear, '% per år');
				break;
			case 'prevalence':
				pushU(n, `Andel av innbyggere ${bandLabel(d.band)} med behov`, d.sharePct, '%');
				if (d.targetSharePct) pushU(n, `Målandel${d.targetYear !== undefined ? ` i ${d.targetYear}` : ''}`, d.targetSharePct, '%');
				break;
			case 'refugees':
				push(n, 'Bosatte flyktninger per år', yearSeriesLabel(d.settledPerYear), 'personer per år');
				pushU(n, 'Andel som trenger kommunal bolig', d.shareNeedingPct, '%');
				pushU(n, 'Personer per husstand', d.personsPerHousehold, 'personer');
				break;
			case 'manual':
				push(n, 'Nytt behov per år (manuelt)', yearSeriesLabel(d.perYear), 'husstander per år');
				break;
		}
		const t = ga.tenure;
		switch (t.kind) {
			case 'botid':
				pushU(n, 'Gjennomsnittlig botid', t.years, 'år');
				break;
			case 'lease':
				push(n, 'Tidsbestemt kontrakt, lengde', t.leaseYears, 'år');
				pushU(n, 'Andel fornyet ved utløp', t.renewalPct, '%');
				break;
			case 'exitRate':
				pushU(n, 'Årlig avgang (død, institusjon, flytting)', t.pctPerYear, '% per år');
				break;
		}
		if (ga.turnoverTarget) pushU(n, `Endring i gjennomstrømming innen ${ga.turnoverTarget.byYear}`, ga.turnoverTarget.changePct, '%');
		pushU(n, 'Frafall fra ventelisten', ga.waitingAttritionPctPerYear, '% per år');
	}
	for (const c of a.stockChanges) push('', `${STOCK_CHANGE_LABELS[c.kind]} ${c.year}, delbestand «${c.segmentId}»`, c.count, 'boliger');
	return rows;
}

/** The base data (shared by all scenarios) as rows. */
export function baseDataRows(base: BaseData, labels: Partial<Record<GroupId, string>> = {}): AssumptionRow[] {
	const names = { ...GROUP_SHORT_LABELS, ...labels };
	const row = (group: string, assumption: string, value: number | string | null, unit: string): AssumptionRow => ({
		scenario: `Grunnlag ${base.baseYear}`,
		group,
		assumption,
		value,
		unit,
		distribution: '',
		low: null,
		high: null
	});
	const rows: AssumptionRow[] = [row('', 'Basisår (status 31.12)', base.baseYear, ''), row('', 'Ledige boliger', base.vacant, 'boliger')];
	for (const s of base.segments)
		rows.push(row(s.groups === 'all' ? 'Alle' : s.groups.map((g) => names[g]).join(', '), `Bestand: ${s.name}`, s.dwellings, 'boliger'));
	for (const g of GROUP_IDS) {
		const gb = base.groups[g];
		rows.push(row(names[g], 'Leietakere', gb.tenants, 'husstander'));
		rows.push(row(names[g], 'Venteliste', gb.waiting, 'husstander'));
		if (gb.newTenantsLastYear !== undefined) rows.push(row(names[g], 'Nye leietakere i basisåret', gb.newTenantsLastYear, 'husstander'));
	}
	rows.push(row('', 'Kilde', [base.provenance.source, base.provenance.retrieved, base.provenance.note].filter(Boolean).join(', '), ''));
	return rows;
}

export function assumptionRowCells(r: AssumptionRow): (string | number | null)[] {
	return [r.scenario, r.group, r.assumption, r.value, r.unit, r.distribution, r.low, r.high];
}
