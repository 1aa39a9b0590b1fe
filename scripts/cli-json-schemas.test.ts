import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_JSON_SCHEMA_FILES, cliJsonSchemas } from './cli-json-schemas.ts';

const ROOT = join(import.meta.dirname, '..');

describe('published JSON Schemas of the CLI output', () => {
  it('are the committed files, as `npm run schemas` writes them from the valibot schemas', () => {
    const generated = cliJsonSchemas();
    for (const path of Object.keys(CLI_JSON_SCHEMA_FILES) as Array<keyof typeof generated>) {
      const committed = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
      expect(committed, `${path} is stale: run npm run schemas`).toEqual(generated[path]);
    }
  });

  it('describe the contract the README documents', () => {
    const verify = cliJsonSchemas()['schemas/verify-output.schema.json'] as {
      type: string;
      items: { required: string[]; properties: Record<string, unknown> };
    };
    expect(verify.type).toBe('array');
    expect(verify.items.required).toEqual(['source', 'verdict', 'reason']);
    expect(Object.keys(verify.items.properties)).toEqual(
      expect.arrayContaining(['c2pa', 'chain', 'recovered', 'fingerprints', 'reasonCode', 'reasonParams']),
    );
  });
});
