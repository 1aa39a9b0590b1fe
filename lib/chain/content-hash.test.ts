import { describe, expect, it } from 'vitest';
import { contentHashOf, sameContentHash } from './content-hash.ts';

const A = `ab${'0'.repeat(62)}`;

describe('contentHashOf', () => {
  it('keys bytes by their SHA-256 and text by the SHA-256 of the collapsed text, as Hex32', () => {
    expect(contentHashOf({ kind: 'image', sha256: A.toUpperCase() })).toBe(`0x${A}`);
    expect(contentHashOf({ kind: 'image', sha256: A, media: 'video' })).toBe(`0x${A}`);
    expect(contentHashOf({ kind: 'text', sha256Collapsed: A, characters: 3 })).toBe(`0x${A}`);
    expect(contentHashOf(undefined)).toBeUndefined();
  });

  it('gives nothing for a digest that is not 32 bytes rather than querying the chain with it', () => {
    expect(contentHashOf({ kind: 'image', sha256: 'abc' })).toBeUndefined();
    expect(contentHashOf({ kind: 'text', sha256Collapsed: `0x0x${A}`, characters: 1 })).toBeUndefined();
  });
});

describe('sameContentHash', () => {
  it('compares across case and the 0x prefix, and is false for anything malformed', () => {
    expect(sameContentHash(A, `0x${A.toUpperCase()}`)).toBe(true);
    expect(sameContentHash(A, `0x${'0'.repeat(64)}`)).toBe(false);
    expect(sameContentHash('abc', 'abc')).toBe(false);
  });
});
