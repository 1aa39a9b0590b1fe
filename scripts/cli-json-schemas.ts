import { toJsonSchema } from '@valibot/to-json-schema';
import { HashOutputSchema, VerifyOutputSchema } from '../lib/schemas/cli-output-schemas.ts';

/** Where the published JSON Schemas live, relative to the repository root, and what each describes. */
export const CLI_JSON_SCHEMA_FILES = {
  'schemas/verify-output.schema.json': VerifyOutputSchema,
  'schemas/hash-output.schema.json': HashOutputSchema,
} as const;

/**
 * The JSON Schema documents for the CLI's JSON output, from the valibot schemas. `typeMode: 'input'`: what
 * the CLI prints is the schemas' input (the text before any transform into a TypeScript type).
 * https://json-schema.org/draft-07/schema
 */
export function cliJsonSchemas(): Record<keyof typeof CLI_JSON_SCHEMA_FILES, object> {
  const out = {} as Record<keyof typeof CLI_JSON_SCHEMA_FILES, object>;
  for (const [path, schema] of Object.entries(CLI_JSON_SCHEMA_FILES) as Array<
    [keyof typeof CLI_JSON_SCHEMA_FILES, (typeof CLI_JSON_SCHEMA_FILES)[keyof typeof CLI_JSON_SCHEMA_FILES]]
  >) {
    const { $schema, ...rest } = toJsonSchema(schema, { typeMode: 'input', errorMode: 'throw' });
    out[path] = { $schema, ...rest };
  }
  return out;
}
