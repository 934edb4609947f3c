/**
 * Asks the browser to keep this site's storage even under disk pressure (navigator.storage.persist).
 * Browsers may refuse or never ask; the answer only decides what the library tells the planner.
 */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceState> {
	if (!storage?.persist || !storage.persisted) return 'unsupported';
	try {
		if (await storage.persisted()) return 'persisted';
		return (await storage.persist()) ? 'persisted' : 'best-effort';
	} catch {
		return 'best-effort';
	}
}

export function persistenceMessage(state: PersistenceState): string {
	switch (state) {
		case 'persisted':
			return 'Nettleseren har lovet å ta vare på notatbøkene dine også når disken blir full.';
		case 'best-effort':
			return 'Nettleseren kan slette lagrede data hvis disken blir full. Eksporter viktige notatbøker til fil jevnlig.';
		case 'unsupported':
			return 'Nettleseren oppgir ikke om lagringen er varig. Eksporter viktige notatbøker til fil jevnlig.';
	}
}
