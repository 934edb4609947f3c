/**
 * Turn a KOSTRA proposal into a list of changes the planner reviews one by one, and apply only
 * the accepted ones to a copy of BaseData. Nothing is changed without this explicit step.
 */
import type { BaseData, BaseHistory, HistoryYear } from '#lib/core/model/base-data.ts';
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '#lib/core/model/groups.ts';
import type { GroupMappingProposal, KostraFigures } from './kostra.ts';
import { recordFieldOrigins, segmentDwellingsKey } from '#lib/core/base-data/field-origins.ts';

export type KostraChangeKey =
	| 'baseYear'
	| 'dwellings'
	| 'vacant'
	| `groups.${GroupId}.newTenantsLastYear`
	| `groups.${GroupId}.waiting`;

export interface KostraChange {
	key: KostraChangeKey;
	/** Norwegian label for the row, e.g. "Flyktninger: nyinnflyttede husstander i fjor". */
	label: string;
	current: number | undefined;
	proposed: number;
	/** Norwegian: where the proposed number comes from. */
	source: string;
	/** False if the change cannot be applied as is (e.g. dwellings with several stock segments). */
	applicable: boolean;
	/** Norwegian note shown with the row. */
	note?: string;
}

/** The changes the KOSTRA figures and the mapping proposal would make to the base data. */
export function kostraChanges(base: BaseData, figures: KostraFigures, proposal: GroupMappingProposal): KostraChange[] {
	const src = `${figures.source}, ${figures.year}`;
	const out: KostraChange[] = [];
	if (base.baseYear !== figures.year)
		out.push({
			key: 'baseYear',
			label: 'Basisår (status 31.12)',
			current: base.baseYear,
			proposed: figures.year,
			source: src,
			applicable: true,
			note: 'KOSTRA-tallene gjelder dette året. Endrer du basisåret, gjelder det alle scenarioene.'
		});
	if (figures.dwellings !== undefined) {
		const single = base.segments.length === 1;
		const current = base.segments.reduce((n, s) => n + s.dwellings, 0);
		const change: KostraChange = {
			key: 'dwellings',
			label: 'Kommunalt disponerte boliger',
			current,
			proposed: figures.dwellings,
			source: src,
			applicable: single
		};
		if (!single)
			change.note = `Boligmassen er delt i ${base.segments.length} segmenter; fordel SSBs tall på segmentene selv.`;
		out.push(change);
	}
	if (figures.vacant !== undefined)
		out.push({ key: 'vacant', label: 'Ledige boliger', current: base.vacant, proposed: figures.vacant, source: src, applicable: true });
	for (const g of GROUP_IDS) {
		const s = proposal.groups[g];
		if (s.newTenantsLastYear !== undefined)
			out.push({
				key: `groups.${g}.newTenantsLastYear`,
				label: `${GROUP_LABELS[g]}: nyinnflyttede husstander i basisåret`,
				current: base.groups[g].newTenantsLastYear,
				proposed: s.newTenantsLastYear,
				source: s.basis,
				applicable: true,
				...(g === 'funksjon' || g === 'eldre' ? { note: proposal.adaptedSplit.text } : {})
			});
		if (s.waiting !== undefined)
			out.push({
				key: `groups.${g}.waiting`,
				label: `${GROUP_LABELS[g]}: husstander på venteliste`,
				current: base.groups[g].waiting,
				proposed: s.waiting,
				source: s.basis,
				applicable: true,
				...(g === 'funksjon' || g === 'eldre' ? { note: proposal.adaptedSplit.text } : {})
			});
	}
	return out;
}

/**
 * A copy of `base` with the accepted changes (key → value the planner confirmed, possibly edited).
 * Keys that are not applicable or values that are not finite, non-negative numbers are skipped
 * and returned in `skipped`. The provenance note records what was imported, and each number
 * taken is recorded as imported from KOSTRA's year (`BaseData.fieldOrigins`), so the fields the
 * import did not fill keep their own origin.
 */
export function applyKostraChanges(
	base: BaseData,
	accepted: readonly { key: KostraChangeKey; value: number }[],
	info: { source: string; year: number; retrieved: string; fileName?: string }
): { base: BaseData; skipped: KostraChangeKey[] } {
	const next: BaseData = structuredClone(base);
	const skipped: KostraChangeKey[] = [];
	const applied: string[] = [];
	/** The base-data fields the applied changes filled (core/base-data/field-origins.ts). */
	const fields: string[] = [];
	for (const { key, value } of accepted) {
		if (!Number.isFinite(value) || value < 0) {
			skipped.push(key);
			continue;
		}
		if (key === 'baseYear') {
			next.baseYear = Math.round(value);
			fields.push('baseYear');
		} else if (key === 'dwellings') {
			const seg = next.segments[0];
			if (next.segments.length !== 1 || !seg) {
				skipped.push(key);
				continue;
			}
			seg.dwellings = value;
			fields.push(segmentDwellingsKey(seg.id));
		} else if (key === 'vacant') {
			next.vacant = value;
			fields.push('vacant');
		} else {
			const [, g, field] = key.split('.') as [string, GroupId, 'newTenantsLastYear' | 'waiting'];
			if (!next.groups[g]) {
				skipped.push(key);
				continue;
			}
			next.groups[g][field] = value;
			fields.push(key);
		}
		applied.push(key);
	}
	if (applied.length > 0) {
		recordFieldOrigins(next, fields, { kind: 'imported', source: `${info.source}, ${info.year}` });
		const note = `${applied.length} tall fra ${info.source} (${info.year}) importert ${info.retrieved}${info.fileName ? ` fra «${info.fileName}»` : ''}.`;
		next.provenance = { ...next.provenance, note: next.provenance.note ? `${next.provenance.note} ${note}` : note };
	}
	return { base: next, skipped };
}

/**
 * The kommune's history from KOSTRA figures of several years: every year up to and including the
 * base year (later years are not history). Returns undefined if no year qualifies.
 */
export function historyFromKostra(
	years: readonly KostraFigures[],
	baseYear: number,
	info: { retrieved: string; fileName?: string }
): BaseHistory | undefined {
	const rows: HistoryYear[] = [];
	for (const f of years) {
		if (f.year > baseYear) continue;
		const row: HistoryYear = { year: f.year };
		if (f.dwellings !== undefined) row.dwellings = f.dwellings;
		if (f.vacant !== undefined) row.vacant = f.vacant;
		if (f.newTenants !== undefined) row.newTenants = f.newTenants;
		if (f.waiting !== undefined) row.waiting = f.waiting;
		rows.push(row);
	}
	rows.sort((a, b) => a.year - b.year);
	const first = years[0];
	if (rows.length === 0 || !first) return undefined;
	const provenance: BaseHistory['provenance'] = {
		kind: 'imported',
		source: first.source,
		retrieved: info.retrieved,
		note: `${first.kommune.name} (${first.kommune.code}), ${rows[0]!.year}–${rows[rows.length - 1]!.year}`
	};
	if (info.fileName) provenance.fileName = info.fileName;
	return { years: rows, provenance };
}

/**
 * Would the base data still add up with these values? Tenants + vacant must not exceed the
 * dwellings (the same rule as the base-data editor's capacity check). Returns a Norwegian
 * explanation naming the numbers, or null.
 */
export function kostraCapacityConflict(base: BaseData, values: Partial<Record<'dwellings' | 'vacant', number>>): string | null {
	const dwellings = values.dwellings ?? base.segments.reduce((n, s) => n + s.dwellings, 0);
	const vacant = values.vacant ?? base.vacant;
	const tenants = GROUP_IDS.reduce((n, g) => n + base.groups[g].tenants, 0);
	if (tenants + vacant <= dwellings) return null;
	return `Leietakere (${tenants}) og ledige boliger (${vacant}) blir til sammen ${tenants + vacant}, men boligene er ${dwellings}. Leietakere + ledige kan ikke være flere enn boligene.`;
}

/**
 * The selection the preview starts with: every applicable change, except capacity changes
 * (dwellings, vacant) that would make the base data inconsistent. Those start unticked with the
 * conflict named, so the proposal applies as offered and a conflict is seen before any click.
 */
export function defaultKostraSelection(base: BaseData, changes: readonly KostraChange[]): Map<KostraChangeKey, { accepted: boolean; conflict?: string }> {
	const out = new Map<KostraChangeKey, { accepted: boolean; conflict?: string }>();
	for (const c of changes) out.set(c.key, { accepted: c.applicable });
	const capacity = changes.filter((c) => c.applicable && (c.key === 'dwellings' || c.key === 'vacant'));
	const values = (keys: readonly KostraChange[]) => Object.fromEntries(keys.map((c) => [c.key, c.proposed])) as Partial<Record<'dwellings' | 'vacant', number>>;
	if (kostraCapacityConflict(base, values(capacity)) === null) return out;
	// Drop as few as possible: first try keeping each capacity change alone, else none.
	const keep = capacity.find((c) => kostraCapacityConflict(base, values([c])) === null);
	for (const c of capacity) {
		if (c === keep) continue;
		const conflict = kostraCapacityConflict(base, values(keep ? [keep, c] : [c]));
		out.set(c.key, { accepted: false, ...(conflict ? { conflict: `Ikke valgt: ${conflict}` } : {}) });
	}
	return out;
}
