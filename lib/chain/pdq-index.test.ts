import { describe, expect, it } from 'vitest';
import { hammingDistance } from '../fingerprint/hamming.ts';
import { randomHash256 } from '../testing/random-hash.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { PdqIndex, type PdqRecord, pdqWords } from './pdq-index.ts';

const rng = seededRandom;
const randomPdq = randomHash256;
/** Flips the given bit positions (0 = most significant bit of the first byte). */
function flip(hex: string, bits: number[]): string {
  const bytes = Buffer.from(hex.replace(/^0x/, ''), 'hex');
  for (const b of bits) bytes[b >> 3] = (bytes[b >> 3] as number) ^ (0x80 >> (b & 7));
  return bytes.toString('hex');
}
const rec = (pdq: string, extra: Partial<PdqRecord> = {}): PdqRecord => ({
  pdq: `0x${pdq}`,
  chainId: 31337,
  registrant: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  time: 1_700_000_000,
  flags: 0,
  ...extra,
});

describe('pdqWords', () => {
  it('splits a hash into big-endian words, with or without 0x', () => {
    expect(pdqWords(`0x${'f'.repeat(64)}`)[7]).toBe(0xffffffff);
    expect(pdqWords('80000000'.padEnd(64, '0'))[0]).toBe(0x80000000);
  });
  it('rejects malformed hashes', () => {
    expect(() => pdqWords('abc')).toThrow();
    expect(() => pdqWords('z'.repeat(64))).toThrow();
  });
});

describe('PdqIndex', () => {
  const next = rng(42);
  const base = randomPdq(next);

  it('finds records within the distance, nearest first, with exact distances', () => {
    const index = new PdqIndex();
    const near = flip(base, [1, 40, 77]); // 3 bits
    const edge = flip(
      base,
      Array.from({ length: 31 }, (_, i) => i * 8),
    ); // 31 bits: still a match
    const far = flip(
      base,
      Array.from({ length: 32 }, (_, i) => i * 8),
    ); // 32 bits: not a match
    index.upsert(rec(far));
    index.upsert(rec(edge));
    index.upsert(rec(near));
    for (let i = 0; i < 1000; i++) index.upsert(rec(randomPdq(next)));
    const hits = index.match(base);
    expect(hits.map((h) => [h.record.pdq, h.distance])).toEqual([
      [`0x${near}`, 3],
      [`0x${edge}`, 31],
    ]);
    expect(index.match(base, 3).map((h) => h.distance)).toEqual([3]);
    expect(index.match(base, 2)).toEqual([]);
    expect(index.match(base, 32).map((h) => h.distance)).toEqual([3, 31, 32]);
  });

  it('agrees with a brute-force scan on random data', () => {
    const local = rng(7);
    const records = Array.from({ length: 3000 }, () => rec(randomPdq(local)));
    // Plant neighbours of a query at known distances.
    const query = randomPdq(local);
    for (const d of [0, 5, 12, 20, 30, 31])
      records.push(
        rec(
          flip(
            query,
            Array.from({ length: d }, (_, i) => i * 7),
          ),
        ),
      );
    const index = new PdqIndex(records);
    for (const max of [0, 10, 31, 100, 120]) {
      const expected = records
        .map((r) => hammingDistance(r.pdq, query))
        .filter((d) => d <= max)
        .sort((a, b) => a - b);
      expect(index.match(query, max, 10_000).map((h) => h.distance)).toEqual(expected);
    }
  });

  it('upserts by (chain, registrant, hash), revokes and removes chains', () => {
    const index = new PdqIndex();
    index.upsert(rec(base, { uri: 'a' }));
    index.upsert(rec(base.toUpperCase(), { uri: 'b' }));
    index.upsert(rec(base, { chainId: 8453 }));
    index.upsert(rec(base, { registrant: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' }));
    expect(index.size).toBe(3);
    expect(index.get(rec(base))?.uri).toBe('b');
    expect(index.revoke(rec(base))).toBe(true);
    expect(index.revoke(rec(flip(base, [3])))).toBe(false);
    expect(index.match(base).filter((m) => m.record.flags & 2)).toHaveLength(1);
    index.removeChain(31337);
    expect(index.records().map((r) => r.chainId)).toEqual([8453]);
    expect(index.match(base).map((m) => m.record.chainId)).toEqual([8453]);
  });

  // Speed is the benchmark's (npm run bench: "Local PDQ match over 100 000 records"), not a timed test.
  it('grows past its initial capacity and still finds the one close record among 100 000', () => {
    const local = rng(99);
    const index = new PdqIndex();
    for (let i = 0; i < 100_000; i++) index.upsert(rec(randomPdq(local), { time: i }));
    expect(index.records()).toHaveLength(100_000);
    const target = index.records()[54_321] as PdqRecord;
    expect(index.match(flip(target.pdq, [9, 200]))[0]).toEqual({ record: target, distance: 2 });
  });
});
