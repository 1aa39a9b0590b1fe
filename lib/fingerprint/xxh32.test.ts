import { describe, expect, it } from 'vitest';
import { xxh32 } from './xxh32.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('xxh32', () => {
  // Published XXH32 values (seed 0): xxHash README / python-xxhash documentation.
  it.each([
    ['', 0x02cc5d05],
    ['a', 0x550d7456],
    ['abc', 0x32d153ff],
    ['Nobody inspects the spammish repetition', 0xe2293b2f],
  ])('hashes %j', (input, expected) => {
    expect(xxh32(utf8(input))).toBe(expected);
  });

  it('returns an unsigned 32-bit integer', () => {
    for (let n = 0; n < 64; n++) {
      const h = xxh32(new Uint8Array(n).fill(0xff));
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
    }
  });

  it('hashes a byte range exactly like the sliced bytes (every length around the 4- and 16-byte steps)', () => {
    const buf = new Uint8Array(100).map((_, i) => (i * 131 + 7) & 0xff);
    for (let start = 0; start < 5; start++) {
      for (let end = start; end <= 40; end++) {
        expect(xxh32(buf, 0, start, end)).toBe(xxh32(buf.slice(start, end)));
      }
    }
  });

  it('uses the seed', () => {
    expect(xxh32(utf8('abc'), 1)).not.toBe(xxh32(utf8('abc')));
  });

  it('refuses an out-of-bounds range', () => {
    expect(() => xxh32(new Uint8Array(4), 0, 2, 9)).toThrow(RangeError);
  });
});
