/**
 * Typed errors for reading a `.boligbehov.json` file. Every `message` is Norwegian bokmål and
 * names what is wrong, so the UI can show it as is.
 */

export type FileErrorCode =
	| 'too-large'
	| 'empty'
	| 'not-json'
	| 'not-boligbehov'
	| 'newer-version'
	| 'invalid-field'
	| 'unsupported-kind';

export interface FileIssue {
	/** Path in the user's terms, e.g. `scenarios[1].assumptions.groups.rop.tenure.years`. */
	path: string;
	/** Norwegian sentence, e.g. «Feltet scenarios[1].…: må være et tall, fikk tekst «fem».». */
	message: string;
}

export interface FileError {
	code: FileErrorCode;
	/** Norwegian, ready to show. For 'invalid-field' it is the first issue plus a count of the rest. */
	message: string;
	/** The path of the (first) offending field, when there is one. */
	path?: string;
	/** All field issues (capped at MAX_REPORTED_ISSUES), for 'invalid-field'. */
	issues?: FileIssue[];
}

/** At most this many field issues are reported; a broken file can have thousands. */
export const MAX_REPORTED_ISSUES = 50;

export function fileError(code: FileErrorCode, message: string, extra: Omit<FileError, 'code' | 'message'> = {}): FileError {
	return { code, message, ...extra };
}
