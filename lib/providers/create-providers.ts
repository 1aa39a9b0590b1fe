import { loadBundledTrustLists } from '../c2pa/bundled-trust.ts';
import { C2PA_WASM_VERSION, type C2paEngineInit, loadC2paEngine } from '../c2pa/engine.ts';
import { MAX_REMOTE_MANIFEST_BYTES } from '../c2pa/read-c2pa.ts';
import type { TrustLists } from '../c2pa/trust-settings.ts';
import { createChainClient } from '../chain/create-chain-client.ts';
import { lookupHashes } from '../chain/lookup.ts';
import { createLookupBatcher } from '../chain/lookup-batcher.ts';
import type { PdqIndex } from '../chain/pdq-index.ts';
import { registrantsForChain } from '../chain/registrants.ts';
import { REGISTRY_ADDRESS } from '../chain/registry-address.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import type { EvidenceProvider } from '../pipeline/evidence-provider.ts';
import type { Settings } from '../settings/settings.ts';
import { createC2paProvider } from './c2pa-provider.ts';
import { createChainProvider } from './chain-provider.ts';

export interface ProvidersEnv {
  settings: Settings;
  fetch: typeof fetch;
  /** Where the C2PA engine's WASM comes from: a URL in the extension, bytes in Node. */
  c2paWasm: () => C2paEngineInit;
  /** Reads a file shipped in public/ (the bundled trust lists). */
  loadAsset: (path: string) => Promise<string>;
  /** Overrides the bundled trust lists (the CLI's --trust / --anchors). */
  trustLists?: () => Promise<TrustLists>;
  pdqIndex?: () => Promise<PdqIndex | undefined>;
}

const REMOTE_MANIFEST_TIMEOUT_MS = 10_000;

/** A short, stable digest of a string for version tags (not for security). */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** The evidence providers the pipeline runs, in the order their parts are shown. */
export function createProviders(env: ProvidersEnv): EvidenceProvider[] {
  const { settings } = env;
  const trust = env.trustLists ?? (() => loadBundledTrustLists(env.loadAsset, settings.trust));
  let lists: Promise<TrustLists> | undefined;
  const c2pa = createC2paProvider({
    engine: () => loadC2paEngine(env.c2paWasm()),
    trust: () => {
      lists ??= trust().catch((error) => {
        lists = undefined;
        throw error;
      });
      return lists;
    },
    remote: {
      enabled: settings.remoteManifests,
      // Manifests are fetched without cookies whatever the image setting: a manifest host needs no identity.
      fetch: async (url) =>
        (
          await fetchBytes(url, {
            fetch: env.fetch,
            omitCredentials: true,
            maxBytes: MAX_REMOTE_MANIFEST_BYTES,
            timeoutMs: REMOTE_MANIFEST_TIMEOUT_MS,
          })
        ).bytes,
    },
    version: [
      `c2pa-wasm@${C2PA_WASM_VERSION}`,
      `official:${settings.trust.official}`,
      `interim:${settings.trust.interim}`,
      `user:${digest(settings.trust.userAnchors)}`,
      `remote:${settings.remoteManifests}`,
    ].join('|'),
  });

  const clients = new Map<number, ReturnType<typeof createChainClient>>();
  const batcher = createLookupBatcher({
    lookup: async (chainId, hashes) => {
      const config = settings.chains.find((c) => c.id === chainId);
      if (!config) throw new Error(`chain ${chainId} is not configured`);
      let client = clients.get(chainId);
      if (!client) {
        client = createChainClient(config, { fetchFn: env.fetch });
        clients.set(chainId, client);
      }
      return lookupHashes(
        client,
        REGISTRY_ADDRESS,
        hashes,
        registrantsForChain(settings.registrants, chainId),
      );
    },
  });
  const chain = createChainProvider({
    chains: settings.chains,
    registrants: settings.registrants,
    lookup: batcher.lookup,
    pdqIndex: env.pdqIndex,
  });
  return [c2pa, chain];
}
