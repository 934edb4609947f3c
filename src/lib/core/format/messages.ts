/**
 * Norwegian (bokmål) messages for validation issues, naming the field and the problem:
 * «Feltet scenarios[1].assumptions.groups.rop.tenure.years.value: må være et tall, fikk tekst «åtte».»
 * Used as zod's per-parse error map, so the app's global zod locale is left untouched.
 */
import type { z } from 'zod';
import { formatPath } from './paths.ts';
import { MAX_REPORTED_ISSUES, type FileIssue } from './errors.ts';

const EXPECTED: Record<string, string> = {
	number: 'et tall',
	int: 'et heltall',
	string: 'tekst',
	boolean: 'sann eller usann (true/false)',
	object: 'et objekt { … }',
	record: 'et objekt { … }',
	array: 'en liste [ … ]',
	null: 'null',
	literal: 'en bestemt verdi'
};

function quote(s: string): string {
	return `«${s.length > 40 ? `${s.slice(0, 40)}…` : s}»`;
}

/** Describes a received value in Norwegian: «tekst «åtte»», «tallet 3,5», «en liste». */
export function describeValue(v: unknown): string {
	if (v === undefined) return 'ingenting';
	if (v === null) return 'null';
	if (typeof v === 'string') return v === '' ? 'tom tekst' : `tekst ${quote(v)}`;
	if (typeof v === 'number') return Number.isFinite(v) ? `tallet ${String(v).replace('.', ',')}` : String(v);
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (Array.isArray(v)) return 'en liste';
	if (typeof v === 'object') return 'et objekt';
	return typeof v;
}

function oneOf(values: readonly unknown[]): string {
	const list = values.map((v) => (typeof v === 'string' ? `«${v}»` : String(v)));
	return list.length === 1 ? list[0]! : `en av ${list.slice(0, -1).join(', ')} eller ${list[list.length - 1]}`;
}

/** A documented bound as a planner reads it: nb-NO digits ("1 000 000", "0,5"). */
const BOUND_FORMAT = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 6 });
function bound(v: unknown): string {
	return typeof v === 'bigint' || typeof v === 'number' ? BOUND_FORMAT.format(v) : String(v);
}

/** zod error map → Norwegian sentence (without the «Feltet …:» prefix, which formatIssues adds). */
export const norwegianErrorMap: z.core.$ZodErrorMap = (iss) => {
	switch (iss.code) {
		case 'invalid_type': {
			const expected = EXPECTED[iss.expected] ?? iss.expected;
			if (iss.input === undefined) return `mangler (må være ${expected})`;
			if (iss.expected === 'int' && typeof iss.input === 'number') return `må være et heltall, fikk ${describeValue(iss.input)}`;
			return `må være ${expected}, fikk ${describeValue(iss.input)}`;
		}
		case 'invalid_value':
			return `må være ${oneOf(iss.values)}, fikk ${describeValue(iss.input)}`;
		case 'too_small': {
			if (iss.origin === 'array') return `må ha minst ${bound(iss.minimum)} element(er)`;
			if (iss.origin === 'string') return `må ha minst ${bound(iss.minimum)} tegn`;
			return iss.inclusive ? `må være minst ${bound(iss.minimum)}, fikk ${describeValue(iss.input)}` : `må være større enn ${bound(iss.minimum)}, fikk ${describeValue(iss.input)}`;
		}
		case 'too_big': {
			if (iss.origin === 'array') return `kan ha høyst ${bound(iss.maximum)} element(er)`;
			if (iss.origin === 'string') return `kan ha høyst ${bound(iss.maximum)} tegn`;
			return iss.inclusive ? `kan være høyst ${bound(iss.maximum)}, fikk ${describeValue(iss.input)}` : `må være mindre enn ${bound(iss.maximum)}, fikk ${describeValue(iss.input)}`;
		}
		case 'unrecognized_keys':
			return iss.keys.length === 1 ? `ukjent felt ${quote(iss.keys[0]!)}` : `ukjente felt ${iss.keys.map(quote).join(', ')}`;
		case 'invalid_union': {
			if ('discriminator' in iss && typeof iss.discriminator === 'string' && iss.note === 'No matching discriminator') {
				const input = iss.input as Record<string, unknown> | undefined;
				const got = input && typeof input === 'object' ? input[iss.discriminator] : undefined;
				const options = (iss as { options?: unknown[] }).options ?? [];
				if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input))
					return `må være et objekt { … }, fikk ${describeValue(input)}`;
				return `må være ${oneOf(options)}, fikk ${describeValue(got)}`;
			}
			return `har en verdi som ikke passer noen av de tillatte formene (fikk ${describeValue(iss.input)})`;
		}
		case 'invalid_key': {
			const inner = iss.issues[0]?.message;
			return `ugyldig nøkkel ${describeValue(iss.input)}${inner ? `: ${inner}` : ''}`;
		}
		case 'invalid_format':
			return `har feil format (fikk ${describeValue(iss.input)})`;
		case 'invalid_element':
			return `har et ugyldig element`;
		case 'not_multiple_of':
			return `må være et multiplum av ${bound(iss.divisor)}`;
		case 'custom':
			return iss.message ?? 'har en ugyldig verdi';
		default:
			return 'har en ugyldig verdi';
	}
};

/** zod issues → FileIssue list; one issue per unknown key, path prefixed (e.g. `notebooks[2]`). */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): FileIssue[] {
	const out: FileIssue[] = [];
	for (const iss of flattenUnions(issues)) {
		if (iss.code === 'unrecognized_keys') {
			for (const key of iss.keys) {
				const path = formatPath([...iss.path, key], prefix);
				out.push({ path, message: fieldMessage(path, `ukjent felt (ikke en del av filformatet; sjekk stavemåten)`) });
			}
			continue;
		}
		const path = formatPath(iss.path, prefix);
		out.push({ path, message: fieldMessage(path, iss.message) });
	}
	return out.slice(0, MAX_REPORTED_ISSUES);
}

/**
 * A non-discriminated union (e.g. a segment's `groups`: "all" or a list of groups) reports one
 * vague issue. When exactly one branch got past the top-level type check (its issues all lie
 * deeper), report that branch's issues instead: they name the exact element.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
	const out: z.core.$ZodIssue[] = [];
	for (const iss of issues) {
		if (iss.code === 'invalid_union' && !('discriminator' in iss && iss.discriminator)) {
			const deeper = iss.errors.filter((branch) => branch.length > 0 && branch.every((b) => b.path.length > 0));
			if (deeper.length === 1) {
				out.push(...flattenUnions(deeper[0]!.map((b) => ({ ...b, path: [...iss.path, ...b.path] }))));
				continue;
			}
		}
		out.push(iss);
	}
	return out;
}

export function fieldMessage(path: string, problem: string): string {
	return path === '' ? `Filen: ${problem}.` : `Feltet ${path}: ${problem}.`;
}
