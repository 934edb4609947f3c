/**
 * Base data of the example kommune at 31.12.2025: stock by segment, vacancy, and per target group
 * today's tenants, waiting list and new tenants during 2025. Every number is fictional and
 * explained in docs/example-kommune.md; the group sizes follow Kommune A in report 003
 * (003:L1914–1926: ROP the largest group with about 55, "andre" the smallest with about 15).
 */
import type { BaseHistory, BaseData, StockSegment } from '#lib/core/model/base-data.ts';
import type { GroupId } from '#lib/core/model/groups.ts';

export const EXAMPLE_BASE_YEAR = 2025;

export const EXAMPLE_SEGMENTS: readonly StockSegment[] = [
	{ id: 'ordinaer', name: 'Ordinære boliger', groups: 'all', dwellings: 150 },
	{ id: 'bemannet', name: 'Bemannede boliger', groups: ['rop', 'funksjon'], dwellings: 30 },
	{ id: 'omsorg', name: 'Omsorgsboliger', groups: ['eldre'], dwellings: 56 }
];

/**
 * Households outside the five target groups (staff housing, "uten behovsprøving", 003 table 6.3):
 * they live in the ordinary pool and are not projected.
 */
export const EXAMPLE_OTHER_HOUSEHOLDS = 6;

/**
 * Where today's tenants live (the kommune's own mapping, as Kommune A made in 2019). Not part of
 * the notebook (BaseData holds totals only); kept here so the docs and tests can show that the
 * totals fit the segments: per segment, occupied + vacant = dwellings.
 */
export const EXAMPLE_PLACEMENT: Readonly<Record<string, { tenants: Partial<Record<GroupId, number>>; other: number; vacant: number }>> = {
	ordinaer: { tenants: { rop: 47, funksjon: 28, flyktning: 44, andre: 15 }, other: EXAMPLE_OTHER_HOUSEHOLDS, vacant: 10 },
	bemannet: { tenants: { rop: 8, funksjon: 20 }, other: 0, vacant: 2 },
	omsorg: { tenants: { eldre: 52 }, other: 0, vacant: 4 }
};

/**
 * What the example kommune reported to KOSTRA in the four years before T0 (fictional, like every
 * number here): a stock growing by two to three dwellings a year, vacancy of 6–7 %, about as many
 * new tenant households as in 2025 and a waiting list that has grown slowly from 15 to 19. Totals
 * for 2025 come from the base data itself (236 dwellings, 16 vacant, 38 new, 20 waiting).
 * It gives the example its hindcast (docs/model.md, "Hindcast"); see docs/example-kommune.md.
 */
export function createExampleHistory(): BaseHistory {
	return {
		years: [
			{ year: 2021, dwellings: 226, vacant: 14, newTenants: 36, waiting: 15 },
			{ year: 2022, dwellings: 228, vacant: 15, newTenants: 37, waiting: 17 },
			{ year: 2023, dwellings: 231, vacant: 15, newTenants: 39, waiting: 18 },
			{ year: 2024, dwellings: 234, vacant: 16, newTenants: 37, waiting: 19 }
		],
		provenance: { kind: 'example', source: 'Eksempeldata (fiktiv kommune)', note: 'Oppdiktede KOSTRA-tall for 2021–2024.' }
	};
}

export function createExampleBaseData(): BaseData {
	return {
		baseYear: EXAMPLE_BASE_YEAR,
		segments: EXAMPLE_SEGMENTS.map((s) => ({ ...s, groups: s.groups === 'all' ? 'all' : [...s.groups] })),
		vacant: 16,
		groups: {
			// ROP: the largest group (≈ 55 in Kommune A); botid about 6 years → about 9 new a year.
			rop: { tenants: 55, waiting: 8, newTenantsLastYear: 9 },
			// Lifelong tenancies, young tenants; about 4 % leave a year → about 2 new a year.
			funksjon: { tenants: 48, waiting: 3, newTenantsLastYear: 2 },
			// Omsorgsboliger; about a fifth leave a year (death, nursing home) → about 11 new a year.
			eldre: { tenants: 52, waiting: 4, newTenantsLastYear: 11 },
			// Refugees settled in recent years; 3-year leases, mean tenure about 4 years.
			flyktning: { tenants: 44, waiting: 2, newTenantsLastYear: 12 },
			// The smallest group (≈ 15 in Kommune A); transitional, botid about 4 years.
			andre: { tenants: 15, waiting: 3, newTenantsLastYear: 4 }
		},
		provenance: {
			kind: 'example',
			source: 'Eksempeldata (fiktiv kommune)',
			note:
				'Oppdiktede tall for en tenkt kommune med om lag 20 000 innbyggere. Fordelingen på målgrupper er formet etter kommune A i ' +
				'Agenda Kaupang (2020), der ROP-gruppen var størst med rundt 55 beboere og «andre» minst med rundt 15. Status 31.12.2025.'
		},
		history: createExampleHistory()
	};
}
