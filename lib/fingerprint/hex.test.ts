import { describe, expect, it } from 'vitest';
import { bytesToHex } from './hex.ts';

describe('bytesToHex', () => {
  it('writes lower-case hex with leading zeros and no 0x', () => {
    expect(bytesToHex(new Uint8Array([0, 1, 0x0f, 0x10, 0xab, 0xff]))).toBe('00010f10abff');
    expect(bytesToHex(new Uint8Array())).toBe('');
  });
});
