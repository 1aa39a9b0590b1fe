import { keccak256, toHex } from 'viem';
import { readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex32 } from './hex32.ts';
import { MAX_URI_BYTES, registerContent, revokeContent } from './register-content.ts';
import { registryAbi } from './registry-abi.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { MAX_BATCH, unpackEntry } from './registry-entry.ts';
import { ANVIL_ACCOUNTS, startTestChain, type TestChain } from './test-chain.ts';

let chain: TestChain;
beforeAll(async () => {
  chain = await startTestChain();
});
afterAll(async () => {
  await chain?.stop();
});
const hashes = (label: string, n: number): Hex32[] =>
  Array.from({ length: n }, (_, i) => keccak256(toHex(`${label}-${i}`)));

async function entries(list: Hex32[]) {
  const [packed, counts] = await readContract(chain.client, {
    address: REGISTRY_ADDRESS,
    abi: registryAbi,
    functionName: 'lookup',
    args: [list, [ANVIL_ACCOUNTS.publisher]],
  });
  return { packed: packed.map(unpackEntry), counts };
}

describe('registerContent / revokeContent', () => {
  it('splits into batches of at most MAX_BATCH, one transaction each', async () => {
    const list = hashes('many', MAX_BATCH + 10);
    const progress: number[] = [];
    const res = await registerContent(
      chain.wallet(ANVIL_ACCOUNTS.publisher),
      list.map((hash, i) => ({ hash, kind: 0 as const, aiGenerated: i === 0 })),
      { onTransaction: (t) => progress.push(t.items) },
    );
    expect(res.txHashes).toHaveLength(2);
    expect(progress).toEqual([MAX_BATCH, 10]);
    expect(res.items).toBe(MAX_BATCH + 10);
    const { packed, counts } = await entries(list);
    expect(counts.every((c) => c === 1n)).toBe(true);
    expect(packed[0]?.flags).toBe(1);
    expect(packed[1]?.flags).toBe(0);
  });

  it('uses register for one item, with uri and manifest; duplicates are sent once', async () => {
    const [hash] = hashes('one', 1) as [Hex32];
    const res = await registerContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [
      { hash, kind: 2, uri: 'https://x', c2paManifestHash: hash },
      { hash, kind: 2, uri: 'https://x', c2paManifestHash: hash },
    ]);
    expect(res.items).toBe(1);
    expect((await entries([hash])).packed[0]?.kind).toBe(2);
  });

  it('revokes own records in batches', async () => {
    const list = hashes('rev', 3);
    await registerContent(
      chain.wallet(ANVIL_ACCOUNTS.publisher),
      list.map((hash) => ({ hash, kind: 0 as const })),
    );
    const res = await revokeContent(chain.wallet(ANVIL_ACCOUNTS.publisher), list);
    expect(res.txHashes).toHaveLength(1);
    expect((await entries(list)).packed.map((e) => e.flags)).toEqual([2, 2, 2]);
  });

  it('a revert (revoking what the stranger never registered) throws the decoded error', async () => {
    const list = hashes('rev', 1);
    await expect(revokeContent(chain.wallet(ANVIL_ACCOUNTS.stranger), list)).rejects.toThrow(/NotRegistered/);
  });

  it('validates before spending gas', async () => {
    chain.counter.reset();
    const w = chain.wallet(ANVIL_ACCOUNTS.publisher);
    const [good] = hashes('v', 1) as [Hex32];
    await expect(registerContent(w, [{ hash: '0x1234' as Hex32, kind: 0 }])).rejects.toThrow(/content hash/);
    await expect(registerContent(w, [{ hash: `0x${'0'.repeat(64)}`, kind: 0 }])).rejects.toThrow(
      /content hash/,
    );
    await expect(registerContent(w, [{ hash: good, kind: 4 as 0 }])).rejects.toThrow(/kind/);
    await expect(
      registerContent(w, [{ hash: good, kind: 0, uri: 'x'.repeat(MAX_URI_BYTES + 1) }]),
    ).rejects.toThrow(/uri/);
    await expect(registerContent(w, [{ hash: good, kind: 0 }], { batchSize: MAX_BATCH + 1 })).rejects.toThrow(
      /batch/,
    );
    expect(await registerContent(w, [])).toEqual({ txHashes: [], gasUsed: 0n, items: 0 });
  });
});
