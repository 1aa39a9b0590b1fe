/*
 * PDQ robustness on real photos, through the whole registering-side pipeline (Node decoder + fingerprintImage):
 * re-encoded and resized copies must still match (distance <= 31), different photos must not come close.
 * Variants are made with sharp from the original file, upright (EXIF orientation applied). The measured distances
 * are in the comments; the assertions are the PDQ thresholds.
 */
import { readFileSync } from 'node:fs';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../node/decode-image-node.ts';
import { fingerprintImage } from './fingerprint-image.ts';
import { hammingDistance, PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from './hamming.ts';

const fixtures = new URL('../../fixtures/pdq/', import.meta.url);
const robustness = JSON.parse(readFileSync(new URL('robustness/expected.json', fixtures), 'utf8'));
const PHOTOS: string[] = [
  'images/bridge-1-original.jpg',
  'images/c.png',
  ...robustness.images.map((i: { file: string }) => `robustness/${i.file}`),
];

const fingerprint = async (bytes: Uint8Array) => {
  const fp = await fingerprintImage(bytes, '', decodeImageNode);
  if (!fp.pdq || !fp.width) throw new Error(fp.pdqError);
  return { ...fp.pdq, width: fp.width };
};

type Variant = [name: string, make: (img: Sharp, width: number) => Sharp];
const VARIANTS: Variant[] = [
  ['JPEG q50', (s) => s.jpeg({ quality: 50 })],
  ['JPEG q70', (s) => s.jpeg({ quality: 70 })],
  ['JPEG q90', (s) => s.jpeg({ quality: 90 })],
  ['WebP q80', (s) => s.webp({ quality: 80 })],
  ['PNG', (s) => s.png()],
  ['75% JPEG q90', (s, w) => s.resize(Math.round(w * 0.75)).jpeg({ quality: 90 })],
  ['50% JPEG q90', (s, w) => s.resize(Math.round(w * 0.5)).jpeg({ quality: 90 })],
  ['25% JPEG q90', (s, w) => s.resize(Math.round(w * 0.25)).jpeg({ quality: 90 })],
];

/*
 * The one measured exception: none_A.jpg (1024x683, a smooth, mostly out-of-focus picture) shrunk to 25%
 * (256x171) moves 46 bits with sharp's default lanczos3 (40-52 with other kernels). PDQ on so small a copy of
 * a low-contrast image is not a match; it is still far closer than any unrelated photo (>= 108 bits here).
 */
const KNOWN_MISSES = new Set(['robustness/none_A.jpg / 25% JPEG q90']);

describe('PDQ survives re-encoding and resizing', () => {
  it.each(PHOTOS)('%s', async (file) => {
    const bytes = new Uint8Array(readFileSync(new URL(file, fixtures)));
    const original = await fingerprint(bytes);
    expect(original.quality).toBeGreaterThanOrEqual(PDQ_MIN_QUALITY);
    const distances: Record<string, number> = {};
    for (const [name, make] of VARIANTS) {
      const variant = await make(sharp(bytes, { autoOrient: true }), original.width).toBuffer();
      distances[name] = hammingDistance(original.hash, (await fingerprint(new Uint8Array(variant))).hash);
    }
    // Measured over these 10 photos: re-encodings 0-4 bits, 75% 0-10, 50% 2-18, 25% 2-20 (none_A.jpg: 46).
    for (const [name, d] of Object.entries(distances)) {
      if (KNOWN_MISSES.has(`${file} / ${name}`)) expect(d, name).toBeLessThan(64);
      else expect(d, `${name}: ${d} bits`).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    }
  });
});

describe('PDQ keeps different photos apart', () => {
  it('puts every pair of distinct photos at least 90 bits apart', async () => {
    const hashes = await Promise.all(
      PHOTOS.map(async (f) => (await fingerprint(new Uint8Array(readFileSync(new URL(f, fixtures))))).hash),
    );
    let min = 256;
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++)
        min = Math.min(min, hammingDistance(hashes[i] as string, hashes[j] as string));
    }
    // Measured minimum over these 45 pairs: 108 bits (random hashes average 128).
    expect(min).toBeGreaterThanOrEqual(90);
  });

  it('reproduces the recorded pipeline hashes (identical in Chromium 156 and Firefox ESR 153)', async () => {
    for (const img of robustness.images as {
      file: string;
      pdq: string;
      quality: number;
      width: number;
      height: number;
    }[]) {
      const fp = await fingerprintImage(
        new Uint8Array(readFileSync(new URL(`robustness/${img.file}`, fixtures))),
        '',
        decodeImageNode,
      );
      expect(fp, img.file).toMatchObject({
        pdq: { hash: img.pdq, quality: img.quality },
        width: img.width,
        height: img.height,
      });
    }
  });
});
