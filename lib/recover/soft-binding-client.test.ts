import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractManifestStore } from '../c2pa/extract-manifest-store.ts';
import { readManifestStore } from '../c2pa/read-manifest-store.ts';
import { fingerprintImage } from '../fingerprint/fingerprint-image.ts';
import { hammingDistance } from '../fingerprint/hamming.ts';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import { decodeImageNode } from '../node/decode-image-node.ts';
import {
  normalizeEndpoint,
  parseMatches,
  resolveByContent,
  type SoftBindingEnv,
} from './soft-binding-client.ts';

/**
 * Against a local service implementing the C2PA Soft Binding Resolution API (C2PA 2.2; the OpenAPI document's
 * `/matches/byContent`, `/manifests/{manifestId}`, `/services/supportedAlgorithms`): it fingerprints uploads with
 * PDQ (a fingerprint algorithm of its own choosing, as the API allows) and serves the Firefly image's store.
 */
const original = readFileSync(new URL('../../fixtures/c2pa/ai_trained_genfill.jpg', import.meta.url));
const store = extractManifestStore(new Uint8Array(original)) as Uint8Array;
const MANIFEST_ID = 'adobe:urn:uuid:c5a3bba2-634f-4ff5-959b-680c586994d2';
let registeredPdq: string;
let server: Server;
let endpoint: string;
const seen: Array<{ method: string; url: string; type?: string; bytes: number }> = [];
let env: SoftBindingEnv;

const pdqOf = async (bytes: Uint8Array) =>
  (await fingerprintImage(bytes, '', decodeImageNode)).pdq?.hash ?? '';

beforeAll(async () => {
  registeredPdq = await pdqOf(new Uint8Array(original));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        type: req.headers['content-type'],
        bytes: body.length,
      });
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/v1/matches/byContent') {
        const d = hammingDistance(await pdqOf(new Uint8Array(body)), registeredPdq);
        const matches = d <= 31 ? [{ manifestId: MANIFEST_ID, similarityScore: 100 - d }] : [];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ matches }));
      } else if (
        req.method === 'GET' &&
        url.pathname === `/v1/manifests/${encodeURIComponent(MANIFEST_ID)}`
      ) {
        res.writeHead(200, { 'content-type': 'application/c2pa' }).end(Buffer.from(store));
      } else if (url.pathname === '/v1/services/supportedAlgorithms') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ fingerprints: [{ alg: 'origin-lens.pdq.1' }] }));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  const engine = await loadC2paEngineNode();
  const trust = await loadBundledTrustListsNode();
  env = { fetch, readStore: (bytes) => readManifestStore(engine, bytes, { trust }) };
}, 60_000);
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('resolveByContent', () => {
  it('uploads a stripped copy, gets the manifest id, fetches and validates the store', async () => {
    const copy = await sharp(original).resize({ width: 800 }).jpeg({ quality: 75 }).toBuffer();
    seen.length = 0;
    const result = await resolveByContent(endpoint, new Uint8Array(copy), 'image/jpeg', env);
    expect(result.endpoint).toBe(endpoint.replace(/\/$/, ''));
    expect(result.matches).toHaveLength(1);
    const [match] = result.matches;
    expect(match?.manifestId).toBe(MANIFEST_ID);
    expect(match?.similarityScore).toBeGreaterThan(69);
    expect(match?.c2pa).toMatchObject({
      state: 'valid',
      aiGenerated: true,
      unbound: ['assertion.dataHash.mismatch'],
    });
    // Exactly two requests, both to the endpoint the user chose: the upload (the image's bytes), then the store.
    expect(seen.map((s) => [s.method, s.url.split('?')[0]])).toEqual([
      ['POST', '/v1/matches/byContent'],
      ['GET', `/v1/manifests/${encodeURIComponent(MANIFEST_ID)}`],
    ]);
    expect(seen[0]).toMatchObject({ type: 'image/jpeg', bytes: copy.length });
  });

  it('an unrelated image finds nothing', async () => {
    const other = readFileSync(new URL('../../fixtures/c2pa/none_A.jpg', import.meta.url));
    expect((await resolveByContent(endpoint, new Uint8Array(other), 'image/jpeg', env)).matches).toEqual([]);
  });

  it('a service that answers badly is an error, not a result', async () => {
    await expect(
      resolveByContent(`${endpoint}nothing-here`, new Uint8Array(original), 'image/jpeg', env),
    ).rejects.toThrow(/HTTP 404/);
    await expect(
      resolveByContent('file:///etc', new Uint8Array(original), 'image/jpeg', env),
    ).rejects.toThrow(/not an http/);
  });
});

describe('parseMatches / normalizeEndpoint', () => {
  it('keeps well-formed matches only, at most five, with a safe endpoint', () => {
    const asked = 'https://sbr.example/v1';
    const matches = parseMatches(
      {
        matches: [
          { manifestId: 'urn:a', similarityScore: 90 },
          { manifestId: 'urn:b', endpoint: 'https://other.example/api/', similarityScore: 400 },
          { manifestId: 'urn:c', endpoint: 'javascript:alert(1)' },
          { manifestId: '' },
          { manifestId: 'x'.repeat(600) },
          ...Array.from({ length: 10 }, (_, i) => ({ manifestId: `urn:more-${i}` })),
        ],
      },
      asked,
    );
    expect(matches[0]).toEqual({ manifestId: 'urn:a', endpoint: asked, similarityScore: 90 });
    expect(matches[1]).toEqual({ manifestId: 'urn:b', endpoint: 'https://other.example/api' });
    expect(matches).toHaveLength(5);
    expect(() => parseMatches({ nope: 1 }, asked)).toThrow(/list of matches/);
    expect(normalizeEndpoint('https://u:p@x.example/')).toBeUndefined();
    expect(normalizeEndpoint('https://x.example/api/?q=1')).toBeUndefined();
    expect(normalizeEndpoint(' https://x.example/api/ ')).toBe('https://x.example/api');
  });
});
