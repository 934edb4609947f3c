/**
 * A scenario's assumptions flattened to rows with Norwegian labels and units, for the
 * "Forutsetninger" sheet of the XLSX export and for CSV. Every entered number is listed with its
 * uncertainty range; numbers the engine calibrates are marked "kalibreres".
 * Which assumptions there are and what they are called comes from core/report/assumption-catalogue.ts,
 * which the printed appendix uses too.
 */
import { GROUP_IDS, GROUP_SHORT_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';
import type { Scenario } from '#lib/core/model/notebook.ts';
import { BASE_DATA_LABELS, bandLabel, listAssumptions, yearSeriesLabel } from '#lib/core/report/assumption-catalogue.ts';
import { otherHouseholdsAtStart } from '#lib/core/engine/other-households.ts';

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

/** Re-exported for callers of this module; the catalogue is where they live. */
export { bandLabel, yearSeriesLabel };

function distributionOf(u: Uncertain): Pick<AssumptionRow, 'distribution' | 'low' | 'high'> {
	const s = u.spread;
	if (!s) return { distribution: 'Fast', low: null, high: null };
	return s.kind === 'triangular'
		? { distribution: 'Triangulær', low: s.low, high: s.high }
		: { distribution: 'Lognormal (P10–P90)', low: s.p10, high: s.p90 };
}

/** The catalogue's assumptions as export rows: raw numbers, uncertainty in its own columns. */
export function assumptionRows(scenario: Scenario, labels: Partial<Record<GroupId, string>> = {}): AssumptionRow[] {
	const names = { ...GROUP_SHORT_LABELS, ...labels };
	return listAssumptions(scenario, names).map((item): AssumptionRow => {
		const q = item.quantity;
		const row = (value: number | string | null): AssumptionRow => ({
			scenario: scenario.name,
			group: item.group ? names[item.group] : '',
			assumption: item.label,
			value,
			unit: item.unit,
			distribution: '',
			low: null,
			high: null
		});
		switch (q.kind) {
			case 'uncertain':
				return { ...row(q.value.value), ...distributionOf(q.value) };
			case 'calibrated':
				return row('kalibreres');
			case 'series':
				return row(yearSeriesLabel(q.value));
			case 'number':
			case 'text':
				return row(q.value);
		}
	});
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
	const rows: AssumptionRow[] = [row('', BASE_DATA_LABELS.baseYear, base.baseYear, ''), row('', BASE_DATA_LABELS.vacant, base.vacant, 'boliger')];
	for (const s of base.segments)
		rows.push(row(s.groups === 'all' ? 'Alle' : s.groups.map((g) => names[g]).join(', '), BASE_DATA_LABELS.segment(s.name), s.dwellings, 'boliger'));
	for (const g of GROUP_IDS) {
		const gb = base.groups[g];
		rows.push(row(names[g], BASE_DATA_LABELS.tenants, gb.tenants, 'husstander'));
		rows.push(row(names[g], BASE_DATA_LABELS.waiting, gb.waiting, 'husstander'));
		if (gb.newTenantsLastYear !== undefined) rows.push(row(names[g], BASE_DATA_LABELS.newTenantsLastYear, gb.newTenantsLastYear, 'husstander'));
	}
	// Derived, not stored: they occupy dwellings, so the required stock counts them (docs/model.md).
	rows.push(row('', BASE_DATA_LABELS.otherHouseholds, otherHouseholdsAtStart(base), 'husstander'));
	rows.push(row('', 'Kilde', [base.provenance.source, base.provenance.retrieved, base.provenance.note].filter(Boolean).join(', '), ''));
	return rows;
}

export function assumptionRowCells(r: AssumptionRow): (string | number | null)[] {
	return [r.scenario, r.group, r.assumption, r.value, r.unit, r.distribution, r.low, r.high];
}
