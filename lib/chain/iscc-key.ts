import type { Hex32 } from './hex32.ts';

/**
 * The registry hash of an ISCC Text-Code (kind 3, registry v2): the 64-bit code (16 hex digits, without the ISCC
 * header) in the high 8 bytes, the other 24 bytes zero. Zero padding keeps Hamming distances between two such
 * hashes equal to the distance between the codes, so the PDQ index structure compares them unchanged.
 */
export function isccKey(isccHex: string): Hex32 {
  if (!/^[0-9a-f]{16}$/i.test(isccHex)) throw new TypeError(`not a 64-bit ISCC Text-Code: ${isccHex}`);
  return `0x${isccHex.toLowerCase()}${'0'.repeat(48)}`;
}
