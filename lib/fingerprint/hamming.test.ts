import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hammingDistance,
  isPdqHash,
  PDQ_MATCH_DISTANCE,
  PDQ_MIN_QUALITY,
  pdqMatch,
  popcount32,
} from './hamming.ts';

const ops = JSON.parse(readFileSync(new URL('../../fixtures/pdq/hash_ops.json', import.meta.url), 'utf8'));
const expected = JSON.parse(
  readFileSync(new URL('../../fixtures/pdq/expected.json', import.meta.url), 'utf8'),
);
const ZERO = '0'.repeat(64);

describe('hammingDistance', () => {
  it.each(ops.hamming as { a: string; b: string; distance: number; source: string }[])(
    '$source: $distance',
    ({ a, b, distance }) => {
      expect(hammingDistance(a, b)).toBe(distance);
      expect(hammingDistance(b, a)).toBe(distance);
    },
  );

  it.each(ops.norm as { hash: string; norm: number }[])('norm of $hash is $norm', ({ hash, norm }) => {
    expect(hammingDistance(hash, ZERO)).toBe(norm);
  });

  it('counts exactly the bits of hex_to_bits', () => {
    for (const { hex, bits_msb_first } of ops.hex_to_bits as { hex: string; bits_msb_first: string }[]) {
      expect(hammingDistance(hex, ZERO)).toBe([...bits_msb_first].filter((b) => b === '1').length);
    }
    // Every single bit position counts once.
    for (let i = 0; i < 64; i++) {
      for (const digit of ['1', '2', '4', '8']) {
        expect(hammingDistance(ZERO.slice(0, i) + digit + ZERO.slice(i + 1), ZERO)).toBe(1);
      }
    }
  });

  it('reproduces the distances between pipelines listed in hash_ops.json', () => {
    const bridge = expected.images.find((i: { file: string }) => i.file === 'images/bridge-1-original.jpg');
    const hash = (pipeline: string) =>
      bridge.expected.find(
        (e: { pipeline: string; kind: string }) => e.pipeline === pipeline && e.kind === 'derived',
      )?.hash ?? bridge.expected.find((e: { pipeline: string }) => e.pipeline === pipeline).hash;
    const x = ops.cross_check_distances_here;
    expect(hammingDistance(hash('fullres'), hash('cpp_nn512'))).toBe(x.fullres_vs_cpp_nn512);
    expect(hammingDistance(hash('fullres'), hash('py_thumbnail512'))).toBe(x.fullres_vs_py_thumbnail512);
    expect(hammingDistance(hash('fullres'), hash('legacy_2017'))).toBe(x.fullres_vs_legacy_2017);
  });

  it('is case-insensitive and works for any equal length (e.g. 64-bit ISCC digests)', () => {
    expect(hammingDistance('FF00', 'ff01')).toBe(1);
    expect(hammingDistance('25f0bab671f506e1', '250db96e0d4a17a0')).toBe(29); // popcount of the XOR, checked in Python
  });

  it('takes either side with or without 0x (chain records carry it, digests do not)', () => {
    const a = '0'.repeat(64);
    const b = `8${'0'.repeat(62)}1`;
    expect(hammingDistance(`0x${a}`, b)).toBe(2);
    expect(hammingDistance(a, `0x${b}`)).toBe(2);
    expect(hammingDistance(`0x${a}`, `0x${'f'.repeat(64)}`)).toBe(256);
  });

  it('throws on malformed input instead of returning a plausible number', () => {
    expect(() => hammingDistance('abc', 'abcd')).toThrow(/lengths differ/);
    expect(() => hammingDistance('0x0x00', '000000')).toThrow(/hex/);
    expect(() => hammingDistance('zz', '00')).toThrow(/hex/);
  });
});

describe('popcount32', () => {
  it('counts the set bits of a 32-bit word, signed or not', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(-1)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
    expect(popcount32(0x12345678)).toBe(13);
  });
});

describe('pdqMatch and thresholds', () => {
  it('uses the upstream thresholds', () => {
    expect(PDQ_MATCH_DISTANCE).toBe(ops.thresholds_upstream.match_distance_max);
    expect(PDQ_MIN_QUALITY).toBe(ops.thresholds_upstream.discard_quality_max + 1);
  });

  it('matches at distance 31 and not at 32', () => {
    const flip = (n: number) => 'f'.repeat(Math.floor(n / 4)) + ['', '1', '3', '7'][n % 4] + ZERO;
    const at = (n: number) => flip(n).slice(0, 64);
    expect(hammingDistance(at(31), ZERO)).toBe(31);
    expect(pdqMatch(at(31), ZERO)).toBe(true);
    expect(pdqMatch(at(32), ZERO)).toBe(false);
  });

  it.each(ops.invalid_hex as { input: string; why: string }[])('refuses $input ($why)', ({ input }) => {
    expect(isPdqHash(input)).toBe(false);
    expect(() => pdqMatch(input, ZERO)).toThrow();
  });
});
