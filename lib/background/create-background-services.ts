import { CacheDb } from '../cache/cache-db.ts';
import { DexiePdqStore } from '../cache/dexie-pdq-store.ts';
import { ResultCache } from '../cache/result-cache.ts';
import { DEFAULT_CHAINS } from '../chain/chains.ts';
import { DEFAULT_REGISTRANTS } from '../chain/registrants.ts';
import { createWebDecoder } from '../fingerprint/decode-image-web.ts';
import { fingerprintImage } from '../fingerprint/fingerprint-image.ts';
import { fingerprintText } from '../fingerprint/fingerprint-text.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import { Pipeline } from '../pipeline/pipeline.ts';
import { createProviders, type ProvidersEnv } from '../providers/create-providers.ts';
import { defaultSettings, mergeSettings, type Settings } from '../settings/settings.ts';
import { createPdqIndexService } from './pdq-index-service.ts';

export interface BackgroundEnv extends Omit<ProvidersEnv, 'settings' | 'pdqIndex'> {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  createImageBitmap: typeof createImageBitmap;
  OffscreenCanvas: typeof OffscreenCanvas;
  readSettings: () => Promise<unknown>;
}

/** Decoding and C2PA reads at once: the worker has the machine's cores, and the rest queue in arrival order. */
const CONCURRENCY = Math.max(2, Math.min(6, (globalThis.navigator?.hardwareConcurrency ?? 2) * 2));

/**
 * Everything the background worker needs, built lazily from its environment: the cache, the pipeline with
 * its evidence providers, the settings. Nothing heavy (the C2PA engine, chain clients) loads until used.
 */
export function createBackgroundServices(env: BackgroundEnv) {
  const db = new CacheDb(env);
  const cache = new ResultCache(db);
  const pdqStore = new DexiePdqStore(db);
  const decode = createWebDecoder(env);
  let settings: Promise<Settings> | undefined;
  let pipeline: Promise<Pipeline> | undefined;

  const currentSettings = () => {
    settings ??= env
      .readSettings()
      .then((stored) =>
        mergeSettings(stored, defaultSettings([...DEFAULT_CHAINS], [...DEFAULT_REGISTRANTS])),
      );
    return settings;
  };

  return {
    settings: currentSettings,
    pipeline: () => {
      pipeline ??= currentSettings().then((s) => {
        const pdq = createPdqIndexService({
          chains: s.chains,
          registrants: s.registrants,
          store: pdqStore,
          fetch: env.fetch,
        });
        return new Pipeline({
          cache,
          providers: createProviders({ ...env, settings: s, pdqIndex: pdq.index }),
          fetch: (url) => fetchBytes(url, { fetch: env.fetch, omitCredentials: s.omitCredentials }),
          fingerprintImage: (bytes, contentType) => fingerprintImage(bytes, contentType, decode),
          concurrency: CONCURRENCY,
        });
      });
      return pipeline;
    },
    fingerprintText,
    /** Settings changed: rebuild on next use. Cached parts carry a version, so stale ones are re-run. */
    settingsChanged: () => {
      settings = undefined;
      pipeline = undefined;
    },
  };
}
