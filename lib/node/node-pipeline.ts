import { readFile } from 'node:fs/promises';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MAX_ASSET_BYTES } from '../c2pa/read-c2pa.ts';
import type { TrustLists } from '../c2pa/trust-settings.ts';
import { CacheDb } from '../cache/cache-db.ts';
import { ResultCache } from '../cache/result-cache.ts';
import type { PdqIndex } from '../chain/pdq-index.ts';
import { fingerprintImage } from '../fingerprint/fingerprint-image.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import { type FetchedBytes, fetchBytes } from '../net/fetch-bytes.ts';
import { Pipeline } from '../pipeline/pipeline.ts';
import { createProviders } from '../providers/create-providers.ts';
import { createRegistryRecoverer } from '../providers/create-recoverer.ts';
import type { Settings } from '../settings/settings.ts';
import { c2paWasmPath, loadBundledTrustListsNode, PUBLIC_DIR } from './c2pa-engine-node.ts';
import { decodeImageNode } from './decode-image-node.ts';
import { readLocalFile } from './read-local-file.ts';

/**
 * Local paths are read from disk, up to what the C2PA engine can take (a larger file cannot be validated);
 * http(s) URLs are fetched like the extension does (no cookies, capped).
 */
async function fetchSource(source: string, cwd: string): Promise<FetchedBytes> {
  if (/^https?:\/\//i.test(source)) return fetchBytes(source, { fetch });
  const path = source.startsWith('/') ? source : `${cwd}/${source}`;
  const bytes = await readLocalFile(path, MAX_ASSET_BYTES);
  return { bytes, contentType: '', linkHeader: null, finalUrl: source };
}

/**
 * The extension's pipeline, in Node: the same cache logic (over an in-memory IndexedDB, so one run never
 * fetches or validates the same content twice), the same providers, the Node image decoder.
 */
export async function createNodePipeline(
  settings: Settings,
  cwd: string,
  trustLists?: () => Promise<TrustLists>,
  /** The local perceptual index (the CLI syncs it from the logs when --rpc is given). */
  pdqIndex?: () => Promise<PdqIndex | undefined>,
  textIndex?: () => Promise<PdqIndex | undefined>,
): Promise<Pipeline> {
  const cache = new ResultCache(new CacheDb({ indexedDB: new IDBFactory(), IDBKeyRange }, 'origin-lens-cli'));
  const env = {
    settings,
    fetch,
    c2paWasm: () => readFile(c2paWasmPath()),
    loadAsset: (path: string) => readFile(`${PUBLIC_DIR}/${path}`, 'utf8'),
    trustLists: trustLists ?? (() => loadBundledTrustListsNode(settings.trust)),
    ...(pdqIndex ? { pdqIndex } : {}),
    ...(textIndex ? { textIndex } : {}),
  };
  return new Pipeline({
    cache,
    providers: await createProviders(env),
    recover: createRegistryRecoverer(env),
    fetch: (source) => fetchSource(source, cwd),
    // No wantsPdq: `verify` reports the perceptual hash of every image it is given.
    fingerprintImage: (bytes, contentType, options) =>
      fingerprintImage(bytes, contentType, decodeImageNode, options),
    translate: await localeTranslate('en'),
  });
}
