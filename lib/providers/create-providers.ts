import { loadBundledTrustLists } from '../c2pa/bundled-trust.ts';
import { type C2paEngineInit, loadC2paEngine } from '../c2pa/engine.ts';
import { MAX_REMOTE_MANIFEST_BYTES } from '../c2pa/read-c2pa.ts';
import { EVIDENCE_MAPPING } from '../c2pa/to-evidence.ts';
import { type TrustLists, trustListsVersion } from '../c2pa/trust-settings.ts';
import type { ChainConfig } from '../chain/chains.ts';
import { createChainClient } from '../chain/create-chain-client.ts';
import { crossCheckedLookup } from '../chain/cross-check-lookup.ts';
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
  /**
   * Where the C2PA engine's WASM comes from: in the extension the module compiled from its copy in Cache Storage,
   * or the packaged file fetched (lib/c2pa/wasm-copy.ts); bytes in Node. Called once per worker, to start it.
   */
  c2paWasm: () => C2paEngineInit;
  /** Reads a file shipped in public/ (the bundled trust lists). */
  loadAsset: (path: string) => Promise<string>;
  /** Overrides the bundled trust lists (the CLI's --trust / --anchors). */
  trustLists?: () => Promise<TrustLists>;
  pdqIndex?: () => Promise<PdqIndex | undefined>;
  /** Remote manifest URLs the user asked for on the details page (fetched whatever the settings). */
  askedManifest?: (url: string) => boolean;
  textIndex?: () => Promise<PdqIndex | undefined>;
  /**
   * Awaited before each C2PA read (the engine's `yieldTo`, lib/c2pa/engine.ts): in the extension, the cache's
   * pending writes (a check answers only once its row is on disk, and a read holds the worker's thread for
   * 20-300 ms). Absent: reads start at once.
   */
  c2paYieldTo?: () => Promise<void>;
}

const REMOTE_MANIFEST_TIMEOUT_MS = 10_000;

/**
 * The evidence providers the pipeline runs, in the order their parts are shown. The trust lists are read
 * first: their digest (with the engine version) is the C2PA part's version, so new lists or a new engine
 * make every cached C2PA result stale.
 */
export async function createProviders(env: ProvidersEnv): Promise<EvidenceProvider[]> {
  const { settings } = env;
  const lists = await (env.trustLists ?? (() => loadBundledTrustLists(env.loadAsset, settings.trust)))();
  const c2pa = createC2paProvider({
    engine: () => loadC2paEngine(env.c2paWasm),
    trust: async () => lists,
    remote: {
      enabled: settings.remoteManifests,
      // Other hosts than the image's: only with the user's leave (the setting, or a click on the details page).
      mayFetchFrom: (url) =>
        (settings.remoteManifests && settings.remoteManifestsAnyHost) || env.askedManifest?.(url) === true,
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
    version: `${await trustListsVersion(lists)}|map:${EVIDENCE_MAPPING}|remote:${settings.remoteManifests}:${settings.remoteManifestsAnyHost}`,
    ...(env.c2paYieldTo ? { yieldTo: env.c2paYieldTo } : {}),
  });

  // One client per RPC URL: a URL changed in the options gets a fresh client, not the old one's cache.
  const clients = new Map<string, ReturnType<typeof createChainClient>>();
  const clientFor = (config: ChainConfig) => {
    let client = clients.get(config.rpcUrl);
    if (!client) {
      client = createChainClient(config, { fetchFn: env.fetch });
      clients.set(config.rpcUrl, client);
    }
    return client;
  };
  const batcher = createLookupBatcher({
    lookup: async (chainId, hashes) => {
      const config = settings.chains.find((c) => c.id === chainId);
      if (!config) throw new Error(`chain ${chainId} is not configured`);
      const registrants = registrantsForChain(settings.registrants, chainId);
      const ask = (c: ChainConfig) => () => lookupHashes(clientFor(c), REGISTRY_ADDRESS, hashes, registrants);
      const second = settings.crossCheckRpc[String(chainId)];
      if (!second) return ask(config)();
      return crossCheckedLookup(ask(config), ask({ ...config, rpcUrl: second }));
    },
  });
  const chain = createChainProvider({
    chains: settings.chains,
    registrants: settings.registrants,
    lookup: batcher.lookup,
    pdqIndex: env.pdqIndex,
    textIndex: env.textIndex,
  });
  return [c2pa, chain];
}
