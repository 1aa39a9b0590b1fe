import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PDQ_IMAGE_TYPES, pngIsComplete, readImageSize, sniffImageType } from './image-type.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/pdq/images/${name}`, import.meta.url)));
const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const solid = (w: number, h: number, alpha = false) =>
  sharp({
    create: {
      width: w,
      height: h,
      channels: alpha ? 4 : 3,
      background: { r: 200, g: 10, b: 90, alpha: 0.5 },
    },
  });

describe('sniffImageType', () => {
  it('recognises formats by their magic bytes', async () => {
    expect(sniffImageType(fixture('q0122.jpg'))).toBe('jpeg');
    expect(sniffImageType(fixture('c.png'))).toBe('png');
    expect(sniffImageType(await solid(9, 7).gif().toBuffer())).toBe('gif');
    expect(sniffImageType(await solid(9, 7).webp().toBuffer())).toBe('webp');
    expect(sniffImageType(await solid(9, 7).avif().toBuffer())).toBe('avif');
    expect(sniffImageType(await solid(9, 7).tiff().toBuffer())).toBe('tiff');
    expect(sniffImageType(ascii('BM\0\0'))).toBe('bmp');
    expect(sniffImageType(new Uint8Array([0, 0, 1, 0, 1, 0]))).toBe('ico');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const svg = ascii('  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(sniffImageType(new Uint8Array([...bom, ...svg]))).toBe('svg');
    expect(sniffImageType(ascii('<svg width="10"></svg>'))).toBe('svg');
    expect(sniffImageType(ascii('\0\0\0\x18ftypheic\0\0\0\0mif1heic'))).toBe('heic');
    expect(sniffImageType(ascii('\0\0\0\x14ftypmif1\0\0\0\0miaf'))).toBe('heic');
  });

  it('returns undefined for anything else', () => {
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
    expect(sniffImageType(ascii('<html><body>not an image</body></html>'))).toBeUndefined();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
    // Media the sniffer names that are not images.
    expect(sniffImageType(ascii('%PDF-1.7\n'))).toBeUndefined();
    expect(sniffImageType(ascii('\0\0\0\x14ftypisom\0\0\0\0mp41'))).toBeUndefined();
  });

  it('hashes only formats both decoders agree on', () => {
    expect([...PDQ_IMAGE_TYPES].sort()).toEqual(['avif', 'gif', 'jpeg', 'png', 'webp']);
  });
});

describe('readImageSize', () => {
  it('reads JPEG (baseline and progressive), PNG, GIF, WebP (VP8, VP8L, VP8X) and AVIF headers', async () => {
    expect(readImageSize(fixture('bridge-1-original.jpg'))).toEqual({ width: 1600, height: 1004 });
    expect(readImageSize(fixture('random_image_26x28.png'))).toEqual({ width: 26, height: 28 });
    const src = sharp(fixture('q0122.jpg')).resize(211, 97, { fit: 'fill' });
    expect(readImageSize(await src.clone().jpeg({ progressive: true }).toBuffer())).toEqual({
      width: 211,
      height: 97,
    });
    expect(readImageSize(await src.clone().gif().toBuffer())).toEqual({ width: 211, height: 97 });
    expect(readImageSize(await src.clone().webp({ quality: 50 }).toBuffer())).toEqual({
      width: 211,
      height: 97,
    });
    expect(readImageSize(await src.clone().webp({ lossless: true }).toBuffer())).toEqual({
      width: 211,
      height: 97,
    });
    expect(readImageSize(await solid(211, 97, true).webp().toBuffer())).toEqual({ width: 211, height: 97 });
    expect(readImageSize(await src.clone().avif().toBuffer())).toEqual({ width: 211, height: 97 });
  });

  it('reads the declared size of a header claiming 20000x20000 without decoding anything', () => {
    const png = new Uint8Array(33);
    png.set(ascii('\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR'));
    new DataView(png.buffer).setUint32(16, 20000);
    new DataView(png.buffer).setUint32(20, 20000);
    expect(readImageSize(png)).toEqual({ width: 20000, height: 20000 });
  });

  it('returns undefined for truncated or malformed headers', () => {
    const jpeg = fixture('q0122.jpg');
    expect(readImageSize(jpeg.subarray(0, 20))).toBeUndefined();
    expect(readImageSize(fixture('c.png').subarray(0, 20))).toBeUndefined();
    expect(readImageSize(ascii('GIF89a'))).toBeUndefined();
    expect(readImageSize(ascii('<svg/>'))).toBeUndefined();
  });
});

describe('pngIsComplete', () => {
  it('wants the chunk sequence to reach IEND (its CRC may be cut off)', () => {
    const png = fixture('LA.png');
    expect(pngIsComplete(png)).toBe(true);
    expect(pngIsComplete(png.subarray(0, png.length - 1))).toBe(true);
    expect(pngIsComplete(png.subarray(0, png.length - 12))).toBe(false);
    expect(pngIsComplete(png.subarray(0, png.length >> 1))).toBe(false);
  });
});
