/**
 * One viem public client per configured chain. The environment (fetch) is passed in so tests can count or break
 * requests and the extension can use its own.
 *
 * - `batch: false`: JSON-RPC batching is left to lookup-batcher.ts, which folds a page's hashes into ONE eth_call;
 *   transport-level batching would only add a wait and make request counts unpredictable.
 * - timeout + bounded retries: a slow or dead RPC must end in "could not check", never in a hang.
 * - `credentials: 'omit'`, no referrer: the RPC operator learns the hashes looked up (unavoidable), not cookies
 *   or the page URL.
 * - every answer read under a size cap (capped-rpc-fetch.ts).
 * - `ccipRead: false`: viem follows EIP-3668 by default (https://eips.ethereum.org/EIPS/eip-3668): an `eth_call`
 *   answered with an `OffchainLookup` revert makes it fetch whatever URL the revert names. A lying RPC could then
 *   make the worker request any host it can reach (this machine, an intranet). The registry never uses it.
 */
import { type Chain, createPublicClient, defineChain, http, type PublicClient, type Transport } from 'viem';
import { cappedRpcFetch } from './capped-rpc-fetch.ts';
import type { ChainConfig } from './chains.ts';

export interface ChainClientOptions {
  /** Per HTTP request (ms). */
  timeoutMs?: number;
  /** Retries after the first attempt (viem retries transport failures, not execution reverts). */
  retryCount?: number;
  retryDelayMs?: number;
  fetchFn?: typeof fetch;
}

export const DEFAULT_CLIENT_OPTIONS = { timeoutMs: 8000, retryCount: 1, retryDelayMs: 250 } as const;

export function chainFromConfig(config: ChainConfig): Chain {
  return defineChain({
    id: config.id,
    name: config.name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
    ...(config.explorerUrl
      ? { blockExplorers: { default: { name: config.name, url: config.explorerUrl } } }
      : {}),
  });
}

export function chainTransport(config: ChainConfig, options: ChainClientOptions = {}): Transport {
  const timeout = options.timeoutMs ?? DEFAULT_CLIENT_OPTIONS.timeoutMs;
  const fetchFn: typeof fetch = options.fetchFn ?? ((input, init) => fetch(input, init));
  return http(config.rpcUrl, {
    batch: false,
    timeout,
    retryCount: options.retryCount ?? DEFAULT_CLIENT_OPTIONS.retryCount,
    retryDelay: options.retryDelayMs ?? DEFAULT_CLIENT_OPTIONS.retryDelayMs,
    fetchOptions: { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' },
    // Every answer's size is capped: a lying endpoint cannot make the worker hold gigabytes.
    fetchFn: cappedRpcFetch(fetchFn, timeout),
  });
}

export function createChainClient(config: ChainConfig, options: ChainClientOptions = {}): PublicClient {
  return createPublicClient({
    chain: chainFromConfig(config),
    transport: chainTransport(config, options),
    // No multicall batching: the registry's own `lookup` view is the batch (docs/architecture.md "On-chain registry").
    batch: { multicall: false },
    cacheTime: 0,
    ccipRead: false,
  });
}
