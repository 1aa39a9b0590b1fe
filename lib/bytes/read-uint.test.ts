import { describe, expect, it } from 'vitest';
import { u16be, u32be, u32le } from './read-uint.ts';

describe('read-uint', () => {
  const b = new Uint8Array([0xff, 0xfe, 0x01, 0x02, 0x03]);
  it('reads big- and little-endian integers as unsigned', () => {
    expect(u16be(b, 0)).toBe(0xfffe);
    expect(u32be(b, 0)).toBe(0xfffe0102);
    expect(u32le(b, 1)).toBe(0x030201fe);
  });
  it('reads bytes past the end as 0 instead of throwing', () => {
    expect(u32be(b, 3)).toBe(0x02030000);
    expect(u16be(b, 10)).toBe(0);
  });
});
