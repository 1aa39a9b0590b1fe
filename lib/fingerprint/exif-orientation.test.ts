import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readExifOrientation } from './exif-orientation.ts';

/** The payload of the first APP1 segment of a JPEG. */
function app1(jpeg: Uint8Array): Uint8Array {
  for (let i = 2; i + 4 < jpeg.length; ) {
    const len = ((jpeg[i + 2] as number) << 8) | (jpeg[i + 3] as number);
    if (jpeg[i + 1] === 0xe1) return jpeg.subarray(i + 4, i + 2 + len);
    i += 2 + len;
  }
  throw new Error('no APP1');
}

const tiny = () => sharp({ create: { width: 4, height: 2, channels: 3, background: '#808080' } });

describe('readExifOrientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reads orientation %i as libvips writes it', async (orientation) => {
    const jpeg = new Uint8Array(await tiny().jpeg().withMetadata({ orientation }).toBuffer());
    expect(readExifOrientation(app1(jpeg))).toBe(orientation);
  });

  it('reads big-endian (Motorola) EXIF too', () => {
    // "Exif\0\0", MM, 42, IFD0 at 8: one entry, 0x0112 SHORT x1 = 6.
    const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
    expect(readExifOrientation(Uint8Array.from([0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]))).toBe(6);
  });

  it('returns undefined for XMP, a bad value, or a cut segment', () => {
    const xmp = new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>');
    expect(readExifOrientation(xmp)).toBeUndefined();
    const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0];
    const exif = Uint8Array.from([0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]);
    expect(readExifOrientation(exif)).toBeUndefined();
    expect(readExifOrientation(exif.subarray(0, 18))).toBeUndefined();
  });
});
