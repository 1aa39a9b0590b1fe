import { keccak256, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainEvidenceContext, chainEvidenceFor } from './chain-evidence.ts';
import type { ChainConfig } from './chains.ts';
import { createChainClient } from './create-chain-client.ts';
import type { Hex32 } from './hex32.ts';
import { CodeCache, lookupHashes } from './lookup.ts';
import { createLookupBatcher } from './lookup-batcher.ts';
import { PdqIndex } from './pdq-index.ts';
import { registerContent, revokeContent } from './register-content.ts';
import { registrantsForChain, type TrustedRegistrant } from './registrants.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { ANVIL_ACCOUNTS, closedPort, startTestChain, type TestChain } from './test-chain.ts';

let chain: TestChain;
let dead: ChainConfig;
const h = (label: string): Hex32 => keccak256(toHex(label));
const photo = h('photo');
const article = h('article');
const revokedPhoto = h('revoked');
const strangerOnly = h('stranger-only');
const pdqHash = `${'ab'.repeat(31)}cd`;

const publisher: TrustedRegistrant = {
  address: ANVIL_ACCOUNTS.publisher,
  name: 'Demo Publisher',
  site: 'https://publisher.example',
  chains: [31337],
};

beforeAll(async () => {
  chain = await startTestChain();
  dead = { id: 999, name: 'Dead', rpcUrl: `http://127.0.0.1:${await closedPort()}`, enabled: true };
  const pub = chain.wallet(ANVIL_ACCOUNTS.publisher);
  await registerContent(pub, [
    { hash: photo, kind: 0, aiGenerated: true },
    { hash: article, kind: 2 },
    { hash: revokedPhoto, kind: 0 },
  ]);
  await revokeContent(pub, [revokedPhoto]);
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.stranger), [
    { hash: photo, kind: 0 },
    { hash: strangerOnly, kind: 0 },
  ]);
});
afterAll(async () => {
  await chain?.stop();
});

/** The production wiring: per-chain clients, trusted registrants per chain, one batcher. */
function context(
  chains: ChainConfig[],
  registrants: TrustedRegistrant[],
  pdqIndex?: PdqIndex,
): ChainEvidenceContext {
  const cache = new CodeCache();
  const clients = new Map(
    chains.map((c) => [
      c.id,
      c.id === chain.config.id ? chain.client : createChainClient(c, { retryCount: 0 }),
    ]),
  );
  const batcher = createLookupBatcher({
    lookup: (chainId, hashes) => {
      const client = clients.get(chainId);
      if (!client) throw new Error(`no client for ${chainId}`);
      return lookupHashes(client, REGISTRY_ADDRESS, hashes, registrantsForChain(registrants, chainId), {
        codeCache: cache,
      });
    },
  });
  return { chains, registrants, lookup: batcher.lookup, ...(pdqIndex ? { pdqIndex } : {}) };
}

describe('chainEvidenceFor', () => {
  it('no enabled chain → disabled, nothing asked', async () => {
    const ctx = context([{ ...chain.config, enabled: false }], [publisher]);
    chain.counter.reset();
    expect(await chainEvidenceFor({ sha256: photo }, ctx)).toEqual({
      state: 'disabled',
      records: [],
      otherRegistrations: 0,
    });
    expect(chain.counter.requests).toEqual([]);
  });

  it('a trusted exact record, with name, site, AI flag, and the stranger counted apart', async () => {
    const ev = await chainEvidenceFor({ sha256: photo.slice(2) }, context([chain.config], [publisher]));
    expect(ev.state).toBe('ok');
    expect(ev.otherRegistrations).toBe(1);
    expect(ev.records).toHaveLength(1);
    expect(ev.records[0]).toMatchObject({
      chainId: 31337,
      chainName: 'anvil',
      contentHash: photo,
      registrant: ANVIL_ACCOUNTS.publisher,
      registrantName: 'Demo Publisher',
      registrantSite: 'https://publisher.example',
      trusted: true,
      kind: 'sha256',
      match: 'exact',
      aiGenerated: true,
      revoked: false,
    });
    expect(ev.records[0]?.time).toBeGreaterThan(1_600_000_000);
  });

  it('text records match as "text"; revoked records are kept and marked', async () => {
    const ctx = context([chain.config], [publisher]);
    const [text, revoked] = await Promise.all([
      chainEvidenceFor({ sha256Collapsed: article }, ctx),
      chainEvidenceFor({ sha256: revokedPhoto }, ctx),
    ]);
    expect(text.records.map((r) => [r.kind, r.match, r.trusted])).toEqual([['text', 'text', true]]);
    expect(revoked.records.map((r) => [r.revoked, r.trusted])).toEqual([[true, true]]);
  });

  it('a record of another kind under the queried hash is ignored', async () => {
    // The article hash is a kind-2 record: asking for it as bytes (kind 0) must not match.
    const ev = await chainEvidenceFor({ sha256: article }, context([chain.config], [publisher]));
    expect(ev).toEqual({ state: 'ok', records: [], otherRegistrations: 0 });
  });

  it('trust is per chain: the devnet publisher listed for chain 1 only is not trusted here', async () => {
    const elsewhere = { ...publisher, chains: [1] };
    const ev = await chainEvidenceFor({ sha256: photo }, context([chain.config], [elsewhere]));
    // Not even asked about on this chain: both registrations are "others".
    expect(ev).toEqual({ state: 'ok', records: [], otherRegistrations: 2 });
  });

  it('only unknown registrants → no records, a count', async () => {
    const ev = await chainEvidenceFor({ sha256: strangerOnly }, context([chain.config], [publisher]));
    expect(ev).toEqual({ state: 'ok', records: [], otherRegistrations: 1 });
  });

  it('one chain down, records elsewhere → ok with errors', async () => {
    const ev = await chainEvidenceFor({ sha256: photo }, context([chain.config, dead], [publisher]));
    expect(ev.state).toBe('ok');
    expect(ev.records).toHaveLength(1);
    expect(ev.errors).toHaveLength(1);
    expect(ev.errors?.[0]).toMatch(/^Dead: /);
  });

  it('one chain down and nothing found elsewhere → error (never "no provenance")', async () => {
    const ev = await chainEvidenceFor({ sha256: h('nothing') }, context([chain.config, dead], [publisher]));
    expect(ev.state).toBe('error');
    expect(ev.errors).toHaveLength(1);
  });

  it('every chain down → error', async () => {
    const ev = await chainEvidenceFor({ sha256: photo }, context([dead], [publisher]));
    expect(ev).toMatchObject({ state: 'error', records: [], otherRegistrations: 0 });
  });

  it('malformed input → error, no request', async () => {
    chain.counter.reset();
    const ev = await chainEvidenceFor({ sha256: 'nope' }, context([chain.config], [publisher]));
    expect(ev.state).toBe('error');
    expect(chain.counter.requests).toEqual([]);
  });

  describe('PDQ', () => {
    const indexWith = (...extra: Array<Partial<Parameters<PdqIndex['upsert']>[0]>>) =>
      new PdqIndex(
        extra.map((e) => ({
          pdq: `0x${pdqHash}` as Hex32,
          chainId: 31337,
          registrant: ANVIL_ACCOUNTS.publisher,
          time: 1_700_000_000,
          flags: 1,
          txHash: `0x${'11'.repeat(32)}` as const,
          uri: 'https://publisher.example/p.jpg',
          ...e,
        })),
      );
    const near = `${'ab'.repeat(31)}cc`; // 1 bit away

    it('matches perceptually through the local index only: the PDQ hash is never sent to the RPC', async () => {
      chain.counter.reset();
      const ctx = context([chain.config], [publisher], indexWith({}));
      const ev = await chainEvidenceFor(
        { sha256: h('unregistered bytes'), pdq: { hash: near, quality: 90 } },
        ctx,
      );
      expect(ev.records).toEqual([
        expect.objectContaining({
          match: 'perceptual',
          kind: 'pdq',
          distance: 1,
          trusted: true,
          registrantName: 'Demo Publisher',
          aiGenerated: true,
          revoked: false,
          uri: 'https://publisher.example/p.jpg',
          contentHash: `0x${pdqHash}`,
        }),
      ]);
      expect(chain.counter.requests.flat()).toContain('eth_call');
      const sent = chain.counter.bodies.join('\n').toLowerCase();
      // Neither the page's PDQ nor the indexed one it matched leaves the machine.
      expect(sent).not.toContain(near.slice(0, 24));
      expect(sent).not.toContain(pdqHash.slice(0, 24));
      expect(sent).toContain(h('unregistered bytes').slice(2, 26)); // the exact hash does go out
    });

    it('exact records sort before perceptual ones', async () => {
      const ev = await chainEvidenceFor(
        { sha256: photo, pdq: { hash: near, quality: 90 } },
        context([chain.config], [publisher], indexWith({})),
      );
      expect(ev.records.map((r) => r.match)).toEqual(['exact', 'perceptual']);
    });

    it('low quality PDQ, untrusted or disabled-chain index records are not used', async () => {
      const index = indexWith({}, { registrant: ANVIL_ACCOUNTS.stranger }, { chainId: 8453 });
      const ctx = context([chain.config], [publisher], index);
      expect((await chainEvidenceFor({ pdq: { hash: near, quality: 49 } }, ctx)).records).toEqual([]);
      const ev = await chainEvidenceFor({ pdq: { hash: near, quality: 50 } }, ctx);
      expect(ev.records.map((r) => [r.chainId, r.registrant])).toEqual([[31337, ANVIL_ACCOUNTS.publisher]]);
    });

    it('a live PDQ match counts as a finding when a chain is down', async () => {
      const ev = await chainEvidenceFor(
        { sha256: h('x'), pdq: { hash: near, quality: 90 } },
        context([chain.config, dead], [publisher], indexWith({ flags: 1 })),
      );
      expect(ev.state).toBe('ok');
      expect(ev.records[0]?.aiGenerated).toBe(true);
      expect(ev.errors).toHaveLength(1);
    });

    it('a revoked PDQ match proves nothing: with a chain down the answer is "could not check"', async () => {
      const ev = await chainEvidenceFor(
        { sha256: h('x'), pdq: { hash: near, quality: 90 } },
        context([chain.config, dead], [publisher], indexWith({ flags: 3 })),
      );
      expect(ev.state).toBe('error');
      expect(ev.records[0]?.revoked).toBe(true);
      expect(ev.errors).toHaveLength(1);
    });
  });
});
