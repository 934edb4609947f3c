/**
 * SSB's municipal population projections: each round is published in a new table (issue 12:
 * 14288 was the 2024 round, 14746 the 2026 round). The one place that knows them. When online,
 * `findNewestProjectionTable` asks the API's table search for a newer one; the planner can always
 * type another table number.
 */
import type { FetchLike } from './pxweb-client.ts';

export interface ProjectionRound {
	/** The year SSB published the round. */
	year: number;
	tableId: string;
}

/** Oldest first. */
export const PROJECTION_ROUNDS: readonly ProjectionRound[] = [
	{ year: 2024, tableId: '14288' },
	{ year: 2026, tableId: '14746' }
];

export const NEWEST_PROJECTION_ROUND: ProjectionRound = PROJECTION_ROUNDS[PROJECTION_ROUNDS.length - 1]!;

/**
 * The newest projection table by SSB's table search (`GET /tables?query=…`, PxWebApi v2), or
 * undefined when offline or when the answer does not name one. Only tables whose label says
 * "Framskrevet folkemengde" and that are newer than the known rounds count.
 */
export async function findNewestProjectionTable(
	fetch: FetchLike,
	baseUrl = 'https://data.ssb.no/api/pxwebapi/v2'
): Promise<{ tableId: string; label: string; updated?: string } | undefined> {
	let text: string;
	try {
		const res = await fetch(`${baseUrl}/tables?query=${encodeURIComponent('Framskrevet folkemengde kommune')}&lang=no&pageSize=50`, {
			headers: { Accept: 'application/json' }
		});
		if (!res.ok) return undefined;
		text = await res.text();
	} catch {
		return undefined;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return undefined;
	}
	const tables = (json as { tables?: unknown }).tables;
	if (!Array.isArray(tables)) return undefined;
	let best: { tableId: string; label: string; updated?: string } | undefined;
	for (const t of tables) {
		if (!t || typeof t !== 'object') continue;
		const o = t as Record<string, unknown>;
		const id = typeof o['id'] === 'string' ? o['id'] : undefined;
		const label = typeof o['label'] === 'string' ? o['label'] : '';
		if (!id || !/^\d{5}$/.test(id) || !/framskrevet folkemengde/i.test(label) || !/alder/i.test(label)) continue;
		if (Number(id) <= Number(NEWEST_PROJECTION_ROUND.tableId)) continue;
		if (!best || Number(id) > Number(best.tableId)) {
			best = { tableId: id, label };
			if (typeof o['updated'] === 'string') best.updated = o['updated'];
		}
	}
	return best;
}
