import { describe, expect, it } from 'vitest';
import { shortAddress, shortHex, shortKey } from './short.ts';

describe('short forms', () => {
  it('shortens addresses to 0x + 4 … 4', () => {
    expect(shortAddress('0x1234567890abcdef1234567890abcdef12345678')).toBe('0x1234…5678');
  });

  it('leaves short values alone', () => {
    expect(shortHex('0xabcdef')).toBe('0xabcdef');
    expect(shortHex('abcdef0123', 6, 4)).toBe('abcdef0123');
  });

  it('shortens bare hex', () => {
    expect(shortHex(`${'a'.repeat(20)}bbbb`, 6, 4)).toBe('aaaaaa…bbbb');
  });

  it('gives a 12-character key for file names, stripping anything non-hex', () => {
    expect(shortKey(`0x${'AB'.repeat(32)}`)).toBe('abababababab');
    expect(shortKey('../../etc/passwd')).toBe('ecad');
  });
});
