import type { C2paEngineInit } from './engine.ts';

/**
 * A copy of the engine's WASM in Cache Storage, made when the extension is installed or updated.
 *
 * Chrome stops an idle extension worker after 30 s, and every new worker that meets a C2PA image starts the
 * engine again. Reading the 9 MB file from the extension's package took a worker 260-300 ms on the bench
 * machine (a fetch of the chrome-extension:// URL), and reading the same bytes from Cache Storage 70 ms:
 * the engine's start on a restarted worker went from 316-339 ms to 127-162 ms (2026-12-07, issue 14).
 * The copy is only ever a faster way to the same bytes: without it, or with a copy that does not compile,
 * the engine loads from the package as before.
 */

/** The parts of the Cache Storage API used here (a worker's `caches`; absent in Node). */
export type WasmCaches = Pick<CacheStorage, 'open' | 'match' | 'keys' | 'delete'>;

export interface WasmCopyEnv {
  caches?: WasmCaches;
  fetch: typeof fetch;
  /** The packaged file's URL. */
  url: string;
  /** Names the copy (extension and engine version): a new build never compiles an older build's bytes. */
  version: string;
}

export const CACHE_PREFIX = 'origin-lens-c2pa-wasm/';
/** Cache Storage keys are http(s) requests; this one is never fetched. */
export const COPY_KEY = 'https://origin-lens.invalid/c2pa.wasm';

const cacheName = (version: string) => `${CACHE_PREFIX}${version}`;

/**
 * Copies the packaged WASM into Cache Storage and drops older builds' copies. Never rejects: a copy that
 * cannot be made (a full disk) leaves the engine to load from the package.
 */
export async function copyWasm(env: WasmCopyEnv): Promise<boolean> {
  const { caches } = env;
  if (!caches) return false;
  try {
    const response = await env.fetch(env.url);
    if (!response.ok) return false;
    const bytes = await response.arrayBuffer();
    const name = cacheName(env.version);
    const cache = await caches.open(name);
    await cache.put(COPY_KEY, new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
    for (const old of await caches.keys()) {
      if (old.startsWith(CACHE_PREFIX) && old !== name) await caches.delete(old);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * What the engine is loaded from: the copy, compiled here, or else the packaged file, fetched (a Response:
 * wasm-bindgen fetches a URL only when given one directly, not through a promise). A copy that does not
 * compile (damaged on disk) is deleted, so that the next install's copy replaces it.
 */
export async function wasmFromCopy(env: WasmCopyEnv): Promise<C2paEngineInit> {
  const name = cacheName(env.version);
  try {
    // CacheStorage.match, not open(): opening would create an empty cache where there is no copy.
    const copy = await env.caches?.match(COPY_KEY, { cacheName: name });
    if (copy) return await WebAssembly.compileStreaming(copy);
  } catch {
    await env.caches?.delete(name).catch(() => false);
  }
  return env.fetch(env.url);
}
