/**
 * Test support (not shipped): a real anvil per test file, with the registry deployed through the CREATE2
 * deployer, wallet clients for anvil's unlocked default accounts, and an HTTP request counter.
 */
import {
  type Account,
  type Address,
  type Chain,
  type Client,
  createWalletClient,
  encodeErrorResult,
  http,
  type PublicClient,
  type Transport,
} from 'viem';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../node/anvil.ts';
import type { ChainConfig } from './chains.ts';
import { chainFromConfig, createChainClient } from './create-chain-client.ts';
import { deployRegistry } from './deploy-registry.ts';

/** The tests name anvil's accounts through this module, beside the chain they start. */
export { ANVIL_ACCOUNTS };

/** Private key of anvil account #1 (the publisher); public knowledge, used only for key-from-env tests. */
export const ANVIL_PUBLISHER_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

export interface RequestCounter {
  fetchFn: typeof fetch;
  /** JSON-RPC methods per HTTP request, in order. */
  requests: string[][];
  /** Raw request bodies, in order (what the RPC operator sees). */
  bodies: string[];
  reset: () => void;
}

/** Wraps fetch to record every HTTP request (and the JSON-RPC methods in its body). */
export function countingFetch(inner: typeof fetch = fetch): RequestCounter {
  const requests: string[][] = [];
  const bodies: string[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    bodies.push(String(init?.body ?? ''));
    let methods: string[] = [];
    try {
      const body = JSON.parse(String(init?.body ?? 'null')) as
        | { method?: string }
        | Array<{ method?: string }>;
      methods = (Array.isArray(body) ? body : [body]).map((b) => b?.method ?? '?');
    } catch {
      methods = ['?'];
    }
    requests.push(methods);
    return inner(input, init);
  };
  return {
    fetchFn,
    requests,
    bodies,
    reset: () => {
      requests.splice(0);
      bodies.splice(0);
    },
  };
}

export type TestWallet = Client<Transport, Chain, Account>;

export interface TestChain {
  anvil: AnvilInstance;
  config: ChainConfig;
  client: PublicClient;
  counter: RequestCounter;
  wallet: (address: Address) => TestWallet;
  stop: () => Promise<void>;
}

export async function startTestChain(options: { deploy?: boolean } = {}): Promise<TestChain> {
  const anvil = await startAnvil();
  const config: ChainConfig = { id: anvil.chainId, name: 'anvil', rpcUrl: anvil.rpcUrl, enabled: true };
  const counter = countingFetch();
  const client = createChainClient(config, { fetchFn: counter.fetchFn, retryCount: 0 });
  const wallet = (address: Address): TestWallet =>
    createWalletClient({
      account: address,
      chain: chainFromConfig(config),
      transport: http(anvil.rpcUrl),
      // Automine: receipts exist at once, so poll fast instead of viem's 4 s default.
      pollingInterval: 20,
      ccipRead: false,
    });
  if (options.deploy !== false) await deployRegistry(wallet(ANVIL_ACCOUNTS.deployer));
  return { anvil, config, client, counter, wallet, stop: anvil.stop };
}

export interface FakeRpc {
  url: string;
  /** Methods received, in order. */
  calls: string[];
  close: () => Promise<void>;
}

/**
 * A tiny JSON-RPC server on 127.0.0.1 answering with whatever `answer` returns (or resolves to): used to play a
 * lying, broken or range-limiting RPC. Returning `{ raw: string }` sends that body verbatim (not even JSON);
 * `{ rpcError: { code, message } }` sends a JSON-RPC error.
 */
export async function startFakeRpc(
  answer: (method: string, params: unknown[]) => unknown | Promise<unknown>,
): Promise<FakeRpc> {
  const { createServer } = await import('node:http');
  const calls: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', async () => {
      const msg = JSON.parse(body) as { id: number; method: string; params: unknown[] };
      calls.push(msg.method);
      const result = await answer(msg.method, msg.params ?? []);
      res.setHeader('content-type', 'application/json');
      if (result && typeof result === 'object' && 'raw' in result) {
        res.end(String(result.raw));
        return;
      }
      if (result && typeof result === 'object' && 'rpcError' in result) {
        res.end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, error: result.rpcError }));
        return;
      }
      res.end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A TCP port with nothing listening (bound then released). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Forwards one JSON-RPC call to a real node (for proxies built with startFakeRpc). */
export async function forwardRpc(rpcUrl: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: unknown };
  return body.error ? { rpcError: body.error } : body.result;
}

/** EIP-3668's error (https://eips.ethereum.org/EIPS/eip-3668#client-lookup-protocol). */
const offchainLookupAbi = [
  {
    type: 'error',
    name: 'OffchainLookup',
    inputs: [
      { name: 'sender', type: 'address' },
      { name: 'urls', type: 'string[]' },
      { name: 'callData', type: 'bytes' },
      { name: 'callbackFunction', type: 'bytes4' },
      { name: 'extraData', type: 'bytes' },
    ],
  },
] as const;

/**
 * The JSON-RPC error a node returns when the called contract reverts with `OffchainLookup(sender, [url], …)`:
 * what a lying RPC answers to send a CCIP-Read client to `url`.
 */
export function offchainLookupRevert(sender: Address, url: string) {
  const data = encodeErrorResult({
    abi: offchainLookupAbi,
    errorName: 'OffchainLookup',
    args: [sender, [url], '0x1234', '0x12345678', '0x'],
  });
  return { rpcError: { code: 3, message: 'execution reverted', data } };
}
