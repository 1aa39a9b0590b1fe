/*
 * The browser decoder runs for real only in a browser (the lead's Chromium e2e). Here fakes stand in for
 * createImageBitmap and OffscreenCanvas, to check what this module controls: the options passed, the size
 * checks before any canvas exists, that the bitmap is always closed, and the error wrapping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ImageDecodeError } from './decode-image.ts';
import { createWebDecoder, type WebDecoderEnv } from './decode-image-web.ts';
import { PATTERN_MAX_SIDE } from './pattern-sample.ts';
import { nearestSource } from './shrink-nearest.ts';

const jpeg = new Uint8Array(readFileSync(new URL('../../fixtures/pdq/images/q0122.jpg', import.meta.url)));

/**
 * How the fake canvas samples a pattern: `exact` floors the transformed pixel centre (Chromium's rule, which
 * pattern-sample.ts's shifted transform turns into nearestSource), `centres` ignores the shift (a canvas
 * sampling at plain pixel centres), `none` makes no pattern at all.
 */
type Sampling = 'exact' | 'centres' | 'none';

function fakeEnv(bitmapSize: { width: number; height: number }, fail?: Error, sampling: Sampling = 'none') {
  const close = vi.fn();
  const closeProbe = vi.fn();
  const canvases: FakeCanvas[] = [];
  interface FakeBitmap {
    width: number;
    height: number;
    close: () => void;
    /** The pixel at (x, y) as one 32-bit word. */
    at: (x: number, y: number) => number;
  }
  const createImageBitmap = vi.fn(async (source: Blob | FakeCanvas, _options?: ImageBitmapOptions) => {
    if (fail) throw fail;
    if (source instanceof FakeCanvas) {
      const { width, pixels } = source;
      const copy = pixels ? Uint32Array.from(pixels) : new Uint32Array(0);
      return {
        width,
        height: source.height,
        close: closeProbe,
        at: (x, y) => copy[y * width + x] ?? 0,
      } as FakeBitmap;
    }
    // A decoded file: each pixel holds its own position in the image.
    const { width } = bitmapSize;
    return { ...bitmapSize, close, at: (x, y) => y * width + x } as FakeBitmap;
  });
  class FakeCanvas {
    constructor(
      public width: number,
      public height: number,
    ) {
      canvases.push(this);
    }
    draws: number[][] = [];
    fills = 0;
    read?: number[];
    pixels?: Uint32Array;
    getContext() {
      let fill: { bitmap: FakeBitmap; m: DOMMatrix2DInit } | undefined;
      return {
        canvas: this,
        imageSmoothingEnabled: true,
        drawImage: (_source: unknown, ...args: number[]) => this.draws.push(args),
        createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w }),
        putImageData: (image: { data: Uint8ClampedArray }) => {
          this.pixels = new Uint32Array(image.data.buffer.slice(0));
        },
        createPattern: (bitmap: FakeBitmap) => {
          if (sampling === 'none') return null;
          const pattern = {
            setTransform: (m: DOMMatrix2DInit) => {
              fill = { bitmap, m };
            },
          };
          return pattern;
        },
        set fillStyle(_pattern: unknown) {},
        fillRect: (_x: number, _y: number, w: number, h: number) => {
          if (!fill) throw new Error('no pattern');
          const { bitmap, m } = fill;
          const [a, d, e, f] = [m.a ?? 1, m.d ?? 1, m.e ?? 0, m.f ?? 0];
          this.fills++;
          this.pixels = new Uint32Array(w * h);
          for (let y = 0; y < h; y++)
            for (let x = 0; x < w; x++) {
              const [sx, sy] =
                sampling === 'exact'
                  ? [(x + 0.5 - e) / a, (y + 0.5 - f) / d]
                  : [(x + 0.5) / a, (y + 0.5) / d];
              this.pixels[y * w + x] = bitmap.at(Math.floor(sx), Math.floor(sy));
            }
        },
        // What was filled, or else each pixel read back holds its position in the canvas, as one 32-bit word.
        getImageData: (_x: number, _y: number, w: number, h: number) => {
          this.read = [w, h];
          const data = new Uint8ClampedArray(w * h * 4);
          const words = new Uint32Array(data.buffer);
          if (this.pixels) words.set(this.pixels.subarray(0, w * h));
          else for (let i = 0; i < words.length; i++) words[i] = i;
          return { data };
        },
      };
    }
  }
  const env = { createImageBitmap, OffscreenCanvas: FakeCanvas } as unknown as WebDecoderEnv;
  return { env, close, closeProbe, createImageBitmap, canvases };
}

describe('createWebDecoder', () => {
  it('decodes without colour conversion or premultiplication and closes the bitmap', async () => {
    const { env, close, createImageBitmap, canvases } = fakeEnv({ width: 256, height: 256 });
    const out = await createWebDecoder(env)(jpeg, 'image/jpeg');
    expect(out).toMatchObject({ width: 256, height: 256, channels: 4 });
    expect(out.data).toHaveLength(256 * 256 * 4);
    const [blob, options] = createImageBitmap.mock.calls[0] ?? [];
    expect(blob).toBeInstanceOf(Blob);
    expect((blob as Blob).size).toBe(jpeg.length);
    expect(options).toMatchObject({ colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    expect(close).toHaveBeenCalledTimes(1);
    // The canvas backing store is released right after reading the pixels.
    expect(canvases[0]).toMatchObject({ width: 0, height: 0 });
  });

  it('without an exact pattern, samples a wide image as 512 one-pixel columns, read back once, then picks the rows', async () => {
    const { env, close, canvases } = fakeEnv({ width: 1600, height: 1004 });
    const out = await createWebDecoder(env)(jpeg, 'image/jpeg');
    expect(out).toMatchObject({ width: 512, height: 512, sampledFrom: { width: 1600, height: 1004 } });
    expect(out.data).toHaveLength(512 * 512 * 4);
    // The probes' canvases, then one for the strips.
    const drawn = canvases.filter((c) => c.draws.length > 0);
    expect(drawn).toHaveLength(1);
    const [columns] = drawn;
    // Column x of the sample is source column floor(x * 1600 / 512), copied 1:1 over the full height.
    expect(columns?.draws).toHaveLength(512);
    expect(columns?.draws[1]).toEqual([3, 0, 1, 1004, 1, 0, 1, 1004]);
    expect(columns?.draws[511]).toEqual([1596, 0, 1, 1004, 511, 0, 1, 1004]);
    expect(columns?.read).toEqual([512, 1004]);
    // Row y is row floor(y * 1004 / 512) of those columns (each read-back pixel holds its own position).
    const at = (x: number, y: number) => new Uint32Array(out.data.buffer)[y * 512 + x];
    expect(at(5, 0)).toBe(5);
    expect(at(7, 511)).toBe(1002 * 512 + 7);
    expect(at(511, 300)).toBe(Math.floor((300 * 1004) / 512) * 512 + 511);
    expect(columns).toMatchObject({ width: 0, height: 0 });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('without an exact pattern, samples a tall image as 512 one-pixel rows, read back once, then picks the columns', async () => {
    const { env, canvases } = fakeEnv({ width: 513, height: 2000 });
    const out = await createWebDecoder(env)(jpeg, 'image/jpeg');
    expect(out).toMatchObject({ width: 512, height: 512, sampledFrom: { width: 513, height: 2000 } });
    const [rows] = canvases.filter((c) => c.draws.length > 0);
    expect(rows?.draws).toHaveLength(512);
    expect(rows?.draws[511]).toEqual([0, Math.floor((511 * 2000) / 512), 513, 1, 0, 511, 513, 1]);
    expect(rows?.read).toEqual([513, 512]);
    const at = (x: number, y: number) => new Uint32Array(out.data.buffer)[y * 512 + x];
    expect(at(0, 0)).toBe(0);
    expect(at(511, 10)).toBe(10 * 513 + Math.floor((511 * 513) / 512));
  });

  /** The sample's pixel (x, y) when each source pixel holds its position: what shrinkNearest512 picks. */
  const picked = (width: number, height: number, x: number, y: number) =>
    nearestSource(y, height) * width + nearestSource(x, width);

  it('samples in one pattern fill where the probes find the canvas exact, and probes each side length once', async () => {
    const { env, canvases, close, closeProbe } = fakeEnv({ width: 1600, height: 1004 }, undefined, 'exact');
    const decode = createWebDecoder(env);
    const out = await decode(jpeg, 'image/jpeg');
    expect(out).toMatchObject({ width: 512, height: 512, sampledFrom: { width: 1600, height: 1004 } });
    const words = new Uint32Array(out.data.buffer);
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [511, 0],
      [0, 511],
      [300, 200],
      [511, 511],
    ] as const)
      expect(words[y * 512 + x]).toBe(picked(1600, 1004, x, y));
    expect(canvases.some((c) => c.draws.length > 0)).toBe(false);
    // Two probes (1600 and 1004 px long, each a source canvas and a filled 512 x 1 one), then the sample's
    // canvas: one fill each, every backing store released, every bitmap closed.
    expect(canvases.map((c) => c.fills).sort()).toEqual([0, 0, 1, 1, 1]);
    expect(canvases.every((c) => c.width === 0 && c.height === 0)).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);
    expect(closeProbe).toHaveBeenCalledTimes(2);
    // The same size again: no probe.
    await decode(jpeg, 'image/jpeg');
    expect(canvases).toHaveLength(6);
  });

  it('keeps the strips where the canvas samples at plain pixel centres, and the sample is still exact', async () => {
    const { env, canvases } = fakeEnv({ width: 1200, height: 753 }, undefined, 'centres');
    const out = await createWebDecoder(env)(jpeg, 'image/jpeg');
    const strips = canvases.filter((c) => c.draws.length > 0);
    expect(strips).toHaveLength(1);
    expect(strips[0]?.draws).toHaveLength(512);
    // Only the probes filled anything.
    expect(canvases.filter((c) => c.fills > 0)).toHaveLength(2);
    // Each pixel of the strips' read-back holds its position there: row y is strip row nearestSource(y, 753).
    const words = new Uint32Array(out.data.buffer);
    expect(words[511]).toBe(511);
    expect(words[400 * 512 + 3]).toBe(nearestSource(400, 753) * 512 + 3);
  });

  it('never probes a side longer than PATTERN_MAX_SIDE', async () => {
    const { env, canvases } = fakeEnv({ width: PATTERN_MAX_SIDE + 1, height: 100 }, undefined, 'exact');
    await createWebDecoder(env)(jpeg, 'image/jpeg');
    expect(canvases.filter((c) => c.fills > 0)).toHaveLength(0);
    expect(canvases.filter((c) => c.draws.length > 0)).toHaveLength(1);
  });

  it('refuses an oversized bitmap before creating a canvas, and still closes it', async () => {
    const { env, close, canvases } = fakeEnv({ width: 10_000, height: 6_000 });
    await expect(createWebDecoder(env)(jpeg, 'image/jpeg')).rejects.toThrow(/too large.*10000x6000/);
    expect(canvases).toHaveLength(0);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('refuses a header-declared bomb before createImageBitmap is even called', async () => {
    const { env, createImageBitmap } = fakeEnv({ width: 1, height: 1 });
    const png = new Uint8Array(45);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 20000);
    new DataView(png.buffer).setUint32(20, 20000);
    png.set([0x49, 0x45, 0x4e, 0x44], 37);
    await expect(createWebDecoder(env)(png, 'image/png')).rejects.toThrow(/400\.0 MP/);
    expect(createImageBitmap).not.toHaveBeenCalled();
  });

  it('wraps a browser decode failure in ImageDecodeError with the reason', async () => {
    const { env } = fakeEnv(
      { width: 1, height: 1 },
      new DOMException('The source image could not be decoded.', 'InvalidStateError'),
    );
    const err = await createWebDecoder(env)(jpeg, 'image/jpeg').catch((e) => e);
    expect(err).toBeInstanceOf(ImageDecodeError);
    expect(err.message).toMatch(/could not decode the image \(The source image could not be decoded\.\)/);
  });
});
