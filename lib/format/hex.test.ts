import { describe, expect, it } from 'vitest';
import { groupHex } from './hex.ts';

describe('groupHex', () => {
  it('groups in fours by default', () => {
    expect(groupHex('0123456789abcdef')).toBe('0123 4567 89ab cdef');
  });

  it('keeps 0x on the first group and handles a ragged end', () => {
    expect(groupHex('0xabcdef012', 4)).toBe('0xabcd ef01 2');
  });

  it('leaves short values and bad sizes alone', () => {
    expect(groupHex('abc')).toBe('abc');
    expect(groupHex('abcdef', 0)).toBe('abcdef');
  });
});
