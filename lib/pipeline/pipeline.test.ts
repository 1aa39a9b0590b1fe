import { localeTranslate } from '../i18n/locale-file.ts';
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorEvidence, noneEvidence } from '../c2pa/to-evidence.ts';
import { CacheDb } from '../cache/cache-db.ts';
import { DEFAULT_POLICY, ResultCache } from '../cache/result-cache.ts';
import type { ChainEvidence, ImageFingerprints } from '../evidence/types.ts';
import { fingerprintText } from '../fingerprint/fingerprint-text.ts';
import { textCollapse } from '../fingerprint/text-collapse.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import type { EvidenceProvider } from './evidence-provider.ts';
import { Pipeline } from './pipeline.ts';

const en = await localeTranslate('en');

let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    if (req.url === '/gone.jpg') return void res.writeHead(404).end();
    // The same bytes at every /same/ path (one photo at several URLs).
    if (req.url?.startsWith('/same/'))
      return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end('same bytes');
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from(req.url ?? ''));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

/** A registry stand-in that records what it was asked; the real one is tested against anvil in lib/chain. */
function recordingChain(result: () => ChainEvidence) {
  const calls: string[] = [];
  let version = 'v1';
  const provider: EvidenceProvider = {
    part: 'chain',
    kinds: ['image', 'text'],
    needsBytes: false,
    ttlMs: 60_000,
    version: () => version,
    run: async (input) => {
      calls.push(
        input.fingerprints.kind === 'image' ? input.fingerprints.sha256 : input.fingerprints.sha256Collapsed,
      );
      return { chain: result() };
    },
  };
  return { provider, calls, setVersion: (v: string) => (version = v) };
}

const fingerprintImage = async (bytes: Uint8Array): Promise<ImageFingerprints> => ({
  kind: 'image',
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

let db: CacheDb;
let dbn = 0;
beforeEach(() => {
  db = new CacheDb({ indexedDB, IDBKeyRange }, `pipeline-${dbn++}`);
  hits.clear();
});

function pipeline(
  providers: EvidenceProvider[],
  more: Partial<ConstructorParameters<typeof Pipeline>[0]> = {},
) {
  return new Pipeline({
    translate: en,
    cache: new ResultCache(db, DEFAULT_POLICY),
    providers,
    fetch: (url) => fetchBytes(url, { fetch }),
    fingerprintImage,
    ...more,
  });
}

describe('Pipeline', () => {
  it('runs the providers once for the same bytes at several URLs checked at once, and links every URL', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 1 }));
    const p = pipeline([chain.provider]);
    const urls = [1, 2, 3].map((i) => `${base}/same/${i}.jpg`);
    const results = await Promise.all(urls.map((u) => p.checkImage(u)));
    expect(chain.calls).toEqual([createHash('sha256').update('same bytes').digest('hex')]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // Every URL is in the cache's URL index: a revisit of any of them needs no fetch.
    for (const u of urls) expect((await p.checkCached(u))?.key).toBe(results[0]?.key);
    expect([...hits.values()]).toEqual([1, 1, 1]);
  });

  it('checks an image, caches it, and answers a revisit without fetching again', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 2 }));
    const p = pipeline([chain.provider]);
    const first = await p.checkImage(`${base}/a.jpg`);
    expect(first.verdict).toBe('registered');
    expect(first.key).toBe(createHash('sha256').update('/a.jpg').digest('hex'));
    await p.flush(); // a new worker reads what the last one wrote
    const again = await pipeline([chain.provider]).checkImage(`${base}/a.jpg`);
    expect(again).toEqual(first);
    expect(hits.get('/a.jpg')).toBe(1);
    expect(chain.calls).toHaveLength(1);
  });

  it('re-runs a stale part that needs no bytes without re-fetching the bytes', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    const p = pipeline([chain.provider]);
    await p.checkImage(`${base}/b.jpg`);
    chain.setVersion('v2');
    const r = await p.checkImage(`${base}/b.jpg`);
    expect(r.verdict).toBe('no-provenance');
    expect(chain.calls).toHaveLength(2);
    expect(hits.get('/b.jpg')).toBe(1);
  });

  it('answers only once the result is on disk (a worker stopped right after loses nothing)', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    const r = await pipeline([chain.provider]).checkImage(`${base}/durable.jpg`);
    // Read back through another connection, as a new worker would: no unsaved rows in memory there.
    const other = new CacheDb({ indexedDB, IDBKeyRange }, db.name);
    expect((await other.items.get(r.key as string))?.verdict).toBe(r.verdict);
    expect((await other.urls.get(`${base}/durable.jpg`))?.key).toBe(r.key);
    other.close();
  });

  it('shares one check between concurrent requests for the same URL', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    const p = pipeline([chain.provider]);
    await Promise.all([
      p.checkImage(`${base}/c.jpg`),
      p.checkImage(`${base}/c.jpg`),
      p.checkImage(`${base}/c.jpg`),
    ]);
    expect(hits.get('/c.jpg')).toBe(1);
  });

  it('reports a failed fetch as could-not-check and caches nothing', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    const p = pipeline([chain.provider]);
    const r = await p.checkImage(`${base}/gone.jpg`);
    expect(r).toEqual({
      kind: 'image',
      verdict: 'error',
      reason: 'Could not check: the server answered HTTP 404',
      reasonCode: 'could-not-check',
      reasonParams: { error: 'the server answered HTTP 404', kind: 'notFound', status: 404 },
    });
    expect(await db.items.count()).toBe(0);
  });

  it('keeps a could-not-check part only briefly, so it is retried', async () => {
    let down = true;
    const chain = recordingChain(() =>
      down
        ? { state: 'error', records: [], otherRegistrations: 0, errors: ['RPC down'] }
        : { state: 'ok', records: [], otherRegistrations: 0 },
    );
    let now = 1_000;
    const p = new Pipeline({
      translate: en,
      cache: new ResultCache(db, DEFAULT_POLICY, () => now),
      providers: [chain.provider],
      fetch: (url) => fetchBytes(url, { fetch }),
      fingerprintImage,
    });
    expect((await p.checkImage(`${base}/d.jpg`)).verdict).toBe('error');
    down = false;
    expect((await p.checkImage(`${base}/d.jpg`)).verdict).toBe('error');
    now += DEFAULT_POLICY.errorTtlMs + 1;
    expect((await p.checkImage(`${base}/d.jpg`)).verdict).toBe('no-provenance');
  });

  it('computes a text’s ISCC Text-Code once: a revisit reuses the stored one', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    let asked = 0;
    const p = pipeline([chain.provider], {
      wantsIscc: async () => {
        asked++;
        return true;
      },
    });
    const text = 'A paragraph that a trusted publisher may have registered.';
    const fp = await fingerprintText(text, { iscc: false });
    await p.checkText(fp, text);
    const stored = (await p.details(fp.sha256Collapsed))?.evidence.fingerprints;
    expect(stored).toEqual(await fingerprintText(text));
    await p.checkText(fp, text);
    expect(asked).toBe(1);
  });

  it('takes the Text-Code from the collapsed text it is given, and gives none for a collapsed text of another', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    const p = pipeline([chain.provider], { wantsIscc: async () => true });
    const text = 'A paragraph that a trusted publisher may have registered.';
    const fp = await fingerprintText(text, { iscc: false });
    // The raw text beside it is kept for the details page, not collapsed again for the code.
    await p.checkText(fp, 'other words entirely', textCollapse(text));
    expect((await p.details(fp.sha256Collapsed))?.evidence.fingerprints).toEqual(await fingerprintText(text));
    const other = await fingerprintText('Another paragraph of the page.', { iscc: false });
    await p.checkText(other, 'Another paragraph of the page.', textCollapse('A different paragraph.'));
    expect((await p.details(other.sha256Collapsed))?.evidence.fingerprints).toEqual(other);
  });

  it('fingerprints texts a few at a time in arrival order, so the first paragraphs reach the registry first', async () => {
    let running = 0;
    let most = 0;
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    const p = pipeline([chain.provider], {
      textConcurrency: 3,
      // The Text-Code stage, slowed down: at most three texts may be in it at once.
      wantsIscc: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return true;
      },
    });
    const texts = Array.from({ length: 9 }, (_, i) => `Paragraph number ${i} of a long article.`);
    const fps = await Promise.all(texts.map((t) => fingerprintText(t, { iscc: false })));
    await Promise.all(fps.map((fp, i) => p.checkText(fp, texts[i] as string)));
    expect(most).toBe(3);
    // The registry is asked about the first three before any of the last three.
    expect(chain.calls.slice(0, 3).sort()).toEqual(
      fps
        .slice(0, 3)
        .map((f) => f.sha256Collapsed)
        .sort(),
    );
  });

  it('checks text by its collapsed hash and keeps the text for the details page', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 1 }));
    const p = pipeline([chain.provider]);
    const fp = {
      kind: 'text' as const,
      sha256Collapsed: 'f'.repeat(64),
      isccText: 'ISCC:EAA',
      isccTextHex: '0',
      characters: 3,
    };
    const r = await p.checkText(fp, 'Hello there');
    expect(r.verdict).toBe('registered');
    const details = await p.details('f'.repeat(64));
    expect(details?.text).toBe('Hello there');
    expect(details?.evidence.fingerprints).toEqual(fp);
  });
});

describe('Pipeline URL index', () => {
  it('writes the URL entry again when it was lost while the item stayed cached', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    const p = pipeline([chain.provider]);
    const url = `${base}/relink.jpg`;
    await p.checkImage(url);
    await p.flush();
    await db.urls.delete(url); // e.g. a damaged entry the cache dropped
    await p.checkImage(url);
    expect(hits.get('/relink.jpg')).toBe(2);
    await p.checkImage(url);
    expect(hits.get('/relink.jpg')).toBe(2);
  });
});

describe('Pipeline.recheckImage', () => {
  it('fetches again and re-runs the byte-reading part even when fresh; fresh parts without bytes stay', async () => {
    const chain = recordingChain(() => ({ state: 'ok', records: [], otherRegistrations: 0 }));
    let allowed = false;
    const c2paRuns: string[] = [];
    const c2pa: EvidenceProvider = {
      part: 'c2pa',
      kinds: ['image'],
      needsBytes: true,
      ttlMs: 60_000,
      version: () => 'v1',
      run: async (input) => {
        c2paRuns.push(input.url ?? '');
        return { c2pa: allowed ? noneEvidence() : errorEvidence('Remote manifest not fetched') };
      },
    };
    const p = pipeline([c2pa, chain.provider]);
    const url = `${base}/recheck.jpg`;
    expect((await p.checkImage(url)).verdict).toBe('error');
    allowed = true;
    // A plain check inside the error TTL answers from the cache…
    expect((await p.checkImage(url)).verdict).toBe('error');
    expect(c2paRuns).toHaveLength(1);
    // …a recheck (the user allowed the remote manifest) runs C2PA again on fresh bytes.
    const r = await p.recheckImage(url);
    expect(r.verdict).toBe('no-provenance');
    expect(c2paRuns).toEqual([url, url]);
    expect(hits.get('/recheck.jpg')).toBe(2);
    expect(chain.calls).toHaveLength(1);
    expect((await p.details(r.key as string))?.evidence.c2pa?.state).toBe('none');
  });
});
