import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assertPixelBudget,
  ImageDecodeError,
  MAX_IMAGE_BYTES,
  MAX_PIXELS,
  preflightImage,
} from './decode-image.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/pdq/images/${name}`, import.meta.url)));
const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

/** PNG header claiming width x height, followed by IEND (no pixel data: only the header is read). */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33 + 12);
  b.set(ascii('\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR'));
  const v = new DataView(b.buffer);
  v.setUint32(16, width);
  v.setUint32(20, height);
  b.set([8, 2, 0, 0, 0], 24);
  b.set(ascii('\0\0\0\0IEND'), 33);
  return b;
}

const refusal = (bytes: Uint8Array): string => {
  try {
    preflightImage(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ImageDecodeError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('size policy', () => {
  it('has documented limits', () => {
    expect(MAX_PIXELS).toBe(50_000_000);
    expect(MAX_IMAGE_BYTES).toBe(64 * 1024 * 1024);
  });

  it('allows exactly MAX_PIXELS and refuses one more row, naming the size', () => {
    expect(() => assertPixelBudget(10_000, 5_000)).not.toThrow();
    expect(() => assertPixelBudget(10_000, 5_001)).toThrow('10000x5001 = 50.0 MP, the limit is 50.0 MP');
  });
});

describe('preflightImage', () => {
  it('accepts the fixtures and returns the header size', () => {
    expect(preflightImage(fixture('bridge-1-original.jpg'))).toEqual({
      type: 'jpeg',
      size: { width: 1600, height: 1004 },
    });
    expect(preflightImage(fixture('LA.png'))).toEqual({ type: 'png', size: { width: 256, height: 256 } });
  });

  it('refuses a decompression bomb from its header alone', () => {
    expect(refusal(pngHeader(20000, 20000))).toMatch(/too large .* 20000x20000 = 400\.0 MP/);
    expect(preflightImage(pngHeader(5000, 5000)).size).toEqual({ width: 5000, height: 5000 });
  });

  it('refuses empty, oversized, unknown and unsupported input with a reason', () => {
    expect(refusal(new Uint8Array())).toMatch(/empty/);
    expect(refusal(new Uint8Array(MAX_IMAGE_BYTES + 1))).toMatch(/file too large to decode: 64\.0 MiB/);
    expect(refusal(ascii('hello world, not an image'))).toMatch(/not a recognised image format/);
    expect(refusal(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatch(/SVG is a vector format/);
    expect(refusal(ascii('BM\0\0\0\0'))).toMatch(/BMP images are not hashed/);
    expect(refusal(ascii('II*\0\0\0'))).toMatch(/TIFF images are not hashed/);
  });

  it('refuses truncated headers and PNGs that stop before IEND', () => {
    const jpeg = fixture('q0122.jpg');
    expect(refusal(jpeg.subarray(0, 40))).toMatch(/corrupt JPEG: no image size/);
    const png = fixture('LA.png');
    expect(refusal(png.subarray(0, png.length >> 1))).toMatch(/truncated PNG/);
  });
});
