import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

describe('base64', () => {
  // Lengths around the 3-byte groups and the 32 KiB slices of the fallback.
  const lengths = [0, 1, 2, 3, 4, 0x8000 - 1, 0x8000, 0x8000 + 2, 100_001];
  const sample = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + (i >> 7)) & 0xff);

  it('encodes as Node does, with padding, at every length', () => {
    for (const n of lengths)
      expect(bytesToBase64(sample(n)), `${n} bytes`).toBe(Buffer.from(sample(n)).toString('base64'));
  });

  it('decodes what it encodes, byte for byte', () => {
    for (const n of lengths) expect([...base64ToBytes(bytesToBase64(sample(n)))]).toEqual([...sample(n)]);
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
