import { loadBundledTrustLists } from '../c2pa/bundled-trust.ts';
import { loadC2paEngine } from '../c2pa/engine.ts';
import { MAX_REMOTE_MANIFEST_BYTES } from '../c2pa/read-c2pa.ts';
import { readManifestStore, type StandaloneC2paEvidence } from '../c2pa/read-manifest-store.ts';
import { createChainClient } from '../chain/create-chain-client.ts';
import type { Hex32 } from '../chain/hex32.ts';
import { registrationsFromLogs } from '../chain/registrations-from-logs.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import { createRecoverer, type Recoverer } from '../recover/recover-credentials.ts';
import type { ProvidersEnv } from './create-providers.ts';

const MANIFEST_TIMEOUT_MS = 10_000;

/**
 * The recoverer with the extension's (or the CLI's) environment: the same engine and trust lists as the C2PA
 * provider, manifest stores fetched without cookies (10 MB, 10 s), and an exact record's manifest hash read from
 * its registration log on that chain.
 */
/** Validates standalone manifest stores with the same engine and trust lists as the C2PA provider. */
export function createStoreReader(env: ProvidersEnv): (store: Uint8Array) => Promise<StandaloneC2paEvidence> {
  let lists: ReturnType<NonNullable<ProvidersEnv['trustLists']>> | undefined;
  const trust = () => {
    lists ??= (env.trustLists ?? (() => loadBundledTrustLists(env.loadAsset, env.settings.trust)))();
    return lists;
  };
  return async (store) => {
    const [engine, t] = await Promise.all([loadC2paEngine(env.c2paWasm), trust()]);
    return readManifestStore(engine, store, { trust: t });
  };
}

export function createRegistryRecoverer(env: ProvidersEnv): Recoverer {
  const { settings } = env;
  return createRecoverer({
    readStore: createStoreReader(env),
    fetchStore: async (url) =>
      (
        await fetchBytes(url, {
          fetch: env.fetch,
          omitCredentials: true,
          maxBytes: MAX_REMOTE_MANIFEST_BYTES,
          timeoutMs: MANIFEST_TIMEOUT_MS,
        })
      ).bytes,
    manifestOf: async (record) => {
      const chain = settings.chains.find((c) => c.id === record.chainId && c.enabled);
      if (!chain) return undefined;
      const { records } = await registrationsFromLogs(createChainClient(chain, { fetchFn: env.fetch }), {
        chain,
        contentHash: record.contentHash as Hex32,
        registrants: settings.registrants,
      });
      return records.find((r) => r.registrant.toLowerCase() === record.registrant.toLowerCase());
    },
  });
}
