import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mimeFor, normalizeMime } from './mime-for.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/c2pa/${name}`, import.meta.url)));
const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

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

  it('refuses a sniffed format the engine has no handler for, whatever the declared type', () => {
    expect(mimeFor(text('BM\0\0\0\0'), 'image/jpeg')).toBeUndefined();
    expect(mimeFor(bytes(0, 0, 1, 0, 1, 0), 'image/png')).toBeUndefined();
  });

  it('normalises aliases', () => {
    expect(normalizeMime('audio/x-wav')).toBe('audio/wav');
    expect(normalizeMime('  ')).toBeUndefined();
  });
});
