/**
 * Reviewing KOSTRA figures against the base data: the kommune's own turnover computed the way
 * KOSTRA's is, and the KOSTRA rows the planner accepts.
 */
import type { BaseData } from '../model/base-data.ts';
import { GROUP_IDS, GROUP_LABELS } from '../model/groups.ts';
import { turnoverIndicators, type KostraFigures, type TurnoverIndicators } from '../ssb/kostra.ts';
import type { KostraChange, KostraChangeKey } from '../ssb/kostra-apply.ts';
import { totalDwellings } from './edits.ts';
import { parseCount } from './typed-input.ts';

/**
 * Gjennomstrømming and estimated botid of the kommune's own base data, both definitions (over all
 * dwellings incl. vacant, and over occupied dwellings), computed with the same code as for KOSTRA.
 * New tenants = the sum of the groups' new tenants in the base year; groups without it are named.
 */
export function baseDataTurnover(base: BaseData): TurnoverIndicators {
	const missing = GROUP_IDS.filter((g) => base.groups[g].newTenantsLastYear === undefined);
	const given = GROUP_IDS.filter((g) => base.groups[g].newTenantsLastYear !== undefined);
	const figures: KostraFigures = {
		kommune: { code: '', name: '' },
		year: base.baseYear,
		source: 'Grunnlagsdata',
		fileName: '',
		dwellings: totalDwellings(base),
		vacant: base.vacant,
		newTenantsByCategory: {},
		waitingByCategory: {},
		missing: [],
		notes: []
	};
	if (given.length > 0) figures.newTenants = given.reduce((n, g) => n + (base.groups[g].newTenantsLastYear ?? 0), 0);
	const ind = turnoverIndicators(figures);
	if (missing.length > 0 && given.length > 0)
		ind.notes.push(`Nye leietakere i basisåret mangler for ${missing.map((g) => GROUP_LABELS[g]).join(', ')}; de er regnet som 0.`);
	return ind;
}

export interface KostraRow {
	key: KostraChangeKey;
	accepted: boolean;
	/** As typed by the planner. */
	value: string;
}

/**
 * The accepted KOSTRA rows as numbers, or a Norwegian message naming the first bad row.
 * Rows that are not applicable are never accepted.
 */
export function collectKostraAccepted(
	changes: readonly KostraChange[],
	rows: readonly KostraRow[]
): { ok: true; accepted: { key: KostraChangeKey; value: number }[] } | { ok: false; message: string } {
	const accepted: { key: KostraChangeKey; value: number }[] = [];
	for (const row of rows) {
		if (!row.accepted) continue;
		const change = changes.find((c) => c.key === row.key);
		if (!change || !change.applicable) continue;
		const v = parseCount(row.value, change.label);
		if (typeof v === 'string') return { ok: false, message: v };
		accepted.push({ key: row.key, value: v });
	}
	if (accepted.length === 0) return { ok: false, message: 'Ingen verdier er valgt. Kryss av for tallene du vil bruke.' };
	return { ok: true, accepted };
}
