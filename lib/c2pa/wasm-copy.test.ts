import { describe, expect, it } from 'vitest';
import { copyWasm, type WasmCaches, wasmFromCopy } from './wasm-copy.ts';

/** The smallest valid module: the magic number and version 1. */
const MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const URL_ = 'chrome-extension://abc/c2pa.wasm';

/**
 * Cache Storage as the browser keeps it, in memory (Node has none; the e2e tests use Chromium's own). Copies
 * bodies on put and match, as the real one does, so a test sees only what was stored.
 */
function memoryCaches(): WasmCaches & {
  names: () => string[];
  stored: (name: string) => Uint8Array | undefined;
} {
  const store = new Map<string, Map<string, { body: Uint8Array; type: string }>>();
  const open = async (name: string) => {
    const entries = store.get(name) ?? new Map<string, { body: Uint8Array; type: string }>();
    store.set(name, entries);
    const cache = {
      put: async (key: RequestInfo | URL, response: Response) => {
        entries.set(String(key), {
          body: new Uint8Array(await response.arrayBuffer()),
          type: response.headers.get('content-type') ?? '',
        });
      },
      match: async (key: RequestInfo | URL) => {
        const hit = entries.get(String(key));
        return hit ? new Response(hit.body.slice(), { headers: { 'content-type': hit.type } }) : undefined;
      },
    };
    return cache as unknown as Cache;
  };
  return {
    open,
    match: async (key: RequestInfo | URL, options?: MultiCacheQueryOptions) => {
      const name = options?.cacheName;
      if (name === undefined || !store.has(name)) return undefined;
      return (await open(name)).match(key);
    },
    keys: async () => [...store.keys()],
    delete: async (name: string) => store.delete(name),
    names: () => [...store.keys()],
    stored: (name: string) => store.get(name)?.values().next().value?.body,
  };
}

/** Serves the packaged file; its responses are marked, so a test can tell them from the copy. */
const serving =
  (bytes: Uint8Array, status = 200): typeof fetch =>
  async (input) => {
    expect(String(input)).toBe(URL_);
    return new Response(bytes.slice(), { status, headers: { 'x-from': 'package' } });
  };
const fromPackage = (init: unknown) => init instanceof Response && init.headers.get('x-from') === 'package';

describe('wasmFromCopy', () => {
  it('is the packaged file where there is no Cache Storage (Node) or no copy yet, and creates no cache', async () => {
    expect(fromPackage(await wasmFromCopy({ fetch: serving(MODULE), url: URL_, version: 'v1' }))).toBe(true);
    const caches = memoryCaches();
    expect(
      fromPackage(await wasmFromCopy({ caches, fetch: serving(MODULE), url: URL_, version: 'v1' })),
    ).toBe(true);
    expect(caches.names()).toEqual([]);
  });

  it('is the compiled copy once copyWasm has made one', async () => {
    const caches = memoryCaches();
    const env = { caches, fetch: serving(MODULE), url: URL_, version: 'v1' };
    expect(await copyWasm(env)).toBe(true);
    expect(caches.stored('origin-lens-c2pa-wasm/v1')).toEqual(MODULE);
    expect(await wasmFromCopy(env)).toBeInstanceOf(WebAssembly.Module);
    // Another build's copy is never used.
    expect(fromPackage(await wasmFromCopy({ ...env, version: 'v2' }))).toBe(true);
  });

  it('deletes a copy that does not compile and loads from the package', async () => {
    const caches = memoryCaches();
    const env = { caches, fetch: serving(MODULE.subarray(0, 5)), url: URL_, version: 'v1' };
    await copyWasm(env);
    expect(caches.names()).toEqual(['origin-lens-c2pa-wasm/v1']);
    expect(fromPackage(await wasmFromCopy(env))).toBe(true);
    expect(caches.names()).toEqual([]);
  });
});

describe('copyWasm', () => {
  it("drops older builds' copies and keeps other caches", async () => {
    const caches = memoryCaches();
    await copyWasm({ caches, fetch: serving(MODULE), url: URL_, version: 'v1' });
    await caches.open('something-else');
    await copyWasm({ caches, fetch: serving(MODULE), url: URL_, version: 'v2' });
    expect(caches.names().sort()).toEqual(['origin-lens-c2pa-wasm/v2', 'something-else']);
  });

  it('makes no copy, and never rejects, when the file cannot be read or stored', async () => {
    const caches = memoryCaches();
    expect(await copyWasm({ caches, fetch: serving(MODULE, 404), url: URL_, version: 'v1' })).toBe(false);
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await copyWasm({ caches, fetch: failing, url: URL_, version: 'v1' })).toBe(false);
    const full: WasmCaches = {
      ...caches,
      open: async () =>
        ({
          put: async () => {
            throw new DOMException('quota', 'QuotaExceededError');
          },
        }) as unknown as Cache,
    };
    expect(await copyWasm({ caches: full, fetch: serving(MODULE), url: URL_, version: 'v1' })).toBe(false);
    expect(await copyWasm({ fetch: serving(MODULE), url: URL_, version: 'v1' })).toBe(false);
    expect(
      fromPackage(await wasmFromCopy({ caches, fetch: serving(MODULE), url: URL_, version: 'v1' })),
    ).toBe(true);
  });
});
