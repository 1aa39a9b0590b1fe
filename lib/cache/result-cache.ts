import { waitAtMost } from '../pipeline/wait-at-most.ts';
import { CACHE_ROW_VERSION, isCurrentCachedItem, isUrlEntry } from '../schemas/cache-row-schema.ts';
import { batchedGet } from './batched-get.ts';
import type { CacheDb, CachedItem, PartStamp, UrlEntry } from './cache-db.ts';

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

/**
 * How long `put` gathers rows before writing them in one transaction, at least; while the previous batch is
 * still being written, the next one keeps gathering until it is done. So an idle cache writes a result within a
 * few ms (a check answers only once its row is on disk), and a busy one writes everything that came in during
 * the last transaction in the next (it was a fixed 25 ms, added to every answer once checks waited for their
 * write).
 */
export const WRITE_WINDOW_MS = 4;

/** The bytes a batch's rows take (their recorded sizes). */
function sizeOf(rows: Map<string, CachedItem>): number {
  let bytes = 0;
  for (const row of rows.values()) bytes += row.size;
  return bytes;
}

interface WriteBatch {
  rows: Map<string, CachedItem>;
  urls: Map<string, UrlEntry>;
  done: Promise<void>;
}

/**
 * The result cache: content-hash keyed items with a URL index, per-part TTLs and a size bound.
 *
 * Writes are gathered for `writeWindowMs` and stored in one transaction: a cold 200-image page made 200
 * transactions (plus a count each) before, 0.5 s of the worker's CPU in issue 14's profile. Until a row is
 * on disk, reads see it from memory, so a check never misses what the one before it stored.
 */
export class ResultCache {
  private batch: WriteBatch | undefined;
  /** Rows and URL entries put but not yet committed (gathering or being written). */
  private readonly unsaved = new Map<string, CachedItem>();
  private readonly unsavedUrls = new Map<string, UrlEntry>();
  /** Batches not yet on disk: gathering, or being written. */
  private readonly writing = new Set<Promise<void>>();
  /** The batch being written, if any: the next one starts after it. */
  private lastWrite: Promise<void> = Promise.resolve();
  /** Batches gathering or being written (not their bound checks). */
  private unwritten = 0;
  /** The last bound check (see openBatch): they run one at a time. */
  private bounding: Promise<void> = Promise.resolve();
  /** `count / 50` when the sizes were last summed. */
  private sizedBucket: number | undefined;
  /**
   * The stored rows' bytes: the exact sum when last taken, plus the rows written since (an overwrite counts
   * twice, an overestimate that only brings the next exact sum forward). Unknown until this worker's first sum,
   * and again after an eviction. Summing reads every key of the size index, ~0.5 s on a full cache in Chromium
   * (README "Performance"): it is taken again only when this estimate passes the bound.
   */
  private bytesEstimate: number | undefined;
  /** Single reads gathered per task into one bulk read each (see batched-get.ts). */
  private readonly readItem = batchedGet<CachedItem>((keys) => this.db.items.bulkGet(keys));
  private readonly readUrl = batchedGet<unknown>((urls) => this.db.urls.bulkGet(urls));

  constructor(
    readonly db: CacheDb,
    readonly policy: CachePolicy = DEFAULT_POLICY,
    readonly now: () => number = Date.now,
    readonly writeWindowMs = WRITE_WINDOW_MS,
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
    const unsaved = this.unsaved.get(key);
    if (unsaved) return unsaved;
    const row = await this.readItem(key);
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
    const entry: unknown = this.unsavedUrls.get(url) ?? (await this.readUrl(url));
    if (entry === undefined) return undefined;
    if (!isUrlEntry(entry)) {
      await this.db.urls.delete(url);
      return undefined;
    }
    if (entry.expiresAt <= this.now()) return undefined;
    return this.get(entry.key);
  }

  /**
   * Stores an item (and the URL it was fetched from) with the next batch. Resolves once that batch is on
   * disk; rejects if it could not be written, even after making room.
   */
  put(item: Omit<CachedItem, 'size' | 'lastAccess'>, url?: string): Promise<void> {
    const urls =
      url && !item.urls.includes(url) ? [url, ...item.urls].slice(0, MAX_URLS_PER_ITEM) : item.urls;
    const row: CachedItem = { ...item, rowVersion: CACHE_ROW_VERSION, urls, lastAccess: this.now(), size: 0 };
    row.size = JSON.stringify(row).length;
    const batch = this.batch ?? this.openBatch();
    batch.rows.set(row.key, row);
    this.unsaved.set(row.key, row);
    if (url) {
      const entry = {
        url,
        key: row.key,
        fetchedAt: this.now(),
        expiresAt: this.now() + this.policy.urlTtlMs,
      };
      batch.urls.set(url, entry);
      this.unsavedUrls.set(url, entry);
    }
    return batch.done;
  }

  /**
   * Resolves once the batches gathering or being written now are on disk (or failed), or after `maxMs`,
   * whichever comes first; at once when there are none. For work that holds the thread (a C2PA read): a
   * write takes several round trips to the browser, each waiting for the thread, and the checks it holds
   * answer only once it lands (issue 14: a cold read of 250 ms between them kept the first answers of a page
   * waiting 300-800 ms).
   */
  async writesLanded(maxMs: number): Promise<void> {
    if (this.unwritten > 0) await waitAtMost(this.lastWrite, maxMs);
  }

  /** Resolves once everything put so far is on disk (or failed): the batch gathering and those being written. */
  async flush(): Promise<void> {
    await Promise.all([...this.writing].map((done) => done.catch(() => {})));
  }

  private openBatch(): WriteBatch {
    const rows = new Map<string, CachedItem>();
    const urls = new Map<string, UrlEntry>();
    const previous = this.lastWrite;
    this.unwritten++;
    const done = new Promise<void>((resolve, reject) => {
      setTimeout(async () => {
        // Keeps gathering while the batch before it is written.
        await previous;
        if (this.batch?.rows === rows) this.batch = undefined;
        this.writeBatch(rows, urls)
          .finally(() => {
            // A later put of the same key or URL stays visible until its own batch lands.
            for (const [key, row] of rows) if (this.unsaved.get(key) === row) this.unsaved.delete(key);
            for (const [u, entry] of urls) if (this.unsavedUrls.get(u) === entry) this.unsavedUrls.delete(u);
          })
          .then(resolve, reject);
      }, this.writeWindowMs);
    });
    // The bounds are kept once the rows land, one check at a time, but neither the puts (nor the answers that
    // wait for them) nor the next batch wait for the check: it is a transaction of its own (a count, at times a
    // sum), which took up to 300 ms in the bench gallery's cold start while that page's checks waited (issue 14).
    const bounded = this.bounding
      .then(() => done)
      // A batch emptied by clear() wrote nothing, and has nothing to check.
      .then(() => (rows.size > 0 ? this.enforceBounds(sizeOf(rows)) : undefined))
      .catch(() => {});
    this.bounding = bounded;
    this.lastWrite = done.catch(() => {}).finally(() => this.unwritten--);
    // `bounded` settles after `done` (and never rejects): flush() waits for the rows and their check alike.
    this.writing.add(bounded);
    bounded.finally(() => this.writing.delete(bounded));
    this.batch = { rows, urls, done };
    return this.batch;
  }

  private async writeBatch(rows: Map<string, CachedItem>, urls: Map<string, UrlEntry>): Promise<void> {
    if (rows.size === 0) return;
    const write = () =>
      this.db.transaction('rw', this.db.items, this.db.urls, async () => {
        await this.db.items.bulkPut([...rows.values()]);
        if (urls.size > 0) await this.db.urls.bulkPut([...urls.values()]);
      });
    try {
      await write();
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // The disk is full: make room by dropping the least recently used quarter, then try once more.
      await this.evict(Math.ceil((await this.db.items.count()) / 4));
      await write();
    }
  }

  /** Drops the `count` least recently used items and their URL entries. */
  async evict(count: number): Promise<number> {
    if (count <= 0) return 0;
    const keys = (await this.db.items.orderBy('lastAccess').limit(count).primaryKeys()) as string[];
    await this.db.transaction('rw', this.db.items, this.db.urls, async () => {
      await this.db.items.bulkDelete(keys);
      await this.db.urls.where('key').anyOf(keys).delete();
    });
    this.bytesEstimate = undefined;
    return keys.length;
  }

  /** Keeps the cache within its bounds after a write of `written` bytes of rows. */
  async enforceBounds(written = 0): Promise<void> {
    const count = await this.db.items.count();
    if (count > this.policy.maxItems) {
      await this.evict(count - this.policy.maxItems + Math.ceil(this.policy.maxItems / 10));
      return;
    }
    if (this.bytesEstimate !== undefined) {
      this.bytesEstimate += written;
      if (this.bytesEstimate <= this.policy.maxBytes) return;
    } else {
      // No sum yet: take one when the count crosses a multiple of 50 (batches of writes may step over one).
      const bucket = Math.floor(count / 50);
      const last = this.sizedBucket;
      this.sizedBucket = bucket;
      if (last === undefined ? count % 50 !== 0 : bucket === last) return;
    }
    // The size index's keys are the sizes themselves: no row is read back (cache-db.ts, v3).
    let total = 0;
    for (const size of await this.db.items.orderBy('size').keys()) total += Number(size);
    this.bytesEstimate = total;
    if (total > this.policy.maxBytes) await this.evict(Math.ceil(count / 4));
  }

  async clear(): Promise<number> {
    // What waits to be written goes too (its batch then writes nothing).
    this.batch?.rows.clear();
    this.batch?.urls.clear();
    this.unsaved.clear();
    this.unsavedUrls.clear();
    // A batch already being written lands first, so that the clear removes it too.
    await this.flush();
    const n = await this.db.items.count();
    await this.db.transaction('rw', this.db.items, this.db.urls, async () => {
      await this.db.items.clear();
      await this.db.urls.clear();
    });
    this.bytesEstimate = 0;
    return n;
  }
}
