import * as v from 'valibot';
import type { CachedItem, PartStamp, UrlEntry } from '../cache/cache-db.ts';
import {
  EvidenceSchema,
  ItemKindSchema,
  ReasonCodeSchema,
  ReasonParamsSchema,
  VariantSchema,
  VerdictSchema,
} from './evidence-schema.ts';
import type { SameType } from './same-type.ts';

/**
 * The shape version of a cached row. Bump it when a row's shape or meaning changes: rows of any other version
 * are then dropped on read and their content checked again (a cache can always be rebuilt; a row misread is a
 * wrong badge). Rows written before rows carried a version have version 1's shape.
 */
export const CACHE_ROW_VERSION = 1;

export const PartStampSchema = v.object({
  at: v.number(),
  expiresAt: v.number(),
  version: v.optional(v.string()),
});

export const CachedItemSchema = v.pipe(
  v.object({
    rowVersion: v.optional(v.number()),
    key: v.string(),
    kind: ItemKindSchema,
    urls: v.array(v.string()),
    evidence: EvidenceSchema,
    parts: v.object({ c2pa: v.optional(PartStampSchema), chain: v.optional(PartStampSchema) }),
    verdict: VerdictSchema,
    reason: v.string(),
    reasonCode: v.optional(ReasonCodeSchema),
    reasonParams: v.optional(ReasonParamsSchema),
    variant: v.optional(VariantSchema),
    checkedAt: v.number(),
    lastAccess: v.number(),
    mime: v.optional(v.string()),
    byteLength: v.optional(v.number()),
    text: v.optional(v.string()),
    size: v.number(),
  }),
  v.check((row) => (row.rowVersion ?? 1) === CACHE_ROW_VERSION, 'a cached row of another version'),
);

export const UrlEntrySchema = v.object({
  url: v.string(),
  key: v.string(),
  fetchedAt: v.number(),
  expiresAt: v.number(),
});

/**
 * True when a row read back from disk has the current row shape, whole: the verdict is derived again from
 * its evidence while the part stamps are fresh, so evidence of another shape must never be trusted.
 */
export function isCurrentCachedItem(row: unknown): row is CachedItem {
  return v.is(CachedItemSchema, row);
}

export function isUrlEntry(entry: unknown): entry is UrlEntry {
  return v.is(UrlEntrySchema, entry);
}

type Out<S extends v.GenericSchema> = v.InferOutput<S>;
export const cacheRowTypesMatch: [
  SameType<Out<typeof CachedItemSchema>, CachedItem>,
  SameType<Out<typeof PartStampSchema>, PartStamp>,
  SameType<Out<typeof UrlEntrySchema>, UrlEntry>,
] = [true, true, true];
