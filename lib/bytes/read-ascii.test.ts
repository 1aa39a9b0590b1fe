import { describe, expect, it } from 'vitest';
import { readAscii } from './read-ascii.ts';

describe('readAscii', () => {
  const bytes = Uint8Array.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x89, 0xff]);
  it('reads one character per byte', () => {
    expect(readAscii(bytes, 4, 4)).toBe('ftyp');
    expect(readAscii(bytes, 8, 2)).toBe('\x89\xff');
  });
  it('stops at the end of the bytes instead of inventing characters', () => {
    expect(readAscii(bytes, 8, 4)).toBe('\x89\xff');
    expect(readAscii(bytes, 20, 4)).toBe('');
    expect(readAscii(new Uint8Array(0), 0, 4)).toBe('');
  });
});
