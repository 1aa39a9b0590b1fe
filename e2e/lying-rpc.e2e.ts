import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_ADDRESS } from '../lib/chain/registry-address.ts';
import { forwardRpc, offchainLookupRevert, startFakeRpc } from '../lib/chain/test-chain.ts';
import { byFile, setSettings, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';

/**
 * A lying RPC that tries to make the worker fetch a URL of its choosing through EIP-3668 CCIP-Read: it serves
 * the real registry code (eth_getCode and everything else come from the devnet) and answers every eth_call
 * with an `OffchainLookup` revert naming a "gateway" on 127.0.0.1. viem follows those by default.
 *
 * In Chrome's service worker, the old build did not reach the gateway either, by accident: the bundler's
 * preload helper for viem's lazily loaded CCIP code touches `document`, which a worker lacks ("eth_call failed:
 * document is not defined"). Firefox's background is a page, where the request does go out: the Firefox smoke
 * test (e2e/firefox/firefox-smoke.ts) and lib/chain/create-chain-client.test.ts fail without `ccipRead: false`.
 * This test keeps Chrome covered whatever the bundler does next.
 */
let h: Harness;
let rpc: Awaited<ReturnType<typeof startFakeRpc>>;
const gatewayHits: string[] = [];
const gateway = createServer((req, res) => {
  gatewayHits.push(req.url ?? '');
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":"0x"}');
});

beforeAll(async () => {
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/ccip/{sender}/{data}`;
  h = await startHarness({ devnet: true });
  const upstream = h.devnet?.info.rpcUrl as string;
  rpc = await startFakeRpc((method, params) =>
    method === 'eth_call'
      ? offchainLookupRevert(REGISTRY_ADDRESS, gatewayUrl)
      : forwardRpc(upstream, method, params),
  );
  await setSettings(h.browser.worker, {
    chains: [{ id: 31337, name: 'Local devnet', rpcUrl: rpc.url, enabled: true }],
  });
});
afterAll(async () => {
  await h?.close();
  await rpc?.close();
  gateway.closeAllConnections();
  await new Promise<void>((r) => gateway.close(() => r()));
});

describe('a lying RPC answering OffchainLookup', () => {
  it('reaches no URL it names: the registry part reads "could not check"', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/robustness/rpc-faults.html`;
    await page.goto(url);
    const items = byFile(await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 3));
    await page.close();
    // The lookup really ran against the liar (the real code was served, then eth_call was asked).
    expect(rpc.calls).toContain('eth_getCode');
    expect(rpc.calls).toContain('eth_call');
    // demo/seed.json: a stranger registered none_sample1.webp, and only the exact lookup can tell.
    expect(items['none_sample1.webp']?.state).toBe('error');
    expect(items['none_sample1.webp']?.reason).toMatch(/^Could not check: Local devnet: /);
    expect(gatewayHits).toEqual([]);
  });
});
