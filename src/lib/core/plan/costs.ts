/**
 * Cost assumptions of a plan: one catalogue of every cost figure (key, Norwegian label, unit,
 * placeholder default with its source), the Husbanken grant rules, and the financial formulas
 * (write-down, annuity, present value). All amounts in kroner at fixed prices of the base year.
 * docs/model.md, "Plan and cost", restates every formula and default.
 */
import type { DwellingKind, GrantZone, Plan } from '#lib/core/model/plan.ts';
import { DWELLING_KINDS } from '#lib/core/model/plan.ts';
import type { Uncertain } from '#lib/core/model/uncertain.ts';

export const DWELLING_KIND_LABELS: Readonly<Record<DwellingKind, string>> = {
	ordinaer: 'ordinær bolig',
	tilpasset: 'tilpasset bolig',
	bemannet: 'bemannet bolig / omsorgsbolig'
};

/**
 * Husbanken, tilskudd til utleieboliger, forskrift § 9 as published in the guidance
 * (husbanken.no, «Veileder for tilskudd til utleieboliger», rates valid from 16.06.2023, page
 * last updated 05.07.2023; read 2026-11-29): kroner per m² primary area (P-ROM) by kommune group,
 * capped at a dwelling of 80 m².
 */
export const RENTAL_GRANT_RATE_PER_M2: Readonly<Record<GrantZone, number>> = {
	oslo: 21_200,
	baerum: 17_000,
	gruppe3: 12_700,
	gruppe4: 11_700,
	gruppe5: 9_600,
	ovrige: 8_500
};
export const RENTAL_GRANT_MAX_M2 = 80;
/** § 10: written down by 3,3 % per completed year from the payout date, over 30 years. */
export const RENTAL_GRANT_WRITE_DOWN_PCT = 3.3;
export const RENTAL_GRANT_WRITE_DOWN_YEARS = 30;

/** Where the grant rates and rules come from (shown with the kommune group in the editor and the printed appendix). */
export const RENTAL_GRANT_SOURCE =
	'Husbanken, «Veileder for tilskudd til utleieboliger» (§§ 9–11): satser per m² fra 16.06.2023, høyst 80 m²; nedskrives 3,3 % per år i 30 år (lest 29.11.2026).';

export const GRANT_ZONE_LABELS: Readonly<Record<GrantZone, string>> = {
	oslo: 'Oslo (21 200 kr/m²)',
	baerum: 'Bærum (17 000 kr/m²)',
	gruppe3: 'Asker, Bergen, Drammen, Trondheim, Tromsø m.fl. (12 700 kr/m²)',
	gruppe4: 'Bodø, Sandnes, Stavanger, Tønsberg m.fl. (11 700 kr/m²)',
	gruppe5: 'Fredrikstad, Kristiansand, Ålesund m.fl. (9 600 kr/m²)',
	ovrige: 'Øvrige kommuner (8 500 kr/m²)'
};

export type CostUnit = 'kr' | 'kr/år' | 'm²' | '%' | 'år';

export interface CostItem {
	key: string;
	/** Norwegian label naming the figure and the dwelling kind. */
	label: string;
	unit: CostUnit;
	/** The placeholder used until the planner enters their own. */
	default: Uncertain;
	/** Where the default comes from (Norwegian, shown in the editor and the docs). */
	source: string;
	/** Figures given per dwelling kind: the row they share in the editor's table, and the kind. */
	perKind?: { row: string; kind: DwellingKind };
}

const ROUGH = 'Plassholder: grovt anslag for en mellomstor kommune i 2025-kroner, ikke fra en kilde. Bytt ut med egne tall.';

const perKind = (
	prefix: string,
	label: string,
	unit: CostUnit,
	values: Record<DwellingKind, number>,
	source: string
): CostItem[] =>
	DWELLING_KINDS.map((k) => ({
		key: `${prefix}.${k}`,
		label: `${label}, ${DWELLING_KIND_LABELS[k]}`,
		unit,
		default: { value: values[k] },
		source,
		perKind: { row: label, kind: k }
	}));

/** A figure with one value for all dwelling kinds. */
const single = (key: string, label: string, unit: CostUnit, value: number, source: string): CostItem => ({ key, label, unit, default: { value }, source });

/** Every cost figure of a plan, in display order. The one list UI, docs and tests use. */
export const COST_ITEMS: readonly CostItem[] = [
	...perKind('invest.nybygg', 'Investering per bolig, nybygg', 'kr', { ordinaer: 4_500_000, tilpasset: 5_000_000, bemannet: 5_500_000 }, ROUGH),
	...perKind('invest.kjop', 'Investering per bolig, kjøp', 'kr', { ordinaer: 3_800_000, tilpasset: 4_200_000, bemannet: 4_500_000 }, ROUGH),
	...perKind('invest.konvertering', 'Investering per bolig, ombygging', 'kr', { ordinaer: 2_500_000, tilpasset: 3_000_000, bemannet: 3_500_000 }, ROUGH),
	...perKind('lease', 'Leie til private per innleid bolig', 'kr/år', { ordinaer: 150_000, tilpasset: 170_000, bemannet: 200_000 }, ROUGH),
	...perKind('running', 'Drift og vedlikehold per eid bolig', 'kr/år', { ordinaer: 60_000, tilpasset: 70_000, bemannet: 90_000 }, ROUGH),
	...perKind('rent', 'Husleieinntekt per utleid bolig', 'kr/år', { ordinaer: 130_000, tilpasset: 140_000, bemannet: 150_000 }, ROUGH),
	...perKind('sale', 'Salgsverdi per solgt bolig', 'kr', { ordinaer: 3_000_000, tilpasset: 3_300_000, bemannet: 3_500_000 }, ROUGH),
	...perKind('area', 'Primærareal (P-ROM) per bolig', 'm²', { ordinaer: 60, tilpasset: 65, bemannet: 55 }, ROUGH),
	single('careGrantPct', 'Investeringstilskudd til omsorgsboliger, andel av godkjent anleggskostnad', '%', 45, 'Husbanken, veileder for investeringstilskudd, kap. 4 «Utmålingsregler» (lest 29.11.2026): 45 % av godkjente anleggskostnader for omsorgsboliger, 55 % for sykehjem.'),
	single(
		'careMaxCost',
		'Investeringstilskudd, høyeste godkjente anleggskostnad per boenhet',
		'kr',
		3_778_000,
		'Husbanken, veileder for investeringstilskudd, retningslinje 4.2 «Godkjente anleggskostnader og tilskuddssatser per plass» (lest 29.11.2026, siden er ikke datert): ' +
			'3 778 000 kr per plass utenfor pressområdene når prosjektet ikke har eget produksjonskjøkken (3 977 000 kr med kjøkken; i de 15 pressområdene, blant dem Oslo, Bærum, Bergen og Trondheim, 4 321 000 og 4 548 000 kr).'
	),
	single('careWriteDownYears', 'Investeringstilskudd, nedskrivningstid', 'år', 20, 'Plassholder, ikke verifisert: nedskrivningstid for investeringstilskuddet. Sjekk tilsagnsbrevet.'),
	single('loanRatePct', 'Lånerente (realrente)', '%', 2.5, 'Plassholder: realrente i faste priser (nominell rente om lag 4,5 % minus om lag 2 % prisvekst), ikke fra en kilde.'),
	single('loanTermYears', 'Nedbetalingstid for lån', 'år', 30, 'Plassholder: 30 år, samme tid som tilskuddet nedskrives over. Bruk kommunens egen finansieringsplan.'),
	single('discountRatePct', 'Kalkulasjonsrente for nåverdi (realrente)', '%', 4, 'Finansdepartementet: 4 % reell kalkulasjonsrente (pressemelding 59/2005, 23.09.2005; NOU 2012: 16 kap. 5). Rundskriv R-109/2021 er ikke lest her.')
];

const ITEM_BY_KEY = new Map(COST_ITEMS.map((i) => [i.key, i]));

export function costItem(key: string): CostItem | undefined {
	return ITEM_BY_KEY.get(key);
}

/** The planner's figure, or the placeholder default. */
export function costOf(plan: Pick<Plan, 'costs'> | undefined, key: string): Uncertain {
	const own = plan?.costs?.[key];
	if (own) return own;
	const item = ITEM_BY_KEY.get(key);
	if (!item) throw new Error(`Unknown cost key ${key}`);
	return item.default;
}

/** True while the figure is the placeholder default (the planner has not entered their own). */
/** Some cost figure has a range: only then is there a cost fan and a ranking of cost drivers. */
export function hasCostRanges(plan: Pick<Plan, 'costs'> | undefined): boolean {
	return Object.values(plan?.costs ?? {}).some((u) => u.spread);
}

export function isPlaceholder(plan: Pick<Plan, 'costs'> | undefined, key: string): boolean {
	return !plan?.costs?.[key];
}

/** Numeric cost figures used by one computation (the deterministic values, or one Monte Carlo draw). */
export type CostValues = Readonly<Record<string, number>>;

export function costValues(plan: Pick<Plan, 'costs'> | undefined): CostValues {
	return Object.fromEntries(COST_ITEMS.map((i) => [i.key, costOf(plan, i.key).value]));
}

// --- grants ---------------------------------------------------------------------------------------

/** Tilskudd til utleieboliger per dwelling: rate × min(area, 80 m²), never more than the investment. */
export function rentalGrant(zone: GrantZone, areaM2: number, investment: number): number {
	const g = RENTAL_GRANT_RATE_PER_M2[zone] * Math.min(Math.max(0, areaM2), RENTAL_GRANT_MAX_M2);
	return Math.max(0, Math.min(g, investment));
}

/** Investeringstilskudd to care dwellings per unit: share × min(investment, highest approved cost). */
export function careGrant(investment: number, sharePct: number, maxCost: number): number {
	return Math.max(0, (sharePct / 100) * Math.min(investment, maxCost));
}

/**
 * Share of a grant not yet written down after `completedYears` whole years from payout:
 * 1 − pct/100 × years, and 0 from `years` on (3,3 % × 30 = 99 %: the last year writes off the rest).
 */
export function unamortisedShare(completedYears: number, writeDownPct: number, writeDownYears: number): number {
	const n = Math.max(0, Math.floor(completedYears));
	if (n >= writeDownYears) return 0;
	return Math.max(0, 1 - (writeDownPct / 100) * n);
}

// --- finance --------------------------------------------------------------------------------------

/** Yearly payment of an annuity loan: P × r / (1 − (1 + r)^−n); P / n at zero rate. */
export function annuityPayment(principal: number, ratePct: number, years: number): number {
	if (years <= 0) return 0;
	const r = ratePct / 100;
	if (Math.abs(r) < 1e-12) return principal / years;
	return (principal * r) / (1 - Math.pow(1 + r, -years));
}

/** Present value at the base year of yearly amounts (`amounts[i]` in `years[i]`): Σ x / (1 + r)^(year − T0). */
export function presentValue(amounts: readonly number[], years: readonly number[], baseYear: number, ratePct: number): number {
	const r = ratePct / 100;
	let pv = 0;
	amounts.forEach((x, i) => {
		pv += x / Math.pow(1 + r, (years[i] ?? baseYear) - baseYear);
	});
	return pv;
}
