/**
 * Unsigned integers read from file bytes, for the container walkers (image type, C2PA trace scan, media
 * probe, manifest-store extraction). Bytes past the end read as 0, so a truncated file never throws here:
 * each walker checks its bounds itself.
 */

const at = (b: Uint8Array, i: number): number => b[i] ?? 0;

export const u16be = (b: Uint8Array, i: number): number => (at(b, i) << 8) | at(b, i + 1);

export const u32be = (b: Uint8Array, i: number): number =>
  ((at(b, i) << 24) | (at(b, i + 1) << 16) | (at(b, i + 2) << 8) | at(b, i + 3)) >>> 0;

export const u32le = (b: Uint8Array, i: number): number =>
  (at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16) | (at(b, i + 3) << 24)) >>> 0;
