import Dexie, { type Table } from 'dexie';
import type { PdqRecord } from '../chain/pdq-index.ts';
import type { PdqSyncCursor } from '../chain/pdq-index-store.ts';
import type { Evidence, ItemKind, Verdict, VerdictResult } from '../evidence/types.ts';
import type { ReasonCode, ReasonParams } from '../i18n/reason-code.ts';

/** When each part of the evidence was computed and until when it may be reused. */
export interface PartStamp {
  at: number;
  expiresAt: number;
  /** Engine + trust-list version (C2PA) or settings digest (chain) the part was computed with. */
  version?: string;
}

/** One checked piece of content, keyed by its content hash (see README "Cache schema"). */
export interface CachedItem {
  /** Shape version of the row (lib/schemas/cache-row-schema.ts); absent on rows written before it existed. */
  rowVersion?: number;
  /** SHA-256 of the bytes (images) or of the collapsed text (text). */
  key: string;
  kind: ItemKind;
  /** URLs this content was seen at (bounded). */
  urls: string[];
  evidence: Evidence;
  parts: { c2pa?: PartStamp; chain?: PartStamp };
  verdict: Verdict;
  reason: string;
  /** Absent in rows stored before reasons had codes (lib/i18n/reason-code.ts). */
  reasonCode?: ReasonCode;
  reasonParams?: ReasonParams;
  variant?: VerdictResult['variant'];
  checkedAt: number;
  lastAccess: number;
  mime?: string;
  byteLength?: number;
  /** The text itself for text items (bounded), so the details page can show it. */
  text?: string;
  /** Rough size in bytes of this row, for the size bound. */
  size: number;
}

/** URL → content hash, so a revisit does not fetch the bytes again. */
export interface UrlEntry {
  url: string;
  key: string;
  fetchedAt: number;
  expiresAt: number;
}

/** A PDQ record of a trusted registrant, synced from the registry's events (the local perceptual index). */
export interface PdqRow extends PdqRecord {
  /** pdqRecordKey: chain, registrant and hash. */
  key: string;
}

/** How far a chain's PDQ records are synced, and for which trusted set. */
export interface SyncRow extends PdqSyncCursor {
  chainId: number;
}

export const DB_NAME = 'origin-lens';

/** The tables and indexes of schema version 2 (also what tests write to make a database of that version). */
export const CACHE_STORES_V2 = {
  items: 'key, kind, lastAccess',
  urls: 'url, key, expiresAt',
  pdq: 'key, chainId',
  sync: 'chainId',
} as const;

/**
 * The extension's IndexedDB. `indexedDB`/`IDBKeyRange` are passed in so that Node tests can hand it a real
 * in-process implementation. Every schema change adds a version with an upgrade; never edit an old one.
 * https://dexie.org/docs/Tutorial/Design#database-versioning
 */
export class CacheDb extends Dexie {
  items!: Table<CachedItem, string>;
  urls!: Table<UrlEntry, string>;
  pdq!: Table<PdqRow, string>;
  sync!: Table<SyncRow, number>;

  constructor(env: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }, name = DB_NAME) {
    super(name, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    // v1: results and the URL index.
    this.version(1).stores({ items: 'key, kind, lastAccess', urls: 'url, key' });
    // v2: the local PDQ index and its sync cursors; URL entries gain an expiry index, and items a size
    // field (filled in for rows written by v1).
    this.version(2)
      .stores(CACHE_STORES_V2)
      .upgrade(async (tx) => {
        await tx
          .table('items')
          .toCollection()
          .modify((item: Partial<CachedItem>) => {
            if (typeof item.size !== 'number') item.size = JSON.stringify(item).length;
          });
      });
    // v3: items gain an index on their size, so that the size bound sums the index's keys instead of reading
    // every row back (ResultCache.enforceBounds): a full cache holds up to 200 MB, and a walk deserialised all of it.
    this.version(3).stores({ ...CACHE_STORES_V2, items: 'key, kind, lastAccess, size' });
  }
}
