import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { C2paEngine } from '../c2pa/engine.ts';
import { extractManifestStore } from '../c2pa/extract-manifest-store.ts';
import { readManifestStore } from '../c2pa/read-manifest-store.ts';
import type { TrustLists } from '../c2pa/trust-settings.ts';
import type { ChainRecord, Evidence } from '../evidence/types.ts';
import { sha256Hex } from '../fingerprint/sha256.ts';
import { loadBundledTrustListsNode, loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import { createRecoverer, type RecoverEnv } from './recover-credentials.ts';

/** The real engine on the real Firefly store; the "host" is a function that serves bytes and counts requests. */
const store = extractManifestStore(
  new Uint8Array(readFileSync(new URL('../../fixtures/c2pa/ai_trained_genfill.jpg', import.meta.url))),
) as Uint8Array;
let hash: `0x${string}`;
let engine: C2paEngine;
let trust: TrustLists;

beforeAll(async () => {
  hash = `0x${await sha256Hex(store)}`;
  engine = await loadC2paEngineNode();
  trust = await loadBundledTrustListsNode();
});

const URI = 'https://publisher.example/c2pa/store.c2pa';

function host(served: Record<string, Uint8Array>) {
  const requests: string[] = [];
  const env: RecoverEnv = {
    readStore: (bytes) => readManifestStore(engine, bytes, { trust }),
    fetchStore: async (url) => {
      requests.push(url);
      const bytes = served[url];
      if (!bytes) throw new Error('the server answered HTTP 404');
      return bytes;
    },
  };
  return { env, requests };
}

const record = (over: Partial<ChainRecord> = {}): ChainRecord => ({
  chainId: 31337,
  contentHash: `0x${'ab'.repeat(32)}`,
  registrant: `0x${'11'.repeat(20)}`,
  registrantName: 'Publisher',
  trusted: true,
  kind: 'pdq',
  match: 'perceptual',
  distance: 8,
  time: 1_700_000_000,
  aiGenerated: false,
  revoked: false,
  c2paManifestHash: hash,
  uri: URI,
  ...over,
});

const copy = (records: ChainRecord[], c2paState: 'none' | 'valid' = 'none'): Evidence => ({
  fingerprints: { kind: 'image', sha256: 'ee'.repeat(32) },
  c2pa: { state: c2paState, trust: null, codes: [], aiGenerated: false, actions: [], ingredients: [] },
  chain: { state: 'ok', records, otherRegistrations: 0 },
});

describe('createRecoverer', () => {
  it('recovers from a trusted look-alike: hash checked, validated, hard binding set apart', async () => {
    const { env, requests } = host({ [URI]: store });
    const recovered = await createRecoverer(env)(copy([record()]));
    expect(recovered?.state).toBe('recovered');
    expect(recovered?.from).toMatchObject({ match: 'perceptual', bits: 8, manifestHash: hash, uri: URI });
    expect(recovered?.c2pa).toMatchObject({
      state: 'valid',
      aiGenerated: true,
      source: 'remote',
      remoteUrl: URI,
    });
    expect(recovered?.unbound).toEqual(['assertion.dataHash.mismatch']);
    expect(requests).toEqual([URI]);
  });

  it('fetches a store once per hash (content-addressed), and never for items with credentials of their own', async () => {
    const { env, requests } = host({ [URI]: store });
    const recover = createRecoverer(env);
    await recover(copy([record()]));
    await recover(copy([record({ distance: 3 })]));
    expect(requests).toHaveLength(1);
    expect(await recover(copy([record()], 'valid'))).toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it('follows registrants not on the trusted list only when the user asks', async () => {
    const { env, requests } = host({ [URI]: store });
    const recover = createRecoverer(env);
    const stranger = record({ trusted: false, registrantName: undefined });
    expect(await recover(copy([stranger]))).toBeUndefined();
    expect(requests).toEqual([]);
    expect((await recover(copy([stranger]), { userRequested: true }))?.state).toBe('recovered');
  });

  it('reads an exact record’s manifest from its log, and prefers exact over look-alike', async () => {
    const { env } = host({ [URI]: store, 'https://other.example/x.c2pa': store });
    const exact = record({
      kind: 'sha256',
      match: 'exact',
      distance: undefined,
      c2paManifestHash: undefined,
      uri: undefined,
    });
    const asked: ChainRecord[] = [];
    env.manifestOf = async (r) => {
      asked.push(r);
      return { c2paManifestHash: hash, uri: URI };
    };
    const recovered = await createRecoverer(env)(
      copy([record({ uri: 'https://other.example/x.c2pa' }), exact]),
    );
    expect(asked).toHaveLength(1);
    expect(recovered?.from).toMatchObject({ match: 'exact', bits: 0, uri: URI });
  });

  it('refuses a store whose SHA-256 is not the registered one, and reports fetch failures', async () => {
    const { env } = host({ [URI]: store.slice(0, store.length - 1) });
    const wrong = await createRecoverer(env)(copy([record()]));
    expect(wrong).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/not the one registered on-chain/),
    });
    expect(wrong?.c2pa).toBeUndefined();
    const missing = await createRecoverer(host({}).env)(copy([record()]));
    expect(missing).toMatchObject({ state: 'error', error: 'the server answered HTTP 404' });
  });

  it('skips revoked records, records without a manifest, and URIs that are not http(s)', async () => {
    const { env, requests } = host({ [URI]: store });
    const recover = createRecoverer(env);
    expect(await recover(copy([record({ revoked: true })]))).toBeUndefined();
    expect(await recover(copy([record({ c2paManifestHash: undefined })]))).toBeUndefined();
    expect(await recover(copy([record({ uri: 'file:///etc/passwd' })]))).toBeUndefined();
    expect(
      await recover(copy([record({ uri: 'https://user:pw@publisher.example/a.c2pa' })])),
    ).toBeUndefined();
    expect(requests).toEqual([]);
  });
});
