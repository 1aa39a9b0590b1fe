/*
 * The browser decoder runs for real only in a browser (the lead's Chromium e2e). Here fakes stand in for
 * createImageBitmap and OffscreenCanvas, to check what this module controls: the options passed, the size
 * checks before any canvas exists, that the bitmap is always closed, and the error wrapping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ImageDecodeError } from './decode-image.ts';
import { createWebDecoder, type WebDecoderEnv } from './decode-image-web.ts';

const jpeg = new Uint8Array(readFileSync(new URL('../../fixtures/pdq/images/q0122.jpg', import.meta.url)));

function fakeEnv(bitmapSize: { width: number; height: number }, fail?: Error) {
  const close = vi.fn();
  const canvases: { width: number; height: number; draws: number[][]; read?: number[] }[] = [];
  const createImageBitmap = vi.fn(async (_blob: Blob, _options?: ImageBitmapOptions) => {
    if (fail) throw fail;
    return { ...bitmapSize, close } as unknown as ImageBitmap;
  });
  class FakeCanvas {
    constructor(
      public width: number,
      public height: number,
    ) {
      canvases.push(this);
    }
    draws: number[][] = [];
    read?: number[];
    getContext() {
      return {
        canvas: this,
        drawImage: (_source: unknown, ...args: number[]) => this.draws.push(args),
        // Each pixel read back holds its position in the canvas, as one 32-bit word.
        getImageData: (_x: number, _y: number, w: number, h: number) => {
          this.read = [w, h];
          const data = new Uint8ClampedArray(w * h * 4);
          new Uint32Array(data.buffer).forEach((_, i, words) => {
            words[i] = i;
          });
          return { data };
        },
      };
    }
  }
  const env = { createImageBitmap, OffscreenCanvas: FakeCanvas } as unknown as WebDecoderEnv;
  return { env, close, createImageBitmap, canvases };
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

  it('samples a wide image as 512 one-pixel columns, read back once, then picks the rows', async () => {
    const { env, close, canvases } = fakeEnv({ width: 1600, height: 1004 });
    const out = await createWebDecoder(env)(jpeg, 'image/jpeg');
    expect(out).toMatchObject({ width: 512, height: 512, sampledFrom: { width: 1600, height: 1004 } });
    expect(out.data).toHaveLength(512 * 512 * 4);
    expect(canvases).toHaveLength(1);
    const [columns] = canvases;
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

  it('samples a tall image as 512 one-pixel rows, read back once, then picks the columns', async () => {
    const { env, canvases } = fakeEnv({ width: 513, height: 2000 });
    const out = await createWebDecoder(env)(jpeg, 'image/jpeg');
    expect(out).toMatchObject({ width: 512, height: 512, sampledFrom: { width: 513, height: 2000 } });
    const [rows] = canvases;
    expect(rows?.draws).toHaveLength(512);
    expect(rows?.draws[511]).toEqual([0, Math.floor((511 * 2000) / 512), 513, 1, 0, 511, 513, 1]);
    expect(rows?.read).toEqual([513, 512]);
    const at = (x: number, y: number) => new Uint32Array(out.data.buffer)[y * 512 + x];
    expect(at(0, 0)).toBe(0);
    expect(at(511, 10)).toBe(10 * 513 + Math.floor((511 * 513) / 512));
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
