/**
 * Everything an import computes before anything is written, as one pure function of the file's
 * bytes: decode (UTF-8/UTF-16), parse, validate, migrate, and the scenarios whose assumptions the
 * engine would refuse. The app runs it in the projection worker (worker-import.ts), so a 10 MB
 * file never freezes the page; tests run it in place.
 */
import { decodeFileBytes, parseBoligbehovFile, type ParseResult } from '#lib/core/format/index.ts';
import { validateInput } from '#lib/core/engine/index.ts';
import type { Notebook } from '#lib/core/model/notebook.ts';
import { engineInputOf } from '#lib/core/plan/measures.ts';

/** A notebook that imports, but whose scenarios cannot all be computed as they are. */
export interface ImportWarning {
	notebookTitle: string;
	/** Norwegian, e.g. «Scenarioet «Basis»: Botid for Flyktninger må være over 0 år …». */
	message: string;
}

export type CheckedImport = ParseResult & { warnings?: ImportWarning[] };

export function assumptionWarnings(notebooks: readonly Notebook[]): ImportWarning[] {
	const out: ImportWarning[] = [];
	for (const nb of notebooks) {
		if (nb.scenarios.length === 0) {
			out.push({ notebookTitle: nb.title, message: 'Notatboken har ingen scenarioer, så ingen tall kan beregnes før du lager ett.' });
			continue;
		}
		for (const s of nb.scenarios) {
			const issues = validateInput(engineInputOf(nb.base, nb.population, s.assumptions));
			if (issues.length === 0) continue;
			const more = issues.length > 1 ? ` (og ${issues.length - 1} feil til)` : '';
			out.push({ notebookTitle: nb.title, message: `Scenarioet «${s.name}» kan ikke beregnes før dette er rettet: ${issues[0]!.message}${more}` });
		}
	}
	return out;
}

export function checkImportBytes(bytes: Uint8Array): CheckedImport {
	const decoded = decodeFileBytes(bytes);
	if (!decoded.ok) return { ok: false, error: decoded.error };
	const parsed = parseBoligbehovFile(decoded.text);
	if (!parsed.ok) return parsed;
	const warnings = assumptionWarnings(parsed.notebooks);
	return warnings.length > 0 ? { ...parsed, warnings } : parsed;
}
