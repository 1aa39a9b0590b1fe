import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, ResultCache } from './result-cache.ts';
import { testDatabases, testItem } from './test-db.ts';

/**
 * The cache under the faults a real browser produces (docs/architecture.md "Security and privacy": no lost data, no
 * "could not check" remembered as an answer): a full disk the way Chromium reports it, rows damaged below
 * the top level, URL entries that name nothing, and a v1 database with many rows upgraded in place.
 */

let n = 0;
const databases = testDatabases('faults');
const openDb = (name?: string) => databases.open(name);
afterEach(async () => {
  disk.failCommits = 0;
  await databases.cleanUp();
});

const item = testItem;

/**
 * A full disk as Chromium reports it: every request of the transaction succeeds, then the COMMIT fails,
 * the writes are rolled back, and the transaction fires `abort` with a QuotaExceededError (Dexie turns
 * that into an AbortError whose `inner` is the QuotaExceededError). Only transactions that wrote to
 * `items` fail (deleting frees space); `failCommits` says how many of them.
 */
const disk = { failCommits: 0 };
type FakeTransaction = IDBTransaction & {
  /** fake-indexeddb's own abort steps: roll back, set `error`, fire `abort` (the spec's algorithm). */
  _abort: (errorName: string) => void;
  wroteItems?: boolean;
};
// fake-indexeddb/auto installed its classes as the globals: patch those.
const realPut = IDBObjectStore.prototype.put;
IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
  if (this.name === 'items') (this.transaction as FakeTransaction).wroteItems = true;
  return realPut.apply(this, args);
};
const realDispatch = IDBTransaction.prototype.dispatchEvent;
IDBTransaction.prototype.dispatchEvent = function (this: FakeTransaction, event: Event) {
  if (event.type === 'complete' && this.wroteItems && disk.failCommits > 0) {
    disk.failCommits--;
    this._abort('QuotaExceededError');
    return true;
  }
  return realDispatch.call(this, event);
};

describe('a full disk (QuotaExceededError at commit, as Chromium reports it)', () => {
  it('evicts the least recently used quarter, then the write succeeds, URL entry included', async () => {
    let now = 0;
    const db = openDb();
    const cache = new ResultCache(db, DEFAULT_POLICY, () => now);
    for (let i = 0; i < 8; i++) {
      now = i;
      await cache.put(item(`k${i}`), `https://a.example/${i}`);
    }
    disk.failCommits = 1;
    now = 100;
    await cache.put(item('new', { verdict: 'tampered' }), 'https://a.example/new');
    expect(disk.failCommits).toBe(0);
    expect((await cache.getByUrl('https://a.example/new'))?.verdict).toBe('tampered');
    // The two oldest went, with their URL entries; the rest stayed.
    expect(await db.items.count()).toBe(7);
    expect(await cache.get('k0')).toBeUndefined();
    expect(await db.urls.get('https://a.example/1')).toBeUndefined();
    expect(await cache.get('k7')).toBeDefined();
  });

  it('when eviction cannot make room, fails without leaving half a write behind', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    for (let i = 0; i < 4; i++) await cache.put(item(`k${i}`), `https://a.example/${i}`);
    disk.failCommits = 2;
    await expect(cache.put(item('new'), 'https://a.example/new')).rejects.toMatchObject({
      inner: { name: 'QuotaExceededError' },
    });
    // Rolled back as one: no row and no URL entry pointing at a row that is not there.
    expect(await db.items.get('new')).toBeUndefined();
    expect(await db.urls.get('https://a.example/new')).toBeUndefined();
    expect(await db.items.count()).toBe(3);
  });
});

describe('damaged rows are ignored (and re-checked), never trusted', () => {
  const stamp = { at: 0, expiresAt: Number.MAX_SAFE_INTEGER, version: 'v' };

  it('a URL entry that names no content is a miss, not an exception', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    await db.urls.put({ url: 'https://a.example/x', expiresAt: Number.MAX_SAFE_INTEGER } as never);
    // Today: Dexie rejects with "Invalid argument to Table.get()", and because the entry never expires
    // every later check of that URL fails the same way.
    await expect(cache.getByUrl('https://a.example/x')).resolves.toBeUndefined();
  });

  it('a URL entry whose expiry is not a number is a miss', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    await cache.put(item('k'), 'https://a.example/k');
    await db.urls.put({ url: 'https://a.example/k', key: 'k', fetchedAt: 0, expiresAt: 'never' } as never);
    // 'never' <= now is false in JavaScript, so today the entry never expires.
    await expect(cache.getByUrl('https://a.example/k')).resolves.toBeUndefined();
  });

  it('a row whose C2PA evidence lost its shape is dropped, not served', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    await cache.put(
      item('k', {
        verdict: 'tampered',
        reason: 'Content Credentials do not match the content (assertion.dataHash.mismatch)',
        parts: { c2pa: stamp },
        evidence: { c2pa: { garbage: true } as never },
      }),
    );
    // With fresh part stamps the pipeline would re-derive the verdict from this evidence without running
    // the C2PA check again, and `{ garbage: true }` has no state: "no provenance" for a tampered image.
    expect(await cache.get('k')).toBeUndefined();
  });

  it('a row whose registry evidence lost its shape is dropped, not served', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    await cache.put(
      item('k', { parts: { chain: stamp }, evidence: { chain: { state: 'ok', records: 'none' } as never } }),
    );
    // verdictFor() would throw on `records.filter` for as long as the chain part stays fresh (an hour).
    expect(await cache.get('k')).toBeUndefined();
  });

  it('a row with intact evidence is served as is (the checks above must not be over-eager)', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    await cache.put(
      item('k', {
        verdict: 'tampered',
        parts: { c2pa: stamp, chain: stamp },
        evidence: {
          fingerprints: { kind: 'image', sha256: 'ab'.repeat(32) },
          c2pa: {
            state: 'invalid',
            trust: 'untrusted',
            codes: ['assertion.dataHash.mismatch'],
            aiGenerated: false,
            actions: [],
            ingredients: [],
          },
          chain: { state: 'ok', records: [], otherRegistrations: 0 },
        },
      }),
    );
    expect((await cache.get('k'))?.verdict).toBe('tampered');
  });
});

describe('upgrading a version 1 database in place', () => {
  it('keeps every good row of a large v1 cache, fills in sizes, and ignores a damaged one', async () => {
    const name = `migrate-many-${n++}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ items: 'key, kind, lastAccess', urls: 'url, key' });
    const rows = Array.from({ length: 500 }, (_, i) => ({
      key: `k${i}`,
      kind: i % 5 === 0 ? 'text' : 'image',
      urls: [`https://a.example/${i}`],
      evidence: {
        c2pa: { state: 'none', trust: null, codes: [], aiGenerated: false, actions: [], ingredients: [] },
      },
      parts: {},
      verdict: i % 2 ? 'verified' : 'no-provenance',
      reason: 'r',
      checkedAt: i,
      lastAccess: i,
    }));
    await v1.table('items').bulkPut([...rows, { key: 'damaged', kind: 'image' }]);
    await v1
      .table('urls')
      .bulkPut(
        rows.map((r) => ({ url: r.urls[0], key: r.key, fetchedAt: 0, expiresAt: Number.MAX_SAFE_INTEGER })),
      );
    v1.close();

    const db = openDb(name);
    const cache = new ResultCache(db, DEFAULT_POLICY, () => 10);
    expect(await db.items.count()).toBe(501);
    expect(db.verno).toBe(3);
    for (const i of [0, 1, 250, 499]) {
      const row = await cache.getByUrl(`https://a.example/${i}`);
      expect(row?.verdict, `k${i}`).toBe(i % 2 ? 'verified' : 'no-provenance');
      expect(row?.size, `k${i}`).toBeGreaterThan(0);
    }
    // The damaged row did not stop the upgrade; it is ignored and removed on first read.
    expect(await cache.get('damaged')).toBeUndefined();
    expect(await db.items.count()).toBe(500);
    // The index v2 added works on the old rows (the expiry sweep depends on it).
    expect(await db.urls.where('expiresAt').above(0).count()).toBe(500);
  });
});
