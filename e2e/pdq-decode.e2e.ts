import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintImage } from '../lib/fingerprint/fingerprint-image.ts';
import { decodeImageNode } from '../lib/node/decode-image-node.ts';
import { ROOT } from './support/harness.ts';
import { type ExtensionBrowser, launchWithExtension } from './support/launch-chromium.ts';
import type { ProbeResult } from './support/pdq-decode-probe.ts';
import { positionCase } from './support/position-image.ts';
import { pdqDecodeProbeScript } from './support/probe-script.ts';

/*
 * The browser's PDQ path in the extension's real service worker: the decoder reads back only the 512 x 512
 * nearest-neighbour sample of a large image. It must pick exactly the pixels that shrinkNearest512 picks from
 * the whole bitmap, give the reference cpp_nn512 vectors, and agree with the CLI's Node decoder.
 */
const fixtures = resolve(ROOT, 'fixtures/pdq');
const expected = JSON.parse(readFileSync(resolve(fixtures, 'expected.json'), 'utf8')) as {
  images: {
    file: string;
    width: number;
    height: number;
    expected: { pipeline: string; kind: string; hash: string }[];
  }[];
};

interface Case {
  name: string;
  mime: string;
  bytes: Uint8Array;
  nn512?: string;
}

/** Sizes the fixtures lack: one side under 512 and the other over it, odd sizes, translucency. */
async function generated(): Promise<Case[]> {
  const noise = (w: number, h: number, channels: 3 | 4) => {
    const data = Buffer.alloc(w * h * channels);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    return sharp(data, { raw: { width: w, height: h, channels } });
  };
  // Every (colour, alpha) pair once: where premultiplying could round differently, it shows.
  const pairs = Buffer.alloc(256 * 256 * 4);
  for (let a = 0; a < 256; a++)
    for (let c = 0; c < 256; c++) pairs.set([c, 255 - c, (c * 7) & 255, a], (a * 256 + c) * 4);
  return [
    {
      name: 'every-colour-alpha-256x256.png',
      mime: 'image/png',
      bytes: await sharp(pairs, { raw: { width: 256, height: 256, channels: 4 } })
        .png()
        .toBuffer(),
    },
    { name: 'tall-513x2000.jpg', mime: 'image/jpeg', bytes: await noise(513, 2000, 3).jpeg().toBuffer() },
    { name: 'wide-3001x300.png', mime: 'image/png', bytes: await noise(3001, 300, 3).png().toBuffer() },
    { name: 'translucent-777x999.png', mime: 'image/png', bytes: await noise(777, 999, 4).png().toBuffer() },
    // Long sides, where a canvas's float rounding can pick the wrong pixel (pattern-sample.ts).
    await positionCase('wide-16000x300.png', 16_000, 300),
    await positionCase('camera-4032x3024.png', 4032, 3024),
    await positionCase('tall-600x8191.png', 600, 8191),
  ].map((c) => ({ ...c, bytes: new Uint8Array(c.bytes) }));
}

let browser: ExtensionBrowser;
let cases: Case[];
let results: Map<string, ProbeResult>;
/** Photo and screenshot sizes of the web, for which the one-fill sample must be the one used. */
const COMMON_SIZES: [number, number][] = [
  [1600, 1004],
  [1200, 753],
  [1920, 1080],
  [4032, 3024],
  [513, 2000],
  [3001, 300],
];
let patternUsed: boolean[];

beforeAll(async () => {
  const probe = await pdqDecodeProbeScript();
  cases = [
    ...expected.images.map((img) => ({
      name: img.file.replace('images/', ''),
      mime: img.file.endsWith('.png') ? 'image/png' : 'image/jpeg',
      bytes: new Uint8Array(readFileSync(resolve(fixtures, img.file))),
      nn512: img.expected.find((e) => e.pipeline === 'cpp_nn512' && e.kind === 'derived')?.hash,
    })),
    ...(await generated()),
  ];
  browser = await launchWithExtension();
  await browser.worker.evaluate(probe);
  const files = cases.map((c) => ({
    name: c.name,
    mime: c.mime,
    base64: Buffer.from(c.bytes).toString('base64'),
  }));
  const out = await browser.worker.evaluate(
    (f) =>
      (
        globalThis as unknown as { __pdqDecodeProbe: typeof import('./support/pdq-decode-probe.ts') }
      ).__pdqDecodeProbe.probe(f),
    files,
  );
  results = new Map(out.map((r) => [r.name, r]));
  patternUsed = await browser.worker.evaluate(
    (sizes) =>
      (
        globalThis as unknown as { __pdqDecodeProbe: typeof import('./support/pdq-decode-probe.ts') }
      ).__pdqDecodeProbe.patternSizes(sizes),
    COMMON_SIZES,
  );
});
afterAll(() => browser?.close());

describe('PDQ decoding in the extension service worker (Chromium)', () => {
  it('reads back exactly the pixels shrinkNearest512 picks from the whole bitmap, for every file', () => {
    expect(results.size).toBe(cases.length);
    const differing = [...results.values()].filter((r) => !r.sameAsFullReadBack).map((r) => r.name);
    expect(differing).toEqual([]);
  });

  it("samples photos of the web's usual sizes in one pattern fill, not in strips", () => {
    expect(COMMON_SIZES.map((size, i) => [...size, patternUsed[i]])).toEqual(
      COMMON_SIZES.map((size) => [...size, true]),
    );
  });

  it('gives the reference cpp_nn512 hash for every opaque fixture', () => {
    const opaque = cases.filter((c) => c.nn512 && c.name !== 'LA.png');
    expect(opaque.length).toBeGreaterThan(15);
    for (const c of opaque)
      expect({ name: c.name, pdq: results.get(c.name)?.pdq }).toEqual({ name: c.name, pdq: c.nn512 });
  });

  it('gives the same hash and size as the CLI (Node decoder) for every file, generated sizes included', async () => {
    for (const c of cases) {
      const node = await fingerprintImage(c.bytes, c.mime, decodeImageNode);
      const web = results.get(c.name);
      expect({ name: c.name, pdq: web?.pdq, width: web?.width, height: web?.height }).toEqual({
        name: c.name,
        pdq: node.pdq?.hash,
        width: node.width,
        height: node.height,
      });
      expect(web?.pdqError).toBeUndefined();
    }
  });
});
