/**
 * Ids that can be routed and stored: notebook ids are URL path segments (/notebook/<id>) and
 * IndexedDB keys; scenario ids are keys in results and worker channels. An empty id broke every
 * route of the library, and `../../etc/passwd` one navigation (issue 13, finding 1).
 *
 * The rule: 1–128 characters, ASCII letters, digits, «-» and «_», starting with a letter or a
 * digit. Every id the app makes (slugs, `newId`, copies) already has this form.
 */
export const ID_MAX_LENGTH = 128;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Norwegian description of the rule, for messages that name the field. */
export const ID_RULE = `må være 1–${ID_MAX_LENGTH} tegn, bare bokstavene a–z, sifre, «-» og «_», og begynne med en bokstav eller et siffer`;

export function isUsableId(id: unknown): id is string {
	return typeof id === 'string' && id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);
}

/**
 * An id made from `base` plus `suffix` (e.g. «-kopi-k3x9»), shortening `base` so the result keeps
 * within ID_MAX_LENGTH; an unusable base is replaced by `fallback`.
 */
export function derivedId(base: string, suffix: string, fallback = 'notatbok'): string {
	const root = isUsableId(base) ? base : fallback;
	return `${root.slice(0, ID_MAX_LENGTH - suffix.length).replace(/[-_]+$/, '') || fallback}${suffix}`;
}
