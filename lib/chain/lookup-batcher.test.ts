import { keccak256, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex32 } from './hex32.ts';
import { CodeCache, LookupError, type LookupResult, lookupHashes } from './lookup.ts';
import { createLookupBatcher } from './lookup-batcher.ts';
import { registerContent } from './register-content.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { ANVIL_ACCOUNTS, startTestChain, type TestChain } from './test-chain.ts';

const hashes = (label: string, n: number): Hex32[] =>
  Array.from({ length: n }, (_, i) => keccak256(toHex(`${label}-${i}`)));

/** A fake lookup that records its calls and answers count = position in the call. */
function recorder(delayMs = 0) {
  const calls: Array<{ chainId: number; hashes: Hex32[] }> = [];
  const lookup = async (chainId: number, hs: Hex32[]): Promise<LookupResult> => {
    calls.push({ chainId, hashes: hs });
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return { deployed: true, results: hs.map((hash) => ({ hash, records: [], count: chainId })) };
  };
  return { calls, lookup };
}

describe('createLookupBatcher (unit)', () => {
  it('one lookup per chain per window; each caller gets its own hashes in its order', async () => {
    const { calls, lookup } = recorder();
    const batcher = createLookupBatcher({ lookup, windowMs: 20 });
    const hs = hashes('u', 6);
    const answers = await Promise.all([
      batcher.lookup(1, [hs[0], hs[1]] as Hex32[]),
      batcher.lookup(1, [hs[2]] as Hex32[]),
      batcher.lookup(8453, [hs[3], hs[0]] as Hex32[]),
      batcher.lookup(1, [hs[1], hs[0]] as Hex32[]), // duplicates across callers are asked once
    ]);
    expect(calls.map((c) => [c.chainId, c.hashes.length])).toEqual([
      [1, 3],
      [8453, 2],
    ]);
    expect(answers.map((a) => a.results.map((r) => [r.hash, r.count]))).toEqual([
      [
        [hs[0], 1],
        [hs[1], 1],
      ],
      [[hs[2], 1]],
      [
        [hs[3], 8453],
        [hs[0], 8453],
      ],
      [
        [hs[1], 1],
        [hs[0], 1],
      ],
    ]);
  });

  it('a later request opens a new window', async () => {
    const { calls, lookup } = recorder();
    const batcher = createLookupBatcher({ lookup, windowMs: 5 });
    await batcher.lookup(1, hashes('a', 1));
    await batcher.lookup(1, hashes('b', 1));
    expect(calls).toHaveLength(2);
  });

  it('flushes at maxHashes without waiting for the window', async () => {
    const { calls, lookup } = recorder();
    const batcher = createLookupBatcher({ lookup, windowMs: 60_000, maxHashes: 4 });
    const hs = hashes('max', 5);
    const first = batcher.lookup(1, hs.slice(0, 3));
    const second = batcher.lookup(1, hs.slice(3, 4)); // reaches 4 → flush now
    await Promise.all([first, second]);
    expect(calls.map((c) => c.hashes.length)).toEqual([4]);
    const third = batcher.lookup(1, hs.slice(4));
    batcher.flush();
    await third;
    expect(calls.map((c) => c.hashes.length)).toEqual([4, 1]);
  });

  it('a failed lookup rejects every caller of that chain only', async () => {
    const batcher = createLookupBatcher({
      windowMs: 5,
      lookup: async (chainId, hs) => {
        if (chainId === 1) throw new LookupError('rpc', 'down');
        return { deployed: true, results: hs.map((hash) => ({ hash, records: [], count: 0 })) };
      },
    });
    const [a, b, c] = await Promise.allSettled([
      batcher.lookup(1, hashes('f', 1)),
      batcher.lookup(1, hashes('g', 1)),
      batcher.lookup(10, hashes('f', 1)),
    ]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    expect(c.status).toBe('fulfilled');
  });

  it('an answer missing a hash is a bad response for that caller', async () => {
    const batcher = createLookupBatcher({
      windowMs: 1,
      lookup: async () => ({ deployed: true, results: [] }),
    });
    await expect(batcher.lookup(1, hashes('m', 1))).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('empty requests resolve at once without a lookup', async () => {
    const { calls, lookup } = recorder();
    const batcher = createLookupBatcher({ lookup });
    expect(await batcher.lookup(1, [])).toEqual({ deployed: true, results: [] });
    expect(calls).toEqual([]);
  });
});

describe('createLookupBatcher against two real chains', () => {
  let a: TestChain;
  let b: TestChain;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestChain(), startTestChain()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('a 200-image page → one eth_call per chain per window', async () => {
    const page = hashes('page', 200);
    await registerContent(a.wallet(ANVIL_ACCOUNTS.publisher), [{ hash: page[7] as Hex32, kind: 0 }]);
    await registerContent(b.wallet(ANVIL_ACCOUNTS.publisher), [{ hash: page[150] as Hex32, kind: 0 }]);
    const cache = new CodeCache();
    const chains = new Map([
      [1001, a],
      [1002, b],
    ]);
    const batcher = createLookupBatcher({
      windowMs: 25,
      lookup: (chainId, hs) => {
        const c = chains.get(chainId) as TestChain;
        return lookupHashes(c.client, REGISTRY_ADDRESS, hs, [ANVIL_ACCOUNTS.publisher], { codeCache: cache });
      },
    });
    a.counter.reset();
    b.counter.reset();
    // Images finish hashing one by one, a little apart, all within the window.
    const answers = await Promise.all(
      page.map(async (hash, i) => {
        await new Promise((r) => setTimeout(r, i % 10));
        const [ra, rb] = await Promise.all([batcher.lookup(1001, [hash]), batcher.lookup(1002, [hash])]);
        return [ra.results[0]?.count, rb.results[0]?.count];
      }),
    );
    expect(a.counter.requests.flat().sort()).toEqual(['eth_call', 'eth_chainId', 'eth_getCode']);
    expect(b.counter.requests.flat().sort()).toEqual(['eth_call', 'eth_chainId', 'eth_getCode']);
    expect(answers[7]).toEqual([1, 0]);
    expect(answers[150]).toEqual([0, 1]);
    expect(answers.filter(([x, y]) => x || y)).toHaveLength(2);
  });
});
