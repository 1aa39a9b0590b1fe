import { keccak256, toHex } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainClient } from './create-chain-client.ts';
import type { Hex32 } from './hex32.ts';
import { registerContent, revokeContent } from './register-content.ts';
import type { TrustedRegistrant } from './registrants.ts';
import { registrationsFromLogs } from './registrations-from-logs.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { ANVIL_ACCOUNTS, startFakeRpc, startTestChain, type TestChain } from './test-chain.ts';

let chain: TestChain;
const hash: Hex32 = keccak256(toHex('shared image'));
const manifest: Hex32 = keccak256(toHex('manifest'));
const trusted: TrustedRegistrant[] = [
  { address: ANVIL_ACCOUNTS.publisher, name: 'Publisher', site: 'https://pub.example', chains: [31337] },
];

beforeAll(async () => {
  chain = await startTestChain();
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.stranger), [{ hash, kind: 0, uri: 'squat' }]);
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [
    { hash, kind: 0, uri: 'https://pub.example/a.jpg', c2paManifestHash: manifest },
  ]);
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [
    { hash, kind: 0, aiGenerated: true, uri: 'v2' },
  ]);
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.other), [{ hash, kind: 0 }]);
  await revokeContent(chain.wallet(ANVIL_ACCOUNTS.other), [hash]);
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.publisher), [
    { hash: keccak256(toHex('unrelated')), kind: 0 },
  ]);
});
afterAll(async () => {
  await chain?.stop();
});

describe('registrationsFromLogs', () => {
  it('lists every registrant of the hash, trusted first, with tx, block, time, flags and uri', async () => {
    const res = await registrationsFromLogs(chain.client, {
      chain: { id: chain.config.id, name: 'anvil' },
      contentHash: hash,
      registrants: trusted,
      chunkBlocks: 2n,
    });
    expect(res.complete).toBe(true);
    expect(
      res.records.map((r) => [r.registrant, r.trusted, r.aiGenerated, r.revoked, r.uri ?? null]),
    ).toEqual([
      [ANVIL_ACCOUNTS.publisher, true, true, false, 'v2'],
      [ANVIL_ACCOUNTS.stranger, false, false, false, 'squat'],
      [ANVIL_ACCOUNTS.other, false, false, true, null],
    ]);
    const pub = res.records[0];
    expect(pub).toMatchObject({
      chainId: 31337,
      chainName: 'anvil',
      contentHash: hash,
      registrantName: 'Publisher',
      registrantSite: 'https://pub.example',
      kind: 'sha256',
      match: 'exact',
      c2paManifestHash: manifest,
      blockNumber: '3', // the FIRST registration (block 3), not the re-registration
    });
    expect(pub?.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(pub?.time).toBeGreaterThan(1_600_000_000);
  });

  it('is bounded: a small budget scans only the newest blocks and says it is incomplete', async () => {
    await chain.client.request({ method: 'anvil_mine' as never, params: ['0x14'] as never });
    const head = await getBlockNumber(chain.client);
    const res = await registrationsFromLogs(chain.client, {
      chain: chain.config,
      contentHash: hash,
      registrants: trusted,
      chunkBlocks: 5n,
      maxRequests: 2,
    });
    expect(res.fromBlock).toBe(head - 9n);
    expect(res.scannedTo).toBe(head);
    expect(res.complete).toBe(false);
    expect(res.records).toEqual([]);
  });

  it('refuses an RPC that serves another chain than configured', async () => {
    await expect(
      registrationsFromLogs(chain.client, {
        chain: { id: 8453, name: 'Base' },
        contentHash: hash,
        registrants: trusted,
      }),
    ).rejects.toMatchObject({ code: 'bad-response', message: expect.stringMatching(/serves chain 31337/) });
  });

  it('a lying RPC (a log for another hash) → LookupError', async () => {
    const fake = await startFakeRpc((method) => {
      if (method === 'eth_blockNumber') return '0x10';
      if (method === 'eth_chainId') return '0x1';
      if (method === 'eth_getLogs') {
        return [
          {
            address: REGISTRY_ADDRESS.toLowerCase(),
            topics: [
              '0x0000000000000000000000000000000000000000000000000000000000000001',
              keccak256(toHex('x')),
            ],
            data: '0x',
            blockNumber: '0x1',
            logIndex: '0x0',
            transactionHash: keccak256(toHex('tx')),
          },
        ];
      }
      return null;
    });
    try {
      const client = createChainClient(
        { id: 1, name: 'liar', rpcUrl: fake.url, enabled: true },
        { retryCount: 0 },
      );
      await expect(
        registrationsFromLogs(client, {
          chain: { id: 1, name: 'liar' },
          contentHash: hash,
          registrants: trusted,
        }),
      ).rejects.toMatchObject({ name: 'LookupError', code: 'bad-response' });
    } finally {
      await fake.close();
    }
  });
});
