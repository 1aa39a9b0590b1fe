/** A 32-byte value as 0x-prefixed lower-case hex (a content hash as the registry stores it). */
export type Hex32 = `0x${string}`;

const HEX32 = /^(0x)?[0-9a-fA-F]{64}$/;

export function isHex32(value: unknown): value is Hex32 {
  return typeof value === 'string' && value.startsWith('0x') && HEX32.test(value);
}

/**
 * Normalises a 64-hex-digit string, with or without 0x (lib/fingerprint emits digests without it), to Hex32.
 * Lower-casing matters: records and caches are keyed by the string.
 */
export function toHex32(value: string): Hex32 {
  if (!HEX32.test(value)) throw new TypeError(`not a 32-byte hex value: ${value.slice(0, 80)}`);
  return `0x${(value.startsWith('0x') ? value.slice(2) : value).toLowerCase()}`;
}
