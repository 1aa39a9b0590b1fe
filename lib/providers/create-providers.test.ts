import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../fingerprint/sha256.ts';
import { c2paWasmPath, loadBundledTrustListsNode, PUBLIC_DIR } from '../node/c2pa-engine-node.ts';
import { defaultSettings } from '../settings/settings.ts';
import { createProviders } from './create-providers.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/c2pa/${name}`, import.meta.url)));

describe('createProviders', () => {
  it("reads the C2PA engine's WASM once, not before every read", async () => {
    let reads = 0;
    const settings = defaultSettings([], []);
    const providers = await createProviders({
      settings,
      fetch,
      c2paWasm: () => {
        reads++;
        return readFile(c2paWasmPath());
      },
      loadAsset: (path) => readFile(`${PUBLIC_DIR}/${path}`, 'utf8'),
      trustLists: () => loadBundledTrustListsNode(settings.trust),
    });
    const c2pa = providers.find((p) => p.part === 'c2pa');
    if (!c2pa) throw new Error('no C2PA provider');
    for (const name of ['valid_C_c2pars.jpg', 'invalid_sig_E-sig-CA.jpg', 'valid_boxhash.jpg']) {
      const bytes = fixture(name);
      const patch = await c2pa.run({
        fingerprints: { kind: 'image', sha256: await sha256Hex(bytes) },
        bytes,
        contentType: 'image/jpeg',
      });
      expect(patch.c2pa?.state, name).not.toBe('none');
    }
    // Once if this test started the engine, not at all if another test of this process did.
    expect(reads).toBeLessThanOrEqual(1);
  });

  it('asks the worker before each C2PA read, and not for a file the engine is never started for', async () => {
    const settings = defaultSettings([], []);
    const asked: string[] = [];
    let current = '';
    const providers = await createProviders({
      settings,
      fetch,
      c2paWasm: () => readFile(c2paWasmPath()),
      loadAsset: (path) => readFile(`${PUBLIC_DIR}/${path}`, 'utf8'),
      trustLists: () => loadBundledTrustListsNode(settings.trust),
      c2paYieldTo: async () => {
        asked.push(current);
      },
    });
    const c2pa = providers.find((p) => p.part === 'c2pa');
    if (!c2pa) throw new Error('no C2PA provider');
    for (const name of ['valid_C_c2pars.jpg', 'none_A.jpg', 'valid_boxhash.jpg']) {
      current = name;
      const bytes = fixture(name);
      await c2pa.run({
        fingerprints: { kind: 'image', sha256: await sha256Hex(bytes) },
        bytes,
        contentType: 'image/jpeg',
      });
    }
    expect(asked).toEqual(['valid_C_c2pars.jpg', 'valid_boxhash.jpg']);
  });
});
