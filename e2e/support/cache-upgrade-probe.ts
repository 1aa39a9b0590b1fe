/**
 * Evaluated in the extension's service worker (see probeScript): a cache database written by schema version 2
 * (before the size index) opened by this build's CacheDb, in the browser's own IndexedDB. A database of its own
 * name, so the extension's cache is never touched.
 */
import Dexie from 'dexie';
import { CACHE_STORES_V2, CacheDb } from '../../lib/cache/cache-db.ts';
import { DEFAULT_POLICY, ResultCache } from '../../lib/cache/result-cache.ts';
import { testItem } from '../../lib/cache/test-db.ts';

export interface UpgradeResult {
  verno: number;
  rows: number;
  /** Rows the size index holds after the upgrade. */
  indexed: number;
  /** An old row found again through its URL. */
  oldVerdict?: string;
  /** Rows left after writes that take the stored bytes past the bound. */
  rowsAfterBound: number;
  oldestKept: boolean;
}

/** A row as version 2 stored it: with its size, without the index on it. */
const v2Row = (i: number) => ({
  ...testItem(`old${i}`, { urls: [`https://cdn.example/${i}.jpg`] }),
  lastAccess: i,
  size: 1000,
});

export async function probe(name: string): Promise<UpgradeResult> {
  await Dexie.delete(name);
  const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
  v2.version(2).stores(CACHE_STORES_V2);
  await v2.table('items').bulkPut(Array.from({ length: 49 }, (_, i) => v2Row(i)));
  await v2.table('urls').bulkPut(
    Array.from({ length: 49 }, (_, i) => ({
      url: `https://cdn.example/${i}.jpg`,
      key: `old${i}`,
      fetchedAt: Date.now(),
      expiresAt: Date.now() + 3_600_000,
    })),
  );
  v2.close();

  const db = new CacheDb({ indexedDB, IDBKeyRange }, name);
  try {
    const cache = new ResultCache(db, { ...DEFAULT_POLICY, maxBytes: 60_000 });
    const oldVerdict = (await cache.getByUrl('https://cdn.example/7.jpg'))?.verdict;
    const result = {
      verno: db.verno,
      rows: await db.items.count(),
      indexed: await db.items.where('size').above(0).count(),
      oldVerdict,
    };
    // 49 000 bytes of old rows: one more row crosses 50 items and is summed, still under 60 000; then a large one
    // passes the bound, and the least recently used quarter (the old rows) goes.
    await cache.put(testItem('new0'));
    await cache.put(testItem('new1', { text: 'x'.repeat(20_000) }));
    // A put resolves once its row is on disk; the bound is kept just after (flush waits for both).
    await cache.flush();
    return {
      ...result,
      rowsAfterBound: await db.items.count(),
      oldestKept: (await db.items.get('old0')) !== undefined,
    };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}
