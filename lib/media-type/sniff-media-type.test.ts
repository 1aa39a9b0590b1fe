import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniff-media-type.ts';

const c2paFixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/c2pa/${name}`, import.meta.url)));
const pdqFixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/pdq/images/${name}`, import.meta.url)));
const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes, one per character (TextEncoder would turn \x89 into two bytes). */
const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const ftyp = (brand: string, ...compat: string[]) =>
  text(`\0\0\0${String.fromCharCode(16 + compat.length * 4)}ftyp${brand}\0\0\0\0${compat.join('')}`);
const solid = () =>
  sharp({ create: { width: 9, height: 7, channels: 3, background: { r: 200, g: 10, b: 90 } } });

describe('sniffMediaType', () => {
  it.each([
    ['valid_C_c2pars.jpg', 'image/jpeg'],
    ['invalid_expired-cert_nikon.jpeg', 'image/jpeg'],
    ['valid_photoshop.png', 'image/png'],
    ['none_sample1.webp', 'image/webp'],
    ['none_sample1.avif', 'image/avif'],
    ['remote_cloud_manifest.c2pa', 'application/c2pa'],
  ])('%s → %s', (name, mime) => {
    expect(sniffMediaType(c2paFixture(name))).toBe(mime);
  });

  it('recognises the images that encoders write', async () => {
    expect(sniffMediaType(pdqFixture('q0122.jpg'))).toBe('image/jpeg');
    expect(sniffMediaType(pdqFixture('c.png'))).toBe('image/png');
    expect(sniffMediaType(await solid().gif().toBuffer())).toBe('image/gif');
    expect(sniffMediaType(await solid().webp().toBuffer())).toBe('image/webp');
    expect(sniffMediaType(await solid().avif().toBuffer())).toBe('image/avif');
    expect(sniffMediaType(await solid().tiff().toBuffer())).toBe('image/tiff');
  });

  it('decides ISO BMFF by the major brand first, then the compatible brands', () => {
    expect(sniffMediaType(ftyp('heic', 'mif1'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('mif1', 'heic'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('hevc', 'msf1'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('mif1', 'miaf'))).toBe('image/heif');
    expect(sniffMediaType(ftyp('mif1', 'avif'))).toBe('image/avif');
    expect(sniffMediaType(ftyp('avif', 'mif1', 'heic'))).toBe('image/avif');
    expect(sniffMediaType(ftyp('heic', 'avif'))).toBe('image/heic');
    // The minor version (bytes 12..15) is not a brand.
    expect(sniffMediaType(text('\0\0\0\x10ftypisomavif'))).toBe('video/mp4');
    expect(sniffMediaType(ftyp('isom', 'mp41'))).toBe('video/mp4');
    expect(sniffMediaType(ftyp('qt  '))).toBe('video/quicktime');
    expect(sniffMediaType(ftyp('M4A ', 'isom'))).toBe('audio/mp4');
  });

  it('recognises the other formats from their magic bytes', () => {
    expect(sniffMediaType(text('GIF89a\x01\x00'))).toBe('image/gif');
    expect(sniffMediaType(text('GIF87a\x01\x00'))).toBe('image/gif');
    expect(sniffMediaType(text('RIFF\0\0\0\0WAVEfmt '))).toBe('audio/wav');
    expect(sniffMediaType(text('RIFF\0\0\0\0AVI LIST'))).toBe('video/avi');
    expect(sniffMediaType(bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0))).toBe('image/tiff');
    expect(sniffMediaType(bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8))).toBe('image/tiff');
    expect(sniffMediaType(text('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(text('fLaC\0\0\0\x22'))).toBe('audio/flac');
    expect(sniffMediaType(text('ID3\x04\0\0\0\0'))).toBe('audio/mpeg');
    expect(sniffMediaType(bytes(0xff, 0xfb, 0x90, 0x64))).toBe('audio/mpeg');
    expect(sniffMediaType(bytes(0xff, 0x0a, 0xfa, 0x7f))).toBe('image/jxl');
    expect(sniffMediaType(bytes(0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a))).toBe('image/jxl');
    expect(sniffMediaType(text('BM\0\0'))).toBe('image/bmp');
    expect(sniffMediaType(bytes(0, 0, 1, 0, 1, 0))).toBe('image/vnd.microsoft.icon');
    expect(sniffMediaType(latin1('\x89PNG\r\n\x1a\n'))).toBe('image/png');
  });

  it('recognises SVG behind a BOM, white space, an XML declaration, comments and a doctype', () => {
    expect(sniffMediaType(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffMediaType(text('<svg width="10"></svg>'))).toBe('image/svg+xml');
    expect(sniffMediaType(text('<svg/>'))).toBe('image/svg+xml');
    expect(sniffMediaType(text('\ufeff  <?xml version="1.0"?>\n<svg xmlns="x"/>'))).toBe('image/svg+xml');
    expect(
      sniffMediaType(
        text(
          '\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg width="1">',
        ),
      ),
    ).toBe('image/svg+xml');
  });

  it('does not take a document that only contains an SVG for one', () => {
    expect(sniffMediaType(text('<html><svg></svg></html>'))).toBeUndefined();
    expect(sniffMediaType(text('<?xml version="1.0"?><html><body><svg/></body></html>'))).toBeUndefined();
    expect(sniffMediaType(text('<svgfoo/>'))).toBeUndefined();
  });

  it('returns undefined for unknown or too-short input', () => {
    expect(sniffMediaType(new Uint8Array(0))).toBeUndefined();
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffMediaType(text('GIF8'))).toBeUndefined();
    expect(sniffMediaType(text('BM'))).toBeUndefined();
    expect(sniffMediaType(text('hello world'))).toBeUndefined();
    expect(sniffMediaType(text('<html><body>not an image</body></html>'))).toBeUndefined();
    expect(sniffMediaType(text('RIFF\0\0\0\0XXXX'))).toBeUndefined();
  });
});
