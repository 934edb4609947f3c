/** A Norwegian explanation of why IndexedDB could not be read (opening a notebook, the library). */
export function describeOpenError(err: unknown): string {
	const name = err instanceof Error ? err.name : '';
	const inner = (err as { inner?: { name?: string } } | null)?.inner?.name ?? '';
	const kind = inner || name;
	if (kind === 'QuotaExceededError' || kind === 'AbortError')
		return 'Nettleseren kunne ikke lese eller skrive lagrede data, trolig fordi lagringsplassen er full. Ingenting er slettet. Frigjør plass på disken (eller slett data for andre nettsteder) og last inn siden på nytt.';
	return `Nettleseren kunne ikke lese de lagrede notatbøkene (${kind || 'ukjent feil'}). Ingenting er slettet. Last inn siden på nytt; hjelper ikke det, prøv å starte nettleseren på nytt.`;
}
