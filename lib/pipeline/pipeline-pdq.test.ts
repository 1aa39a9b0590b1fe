import { localeTranslate } from '../i18n/locale-file.ts';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CacheDb } from '../cache/cache-db.ts';
import { DEFAULT_POLICY, ResultCache } from '../cache/result-cache.ts';
import type { DecodeImage } from '../fingerprint/decode-image.ts';
import { fingerprintImage } from '../fingerprint/fingerprint-image.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import { decodeImageNode } from '../node/decode-image-node.ts';
import type { EvidenceProvider } from './evidence-provider.ts';
import { Pipeline } from './pipeline.ts';

const en = await localeTranslate('en');

/**
 * PDQ only where a perceptual comparison can happen (issue 14): with nothing to compare a perceptual hash
 * with, an image is fetched and hashed with SHA-256 but never decoded; the details page still gets one.
 */

const photo = readFileSync(new URL('../../fixtures/pdq/images/bridge-1-original.jpg', import.meta.url));
let server: Server;
let base: string;
let hits = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

let dbn = 0;
let decodes = 0;
const countingDecode: DecodeImage = (bytes, mime) => {
  decodes++;
  return decodeImageNode(bytes, mime);
};
beforeEach(() => {
  decodes = 0;
  hits = 0;
});

function setup(wanted: { pdq: boolean; near?: boolean }) {
  const seen: Array<string | undefined> = [];
  const chain: EvidenceProvider = {
    part: 'chain',
    kinds: ['image', 'text'],
    needsBytes: false,
    ttlMs: 3600_000,
    version: () => 'v1',
    run: async ({ fingerprints }) => {
      seen.push(fingerprints.kind === 'image' ? fingerprints.pdq?.hash : undefined);
      return { chain: { state: 'ok', records: [], otherRegistrations: 0 } };
    },
  };
  const pipeline = new Pipeline({
    translate: en,
    cache: new ResultCache(new CacheDb({ indexedDB, IDBKeyRange }, `pipeline-pdq-${dbn++}`), DEFAULT_POLICY),
    providers: [chain],
    fetch: (url) => fetchBytes(url, { fetch }),
    fingerprintImage: (bytes, type, options) => fingerprintImage(bytes, type, countingDecode, options),
    wantsPdq: async () => wanted.pdq,
    ...(wanted.near !== undefined ? { screenPdq: async () => wanted.near as boolean } : {}),
  });
  return { pipeline, seen };
}

// The cpp_nn512 vector of fixtures/pdq/expected.json for this photo.
const NN512 = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';

describe('Pipeline and PDQ', () => {
  it('does not decode when nothing can compare a perceptual hash', async () => {
    const { pipeline, seen } = setup({ pdq: false });
    const r = await pipeline.checkImage(`${base}/a.jpg`);
    expect(r.verdict).toBe('no-provenance');
    expect(decodes).toBe(0);
    expect(seen).toEqual([undefined]);
    const f = (await pipeline.details(r.key as string))?.evidence.fingerprints;
    expect(f).toMatchObject({ kind: 'image', width: 1600, height: 1004 });
    expect(f && 'pdq' in f && f.pdq).toBeFalsy();
  });

  it('computes the hash for the details page of an item checked without one', async () => {
    const { pipeline } = setup({ pdq: false });
    const r = await pipeline.checkImage(`${base}/b.jpg`);
    const details = await pipeline.details(r.key as string, { pdq: true });
    expect(details?.evidence.fingerprints).toMatchObject({ pdq: { hash: NN512, quality: 100 } });
    expect(decodes).toBe(1);
    // Stored: the next details view does not fetch again.
    await pipeline.details(r.key as string, { pdq: true });
    expect(hits).toBe(2);
  });

  it('decodes when PDQ records appear, and asks the registry again with the hash', async () => {
    const wanted = { pdq: false };
    const { pipeline, seen } = setup(wanted);
    await pipeline.checkImage(`${base}/c.jpg`);
    wanted.pdq = true;
    await pipeline.checkImage(`${base}/c.jpg`);
    expect(decodes).toBe(1);
    expect(seen).toEqual([undefined, NN512]);
    // And from then on the cached hash answers without a fetch.
    await pipeline.checkImage(`${base}/c.jpg`);
    expect(hits).toBe(2);
  });

  describe('with the screen (an approximate hash first)', () => {
    it('does not decode an image whose approximate hash is near no record, nor fetch it again', async () => {
      const { pipeline, seen } = setup({ pdq: true, near: false });
      const r = await pipeline.checkImage(`${base}/d.jpg`);
      expect(decodes).toBe(0);
      expect(seen).toEqual([undefined]);
      const f = (await pipeline.details(r.key as string))?.evidence.fingerprints;
      expect(f).toMatchObject({ pdqApprox: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      await pipeline.checkImage(`${base}/d.jpg`);
      expect([hits, decodes]).toEqual([1, 0]);
    });

    it('decodes exactly once a record comes near, and asks the registry again with the exact hash', async () => {
      const wanted = { pdq: true, near: false };
      const { pipeline, seen } = setup(wanted);
      await pipeline.checkImage(`${base}/e.jpg`);
      wanted.near = true;
      await pipeline.checkImage(`${base}/e.jpg`);
      expect(decodes).toBe(1);
      expect(seen).toEqual([undefined, NN512]);
      await pipeline.checkImage(`${base}/e.jpg`);
      expect(hits).toBe(2);
    });

    it('gives the details page the exact hash of a screened image', async () => {
      const { pipeline } = setup({ pdq: true, near: false });
      const r = await pipeline.checkImage(`${base}/f.jpg`);
      const details = await pipeline.details(r.key as string, { pdq: true });
      expect(details?.evidence.fingerprints).toMatchObject({ pdq: { hash: NN512, quality: 100 } });
      expect(decodes).toBe(1);
    });
  });
});
