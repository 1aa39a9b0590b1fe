import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  type PdqExpectation as Expectation,
  pdqExpected as expected,
  type PdqFixtureImage as FixtureImage,
  PDQ_FIXTURES as fixtures,
} from '../testing/pdq-fixtures.ts';
import { hammingDistance } from './hamming.ts';
import {
  jaroszWindow,
  luma64FromLuma,
  luma64FromRgb,
  lumaFromRgb,
  PDQ_MIN_HASHABLE_DIM,
  pdqFrom64,
  pdqFromLuma,
  pdqFromRgb,
} from './pdq.ts';

const fullres = (img: FixtureImage): Expectation => {
  const e = img.expected.find((x) => x.pipeline === 'fullres' && x.kind === 'derived');
  if (!e) throw new Error(`no derived fullres vector for ${img.file}`);
  return e;
};

/*
 * The reference pipeline written the plain way (two full buffers, one running sum at a time, one DCT output
 * at a time), straight from the algorithm description. pdq.ts reorders all of this for speed; the hashes
 * must stay identical.
 */
function plainLuma64(luma: Float32Array, width: number, height: number): Float32Array {
  const f = Math.fround;
  let a64: Float32Array;
  if (width === 64 && height === 64) a64 = luma.slice();
  else {
    const b1 = luma.slice();
    const b2 = new Float32Array(width * height);
    const box = (
      inp: Float32Array,
      out: Float32Array,
      off: number,
      len: number,
      stride: number,
      w: number,
    ) => {
      const half = Math.floor((w + 2) / 2);
      let sum = 0;
      let n = 0;
      let li = off;
      let ri = off;
      let oi = off;
      for (let i = 0; i < half - 1; i++, ri += stride, n++) sum = f(sum + (inp[ri] as number));
      for (let i = 0; i < w - half + 1; i++, ri += stride, oi += stride) {
        sum = f(sum + (inp[ri] as number));
        n++;
        out[oi] = sum / n;
      }
      for (let i = 0; i < len - w; i++, ri += stride, li += stride, oi += stride) {
        sum = f(sum + (inp[ri] as number));
        sum = f(sum - (inp[li] as number));
        out[oi] = sum / n;
      }
      for (let i = 0; i < half - 1; i++, li += stride, oi += stride) {
        sum = f(sum - (inp[li] as number));
        n--;
        out[oi] = sum / n;
      }
    };
    const wr = Math.floor((width + 127) / 128);
    const wc = Math.floor((height + 127) / 128);
    for (let pass = 0; pass < 2; pass++) {
      for (let y = 0; y < height; y++) box(b1, b2, y * width, width, 1, wr);
      for (let x = 0; x < width; x++) box(b2, b1, x, height, width, wc);
    }
    a64 = new Float32Array(4096);
    for (let i = 0; i < 64; i++) {
      const y = Math.floor(((i + 0.5) * height) / 64);
      for (let j = 0; j < 64; j++)
        a64[i * 64 + j] = b1[y * width + Math.floor(((j + 0.5) * width) / 64)] as number;
    }
  }
  return a64;
}

function plainPdq(luma: Float32Array, width: number, height: number): { hash: string; quality: number } {
  const f = Math.fround;
  if (width < 5 || height < 5) return { hash: '0'.repeat(64), quality: 0 };
  const a64 = plainLuma64(luma, width, height);
  let grad = 0;
  const g = (u: number, v: number) => Math.abs(Math.trunc(f(f(f(u - v) * 100) / 255)));
  for (let i = 0; i < 63; i++)
    for (let j = 0; j < 64; j++) grad += g(a64[i * 64 + j] as number, a64[(i + 1) * 64 + j] as number);
  for (let i = 0; i < 64; i++)
    for (let j = 0; j < 63; j++) grad += g(a64[i * 64 + j] as number, a64[i * 64 + j + 1] as number);
  const quality = Math.min(100, Math.floor(grad / 90));
  const scale = f(Math.sqrt(2 / 64));
  const d = (i: number, k: number) => f(scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * k + 1)));
  const t = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let s = 0;
      for (let k = 0; k < 64; k++) s = f(s + f(d(i, k) * (a64[k * 64 + j] as number)));
      t[i * 64 + j] = s;
    }
  }
  const b = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let k = 0; k < 64; k++) s = f(s + f((t[i * 64 + k] as number) * d(j, k)));
      b[i * 16 + j] = s;
    }
  }
  const median = Float32Array.from(b).sort()[127] as number;
  let hash = '';
  for (let i = 15; i >= 0; i--) {
    let word = 0;
    for (let j = 0; j < 16; j++) if ((b[i * 16 + j] as number) > median) word |= 1 << j;
    hash += word.toString(16).padStart(4, '0');
  }
  return { hash, quality };
}

/** Deterministic smooth-plus-noise test image (RGB). */
function synthetic(width: number, height: number, seed: number): Uint8Array {
  const px = new Uint8Array(width * height * 3);
  let s = seed >>> 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const base =
        128 + 80 * Math.sin(((x * ((seed % 7) + 1)) / width) * 6) * Math.cos(((y * 3) / height) * 5);
      for (let c = 0; c < 3; c++)
        px[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, base + ((s >>> (8 * c)) & 31) - 16 + c * 9));
    }
  }
  return px;
}

describe('pdqFromRgb: upstream fullres vectors', () => {
  // Pixels straight from libvips without colour management (the fixtures' decoder is Pillow/libjpeg-turbo;
  // SOURCES.md: fullres = native size, no colour management, alpha ignored).
  it.each(expected.images as FixtureImage[])('$file', async (img) => {
    const { data, info } = await sharp(readFileSync(new URL(img.file, fixtures)), { ignoreIcc: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([img.width, img.height]);
    const want = fullres(img);
    const got = pdqFromRgb(data, info.width, info.height, info.channels as 3 | 4);
    expect(got.hash).toBe(want.hash);
    expect(got.quality).toBe(want.quality);
    // Upstream-published fullres strings (where any) are the same value.
    for (const e of img.expected.filter((x) => x.pipeline === 'fullres')) expect(got.hash).toBe(e.hash);
  });
});

describe('pdq internals against the plain reference transcription', () => {
  const sizes: [number, number][] = [
    [5, 5],
    [7, 300],
    [26, 28],
    [63, 64],
    [64, 63],
    [64, 64],
    [65, 64],
    [127, 129],
    [128, 128],
    [129, 131],
    [257, 95],
    [640, 37],
    [1000, 700],
  ];
  it.each(sizes)('%i x %i', (w, h) => {
    const px = synthetic(w, h, w * 31 + h);
    const want = plainPdq(lumaFromRgb(px, w, h, 3), w, h);
    // The 64x64 buffer must be bit-identical, not just close enough to give the same hash.
    expect(luma64FromRgb(px, w, h, 3)).toEqual(plainLuma64(lumaFromRgb(px, w, h, 3), w, h));
    expect(luma64FromLuma(lumaFromRgb(px, w, h, 3), w, h)).toEqual(
      plainLuma64(lumaFromRgb(px, w, h, 3), w, h),
    );
    expect(pdqFromRgb(px, w, h, 3)).toEqual(want);
    expect(pdqFromLuma(lumaFromRgb(px, w, h, 3), w, h)).toEqual(want);
  });

  it('hashes a 64x64 input without blurring it, like the reference', () => {
    const px = synthetic(64, 64, 5);
    const luma = lumaFromRgb(px, 64, 64, 3);
    expect(pdqFromRgb(px, 64, 64, 3)).toEqual(pdqFrom64(luma));
    expect(pdqFromLuma(luma.slice(), 64, 64)).toEqual(pdqFrom64(luma));
  });
});

describe('pdq details', () => {
  it('sets exactly 128 bits when the DCT coefficients are distinct', () => {
    const { hash } = pdqFromRgb(synthetic(300, 200, 9), 300, 200, 3);
    expect(hammingDistance(hash, '0'.repeat(64))).toBe(128);
  });

  it('reads RGBA with the alpha channel ignored', () => {
    const rgb = synthetic(100, 80, 3);
    const rgba = new Uint8Array(100 * 80 * 4);
    for (let p = 0; p < 100 * 80; p++) {
      rgba.set(rgb.subarray(p * 3, p * 3 + 3), p * 4);
      rgba[p * 4 + 3] = p & 0xff;
    }
    expect(pdqFromRgb(rgba, 100, 80, 4)).toEqual(pdqFromRgb(rgb, 100, 80, 3));
    expect(pdqFromRgb(new Uint8ClampedArray(rgba), 100, 80, 4)).toEqual(pdqFromRgb(rgb, 100, 80, 3));
  });

  it('gives the all-zero hash and quality 0 below the minimum size, as the reference does', () => {
    expect(PDQ_MIN_HASHABLE_DIM).toBe(5);
    expect(pdqFromRgb(synthetic(4, 100, 1), 4, 100, 3)).toEqual({ hash: '0'.repeat(64), quality: 0 });
  });

  it('gives quality 0 for a flat image', () => {
    expect(pdqFromRgb(new Uint8Array(200 * 100 * 3).fill(77), 200, 100, 3).quality).toBe(0);
  });

  it('uses the reference window size (dim + 127) / 128', () => {
    expect([1, 128, 129, 1004, 1600].map(jaroszWindow)).toEqual([1, 1, 2, 8, 13]);
  });

  it('refuses impossible input', () => {
    expect(() => pdqFromRgb(new Uint8Array(10), 10, 10, 3)).toThrow(/pixel buffer/);
    expect(() => pdqFromRgb(new Uint8Array(300), 0, 10, 3)).toThrow(/size/);
    expect(() => pdqFromRgb(new Uint8Array(300), 10, 10, 2 as 3)).toThrow(/channels/);
    expect(() => pdqFrom64(new Float32Array(100))).toThrow(/4096/);
  });

  it('hashes 64x64 in well under 0.5 ms', () => {
    const luma = lumaFromRgb(synthetic(64, 64, 2), 64, 64, 3);
    for (let i = 0; i < 200; i++) pdqFrom64(luma);
    const t0 = performance.now();
    for (let i = 0; i < 500; i++) pdqFrom64(luma);
    // About 0.2 ms here; generous for loaded CI machines.
    expect((performance.now() - t0) / 500).toBeLessThan(1);
  });
});
