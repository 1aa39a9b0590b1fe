import { chainEvidenceFor } from '../chain/chain-evidence.ts';
import type { ChainConfig } from '../chain/chains.ts';
import type { ChainLookupFn } from '../chain/lookup-batcher.ts';
import type { PdqIndex } from '../chain/pdq-index.ts';
import type { TrustedRegistrant } from '../chain/registrants.ts';
import type { EvidenceProvider } from '../pipeline/evidence-provider.ts';

export interface ChainProviderEnv {
  chains: readonly ChainConfig[];
  registrants: readonly TrustedRegistrant[];
  /** Batched per chain: a page's hashes become one eth_call per chain per window. */
  lookup: ChainLookupFn;
  /** The local perceptual index (PDQ hashes never leave the browser). */
  pdqIndex?: () => Promise<PdqIndex | undefined>;
  /** The local ISCC Text-Code index (text codes never leave the browser either). */
  textIndex?: () => Promise<PdqIndex | undefined>;
}

/** Records can be added or revoked at any time, so the chain part is re-asked after an hour. */
export const CHAIN_TTL_MS = 3600_000;

/** Which chains and registrants a result was computed with: changing either makes cached parts stale. */
export function chainVersion(
  chains: readonly ChainConfig[],
  registrants: readonly TrustedRegistrant[],
): string {
  const on = chains.filter((c) => c.enabled).map((c) => `${c.id}@${c.rpcUrl}`);
  const who = registrants.map((r) => `${r.address.toLowerCase()}:${(r.chains ?? []).join('.')}`);
  return `${on.join(',')}|${who.join(',')}`;
}

export function createChainProvider(env: ChainProviderEnv): EvidenceProvider {
  const version = chainVersion(env.chains, env.registrants);
  return {
    part: 'chain',
    kinds: ['image', 'text'],
    needsBytes: false,
    ttlMs: CHAIN_TTL_MS,
    version: () => version,
    run: async ({ fingerprints }) => {
      const input =
        fingerprints.kind === 'image'
          ? { sha256: fingerprints.sha256, pdq: fingerprints.pdq }
          : { sha256Collapsed: fingerprints.sha256Collapsed, isccText: fingerprints.isccTextHex };
      const pdqIndex =
        fingerprints.kind === 'image' ? await env.pdqIndex?.().catch(() => undefined) : undefined;
      const textIndex =
        fingerprints.kind === 'text' ? await env.textIndex?.().catch(() => undefined) : undefined;
      const chain = await chainEvidenceFor(input, {
        chains: env.chains,
        registrants: env.registrants,
        lookup: env.lookup,
        pdqIndex,
        textIndex,
      });
      return { chain };
    },
  };
}
