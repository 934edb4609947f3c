/**
 * The quarantine: stored records (notebooks in IndexedDB, journal entries in localStorage) that
 * could not be read are moved here instead of being opened or deleted. Each keeps its raw content
 * (offered for download as JSON, so nothing is lost) and a Norwegian explanation. It lives in the
 * `meta` store under keys starting with QUARANTINE_PREFIX, so no database version is needed.
 */
import type { BoligbehovDB } from './database.ts';

export const QUARANTINE_PREFIX = 'karantene:';

export interface QuarantineEntry {
	key: string;
	/** The id the record was stored under, when it had one. */
	id: string;
	source: 'notebook' | 'journal';
	/** Norwegian: why it could not be opened. */
	reason: string;
	at: string;
	raw: unknown;
}

/** Raw content as JSON text; content JSON cannot carry (cycles, BigInt) is described instead of thrown. */
export function rawAsJson(raw: unknown): string {
	try {
		return JSON.stringify(raw, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) ?? 'null';
	} catch (e) {
		return JSON.stringify({ feil: `Innholdet kunne ikke gjøres om til JSON: ${e instanceof Error ? e.message : String(e)}` });
	}
}

export function quarantineEntry(source: QuarantineEntry['source'], id: unknown, reason: string, raw: unknown, now = new Date()): QuarantineEntry {
	const shownId = typeof id === 'string' ? id : JSON.stringify(id) ?? 'uten id';
	return { key: `${QUARANTINE_PREFIX}${source}:${shownId.slice(0, 200)}:${now.getTime().toString(36)}`, id: shownId, source, reason, at: now.toISOString(), raw };
}

export async function addToQuarantine(db: BoligbehovDB, entry: QuarantineEntry): Promise<void> {
	await db.meta.put({ key: entry.key, value: entry });
}

export async function listQuarantine(db: BoligbehovDB): Promise<QuarantineEntry[]> {
	const rows = await db.meta.where('key').startsWith(QUARANTINE_PREFIX).toArray();
	return rows.map((r) => r.value as QuarantineEntry).sort((a, b) => (a.at < b.at ? 1 : -1));
}

export async function removeFromQuarantine(db: BoligbehovDB, key: string): Promise<void> {
	await db.meta.delete(key);
}
