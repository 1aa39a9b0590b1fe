/**
 * Writes the published JSON Schemas of the CLI's JSON output (schemas/*.schema.json) from the valibot schemas
 * in lib/schemas/cli-output-schemas.ts. `npm run schemas` runs it; lib/schemas/cli-json-schemas.test.ts fails
 * when the committed files differ from what this writes.
 *
 *   npx tsx scripts/generate-schemas.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cliJsonSchemas } from './cli-json-schemas.ts';

const ROOT = join(import.meta.dirname, '..');

for (const [path, schema] of Object.entries(cliJsonSchemas())) {
  const file = join(ROOT, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
