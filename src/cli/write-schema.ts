/**
 * Writes docs/boligbehov.schema.json from the zod schemas:
 *   npx tsx src/cli/write-schema.ts          (write)
 *   npx tsx src/cli/write-schema.ts --check  (exit 1 if the committed file is out of date)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText } from '#lib/core/format/json-schema.ts';

const target = fileURLToPath(new URL('../../docs/boligbehov.schema.json', import.meta.url));
const text = jsonSchemaText();

if (process.argv.includes('--check')) {
	let current = '';
	try {
		current = readFileSync(target, 'utf8');
	} catch {
		// missing counts as out of date
	}
	if (current !== text) {
		console.error(`${target} is out of date; run: npx tsx src/cli/write-schema.ts`);
		process.exit(1);
	}
	console.log(`${target} is up to date.`);
} else {
	writeFileSync(target, text);
	console.log(`Wrote ${target}`);
}
