import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Fingerprints } from '../evidence/types.ts';
import { loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import { createC2paProvider } from './c2pa-provider.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/c2pa/${name}`, import.meta.url)));

function provider() {
  const starts = { engine: 0 };
  const c2pa = createC2paProvider({
    engine: () => {
      starts.engine++;
      return loadC2paEngineNode();
    },
    trust: async () => ({}),
    remote: { enabled: false, fetch: async () => new Uint8Array() },
    version: 'test',
  });
  return { c2pa, starts };
}

const fingerprints: Fingerprints = { kind: 'image', sha256: '0'.repeat(64) };

describe('the C2PA provider', () => {
  it('does not start the engine for a plain photo, and answers "none"', async () => {
    const { c2pa, starts } = provider();
    const patch = await c2pa.run({ fingerprints, bytes: fixture('none_A.jpg'), contentType: 'image/jpeg' });
    expect(patch.c2pa?.state).toBe('none');
    expect(starts.engine).toBe(0);
  });

  it('starts the engine for a file with Content Credentials', async () => {
    const { c2pa, starts } = provider();
    const patch = await c2pa.run({ fingerprints, bytes: fixture('valid_C_c2pars.jpg'), contentType: '' });
    expect(patch.c2pa?.state).toBe('valid');
    expect(starts.engine).toBe(1);
  });

  it('starts the engine for a plain photo served with a Link rel="c2pa-manifest" header', async () => {
    const { c2pa, starts } = provider();
    const patch = await c2pa.run({
      fingerprints,
      bytes: fixture('none_A.jpg'),
      contentType: 'image/jpeg',
      linkHeader: '</a.c2pa>; rel="c2pa-manifest"',
      url: 'https://images.test/a.jpg',
    });
    expect(patch.c2pa?.state).toBe('error');
    expect(patch.c2pa?.remoteUrl).toBe('https://images.test/a.c2pa');
    expect(starts.engine).toBe(1);
  });

  it('still names a format the engine cannot read (not silently "none")', async () => {
    const { c2pa } = provider();
    const bmp = new Uint8Array([0x42, 0x4d, 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]);
    const patch = await c2pa.run({ fingerprints, bytes: bmp, contentType: 'image/bmp' });
    expect(patch.c2pa?.state).toBe('error');
  });
});
