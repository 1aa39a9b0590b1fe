import { getBlockNumber } from 'viem/actions';
import { describe, expect, it } from 'vitest';
import { createChainClient } from './create-chain-client.ts';
import { startFakeRpc } from './test-chain.ts';

describe('createChainClient', () => {
  it('omits credentials and referrer, does not batch, and retries a bounded number of times', async () => {
    let failures = 0;
    const rpc = await startFakeRpc((method) => {
      if (method === 'eth_blockNumber' && failures++ < 10) return { raw: 'not json' };
      return '0x2a';
    });
    const inits: RequestInit[] = [];
    const fetchFn: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    try {
      const client = createChainClient(
        { id: 1, name: 'fake', rpcUrl: rpc.url, enabled: true },
        { fetchFn, retryCount: 2, retryDelayMs: 1 },
      );
      await expect(getBlockNumber(client, { cacheTime: 0 })).rejects.toThrow();
      expect(inits).toHaveLength(3); // 1 + 2 retries, then give up
      expect(inits[0]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
      expect(JSON.parse(String(inits[0]?.body))).not.toBeInstanceOf(Array);
      expect(client.chain?.id).toBe(1);
    } finally {
      await rpc.close();
    }
  });
});
