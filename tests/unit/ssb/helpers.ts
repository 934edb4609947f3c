import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Text of a fixture in tests/fixtures/ssb/. */
export function fixture(name: string): string {
	return readFileSync(fileURLToPath(new URL(`../../fixtures/ssb/${name}`, import.meta.url)), 'utf8');
}
