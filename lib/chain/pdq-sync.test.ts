import { keccak256, toHex } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainClient } from './create-chain-client.ts';
import type { Hex32 } from './hex32.ts';
import { PdqIndex } from './pdq-index.ts';
import { MemoryPdqIndexStore, type PdqIndexStore } from './pdq-index-store.ts';
import { loadPdqIndex, registrantsKey, syncPdqIndex } from './pdq-sync.ts';
import { registerContent, revokeContent } from './register-content.ts';
import type { TrustedRegistrant } from './registrants.ts';
import { ANVIL_ACCOUNTS, forwardRpc, startFakeRpc, startTestChain, type TestChain } from './test-chain.ts';

let chain: TestChain;
const h = (label: string): Hex32 => keccak256(toHex(label));
const trusted: TrustedRegistrant[] = [{ address: ANVIL_ACCOUNTS.publisher, name: 'Publisher' }];
const pdqs = [h('pdq-0'), h('pdq-1'), h('pdq-2'), h('pdq-3')];
let deployBlock: bigint;

beforeAll(async () => {
  chain = await startTestChain();
  deployBlock = await getBlockNumber(chain.client);
  const pub = chain.wallet(ANVIL_ACCOUNTS.publisher);
  // One transaction (so one block) each: publisher PDQ records, a SHA-256 record and a stranger's PDQ record.
  for (const [i, hash] of pdqs.entries()) await registerContent(pub, [{ hash, kind: 1, uri: `u${i}` }]);
  await registerContent(pub, [{ hash: h('sha'), kind: 0 }]);
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.stranger), [{ hash: h('stranger-pdq'), kind: 1 }]);
});
afterAll(async () => {
  await chain?.stop();
});

describe('syncPdqIndex', () => {
  it('syncs only trusted kind-1 records, incrementally, within the request cap', async () => {
    const index = new PdqIndex();
    const store = new MemoryPdqIndexStore();
    const opts = {
      client: chain.client,
      chain: chain.config,
      registrants: trusted,
      index,
      store,
      chunkBlocks: 2n,
    };
    const first = await syncPdqIndex({ ...opts, maxRequests: 1 });
    expect(first.done).toBe(false);
    expect(first.chunks).toBe(1);
    expect(first.lastSyncedBlock).toBe(1n);
    expect((await store.getCursor(chain.config.id))?.lastSyncedBlock).toBe('1');
    let runs = 1;
    let last = first;
    while (!last.done) {
      last = await syncPdqIndex({ ...opts, maxRequests: 2 });
      runs++;
      expect(runs).toBeLessThan(20);
    }
    expect(last.lastSyncedBlock).toBe(await getBlockNumber(chain.client));
    expect(index.records().map((r) => [r.pdq, r.registrant, r.uri, r.flags])).toEqual(
      pdqs.map((p, i) => [p, ANVIL_ACCOUNTS.publisher, `u${i}`, 0]),
    );
    expect(index.records().every((r) => r.txHash && r.blockNumber && r.time > 0)).toBe(true);
    expect((await store.loadRecords()).length).toBe(4);

    // Nothing new → no getLogs at all.
    chain.counter.reset();
    const idle = await syncPdqIndex(opts);
    expect(idle).toMatchObject({ done: true, chunks: 0 });
    expect(chain.counter.requests.flat()).not.toContain('eth_getLogs');

    // A revocation and an AI re-registration show up on the next run; the first transaction stays.
    const firstTx = index.get({
      chainId: chain.config.id,
      registrant: ANVIL_ACCOUNTS.publisher,
      pdq: pdqs[1] as Hex32,
    })?.txHash;
    await revokeContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [pdqs[0] as Hex32]);
    await registerContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [
      { hash: pdqs[1] as Hex32, kind: 1, aiGenerated: true },
    ]);
    const next = await syncPdqIndex(opts);
    expect(next).toMatchObject({ done: true, revoked: 1 });
    const key = (p: Hex32) => ({ chainId: chain.config.id, registrant: ANVIL_ACCOUNTS.publisher, pdq: p });
    expect(index.get(key(pdqs[0] as Hex32))?.flags).toBe(2);
    expect(index.get(key(pdqs[1] as Hex32))).toMatchObject({ flags: 1, txHash: firstTx, uri: 'u1' });

    // A fresh index loaded from the store is the same.
    const reloaded = new PdqIndex();
    await loadPdqIndex(reloaded, store);
    expect(reloaded.records().sort((a, b) => a.pdq.localeCompare(b.pdq))).toEqual(
      index.records().sort((a, b) => a.pdq.localeCompare(b.pdq)),
    );
  });

  it('is resumable: a failed store write leaves the cursor at the last stored chunk', async () => {
    const index = new PdqIndex();
    const inner = new MemoryPdqIndexStore();
    let writes = 0;
    const flaky: PdqIndexStore = {
      loadRecords: () => inner.loadRecords(),
      getCursor: (id) => inner.getCursor(id),
      clearChain: (id) => inner.clearChain(id),
      saveChunk: async (id, records, cursor) => {
        if (++writes === 3) throw new Error('disk full');
        await inner.saveChunk(id, records, cursor);
      },
    };
    const opts = { client: chain.client, chain: chain.config, registrants: trusted, index, chunkBlocks: 2n };
    await expect(syncPdqIndex({ ...opts, store: flaky })).rejects.toThrow('disk full');
    // Two chunks (blocks 0–3) stored, the third not: neither the cursor nor the index went past block 3.
    expect(await inner.getCursor(chain.config.id)).toEqual({
      lastSyncedBlock: '3',
      registrantsKey: registrantsKey([ANVIL_ACCOUNTS.publisher]),
    });
    expect(index.records().every((r) => BigInt(r.blockNumber ?? 0) <= 3n)).toBe(true);
    expect(index.size).toBe((await inner.loadRecords()).length);
    // The next run picks up at block 4, and ends with everything.
    chain.counter.reset();
    const rest = await syncPdqIndex({ ...opts, store: inner });
    expect(rest.done).toBe(true);
    const firstGetLogs = chain.counter.requests.findIndex((m) => m[0] === 'eth_getLogs');
    expect(firstGetLogs).toBeGreaterThanOrEqual(0);
    expect(index.size).toBe(4);
  });

  it('restarts a chain when the trusted set changes, and skips chains with nobody trusted', async () => {
    const index = new PdqIndex();
    const store = new MemoryPdqIndexStore();
    const base = { client: chain.client, chain: chain.config, index, store, fromBlock: deployBlock };
    await syncPdqIndex({ ...base, registrants: trusted });
    expect(index.size).toBe(4);
    const both = [...trusted, { address: ANVIL_ACCOUNTS.stranger, name: 'Now trusted' }];
    const res = await syncPdqIndex({ ...base, registrants: both });
    expect(res.restarted).toBe(true);
    expect(index.size).toBe(5);
    // Trust limited to another chain → nobody to sync here; the old records are dropped.
    const elsewhere = [{ ...trusted[0], chains: [1] } as TrustedRegistrant];
    const none = await syncPdqIndex({ ...base, registrants: elsewhere });
    expect(none).toMatchObject({ restarted: true, done: true, chunks: 0 });
    expect(index.size).toBe(0);
  });

  it('refuses to file another chain’s logs under the configured chain id', async () => {
    const store = new MemoryPdqIndexStore();
    await expect(
      syncPdqIndex({
        client: chain.client,
        chain: { id: 1 },
        registrants: trusted,
        index: new PdqIndex(),
        store,
      }),
    ).rejects.toMatchObject({ code: 'bad-response' });
    expect(await store.getCursor(1)).toBeUndefined();
  });

  it('halves the block range when the RPC refuses a large one', async () => {
    const maxRange = 3;
    const proxy = await startFakeRpc(async (method, params) => {
      if (method === 'eth_getLogs') {
        const [{ fromBlock, toBlock }] = params as [{ fromBlock: string; toBlock: string }];
        if (Number(toBlock) - Number(fromBlock) + 1 > maxRange) {
          return { rpcError: { code: -32005, message: `block range is limited to ${maxRange}` } };
        }
      }
      return forwardRpc(chain.anvil.rpcUrl, method, params);
    });
    try {
      const client = createChainClient({ ...chain.config, rpcUrl: proxy.url }, { retryCount: 0 });
      const index = new PdqIndex();
      const res = await syncPdqIndex({
        client,
        chain: chain.config,
        registrants: trusted,
        index,
        store: new MemoryPdqIndexStore(),
        chunkBlocks: 64n,
        maxRequests: 100,
      });
      expect(res.done).toBe(true);
      expect(index.size).toBe(4);
      expect(proxy.calls.filter((m) => m === 'eth_getLogs').length).toBeGreaterThan(3);
    } finally {
      await proxy.close();
    }
  });
});
