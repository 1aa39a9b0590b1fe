import { type Address, encodeFunctionResult, keccak256, toHex } from 'viem';
import { estimateGas } from 'viem/actions';
import { encodeFunctionData } from 'viem/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import artifact from '../../contracts/artifacts/origin-registry.json' with { type: 'json' };
import { createChainClient } from './create-chain-client.ts';
import type { Hex32 } from './hex32.ts';
import { CodeCache, checkAndMap, LookupError, lookupHashes, MAX_LOOKUP_CELLS } from './lookup.ts';
import { registerContent } from './register-content.ts';
import { registryAbi } from './registry-abi.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { packEntry } from './registry-entry.ts';
import {
  ANVIL_ACCOUNTS,
  closedPort,
  countingFetch,
  startFakeRpc,
  startTestChain,
  type TestChain,
} from './test-chain.ts';

let chain: TestChain;
beforeAll(async () => {
  chain = await startTestChain();
});
afterAll(async () => {
  await chain?.stop();
});

const hashes = (label: string, n: number): Hex32[] =>
  Array.from({ length: n }, (_, i) => keccak256(toHex(`${label}-${i}`)));
const five: Address[] = [
  ANVIL_ACCOUNTS.publisher,
  ANVIL_ACCOUNTS.stranger,
  ANVIL_ACCOUNTS.other,
  '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
];

async function expectLookupError(p: Promise<unknown>, code: LookupError['code']): Promise<LookupError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(LookupError);
  expect((e as LookupError).code).toBe(code);
  return e as LookupError;
}

describe('lookupHashes', () => {
  it('answers 1000 hashes × 5 registrants in ONE eth_call (plus a once-per-session code and chain-id check)', async () => {
    const many = hashes('page', 1000);
    const registered = [many[3], many[500], many[999]] as Hex32[];
    await registerContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [
      { hash: registered[0] as Hex32, kind: 0 },
      { hash: registered[1] as Hex32, kind: 1, aiGenerated: true },
    ]);
    await registerContent(chain.wallet(ANVIL_ACCOUNTS.stranger), [{ hash: registered[2] as Hex32, kind: 2 }]);
    const cache = new CodeCache();
    chain.counter.reset();
    const first = await lookupHashes(chain.client, REGISTRY_ADDRESS, many, five, { codeCache: cache });
    // One batch of session checks (code + chain id), then the single lookup call, one method per HTTP request.
    expect(chain.counter.requests.flat().sort()).toEqual(['eth_call', 'eth_chainId', 'eth_getCode']);
    expect(chain.counter.requests.every((r) => r.length === 1)).toBe(true);
    chain.counter.reset();
    const t0 = performance.now();
    const again = await lookupHashes(chain.client, REGISTRY_ADDRESS, many, five, { codeCache: cache });
    const ms = performance.now() - t0;
    expect(chain.counter.requests).toEqual([['eth_call']]);
    console.log(`lookup 1000 × 5: ${ms.toFixed(1)} ms, 1 request`);
    expect(again).toEqual(first);
    expect(first.deployed).toBe(true);
    expect(first.results).toHaveLength(1000);
    expect(first.results.map((r) => r.hash)).toEqual(many);
    const found = first.results.filter((r) => r.count > 0);
    expect(
      found.map((r) => [r.hash, r.count, r.records.map((x) => [x.registrant, x.kind, x.aiGenerated])]),
    ).toEqual([
      [registered[0], 1, [[ANVIL_ACCOUNTS.publisher, 0, false]]],
      [registered[1], 1, [[ANVIL_ACCOUNTS.publisher, 1, true]]],
      [registered[2], 1, [[ANVIL_ACCOUNTS.stranger, 2, false]]],
    ]);
    const t = found[0]?.records[0]?.time ?? 0;
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(120);
  });

  it('splits above MAX_LOOKUP_CELLS and keeps the order', async () => {
    const list = hashes('chunk', 25);
    await registerContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [{ hash: list[24] as Hex32, kind: 0 }]);
    chain.counter.reset();
    const res = await lookupHashes(chain.client, REGISTRY_ADDRESS, list, five, {
      codeCache: new CodeCache(),
      maxCellsPerCall: 60, // 60 / (5 + 1) = 10 hashes per call → 3 calls
    });
    expect(chain.counter.requests.filter((m) => m[0] === 'eth_call')).toHaveLength(3);
    expect(res.results.map((r) => r.hash)).toEqual(list);
    expect(res.results[24]?.records).toHaveLength(1);
  });

  it('gas per cell in the worst case justifies MAX_LOOKUP_CELLS', async () => {
    // Every hash registered by every registrant: each cell is a cold storage read.
    const list = hashes('worst', 200);
    for (const who of five) {
      await registerContent(
        chain.wallet(who),
        list.map((hash) => ({ hash, kind: 0 as const })),
      );
    }
    const data = encodeFunctionData({ abi: registryAbi, functionName: 'lookup', args: [list, five] });
    const gas = await estimateGas(chain.client, { to: REGISTRY_ADDRESS, data });
    const perCell = Number(gas) / (list.length * (five.length + 1));
    console.log(`lookup worst case: ${gas} gas for 200 × 5 (${perCell.toFixed(0)} gas/cell)`);
    expect(perCell * MAX_LOOKUP_CELLS).toBeLessThan(16_000_000);
    const res = await lookupHashes(chain.client, REGISTRY_ADDRESS, list, five, {
      codeCache: new CodeCache(),
    });
    expect(res.results.every((r) => r.count === 5 && r.records.length === 5)).toBe(true);
  });

  it('no code at the address → no records, and no eth_call', async () => {
    chain.counter.reset();
    const nowhere: Address = '0x000000000000000000000000000000000000dEaD';
    const res = await lookupHashes(chain.client, nowhere, hashes('x', 3), five, {
      codeCache: new CodeCache(),
    });
    expect(res.deployed).toBe(false);
    expect(res.results.map((r) => [r.count, r.records.length])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(chain.counter.requests.flat().sort()).toEqual(['eth_chainId', 'eth_getCode']);
  });

  it('an RPC serving another chain than configured → LookupError "bad-response"', async () => {
    // E.g. a mainnet fork listening on the devnet port: its records must not count as the devnet's.
    const wrong = createChainClient({ ...chain.config, id: 1 }, { retryCount: 0 });
    const e = await expectLookupError(
      lookupHashes(wrong, REGISTRY_ADDRESS, hashes('page', 1), five, { codeCache: new CodeCache() }),
      'bad-response',
    );
    expect(e.message).toMatch(/serves chain 31337, not chain 1/);
  });

  it('no hashes → no request at all', async () => {
    chain.counter.reset();
    expect(await lookupHashes(chain.client, REGISTRY_ADDRESS, [], five)).toEqual({
      deployed: true,
      results: [],
    });
    expect(chain.counter.requests).toEqual([]);
  });

  it('a dead RPC (closed port) → LookupError "rpc", and the failure is not cached', async () => {
    const port = await closedPort();
    const counter = countingFetch();
    const client = createChainClient(
      { id: 31337, name: 'dead', rpcUrl: `http://127.0.0.1:${port}`, enabled: true },
      { fetchFn: counter.fetchFn, retryCount: 1, retryDelayMs: 10, timeoutMs: 1000 },
    );
    const cache = new CodeCache();
    await expectLookupError(
      lookupHashes(client, REGISTRY_ADDRESS, hashes('d', 2), five, { codeCache: cache }),
      'rpc',
    );
    const before = counter.requests.length;
    expect(before).toBeGreaterThanOrEqual(1);
    expect(before).toBeLessThanOrEqual(4); // getCode + chainId, each tried at most 1 + 1 time
    await expectLookupError(
      lookupHashes(client, REGISTRY_ADDRESS, hashes('d', 2), five, { codeCache: cache }),
      'rpc',
    );
    expect(counter.requests.length).toBeGreaterThan(before);
  });

  it('a slow RPC times out → LookupError "rpc"', async () => {
    const { createServer } = await import('node:http');
    const server = createServer(() => {
      // never answers
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const client = createChainClient(
      { id: 1, name: 'slow', rpcUrl: `http://127.0.0.1:${port}`, enabled: true },
      { retryCount: 0, timeoutMs: 200 },
    );
    const t0 = Date.now();
    await expectLookupError(
      lookupHashes(client, REGISTRY_ADDRESS, hashes('s', 1), five, { codeCache: new CodeCache() }),
      'rpc',
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  describe('a lying RPC → LookupError "bad-response"', () => {
    const list = hashes('lie', 2);
    const two: Address[] = [ANVIL_ACCOUNTS.publisher, ANVIL_ACCOUNTS.stranger];
    const now = Math.floor(Date.now() / 1000);
    const reply = (packed: bigint[], counts: bigint[]) =>
      encodeFunctionResult({ abi: registryAbi, functionName: 'lookup', result: [packed, counts] });

    async function withLiar(callResult: unknown, code: unknown = artifact.deployedBytecode) {
      const rpc = await startFakeRpc((method) => {
        if (method === 'eth_getCode') return code;
        if (method === 'eth_chainId') return '0x7a69';
        return callResult;
      });
      const client = createChainClient(
        { id: 31337, name: 'liar', rpcUrl: rpc.url, enabled: true },
        { retryCount: 0 },
      );
      try {
        return await expectLookupError(
          lookupHashes(client, REGISTRY_ADDRESS, list, two, { codeCache: new CodeCache() }),
          'bad-response',
        );
      } finally {
        await rpc.close();
      }
    }

    it('garbage instead of ABI data', async () => {
      await withLiar('0x1234');
    });
    it('a non-hex string', async () => {
      await withLiar('not hex at all');
    });
    it('wrong-length arrays', async () => {
      await withLiar(reply([0n, 0n, 0n], [0n, 0n]));
      await withLiar(reply([0n, 0n, 0n, 0n], [0n]));
    });
    it('an unknown kind', async () => {
      await withLiar(reply([packEntry(now, 0, 0), 0n, 0n, (5n << 8n) | (BigInt(now) << 16n)], [1n, 1n]));
    });
    it('a time in the far future', async () => {
      await withLiar(reply([packEntry(now + 10 * 86400, 0, 0), 0n, 0n, 0n], [1n, 0n]));
    });
    it('unknown flags or high bits', async () => {
      await withLiar(reply([packEntry(now, 0, 0x10), 0n, 0n, 0n], [1n, 0n]));
      await withLiar(reply([packEntry(now, 0, 0) | (1n << 200n), 0n, 0n, 0n], [1n, 0n]));
    });
    it('a count lower than the records it returned', async () => {
      await withLiar(reply([packEntry(now, 0, 0), packEntry(now, 0, 0), 0n, 0n], [1n, 0n]));
    });
    it('other code at the registry address', async () => {
      await withLiar(reply([0n, 0n, 0n, 0n], [0n, 0n]), '0x6080604052');
    });
  });
});

describe('checkAndMap', () => {
  const now = 1_800_000_000;
  const h1 = keccak256(toHex('a'));
  it('maps flags and drops empty cells', () => {
    const out = checkAndMap([h1], five.slice(0, 2), [packEntry(now - 5, 2, 3), 0n], [4n], now);
    expect(out).toEqual([
      {
        hash: h1,
        count: 4,
        records: [
          { registrant: five[0], time: now - 5, kind: 2, flags: 3, aiGenerated: true, revoked: true },
        ],
      },
    ]);
  });
  it('tolerates small clock skew but not a day ahead', () => {
    expect(() => checkAndMap([h1], five.slice(0, 1), [packEntry(now + 600, 0, 0)], [1n], now)).not.toThrow();
    expect(() => checkAndMap([h1], five.slice(0, 1), [packEntry(now + 90_000, 0, 0)], [1n], now)).toThrow(
      LookupError,
    );
  });
});
