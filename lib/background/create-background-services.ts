import {
  fetchTrustLists,
  TRUST_OVERRIDES_KEY,
  type TrustListOverrides,
  withOverrides,
} from '../c2pa/update-trust-lists.ts';
import { CacheDb } from '../cache/cache-db.ts';
import { DexiePdqStore } from '../cache/dexie-pdq-store.ts';
import { ResultCache } from '../cache/result-cache.ts';
import { DEFAULT_CHAINS } from '../chain/chains.ts';
import { DEFAULT_REGISTRANTS } from '../chain/registrants.ts';
import { createWebDecoder } from '../fingerprint/decode-image-web.ts';
import { fingerprintImage } from '../fingerprint/fingerprint-image.ts';
import { fingerprintText } from '../fingerprint/fingerprint-text.ts';
import { backgroundError } from '../i18n/background-error.ts';
import { englishFromAsset } from '../i18n/english-from-asset.ts';
import { readPageWords } from '../i18n/page-words.ts';
import { MediaChecker } from '../media/media-checker.ts';
import type { BackgroundResponses } from '../messages/protocol.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';
import { limitConcurrency } from '../pipeline/limit-concurrency.ts';
import { Pipeline } from '../pipeline/pipeline.ts';
import { createProviders, type ProvidersEnv } from '../providers/create-providers.ts';
import { createRegistryRecoverer, createStoreReader } from '../providers/create-recoverer.ts';
import { readSettings } from '../schemas/settings-schema.ts';
import { defaultSettings, SETTINGS_KEY, type Settings } from '../settings/settings.ts';
import { fetchRemoteManifest } from './fetch-remote-manifest.ts';
import { createPdqIndexService } from './pdq-index-service.ts';
import { registrationsFor } from './registrations-for.ts';
import { retryingMemo } from './retrying-memo.ts';
import { softBindingLookup } from './soft-binding-lookup.ts';

export interface BackgroundEnv extends Omit<ProvidersEnv, 'settings' | 'pdqIndex' | 'trustLists'> {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  createImageBitmap: typeof createImageBitmap;
  OffscreenCanvas: typeof OffscreenCanvas;
  /** Extension storage (storage.local): settings and fetched trust lists. */
  storage: { get: (key: string) => Promise<unknown>; set: (key: string, value: unknown) => Promise<void> };
  /** The `_locales` folder the browser chose (its `uiLocale` message): the content scripts' words. */
  uiLocale: () => string;
}

/**
 * Fetches and decodes at once. Decoding happens off the worker's thread (createImageBitmap), fetching waits on
 * the network, so a few per core keep both busy; measured best at 8 on 2 cores (README "Performance").
 */
const CONCURRENCY = Math.max(4, Math.min(12, (globalThis.navigator?.hardwareConcurrency ?? 2) * 4));

/**
 * Perceptual hashes at once (decode + PDQ, when a PDQ index is on): one core fewer than the machine has, at
 * least one, so that decoding leaves a core to the page the user is reading. One costs a core ~85 ms (decoder
 * thread, then the worker's); eight at once, as fetches run, took every core of a 2-core machine. Fetches and
 * exact hashes still overlap.
 */
const PDQ_AT_ONCE = Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1);

/**
 * How long a C2PA read waits at most for the cache's pending writes. A write took 70-110 ms on a fresh
 * profile when nothing held the thread (bench machine, issue 14), so this lets one land, not a stream:
 * with 250 ms the gallery's later C2PA reads waited behind writes, and its last answer came 0.4 s later.
 */
const C2PA_WAITS_FOR_WRITES_MS = 120;

/**
 * Everything the background worker needs, built lazily from its environment: the cache, the pipeline with
 * its evidence providers, the settings. Nothing heavy (the C2PA engine, chain clients) loads until used.
 */
export function createBackgroundServices(env: BackgroundEnv) {
  const db = new CacheDb(env);
  const cache = new ResultCache(db);
  const pdqStore = new DexiePdqStore(db);
  const decode = createWebDecoder(env);
  const pdqLimit = limitConcurrency(PDQ_AT_ONCE);
  let settings: Promise<Settings> | undefined;
  /** Remote manifest URLs the user asked for on the details page (kept for the worker's lifetime). */
  const askedManifests = new Set<string>();
  let recoverer: ReturnType<typeof createRegistryRecoverer> | undefined;
  let storeReader: ReturnType<typeof createStoreReader> | undefined;

  const currentSettings = () => {
    settings ??= env.storage
      .get(SETTINGS_KEY)
      .then((stored) => readSettings(stored, defaultSettings([...DEFAULT_CHAINS], [...DEFAULT_REGISTRANTS])));
    return settings;
  };

  const build = async (): Promise<Pipeline> => {
    const s = await currentSettings();
    const overrides = (await env.storage.get(TRUST_OVERRIDES_KEY)) as TrustListOverrides | undefined;
    const pdq = createPdqIndexService({
      chains: s.chains,
      registrants: s.registrants,
      store: pdqStore,
      fetch: env.fetch,
    });
    const providersEnv = {
      ...env,
      loadAsset: withOverrides(env.loadAsset, overrides),
      settings: s,
      pdqIndex: pdq.index,
      textIndex: pdq.textIndex,
      askedManifest: (url: string) => askedManifests.has(url),
      c2paYieldTo: () => cache.writesLanded(C2PA_WAITS_FOR_WRITES_MS),
    };
    recoverer = createRegistryRecoverer(providersEnv);
    storeReader = createStoreReader(providersEnv);
    const recover = recoverer;
    return new Pipeline({
      cache,
      providers: await createProviders(providersEnv),
      recover: (evidence) => recover(evidence),
      fetch: (url) => fetchBytes(url, { fetch: env.fetch, omitCredentials: s.omitCredentials }),
      fingerprintImage: (bytes, contentType, options) => {
        const run = () => fingerprintImage(bytes, contentType, decode, options);
        return options.pdq ? pdqLimit(run) : run();
      },
      wantsPdq: pdq.wantsPdq,
      screenPdq: pdq.screen,
      wantsIscc: pdq.wantsIscc,
      concurrency: CONCURRENCY,
      // The stored `reason` stays English (README "Languages"); pages render `reasonCode` in the user's language.
      translate: await englishFromAsset(env.loadAsset),
    });
  };

  // A failed start (unreadable lists) must not stick: the next request tries again.
  const pipelineOnce = retryingMemo(build);
  const mediaOnce = retryingMemo(() =>
    Promise.all([pipelineOnce.get(), currentSettings()]).then(
      ([p, s]) =>
        new MediaChecker({
          pipeline: p,
          fetch: env.fetch,
          omitCredentials: s.omitCredentials,
          autoCheckBytes: s.mediaAutoCheckMb * 1024 * 1024,
          registry: s.chains.some((c) => c.enabled),
        }),
    ),
  );
  const wordsOnce = retryingMemo(() => readPageWords(env.uiLocale(), env.loadAsset));

  const services = {
    settings: currentSettings,
    pipeline: pipelineOnce.get,
    /** Video and audio: checked within the size budget, through the same pipeline. */
    media: mediaOnce.get,
    fingerprintText,
    /** Settings changed: rebuild on next use. Cached parts carry a version, so stale ones are re-run. */
    settingsChanged: () => {
      settings = undefined;
      pipelineOnce.reset();
      mediaOnce.reset();
    },
    /** Everyone who registered an item's hash, from the logs of every enabled chain (details page). */
    registrations: async (key: string) => {
      const pipeline = await services.pipeline();
      return registrationsFor(
        await pipeline.details(key),
        await currentSettings(),
        env.fetch,
        pipeline.translate,
      );
    },
    /** "Fetch Content Credentials from <host>" on the details page. */
    fetchRemoteManifest: (key: string) =>
      fetchRemoteManifest(key, { pipeline: services.pipeline, allow: (url) => askedManifests.add(url) }),
    /**
     * Recovered credentials on the user's request (details page): every registrant's record of the exact hash
     * (from the logs) and the look-alikes, including registrants not on the trusted list.
     */
    recoverCredentials: async (key: string) => {
      const pipe = await services.pipeline();
      const found = await services.registrations(key);
      return pipe.amend(key, async (evidence) => {
        const known = evidence.chain?.records ?? [];
        const records = [...found.records, ...known.filter((r) => r.match === 'perceptual')];
        const chain = { state: 'ok' as const, otherRegistrations: 0, ...evidence.chain, records };
        const recovered = await recoverer?.({ ...evidence, chain }, { userRequested: true });
        return recovered ? { ...evidence, recovered } : evidence;
      });
    },
    /** A resolution service the user added, asked on the user's click on the details page. */
    softBindingLookup: async (key: string, endpoint: string) => {
      const pipeline = await services.pipeline();
      const details = await pipeline.details(key);
      const readStore = storeReader;
      if (!readStore) return backgroundError(pipeline.translate, 'starting');
      const settings = await currentSettings();
      return softBindingLookup(
        details,
        endpoint,
        settings,
        { fetch: env.fetch, readStore },
        pipeline.translate,
      );
    },
    /** The content scripts' words, read once per worker (lib/i18n/page-words.ts). */
    pageWords: wordsOnce.get,
    /** "Update lists": fresh trust lists from their official addresses, on the user's request only. */
    updateTrustLists: async (): Promise<BackgroundResponses['update-trust-lists']> => {
      try {
        const fetched = await fetchTrustLists(env.fetch);
        await env.storage.set(TRUST_OVERRIDES_KEY, fetched);
        services.settingsChanged();
        const files = Object.keys(fetched.files).length;
        return { ok: true, message: `Updated ${files} list files.`, files };
      } catch (error) {
        const reason = (error as Error).message;
        return {
          ok: false,
          message: `The lists could not be updated (${reason}); the current ones stay in use.`,
          error: reason,
        };
      }
    },
  };
  return services;
}
