/**
 * xxHash32 (Yann Collet's XXH32), used for the ISCC Text-Code n-gram features.
 * Primes from the xxHash specification (github.com/Cyan4973/xxHash, doc/xxhash_spec.md).
 */
const PRIME32_1 = 0x9e3779b1;
const PRIME32_2 = 0x85ebca77;
const PRIME32_3 = 0xc2b2ae3d;
const PRIME32_4 = 0x27d4eb2f;
const PRIME32_5 = 0x165667b1;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** Little-endian 32-bit read (typed-array views would need alignment; bytes are unaligned slices). */
const read32 = (b: Uint8Array, i: number): number =>
  ((b[i] as number) |
    ((b[i + 1] as number) << 8) |
    ((b[i + 2] as number) << 16) |
    ((b[i + 3] as number) << 24)) >>>
  0;

const round = (acc: number, lane: number): number =>
  Math.imul(rotl((acc + Math.imul(lane, PRIME32_2)) | 0, 13), PRIME32_1);

/**
 * XXH32 of bytes[start..end) as an unsigned 32-bit integer. The range form lets callers hash windows of one
 * UTF-8 buffer without copying.
 */
export function xxh32(bytes: Uint8Array, seed = 0, start = 0, end = bytes.length): number {
  if (start < 0 || end > bytes.length || start > end) throw new RangeError('xxh32: range out of bounds');
  const len = end - start;
  let i = start;
  let h: number;
  if (len >= 16) {
    let v1 = (seed + PRIME32_1 + PRIME32_2) | 0;
    let v2 = (seed + PRIME32_2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - PRIME32_1) | 0;
    const limit = end - 16;
    while (i <= limit) {
      v1 = round(v1, read32(bytes, i));
      v2 = round(v2, read32(bytes, i + 4));
      v3 = round(v3, read32(bytes, i + 8));
      v4 = round(v4, read32(bytes, i + 12));
      i += 16;
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + PRIME32_5) | 0;
  }
  h = (h + len) | 0;
  while (i + 4 <= end) {
    h = Math.imul(rotl((h + Math.imul(read32(bytes, i), PRIME32_3)) | 0, 17), PRIME32_4);
    i += 4;
  }
  while (i < end) {
    h = Math.imul(rotl((h + Math.imul(bytes[i] as number, PRIME32_5)) | 0, 11), PRIME32_1);
    i++;
  }
  // Final avalanche.
  h ^= h >>> 15;
  h = Math.imul(h, PRIME32_2);
  h ^= h >>> 13;
  h = Math.imul(h, PRIME32_3);
  h ^= h >>> 16;
  return h >>> 0;
}
