/** Paths in the user's terms: `scenarios[1].assumptions.groups.rop.tenure.years`. */

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
	let out = prefix;
	for (const seg of path) {
		if (typeof seg === 'number') out += `[${seg}]`;
		else if (typeof seg === 'string' && IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
		else out += `[${JSON.stringify(String(seg))}]`;
	}
	return out;
}
