/**
 * Folds the lookups a page asks for within a short window into one lookup per chain. A page with 200 images
 * asks 200 times, one image at a time, as their hashes become ready; the batcher turns that into one eth_call per
 * chain per window, and hands each caller only the answers for its own hashes.
 *
 * Flushes when the window closes (default 25 ms after the first request) or as soon as `maxHashes` distinct
 * hashes are waiting for a chain. Duplicate hashes across callers are asked once.
 */
import type { Hex32 } from './hex32.ts';
import { type HashLookup, LookupError, type LookupResult } from './lookup.ts';

export type ChainLookupFn = (chainId: number, hashes: Hex32[]) => Promise<LookupResult>;

export interface LookupBatcherOptions {
  /** The real lookup (typically lookupHashes with the chain's client and trusted registrants). */
  lookup: ChainLookupFn;
  windowMs?: number;
  /** Distinct hashes per chain that trigger an immediate flush (the lookup still chunks by its own limit). */
  maxHashes?: number;
}

export interface LookupBatcher {
  lookup: ChainLookupFn;
  /** Sends everything waiting now (e.g. on page hide). */
  flush: () => void;
}

export const DEFAULT_BATCH_WINDOW_MS = 25;
export const DEFAULT_BATCH_MAX_HASHES = 1000;

interface Waiter {
  hashes: Hex32[];
  resolve: (r: LookupResult) => void;
  reject: (e: unknown) => void;
}

interface Pending {
  hashes: Set<Hex32>;
  waiters: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function createLookupBatcher(options: LookupBatcherOptions): LookupBatcher {
  const windowMs = options.windowMs ?? DEFAULT_BATCH_WINDOW_MS;
  const maxHashes = options.maxHashes ?? DEFAULT_BATCH_MAX_HASHES;
  const pending = new Map<number, Pending>();

  const flushChain = (chainId: number): void => {
    const batch = pending.get(chainId);
    if (!batch) return;
    pending.delete(chainId);
    if (batch.timer !== undefined) clearTimeout(batch.timer);
    const hashes = [...batch.hashes];
    let call: Promise<LookupResult>;
    try {
      call = options.lookup(chainId, hashes);
    } catch (e) {
      call = Promise.reject(e);
    }
    call.then(
      (result) => {
        const byHash = new Map<string, HashLookup>();
        for (const r of result.results) byHash.set(r.hash.toLowerCase(), r);
        for (const w of batch.waiters) {
          const mine = w.hashes.map((h) => byHash.get(h));
          if (mine.some((r) => r === undefined)) {
            w.reject(new LookupError('bad-response', 'the lookup did not answer every hash'));
          } else {
            w.resolve({ deployed: result.deployed, results: mine as HashLookup[] });
          }
        }
      },
      (e: unknown) => {
        for (const w of batch.waiters) w.reject(e);
      },
    );
  };

  const lookup: ChainLookupFn = (chainId, hashes) => {
    const mine = hashes.map((h) => h.toLowerCase() as Hex32);
    if (mine.length === 0) return Promise.resolve({ deployed: true, results: [] });
    return new Promise<LookupResult>((resolve, reject) => {
      let batch = pending.get(chainId);
      if (!batch) {
        batch = { hashes: new Set(), waiters: [], timer: undefined };
        pending.set(chainId, batch);
        batch.timer = setTimeout(() => flushChain(chainId), windowMs);
      }
      for (const h of mine) batch.hashes.add(h);
      batch.waiters.push({ hashes: mine, resolve, reject });
      if (batch.hashes.size >= maxHashes) flushChain(chainId);
    });
  };

  return {
    lookup,
    flush: () => {
      for (const chainId of [...pending.keys()]) flushChain(chainId);
    },
  };
}
