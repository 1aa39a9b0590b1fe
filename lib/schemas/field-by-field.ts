import * as v from 'valibot';

/** Valibot object entries: a schema per field. */
export type Entries = v.ObjectEntries;

/**
 * Reads each field of `stored` with its schema, taking the default's value for any field that fails, and
 * going into nested objects the same way: one bad field never costs the user the others.
 */
export function fieldByField<T>(entries: Entries, stored: Record<string, unknown>, defaults: T): T {
  const out: Record<string, unknown> = {};
  const fallback = defaults as Record<string, unknown>;
  for (const [key, schema] of Object.entries(entries)) {
    const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
    if (schema.type === 'object' && 'entries' in schema) {
      const nested = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      out[key] = fieldByField(schema.entries as Entries, nested, fallback[key]);
      continue;
    }
    // A missing field takes its default without a parse: a failed parse builds an issue, and the first one a
    // page builds costs valibot ~10 ms of the page's main thread (bench:page --profile, article).
    if (value === undefined) {
      out[key] = fallback[key];
      continue;
    }
    const parsed = v.safeParse(schema, value, { abortEarly: true });
    out[key] = parsed.success ? parsed.output : fallback[key];
  }
  return out as T;
}
