import { describe, expect, it } from 'vitest';
import { flattenAlphaOnWhite } from './flatten-alpha.ts';

const flat = (r: number, g: number, b: number, a: number) => {
  const px = new Uint8Array([r, g, b, a]);
  flattenAlphaOnWhite(px, 1, 1);
  return Array.from(px);
};

describe('flattenAlphaOnWhite', () => {
  it('leaves opaque pixels alone and reports whether any pixel was translucent', () => {
    const px = new Uint8Array([1, 2, 3, 255, 4, 5, 6, 255]);
    expect(flattenAlphaOnWhite(px, 2, 1)).toBe(false);
    expect(Array.from(px)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
    expect(flattenAlphaOnWhite(new Uint8Array([0, 0, 0, 254]), 1, 1)).toBe(true);
  });

  it('turns fully transparent pixels white whatever colour they hide', () => {
    expect(flat(0, 0, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(flat(12, 200, 99, 0)).toEqual([255, 255, 255, 255]);
  });

  it('composites half-transparent colour onto white: round(c*a/255) + 255 - a', () => {
    expect(flat(0, 0, 0, 128)).toEqual([127, 127, 127, 255]);
    expect(flat(255, 0, 100, 128)).toEqual([255, 127, 177, 255]);
  });

  /*
   * The browser returns unpremultiply(premultiply(c)) for translucent pixels, with
   * premultiply: p = round(c*a/255) and unpremultiply: round(p*255/a) (Chromium/Skia and Firefox). Flattening
   * that must give exactly what flattening the original colour gives, for every colour and alpha.
   */
  it('gives the same bytes for the original colour and for the browser premultiply round trip', () => {
    const original = new Uint8Array(256 * 256 * 4);
    const roundTrip = new Uint8Array(256 * 256 * 4);
    for (let a = 0; a < 256; a++) {
      for (let c = 0; c < 256; c++) {
        const i = (a * 256 + c) * 4;
        const p = Math.round((c * a) / 255);
        const back = a === 0 ? 0 : Math.min(255, Math.round((p * 255) / a));
        original.set([c, c, c, a], i);
        roundTrip.set([back, back, back, a], i);
      }
    }
    flattenAlphaOnWhite(original, 256, 256);
    flattenAlphaOnWhite(roundTrip, 256, 256);
    expect(roundTrip).toEqual(original);
  });

  it('refuses a buffer smaller than the image', () => {
    expect(() => flattenAlphaOnWhite(new Uint8Array(7), 2, 1)).toThrow();
  });
});
