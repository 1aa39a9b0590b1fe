import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_STORES_V2, type CachedItem } from './cache-db.ts';
import { DEFAULT_POLICY, ResultCache } from './result-cache.ts';
import { testDatabases, testItem } from './test-db.ts';

let n = 0;
const databases = testDatabases('test');
const openDb = (name?: string) => databases.open(name);
afterEach(async () => {
  await databases.cleanUp();
});

const item = testItem;

describe('ResultCache', () => {
  it('finds an item by hash and by URL until the URL entry expires', async () => {
    let now = 1_000;
    const cache = new ResultCache(openDb(), { ...DEFAULT_POLICY, urlTtlMs: 100 }, () => now);
    await cache.put(item('k1'), 'https://a.example/1.jpg');
    expect((await cache.get('k1'))?.urls).toEqual(['https://a.example/1.jpg']);
    expect((await cache.getByUrl('https://a.example/1.jpg'))?.key).toBe('k1');
    now += 101;
    expect(await cache.getByUrl('https://a.example/1.jpg')).toBeUndefined();
    expect(await cache.get('k1')).toBeDefined();
  });

  it('judges parts fresh by expiry and version', () => {
    let now = 0;
    const cache = new ResultCache(openDb(), DEFAULT_POLICY, () => now);
    const stamp = cache.stamp(10, 'lists-1');
    expect(cache.isFresh(stamp, 'lists-1')).toBe(true);
    expect(cache.isFresh(stamp, 'lists-2')).toBe(false);
    now = 11;
    expect(cache.isFresh(stamp, 'lists-1')).toBe(false);
    expect(cache.isFresh(undefined)).toBe(false);
  });

  it('ignores and removes a corrupted row', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    await db.items.put({ key: 'bad', kind: 'image' } as CachedItem);
    expect(await cache.get('bad')).toBeUndefined();
    expect(await db.items.get('bad')).toBeUndefined();
  });

  it('evicts the least recently used items beyond the bound', async () => {
    let now = 0;
    const cache = new ResultCache(openDb(), { ...DEFAULT_POLICY, maxItems: 10 }, () => now);
    for (let i = 0; i < 12; i++) {
      now = i;
      await cache.put(item(`k${i}`), `https://a.example/${i}`);
    }
    const count = await cache.db.items.count();
    expect(count).toBeLessThanOrEqual(10);
    expect(await cache.get('k0')).toBeUndefined();
    expect(await cache.get('k11')).toBeDefined();
    expect(await cache.db.urls.get('https://a.example/0')).toBeUndefined();
  });

  it('makes room and retries when the disk is full', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    for (let i = 0; i < 8; i++) await cache.put(item(`k${i}`));
    // Writes go in batches (bulkPut): the first one finds the disk full.
    const realPut = db.items.bulkPut.bind(db.items);
    let failures = 1;
    db.items.bulkPut = ((...args: Parameters<typeof realPut>) => {
      if (failures-- > 0) throw new DOMException('full', 'QuotaExceededError');
      return realPut(...args);
    }) as typeof db.items.bulkPut;
    await cache.put(item('new'));
    expect(await cache.get('new')).toBeDefined();
    expect(await db.items.count()).toBe(7);
  });

  it('clears everything and reports how much', async () => {
    const cache = new ResultCache(openDb());
    await cache.put(item('a'), 'https://a.example/a');
    await cache.put(item('b'));
    expect(await cache.clear()).toBe(2);
    expect(await cache.getByUrl('https://a.example/a')).toBeUndefined();
  });
});

describe('CacheDb migrations', () => {
  it('upgrades a version 1 database without losing its rows', async () => {
    const name = `migrate-${n++}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ items: 'key, kind, lastAccess', urls: 'url, key' });
    await v1.table('items').put({
      key: 'old',
      kind: 'image',
      urls: ['u'],
      evidence: {},
      parts: {},
      verdict: 'verified',
      reason: 'r',
      checkedAt: 5,
      lastAccess: 5,
    });
    await v1.table('urls').put({ url: 'u', key: 'old', fetchedAt: 5, expiresAt: Number.MAX_SAFE_INTEGER });
    v1.close();

    const db = openDb(name);
    const cache = new ResultCache(db, DEFAULT_POLICY, () => 10);
    const row = await cache.getByUrl('u');
    expect(row?.verdict).toBe('verified');
    expect(row?.size).toBeGreaterThan(0);
    expect(db.verno).toBe(3);
    expect(await db.pdq.count()).toBe(0);
  });
});

describe('CacheDb v3: the size bound reads the size index, not the rows', () => {
  it('upgrades a version 2 database, indexes the sizes it holds, and enforces the bound with them', async () => {
    const name = `migrate-${n++}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(2).stores(CACHE_STORES_V2);
    const rows = Array.from({ length: 49 }, (_, i) => ({
      ...item(`old${i}`),
      size: 1000,
      lastAccess: i,
    }));
    // A row from before sizes were recorded (a damaged one, say): not in the index, counted as nothing.
    await v2.table('items').bulkPut([...rows, { key: 'sizeless', kind: 'image', lastAccess: 100 }]);
    v2.close();

    const db = openDb(name);
    const cache = new ResultCache(db, { ...DEFAULT_POLICY, maxBytes: 60_000 }, () => 1000);
    expect(await db.items.where('size').equals(1000).count()).toBe(49);
    expect(db.verno).toBe(3);
    // 51 rows: the count crossed 50, the sizes are summed (49 000 + this row's), still under 60 000 bytes.
    await cache.put(item('new0'));
    // A put resolves once its row is on disk; the bounds are kept just after (flush waits for both).
    await cache.flush();
    expect(await db.items.count()).toBe(51);
    // Over the bound once the sizes add up past it: the least recently used quarter goes.
    await db.items.bulkPut(
      Array.from({ length: 49 }, (_, i) => ({ ...item(`big${i}`), size: 1000, lastAccess: 500 + i })),
    );
    await cache.put(item('new1'));
    await cache.flush();
    expect(await db.items.count()).toBe(101 - Math.ceil(101 / 4));
    expect(await db.items.get('old0')).toBeUndefined();
    expect(await db.items.get('big48')).toBeDefined();
  });
});

describe('ResultCache batched writes', () => {
  it('stores the puts of one window in one transaction, and serves them before they land', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    const realTransaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    let writes = 0;
    (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = (...args) => {
      if (args[0] === 'rw') writes++;
      return realTransaction(...args);
    };
    const stored = Array.from({ length: 30 }, (_, i) => cache.put(item(`b${i}`), `https://a.example/b${i}`));
    // Not on disk yet, but every read already sees it.
    expect(await db.items.count()).toBe(0);
    expect((await cache.get('b7'))?.key).toBe('b7');
    expect((await cache.getByUrl('https://a.example/b29'))?.key).toBe('b29');
    await Promise.all(stored);
    expect(writes).toBe(1);
    expect(await db.items.count()).toBe(30);
    expect((await db.urls.get('https://a.example/b3'))?.key).toBe('b3');
    // A second cache on the same database (the next worker) reads them from disk.
    expect((await new ResultCache(db).getByUrl('https://a.example/b12'))?.key).toBe('b12');
  });

  it('gathers what comes in while a batch is being written into the next one transaction', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    const realTransaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let writes = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = async (...args) => {
      if (args[0] !== 'rw') return realTransaction(...args);
      // The first write is slow (a busy disk): it waits until released.
      if (++writes === 1) await held;
      return realTransaction(...args);
    };
    const first = cache.put(item('w0'));
    await new Promise((r) => setTimeout(r, cache.writeWindowMs + 5)); // w0 is being written
    // Puts in three later tasks, all during that write.
    const later: Promise<void>[] = [];
    for (let i = 1; i <= 3; i++) {
      later.push(cache.put(item(`w${i}`)));
      await new Promise((r) => setTimeout(r, cache.writeWindowMs + 5));
    }
    expect(writes).toBe(1);
    release();
    await Promise.all([first, ...later]);
    expect(writes).toBe(2);
    expect(await db.items.count()).toBe(4);
  });

  it('keeps the newest row of a key when a put lands while an older one is being written', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    const first = cache.put(item('same', { verdict: 'no-provenance' }));
    await new Promise((r) => setTimeout(r, cache.writeWindowMs + 1)); // the first batch is now writing
    const second = cache.put(item('same', { verdict: 'tampered' }));
    await first;
    expect((await cache.get('same'))?.verdict).toBe('tampered');
    await second;
    expect((await db.items.get('same'))?.verdict).toBe('tampered');
  });

  it('forgets what waits to be written when cleared', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    const pending = cache.put(item('gone'), 'https://a.example/gone');
    await cache.clear();
    expect(await cache.get('gone')).toBeUndefined();
    await pending;
    expect(await db.items.count()).toBe(0);
    expect(await db.urls.count()).toBe(0);
  });

  it('flushes and clears a batch that is already being written', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    void cache.put(item('late'), 'https://a.example/late');
    await new Promise((r) => setTimeout(r, cache.writeWindowMs + 1)); // the batch is now writing
    await cache.flush();
    expect((await db.items.get('late'))?.key).toBe('late');
    void cache.put(item('late2'));
    await new Promise((r) => setTimeout(r, cache.writeWindowMs + 1));
    await cache.clear();
    expect(await db.items.count()).toBe(0);
  });

  it('after the first sum, sums again as soon as the rows written since may take it past the bound', async () => {
    const db = openDb();
    const cache = new ResultCache(db, { ...DEFAULT_POLICY, maxBytes: 65_000 });
    for (let i = 0; i < 50; i++) await cache.put(item(`s${i}`));
    await cache.flush();
    // 50 rows of under 1 KB each: summed at the multiple of 50, under the bound.
    expect(await db.items.count()).toBe(50);
    // One row of 60 KB: 51 rows, no multiple of 50, but the sum so far plus this row passes 65 000 bytes.
    await cache.put(item('big', { text: 'x'.repeat(60_000) }));
    await cache.flush();
    expect(await db.items.count()).toBe(51 - Math.ceil(51 / 4));
    expect(await db.items.get('big')).toBeDefined();
  });

  it('does not sum again while the rows written since keep it under the bound', async () => {
    const db = openDb();
    const cache = new ResultCache(db, { ...DEFAULT_POLICY, maxBytes: 1_000_000 });
    for (let i = 0; i < 50; i++) await cache.put(item(`s${i}`));
    await cache.flush();
    // A sum reads the size index (or, before v3, walked every row).
    let sums = 0;
    const orderBy = db.items.orderBy.bind(db.items);
    db.items.orderBy = ((index: string) => {
      if (index === 'size') sums++;
      return orderBy(index);
    }) as typeof db.items.orderBy;
    const each = db.items.each.bind(db.items);
    db.items.each = ((callback) => {
      sums++;
      return each(callback);
    }) as typeof db.items.each;
    // Past the next multiples of 50 (100, 150), far under the bound: the running estimate answers.
    for (let i = 0; i < 110; i++) await cache.put(item(`t${i}`));
    await cache.flush();
    expect(await db.items.count()).toBe(160);
    expect(sums).toBe(0);
  });

  it('resolves a put once its row is on disk, without waiting for the bound check', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    // The bound check (a count) hangs until released, as a busy worker's transaction can for 300 ms.
    const count = db.items.count.bind(db.items);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let counts = 0;
    db.items.count = (async () => {
      counts++;
      await gate;
      return count();
    }) as typeof db.items.count;
    await cache.put(item('a'));
    expect(await db.items.get('a')).toBeDefined();
    // Nor does the next batch wait for it.
    await cache.put(item('b'));
    expect(await db.items.get('b')).toBeDefined();
    // One check at a time: the second waits for the first.
    expect(counts).toBe(1);
    release();
    await cache.flush();
    expect(counts).toBe(2);
  });

  it('lets other work wait for the writes pending now, but not longer than it asked', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    // Nothing pending: at once (within two microtask steps, long before any timer).
    const landsAtOnce = async () => {
      let settled = false;
      const waiting = cache.writesLanded(10_000).then(() => {
        settled = true;
      });
      await Promise.resolve();
      await Promise.resolve();
      expect(settled).toBe(true);
      await waiting;
    };
    await landsAtOnce();

    // A write that is slow (a busy disk) until released.
    const realTransaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = async (...args) => {
      if (args[0] === 'rw') await held;
      return realTransaction(...args);
    };
    let landed = false;
    const put = cache.put(item('slow')).then(() => {
      landed = true;
    });
    // Bounded: the write still hangs, and the wait ends after its 30 ms.
    const started = Date.now();
    await cache.writesLanded(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(landed).toBe(false);
    // Long enough: it ends when the row is on disk, and the put has resolved by then.
    const waiting = cache.writesLanded(10_000);
    setTimeout(release, 20);
    await waiting;
    await Promise.resolve();
    expect(await db.items.get('slow')).toBeDefined();
    await put;
    expect(landed).toBe(true);
    // Landed: nothing pending again.
    await landsAtOnce();
  });

  it('sums sizes when a batch carries the count past a multiple of 50', async () => {
    const db = openDb();
    const cache = new ResultCache(db, { ...DEFAULT_POLICY, maxBytes: 1 });
    await Promise.all(Array.from({ length: 48 }, (_, i) => cache.put(item(`s${i}`))));
    await cache.flush();
    expect(await db.items.count()).toBe(48); // under 50: sizes not summed yet
    await Promise.all(Array.from({ length: 5 }, (_, i) => cache.put(item(`t${i}`))));
    await cache.flush();
    // 53 items crossed 50: over the 1-byte bound, the least recently used quarter went.
    expect(await db.items.count()).toBe(53 - Math.ceil(53 / 4));
  });
});
