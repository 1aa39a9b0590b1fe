import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readC2pa } from '../c2pa/read-c2pa.ts';
import {
  c2paWasmPath,
  loadBundledTrustListsNode,
  loadC2paEngineNode,
  PUBLIC_DIR,
} from './c2pa-engine-node.ts';

describe('c2pa-engine-node', () => {
  it('finds the .wasm in node_modules and the bundled lists in public/trust', () => {
    expect(c2paWasmPath()).toMatch(/@contentauth\/c2pa-wasm\/pkg\/c2pa_bg\.wasm$/);
    expect(existsSync(`${PUBLIC_DIR}/trust/c2pa-official-trust-list.pem`)).toBe(true);
  });

  it('loads the engine once and reads a file with the bundled lists', async () => {
    const engine = await loadC2paEngineNode();
    expect(await loadC2paEngineNode()).toBe(engine);
    const trust = await loadBundledTrustListsNode();
    expect(Object.keys(trust).sort()).toEqual(['interim', 'official', 'officialTsa']);
    const bytes = new Uint8Array(
      readFileSync(new URL('../../fixtures/c2pa/valid_photoshop.png', import.meta.url)),
    );
    // SOURCES.md: Adobe's cai-prod signer is on the CAI interim list → known.
    const e = await readC2pa(engine, bytes, 'image/png', { trust });
    expect(e).toMatchObject({ state: 'valid', trust: 'known' });
  });
});
