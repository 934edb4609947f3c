/**
 * Households in the municipal stock outside the five target groups (e.g. staff housing, others the
 * kommune houses): derived from the base data, never stored (docs/model.md, "Households outside the
 * five groups").
 */
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import type { BaseData } from '#lib/core/model/base-data.ts';

/**
 * Σ segment dwellings − vacant − Σ tenants at T0. Negative when the base data are inconsistent
 * (more tenants and vacant dwellings than dwellings); the engine then counts 0 and warns.
 */
export function otherHouseholdsAtStart(base: BaseData): number {
	let dwellings = 0;
	for (const s of base.segments) dwellings += s.dwellings;
	let tenants = 0;
	for (const g of GROUP_IDS) tenants += base.groups[g].tenants;
	return dwellings - base.vacant - tenants;
}
