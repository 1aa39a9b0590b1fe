import { CACHE_ROW_VERSION, isCurrentCachedItem, isUrlEntry } from '../schemas/cache-row-schema.ts';
import type { CacheDb, CachedItem, PartStamp } from './cache-db.ts';

export interface CachePolicy {
  /** How long a URL is assumed to keep serving the same bytes. */
  urlTtlMs: number;
  /** C2PA results depend only on the bytes, the engine and the trust lists (a version change invalidates). */
  c2paTtlMs: number;
  /** Registry records can be added or revoked at any time. */
  chainTtlMs: number;
  /** "Could not check" results are retried soon. */
  errorTtlMs: number;
  maxItems: number;
  maxBytes: number;
}

export const DEFAULT_POLICY: CachePolicy = {
  urlTtlMs: 24 * 3600_000,
  c2paTtlMs: 30 * 24 * 3600_000,
  chainTtlMs: 3600_000,
  errorTtlMs: 2 * 60_000,
  maxItems: 20_000,
  maxBytes: 200 * 1024 * 1024,
};

const MAX_URLS_PER_ITEM = 16;

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** The result cache: content-hash keyed items with a URL index, per-part TTLs and a size bound. */
export class ResultCache {
  constructor(
    readonly db: CacheDb,
    readonly policy: CachePolicy = DEFAULT_POLICY,
    readonly now: () => number = Date.now,
  ) {}

  /** A part is reusable when it has not expired and was computed with the current version. */
  isFresh(stamp: PartStamp | undefined, version?: string): boolean {
    return !!stamp && stamp.expiresAt > this.now() && stamp.version === version;
  }

  stamp(ttlMs: number, version?: string): PartStamp {
    const at = this.now();
    return { at, expiresAt: at + ttlMs, version };
  }

  async get(key: string): Promise<CachedItem | undefined> {
    const row = await this.db.items.get(key);
    if (row === undefined) return undefined;
    // Rows come back from disk; an old or damaged row must be ignored (and re-checked), never trusted.
    if (!isCurrentCachedItem(row)) {
      await this.db.items.delete(key);
      return undefined;
    }
    // Touch lazily: a write per read would double the cost of a warm page.
    if (this.now() - row.lastAccess > 3600_000) await this.db.items.update(key, { lastAccess: this.now() });
    return row;
  }

  /** The item last fetched from this URL, if the URL entry is still fresh. */
  async getByUrl(url: string): Promise<CachedItem | undefined> {
    const entry: unknown = await this.db.urls.get(url);
    if (entry === undefined) return undefined;
    if (!isUrlEntry(entry)) {
      await this.db.urls.delete(url);
      return undefined;
    }
    if (entry.expiresAt <= this.now()) return undefined;
    return this.get(entry.key);
  }

  async put(item: Omit<CachedItem, 'size' | 'lastAccess'>, url?: string): Promise<void> {
    const urls =
      url && !item.urls.includes(url) ? [url, ...item.urls].slice(0, MAX_URLS_PER_ITEM) : item.urls;
    const row: CachedItem = { ...item, rowVersion: CACHE_ROW_VERSION, urls, lastAccess: this.now(), size: 0 };
    row.size = JSON.stringify(row).length;
    const write = () =>
      this.db.transaction('rw', this.db.items, this.db.urls, async () => {
        await this.db.items.put(row);
        if (url) {
          await this.db.urls.put({
            url,
            key: row.key,
            fetchedAt: this.now(),
            expiresAt: this.now() + this.policy.urlTtlMs,
          });
        }
      });
    try {
      await write();
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // The disk is full: make room by dropping the least recently used quarter, then try once more.
      await this.evict(Math.ceil((await this.db.items.count()) / 4));
      await write();
    }
    await this.enforceBounds();
  }

  /** Drops the `count` least recently used items and their URL entries. */
  async evict(count: number): Promise<number> {
    if (count <= 0) return 0;
    const keys = (await this.db.items.orderBy('lastAccess').limit(count).primaryKeys()) as string[];
    await this.db.transaction('rw', this.db.items, this.db.urls, async () => {
      await this.db.items.bulkDelete(keys);
      await this.db.urls.where('key').anyOf(keys).delete();
    });
    return keys.length;
  }

  async enforceBounds(): Promise<void> {
    const count = await this.db.items.count();
    if (count > this.policy.maxItems) {
      await this.evict(count - this.policy.maxItems + Math.ceil(this.policy.maxItems / 10));
      return;
    }
    // Summing sizes walks the table, so only do it every so often.
    if (count % 50 !== 0) return;
    let total = 0;
    await this.db.items.each((item) => {
      total += item.size ?? 0;
    });
    if (total > this.policy.maxBytes) await this.evict(Math.ceil(count / 4));
  }

  async clear(): Promise<number> {
    const n = await this.db.items.count();
    await this.db.transaction('rw', this.db.items, this.db.urls, async () => {
      await this.db.items.clear();
      await this.db.urls.clear();
    });
    return n;
  }
}
