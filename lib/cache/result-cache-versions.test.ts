import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_ROW_VERSION } from '../schemas/cache-row-schema.ts';
import type { CachedItem } from './cache-db.ts';
import { ResultCache } from './result-cache.ts';
import { testDatabases, testItem } from './test-db.ts';

/** Rows read back are checked against the row schema of their version (lib/schemas/cache-row-schema.ts). */
const databases = testDatabases('versions');
afterEach(async () => {
  await databases.cleanUp();
});

const stamp = { at: 0, expiresAt: Number.MAX_SAFE_INTEGER };
const c2pa = {
  state: 'valid' as const,
  trust: 'trusted' as const,
  codes: [],
  aiGenerated: false,
  actions: [],
  ingredients: [],
};

async function putThenDamage(damage: (row: CachedItem) => unknown): Promise<CachedItem | undefined> {
  const db = databases.open();
  const cache = new ResultCache(db);
  await cache.put(testItem('k', { verdict: 'verified', parts: { c2pa: stamp }, evidence: { c2pa } }));
  const row = await db.items.get('k');
  if (!row) throw new Error('not written');
  await db.items.put(damage(structuredClone(row)) as CachedItem);
  const read = await cache.get('k');
  if (!read) expect(await db.items.get('k')).toBeUndefined();
  return read;
}

describe('cached rows are versioned', () => {
  it('writes the current row version', async () => {
    const db = databases.open();
    await new ResultCache(db).put(testItem('k'));
    expect((await db.items.get('k'))?.rowVersion).toBe(CACHE_ROW_VERSION);
  });

  it('serves a row of the current version, and one written before rows carried a version', async () => {
    expect((await putThenDamage((row) => row))?.verdict).toBe('verified');
    expect((await putThenDamage(({ rowVersion: _, ...row }) => row))?.verdict).toBe('verified');
  });

  it('drops a row of another version (a newer build, then a downgrade) and re-checks it', async () => {
    expect(await putThenDamage((row) => ({ ...row, rowVersion: CACHE_ROW_VERSION + 1 }))).toBeUndefined();
    expect(await putThenDamage((row) => ({ ...row, rowVersion: '1' }))).toBeUndefined();
  });
});

describe('cached rows whose evidence lost its shape deep inside are dropped', () => {
  const cases: Array<[string, (row: CachedItem) => unknown]> = [
    ['a verdict no build knows', (row) => ({ ...row, verdict: 'fine' })],
    ['a missing size', ({ size: _, ...row }) => row],
    [
      'a failure group that is not a list',
      (row) => ({
        ...row,
        evidence: {
          c2pa: {
            ...c2pa,
            failures: { tamper: {}, malformed: [], credential: [], conformance: [], ingredient: [] },
          },
        },
      }),
    ],
    [
      'an ingredient three levels down without its actions',
      (row) => ({
        ...row,
        evidence: {
          c2pa: {
            ...c2pa,
            ingredients: [
              { actions: [], ingredients: [{ actions: [], ingredients: [{ ingredients: [] }] }] },
            ],
          },
        },
      }),
    ],
    [
      'a registry record whose hash is not hex',
      (row) => ({
        ...row,
        evidence: {
          chain: {
            state: 'ok',
            otherRegistrations: 0,
            records: [
              {
                chainId: 1,
                contentHash: 'abc',
                registrant: '0x01',
                trusted: true,
                kind: 'sha256',
                match: 'exact',
                time: 1,
                aiGenerated: false,
                revoked: false,
              },
            ],
          },
        },
      }),
    ],
    [
      'fingerprints of an unknown kind',
      (row) => ({ ...row, evidence: { fingerprints: { kind: 'video', sha256: 'ab' } } }),
    ],
    ['a reason code of the wrong type', (row) => ({ ...row, reasonCode: 7 })],
  ];
  for (const [what, damage] of cases) {
    it(what, async () => {
      expect(await putThenDamage(damage)).toBeUndefined();
    });
  }

  it('keeps the i18n reason code and fields it does not know (a later build may add some)', async () => {
    const read = await putThenDamage((row) => ({
      ...row,
      reasonCode: 'verified',
      reasonParams: { signer: 'Adobe', n: 2 },
      later: { anything: true },
    }));
    const extra = read as unknown as { reasonParams: unknown; later: unknown };
    expect(extra.reasonParams).toEqual({ signer: 'Adobe', n: 2 });
    expect(extra.later).toEqual({ anything: true });
  });
});
