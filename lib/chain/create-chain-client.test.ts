import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicClient, keccak256, toHex } from 'viem';
import { getBlockNumber } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainFromConfig, chainTransport, createChainClient } from './create-chain-client.ts';
import { CodeCache, LookupError, lookupHashes } from './lookup.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import {
  ANVIL_ACCOUNTS,
  forwardRpc,
  offchainLookupRevert,
  startFakeRpc,
  startTestChain,
  type TestChain,
} from './test-chain.ts';

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

describe('CCIP-Read (EIP-3668) is off', () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  /**
   * A lying RPC: the real node for eth_getCode / eth_chainId (so the real registry code is there and the lookup
   * goes ahead), and an OffchainLookup revert for every eth_call, naming a gateway on this machine.
   */
  async function lyingRpc() {
    const gateway = createServer((req, res) => {
      gatewayHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":"0x"}');
    });
    const gatewayHits: string[] = [];
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/{sender}/{data}.json`;
    const rpc = await startFakeRpc((method, params) =>
      method === 'eth_call'
        ? offchainLookupRevert(REGISTRY_ADDRESS, gatewayUrl)
        : forwardRpc(chain.anvil.rpcUrl, method, params),
    );
    return {
      rpc,
      gatewayHits,
      close: async () => {
        await rpc.close();
        gateway.closeAllConnections();
        await new Promise<void>((r) => gateway.close(() => r()));
      },
    };
  }

  it('a lookup answered with OffchainLookup fails as "could not check" and never reaches the named URL', async () => {
    const liar = await lyingRpc();
    try {
      const client = createChainClient({ ...chain.config, rpcUrl: liar.rpc.url }, { retryCount: 0 });
      expect(client.ccipRead).toBe(false);
      const lookup = lookupHashes(
        client,
        REGISTRY_ADDRESS,
        [keccak256(toHex('x'))],
        [ANVIL_ACCOUNTS.publisher],
        {
          codeCache: new CodeCache(),
        },
      );
      await expect(lookup).rejects.toBeInstanceOf(LookupError);
      expect(liar.rpc.calls).toContain('eth_call');
      expect(liar.gatewayHits).toEqual([]);
    } finally {
      await liar.close();
    }
  });

  it('control: a viem client with its default would fetch the URL the RPC names', async () => {
    const liar = await lyingRpc();
    try {
      const config = { ...chain.config, rpcUrl: liar.rpc.url };
      const client = createPublicClient({
        chain: chainFromConfig(config),
        transport: chainTransport(config),
      });
      await lookupHashes(client, REGISTRY_ADDRESS, [keccak256(toHex('x'))], [ANVIL_ACCOUNTS.publisher], {
        codeCache: new CodeCache(),
      }).catch(() => undefined);
      expect(liar.gatewayHits.length).toBeGreaterThan(0);
    } finally {
      await liar.close();
    }
  });
});
