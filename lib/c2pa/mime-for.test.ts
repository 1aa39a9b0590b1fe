import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mimeFor, normalizeMime, sniffMime } from './mime-for.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/c2pa/${name}`, import.meta.url)));
const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffMime', () => {
  it.each([
    ['valid_C_c2pars.jpg', 'image/jpeg'],
    ['invalid_expired-cert_nikon.jpeg', 'image/jpeg'],
    ['valid_photoshop.png', 'image/png'],
    ['none_sample1.webp', 'image/webp'],
    ['none_sample1.avif', 'image/avif'],
    ['remote_cloud_manifest.c2pa', 'application/c2pa'],
  ])('%s → %s', (name, mime) => {
    expect(sniffMime(fixture(name))).toBe(mime);
  });

  it('recognises the other formats the engine reads from their magic bytes', () => {
    const ftyp = (brand: string, ...compat: string[]) =>
      text(`\0\0\0${String.fromCharCode(16 + compat.length * 4)}ftyp${brand}\0\0\0\0${compat.join('')}`);
    expect(sniffMime(ftyp('heic', 'mif1'))).toBe('image/heic');
    expect(sniffMime(ftyp('mif1', 'heic'))).toBe('image/heic');
    expect(sniffMime(ftyp('mif1', 'miaf'))).toBe('image/heif');
    expect(sniffMime(ftyp('mif1', 'avif'))).toBe('image/avif');
    expect(sniffMime(ftyp('isom', 'mp41'))).toBe('video/mp4');
    expect(sniffMime(ftyp('qt  '))).toBe('video/quicktime');
    expect(sniffMime(ftyp('M4A ', 'isom'))).toBe('audio/mp4');
    expect(sniffMime(text('GIF89a\x01\x00'))).toBe('image/gif');
    expect(sniffMime(text('RIFF\0\0\0\0WAVEfmt '))).toBe('audio/wav');
    expect(sniffMime(text('RIFF\0\0\0\0AVI LIST'))).toBe('video/avi');
    expect(sniffMime(bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0))).toBe('image/tiff');
    expect(sniffMime(bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8))).toBe('image/tiff');
    expect(sniffMime(text('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMime(text('fLaC\0\0\0\x22'))).toBe('audio/flac');
    expect(sniffMime(text('ID3\x04\0\0\0\0'))).toBe('audio/mpeg');
    expect(sniffMime(bytes(0xff, 0xfb, 0x90, 0x64))).toBe('audio/mpeg');
    expect(sniffMime(bytes(0xff, 0x0a, 0xfa, 0x7f))).toBe('image/jxl');
  });

  it('recognises SVG behind a BOM, an XML declaration, comments and a doctype', () => {
    expect(sniffMime(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(
      sniffMime(
        text(
          '\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg width="1">',
        ),
      ),
    ).toBe('image/svg+xml');
    expect(sniffMime(text('<html><svg></svg></html>'))).toBeUndefined();
  });

  it('returns undefined for unknown or too-short input', () => {
    expect(sniffMime(new Uint8Array(0))).toBeUndefined();
    expect(sniffMime(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffMime(text('hello world'))).toBeUndefined();
    expect(sniffMime(text('RIFF\0\0\0\0XXXX'))).toBeUndefined();
  });
});

describe('mimeFor', () => {
  it('prefers the sniffed type over a lying Content-Type', () => {
    expect(mimeFor(fixture('valid_photoshop.png'), 'image/jpeg')).toBe('image/png');
    expect(mimeFor(fixture('valid_C_c2pars.jpg'), 'application/octet-stream')).toBe('image/jpeg');
  });

  it('falls back to a declared type the engine reads, normalised', () => {
    const unknown = text('????????');
    expect(mimeFor(unknown, 'image/x-adobe-dng')).toBe('image/x-adobe-dng');
    expect(mimeFor(unknown, 'Image/JPG; charset=binary')).toBe('image/jpeg');
    expect(mimeFor(unknown, 'text/html')).toBeUndefined();
    expect(mimeFor(unknown, null)).toBeUndefined();
  });

  it('normalises aliases', () => {
    expect(normalizeMime('audio/x-wav')).toBe('audio/wav');
    expect(normalizeMime('  ')).toBeUndefined();
  });
});
