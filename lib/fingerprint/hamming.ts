import type { HexString } from '../evidence/types.ts';

/** Upstream PDQ match threshold (pdq/README.md): distance <= 31 of 256 bits. */
export const PDQ_MATCH_DISTANCE = 31;
/**
 * ISCC Text-Code (64 bits) match threshold: at most 12 bits apart is "a lightly edited copy". Measured by
 * scripts/measure-text-threshold.ts (README "Lightly edited text"): every one-word edit of the corpus is within 10
 * bits, unrelated paragraphs on the same topic are 21 or more apart; two unrelated codes fall within 12 bits with
 * probability 2e-7.
 */
export const ISCC_MATCH_BITS = 12;
/** Upstream PDQ quality gate: hashes of quality <= 49 are too featureless to match on. */
export const PDQ_MIN_QUALITY = 50;

const HEX_RE = /^[0-9a-f]*$/i;
const PDQ_RE = /^[0-9a-f]{64}$/i;

/** True for a 256-bit PDQ hash written as 64 hex chars. */
export function isPdqHash(h: string): boolean {
  return PDQ_RE.test(h);
}

/** Set bits of a 32-bit word (SWAR); the PDQ index's scan loop uses it too. */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

const bare = (h: string): string => (h.startsWith('0x') ? h.slice(2) : h);

/**
 * Number of differing bits between two hex strings of the same length (PDQ hashes, ISCC digests), each with
 * or without 0x (the chain side writes 32-byte values with it, lib/fingerprint without).
 * Throws on malformed input rather than returning a distance that would look like a real answer.
 */
export function hammingDistance(x: HexString, y: HexString): number {
  const a = bare(x);
  const b = bare(y);
  if (a.length !== b.length)
    throw new Error(`hammingDistance: lengths differ (${a.length} vs ${b.length} hex chars)`);
  if (!HEX_RE.test(a) || !HEX_RE.test(b)) throw new Error('hammingDistance: not a hex string');
  let d = 0;
  for (let i = 0; i < a.length; i += 7) {
    // 7 hex chars (28 bits) per step keep parseInt's result a non-negative small integer.
    d += popcount32(Number.parseInt(a.slice(i, i + 7), 16) ^ Number.parseInt(b.slice(i, i + 7), 16));
  }
  return d;
}

/** Two PDQ hashes are the same picture when at most 31 of their 256 bits differ. */
export function pdqMatch(a: HexString, b: HexString): boolean {
  if (!isPdqHash(a) || !isPdqHash(b)) throw new Error('pdqMatch: a PDQ hash is 64 hex chars');
  return hammingDistance(a, b) <= PDQ_MATCH_DISTANCE;
}
