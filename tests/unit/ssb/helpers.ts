import { readFileSync } from 'node:fs';
import { decodeText } from '#lib/core/text/decode.ts';
import { fileURLToPath } from 'node:url';

/** Text of a fixture in tests/fixtures/ssb/. */
export function fixture(name: string): string {
	return readFileSync(fileURLToPath(new URL(`../../fixtures/ssb/${name}`, import.meta.url)), 'utf8');
}

/** Bytes of a fixture, decoded as the app decodes a dropped file (by its real charset). */
export function fixtureDecoded(name: string): string {
	return decodeText(readFileSync(fileURLToPath(new URL(`../../fixtures/ssb/${name}`, import.meta.url)))).text;
}
