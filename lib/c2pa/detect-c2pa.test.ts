import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadC2paEngineNode } from '../node/c2pa-engine-node.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { findC2paTrace, mayCarryC2pa } from './detect-c2pa.ts';
import type { C2paEngine } from './engine.ts';
import { readC2pa } from './read-c2pa.ts';

/**
 * The scanner decides whether the engine runs at all, so a miss would silently turn Content Credentials (or
 * "could not check") into "no provenance". The rule checked here: whenever the real engine answers anything
 * but 'none', the scanner has found a trace. And it must also earn its keep: plain files find none.
 */

const ROOT = new URL('../../fixtures/', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, ROOT)));
const files = (dir: string) =>
  readdirSync(new URL(dir, ROOT))
    .filter((f) => !f.endsWith('.md') && f !== 'trust')
    .map((f) => `${dir}${f}`);

let engine: C2paEngine;
beforeAll(async () => {
  engine = await loadC2paEngineNode();
});

/** What the engine says with remote fetching off (a remote manifest then reads 'error', naming its URL). */
async function engineState(bytes: Uint8Array, linkHeader?: string): Promise<string> {
  const e = await readC2pa(engine, bytes, '', {
    trust: {},
    remote: {
      enabled: false,
      fetch: async () => new Uint8Array(),
      linkHeader,
      baseUrl: 'https://x.test/a.jpg',
    },
  });
  return e.state;
}

const PLAIN = [
  'c2pa/none_A.jpg',
  'c2pa/none_sample1.avif',
  'c2pa/none_sample1.webp',
  'pdq/images/LA.png',
  'pdq/images/bridge-1-original.jpg',
  'pdq/images/c.png',
  'pdq/images/q1050.jpg',
  'pdq/images/square-512x512.jpg',
];

describe('findC2paTrace', () => {
  it('finds a trace in every fixture the engine reads as anything but "none"', async () => {
    const all = [...files('c2pa/'), ...files('c2pa-realworld/')];
    let withCredentials = 0;
    for (const path of all) {
      const bytes = read(path);
      const state = await engineState(bytes);
      if (state === 'none') continue;
      withCredentials++;
      expect({ path, trace: findC2paTrace(bytes) !== undefined }).toEqual({ path, trace: true });
    }
    // Every one of them but the two plain files and the XMP file without a store.
    expect(withCredentials).toBeGreaterThanOrEqual(all.length - 4);
  }, 120_000);

  it('finds none in plain photos, which then never reach the engine', async () => {
    for (const path of PLAIN) {
      const bytes = read(path);
      expect({ path, state: await engineState(bytes) }).toEqual({ path, state: 'none' });
      expect({ path, trace: findC2paTrace(bytes) }).toEqual({ path, trace: undefined });
    }
  });

  it('names the container where the store sits', () => {
    expect(findC2paTrace(read('c2pa/valid_C_c2pars.jpg'))).toBe('jpeg-app11');
    expect(findC2paTrace(read('c2pa/valid_photoshop.png'))).toBe('png-cabx');
    expect(findC2paTrace(read('c2pa-realworld/openai_dalle3-chatgpt_puppy.webp'))).toBe('riff-c2pa');
    expect(findC2paTrace(read('c2pa-realworld/openai_sora_video.mp4'))).toBe('bmff-c2pa-uuid');
    expect(findC2paTrace(read('c2pa-realworld/origo_heic_bmff-v2_test-signed.heic'))).toBe('bmff-c2pa-uuid');
    expect(findC2paTrace(read('c2pa/remote_cloud.jpg'))).toBe('xmp-provenance');
    expect(findC2paTrace(read('c2pa/remote_cloud_manifest.c2pa'))).toBe('jumbf');
  });

  it('counts a Link rel="c2pa-manifest" header, resolved as the reader resolves it', async () => {
    const plain = read('c2pa/none_A.jpg');
    const link = '</m.c2pa>; rel="c2pa-manifest"';
    expect(await engineState(plain, link)).toBe('error');
    expect(findC2paTrace(plain, { header: link, baseUrl: 'https://x.test/a.jpg' })).toBe('link-header');
    expect(mayCarryC2pa(plain, { header: '</next>; rel="next"', baseUrl: 'https://x.test/a.jpg' })).toBe(
      false,
    );
    // A relative target without a base cannot be followed by the reader either.
    expect(mayCarryC2pa(plain, { header: link })).toBe(false);
  });

  it('finds the damaged stores of read-c2pa-damaged-store.test.ts (type UUID or `jumb` flipped)', async () => {
    const original = read('c2pa/valid_C_c2pars.jpg');
    const jumb = Buffer.from(original).indexOf('jumb');
    const jumd = Buffer.from(original).indexOf('jumd', jumb);
    for (const at of [jumd + 5, jumb + 1, jumd + 22]) {
      const bytes = original.slice();
      bytes[at] = (bytes[at] as number) ^ 0x10;
      expect(await engineState(bytes)).not.toBe('none');
      expect(mayCarryC2pa(bytes)).toBe(true);
    }
  });

  // Truncated and bit-flipped files, with and without credentials: wherever the engine sees something (a
  // damaged store, or a damaged file it refuses), the scanner must not have said "nothing here".
  const MUTATED = [
    'c2pa/valid_C_c2pars.jpg',
    'c2pa/valid_photoshop.png',
    'c2pa-realworld/openai_dalle3-chatgpt_puppy.webp',
    'c2pa-realworld/origo_heic_bmff-v2_test-signed.heic',
    'c2pa-realworld/truepic_lens-ios_audio.m4a',
    // Plain files the engine refuses when damaged (it is lenient with damaged plain WebP and AVIF).
    'c2pa/none_A.jpg',
    'pdq/images/LA.png',
  ];
  for (const path of MUTATED) {
    it(`never misses what the engine reads in truncated or bit-flipped copies of ${path}`, async () => {
      const original = read(path);
      const random = seededRandom(original.length);
      const seen: string[] = [];
      for (let k = 0; k < 48; k++) {
        const truncate = k % 2 === 0;
        // Most stores sit in the first 64 KB; half the cuts and flips land there.
        const span = k % 4 < 2 ? Math.min(original.length, 65_536) : original.length;
        const at = 1 + Math.floor(random() * (span - 1));
        const bytes = truncate ? original.slice(0, at) : original.slice();
        if (!truncate) bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(random() * 8));
        const state = await engineState(bytes);
        seen.push(state);
        if (state !== 'none') {
          expect({ path, truncate, at, found: mayCarryC2pa(bytes) }).toEqual({
            path,
            truncate,
            at,
            found: true,
          });
        }
      }
      // The mutations must reach the engine's error paths, or this test proves nothing.
      expect(seen.some((s) => s !== 'none')).toBe(true);
    }, 60_000);
  }
});
