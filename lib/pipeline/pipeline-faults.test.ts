import { localeTranslate } from '../i18n/locale-file.ts';
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CacheDb } from '../cache/cache-db.ts';
import { DEFAULT_POLICY, ResultCache } from '../cache/result-cache.ts';
import type { C2paEvidence, ImageFingerprints } from '../evidence/types.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import type { EvidenceProvider } from './evidence-provider.ts';
import { Pipeline } from './pipeline.ts';

const en = await localeTranslate('en');

/**
 * The pipeline when its storage misbehaves. The cache is an optimisation: a check whose evidence was
 * computed must be answered even if it cannot be stored, and a damaged cache entry must be re-checked,
 * never turned into a verdict (docs/architecture.md "Security and privacy": the page keeps working; "could not
 * check" is never shown as "no provenance", and neither is anything else that is not true).
 */

let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from(req.url ?? ''));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const dbs: CacheDb[] = [];
let dbn = 0;
function openDb(name = `pipeline-faults-${dbn++}`): CacheDb {
  const db = new CacheDb({ indexedDB, IDBKeyRange }, name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  hits.clear();
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const fingerprintImage = async (bytes: Uint8Array): Promise<ImageFingerprints> => ({
  kind: 'image',
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

/** A C2PA stand-in that finds a tampered manifest in every file, and counts its runs. */
function tamperedC2pa() {
  const runs: string[] = [];
  const evidence: C2paEvidence = {
    state: 'invalid',
    trust: 'untrusted',
    codes: ['assertion.dataHash.mismatch'],
    aiGenerated: false,
    actions: [],
    ingredients: [],
  };
  const provider: EvidenceProvider = {
    part: 'c2pa',
    kinds: ['image'],
    needsBytes: true,
    ttlMs: 60_000,
    version: () => 'v1',
    run: async (input) => {
      runs.push(input.url ?? '');
      return { c2pa: evidence };
    },
  };
  return { provider, runs };
}

function pipeline(cache: ResultCache, providers: EvidenceProvider[]) {
  return new Pipeline({
    translate: en,
    cache,
    providers,
    fetch: (url) => fetchBytes(url, { fetch }),
    fingerprintImage,
  });
}

describe('Pipeline with a failing cache', () => {
  it('answers the verdict it computed when the disk is full and eviction does not help', async () => {
    const db = openDb();
    const c2pa = tamperedC2pa();
    db.items.put = (() => {
      throw new DOMException('full', 'QuotaExceededError');
    }) as typeof db.items.put;
    // Today: the write error propagates, checkImage rejects, and the page shows "Could not check:
    // QuotaExceededError…" for an image whose tampering was found.
    const r = await pipeline(new ResultCache(db), [c2pa.provider]).checkImage(`${base}/full.jpg`);
    expect(r.verdict).toBe('tampered');
  });

  it('still checks images when the database cannot be opened at all', async () => {
    // Chromium's answer when its IndexedDB files are damaged (or storage is unavailable to the profile).
    const broken = Object.create(indexedDB) as IDBFactory;
    broken.open = () => {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    };
    const db = new CacheDb({ indexedDB: broken, IDBKeyRange }, `pipeline-faults-broken-${dbn++}`);
    await expect(db.open()).rejects.toThrow(/backing store/);
    const c2pa = tamperedC2pa();
    // Today every check rejects with Dexie's OpenFailedError: every image on every page "could not check".
    const r = await pipeline(new ResultCache(db), [c2pa.provider]).checkImage(`${base}/no-db.jpg`);
    expect(r.verdict).toBe('tampered');
  });
});

describe('Pipeline with damaged cache entries', () => {
  it('re-checks an image whose URL entry names no content', async () => {
    const db = openDb();
    const c2pa = tamperedC2pa();
    const url = `${base}/no-key.jpg`;
    await db.urls.put({ url, expiresAt: Number.MAX_SAFE_INTEGER } as never);
    // Today: "Invalid argument to Table.get()", for as long as the entry lives (here: forever).
    const r = await pipeline(new ResultCache(db), [c2pa.provider]).checkImage(url);
    expect(r.verdict).toBe('tampered');
    expect(hits.get('/no-key.jpg')).toBe(1);
  });

  it('re-checks an image whose cached C2PA evidence was damaged, instead of calling it "no provenance"', async () => {
    const db = openDb();
    const cache = new ResultCache(db);
    const c2pa = tamperedC2pa();
    const url = `${base}/damaged.jpg`;
    const first = await pipeline(cache, [c2pa.provider]).checkImage(url);
    expect(first.verdict).toBe('tampered');
    await cache.flush();

    // The row keeps its top-level shape and fresh stamps; only the C2PA evidence inside lost its shape.
    const key = sha256('/damaged.jpg');
    const row = await db.items.get(key);
    await db.items.put({
      ...(row as NonNullable<typeof row>),
      evidence: { ...row?.evidence, c2pa: {} as never },
    });

    const again = await pipeline(cache, [c2pa.provider]).checkImage(url);
    // Today: the fresh stamp skips the C2PA check and verdictFor({ c2pa: {} }) says "no provenance".
    expect(again.verdict).toBe('tampered');
    expect(c2pa.runs).toHaveLength(2);
  });

  it('serves an intact entry from the cache without fetching (so the checks above are not vacuous)', async () => {
    const db = openDb();
    const cache = new ResultCache(db, DEFAULT_POLICY);
    const c2pa = tamperedC2pa();
    const url = `${base}/intact.jpg`;
    await pipeline(cache, [c2pa.provider]).checkImage(url);
    const again = await pipeline(cache, [c2pa.provider]).checkImage(url);
    expect(again.verdict).toBe('tampered');
    expect(hits.get('/intact.jpg')).toBe(1);
    expect(c2pa.runs).toHaveLength(1);
  });
});
