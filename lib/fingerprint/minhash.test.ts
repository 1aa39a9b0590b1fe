import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './hex.ts';
import { minhash, minhash64, minhash256, minhashCompress } from './minhash.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/iscc/vectors.json', import.meta.url), 'utf8'),
);

/** Straight BigInt transcription of the definition, to check the 32-bit-halves arithmetic against. */
function minhashBigInt(features: number[]): number[] {
  const src = readFileSync(new URL('./minhash.ts', import.meta.url), 'utf8');
  const constants = [...src.matchAll(/(\d{15,})n/g)].map((m) => BigInt(m[1] as string));
  const mpa = constants.slice(0, 64);
  const mpb = constants.slice(64, 128);
  const mask64 = (1n << 64n) - 1n;
  const prime = (1n << 61n) - 1n;
  return mpa.map((a, i) => {
    let min = 1n << 32n;
    for (const f of features) {
      const h = (((a * BigInt(f) + (mpb[i] as bigint)) & mask64) % prime) & 0xffffffffn;
      if (h < min) min = h;
    }
    return Number(min);
  });
}

describe('minhash', () => {
  it('reproduces iscc-core test_minhash_single_feature (first, last and the full derived vector)', () => {
    const [c] = vectors.alg_minhash;
    const mh = Array.from(minhash(c.input_features));
    expect(mh).toHaveLength(c.expected_len);
    expect(mh[0]).toBe(c.expected_first);
    expect(mh[63]).toBe(c.expected_last);
    expect(mh).toEqual(c.expected_full__derived);
  });

  it('reproduces iscc-core test_minhash_64', () => {
    for (const c of vectors.alg_minhash_64)
      expect(bytesToHex(minhash64(c.input_features))).toBe(c.expected_hex);
  });

  it('agrees with exact BigInt arithmetic on random and edge features', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const features = [
      0,
      1,
      0xffffffff,
      0x80000000,
      0x7fffffff,
      0xffff,
      0x10000,
      ...Array.from({ length: 300 }, rnd),
    ];
    expect(Array.from(minhash(features))).toEqual(minhashBigInt(features));
    // One feature at a time checks every (permutation, feature) pair, not only the minima.
    for (const f of features.slice(0, 60)) expect(Array.from(minhash([f]))).toEqual(minhashBigInt([f]));
  });

  it('refuses an empty feature list (Python min() of nothing raises too)', () => {
    expect(() => minhash([])).toThrow(/no features/);
  });
});

describe('minhashCompress', () => {
  it('takes bit planes first: bit 0 of all 64 values, then bit 1, ...', () => {
    const mh = new Array(64).fill(0);
    mh[0] = 0b10; // bit 1 of value 0 -> overall bit 64 -> byte 8, MSB
    mh[63] = 0b1; // bit 0 of value 63 -> overall bit 63 -> byte 7, LSB
    const out = minhashCompress(mh, 2);
    expect(bytesToHex(out)).toBe('0000000000000001' + '8000000000000000');
  });

  it('gives 32 bytes with lsb=4 and 8 with lsb=1', () => {
    expect(minhash256([1, 2, 3])).toHaveLength(32);
    expect(minhash64([1, 2, 3])).toHaveLength(8);
  });
});
