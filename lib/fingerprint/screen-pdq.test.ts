import { readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../node/decode-image-node.ts';
import { fingerprintImage } from './fingerprint-image.ts';
import { hammingDistance, PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from './hamming.ts';
import { PDQ_SCREEN_DISTANCE, PDQ_SCREEN_MARGIN, screenPdq } from './screen-pdq.ts';

const root = new URL('../../fixtures/', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const jpegsIn = (dir: string) =>
  readdirSync(new URL(dir, root))
    .filter((f) => /\.jpe?g$/i.test(f))
    .map((f) => `${dir}${f}`);
const JPEGS = ['pdq/images/', 'pdq/robustness/', 'c2pa/', 'c2pa-realworld/'].flatMap(jpegsIn);

/** The exact hash, as the CLI registers it (cpp_nn512 through the Node decoder). */
async function exact(bytes: Uint8Array) {
  const fp = await fingerprintImage(bytes, 'image/jpeg', decodeImageNode);
  if (!fp.pdq) throw new Error(fp.pdqError);
  return fp.pdq;
}

describe('screenPdq: an approximate PDQ hash that rules out matches without decoding', () => {
  it('stays within PDQ_SCREEN_MARGIN of the exact hash on every JPEG fixture that can match', async () => {
    let screened = 0;
    for (const path of JPEGS) {
      const bytes = read(path);
      const approx = screenPdq(bytes);
      if (!approx) continue;
      const e = await exact(bytes);
      // Hashes of quality < 50 never match, so a screen cannot hide a match of theirs.
      if (e.quality < PDQ_MIN_QUALITY) continue;
      screened++;
      expect(hammingDistance(approx.hash, e.hash), path).toBeLessThanOrEqual(PDQ_SCREEN_MARGIN);
    }
    expect(screened).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('lets through every lightly edited copy whose exact hash matches the original', async () => {
    const original = read('pdq/images/bridge-1-original.jpg');
    const registered = (await exact(original)).hash;
    const copies = [
      await sharp(original).jpeg({ quality: 40 }).toBuffer(),
      await sharp(original).resize(1200).jpeg({ quality: 75 }).toBuffer(),
      await sharp(original).resize(800).jpeg({ quality: 85, progressive: true }).toBuffer(),
      await sharp(original).modulate({ brightness: 1.1 }).jpeg().toBuffer(),
      await sharp(original).blur(1.2).jpeg().toBuffer(),
      await sharp(original).extract({ left: 16, top: 10, width: 1568, height: 984 }).jpeg().toBuffer(),
    ];
    for (const [i, copy] of copies.entries()) {
      const bytes = new Uint8Array(copy);
      const e = await exact(bytes);
      expect(hammingDistance(e.hash, registered), `copy ${i}: exact`).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
      const approx = screenPdq(bytes);
      expect(approx, `copy ${i}`).toBeDefined();
      expect(hammingDistance(approx?.hash ?? '', registered), `copy ${i}: screen`).toBeLessThanOrEqual(
        PDQ_SCREEN_DISTANCE,
      );
    }
  }, 60_000);

  it('keeps other photos out of reach: they cost no exact decode', async () => {
    const photos = jpegsIn('pdq/robustness/');
    const approx = photos.map((p) => screenPdq(read(p))?.hash);
    const exacts = await Promise.all(photos.map(async (p) => (await exact(read(p))).hash));
    for (const [i, a] of approx.entries()) {
      for (const [j, e] of exacts.entries()) {
        if (i === j || !a) continue;
        expect(hammingDistance(a, e), `${photos[i]} vs ${photos[j]}`).toBeGreaterThan(PDQ_SCREEN_DISTANCE);
      }
    }
  });

  it('screens only JPEGs larger than 512 px on a side', async () => {
    expect(screenPdq(read('pdq/images/c.png'))).toBeUndefined();
    expect(screenPdq(read('pdq/images/square-512x512.jpg'))).toBeUndefined();
    const photo = read('pdq/images/bridge-1-original.jpg');
    expect(screenPdq(new Uint8Array(await sharp(photo).resize(500).jpeg().toBuffer()))).toBeUndefined();
    expect(screenPdq(photo)).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
