/**
 * The registry's packed entry, `uint64 time | uint8 kind | uint8 flags` in one uint256 (see
 * contracts/origin-registry.sol): bits 16..79 time, 8..15 kind, 0..7 flags. 0 = no record.
 */
import type { RecordKind } from '../evidence/types.ts';

export const KIND_SHA256 = 0;
export const KIND_PDQ = 1;
export const KIND_TEXT = 2;
/** ISCC Text-Code (64 bits) in the high 8 bytes of the hash, the rest zero (registry v2). */
export const KIND_ISCC = 3;
export type KindCode = 0 | 1 | 2 | 3;

export const FLAG_AI = 1;
export const FLAG_REVOKED = 2;

/** Mirrors `MAX_BATCH` in the contract (checked by the contract tests). */
export const MAX_BATCH = 256;

export const KIND_NAMES: Readonly<Record<KindCode, RecordKind>> = {
  0: 'sha256',
  1: 'pdq',
  2: 'text',
  3: 'iscc',
};

export interface UnpackedEntry {
  /** Unix seconds of the registrant's first registration of the hash. */
  time: number;
  kind: KindCode;
  flags: number;
  aiGenerated: boolean;
  revoked: boolean;
}

export function isKindCode(value: number): value is KindCode {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** Packs like the contract does (tests and local fixtures). */
export function packEntry(time: number | bigint, kind: KindCode, flags: number): bigint {
  return (BigInt(time) << 16n) | (BigInt(kind) << 8n) | BigInt(flags & 0xff);
}

/**
 * Unpacks without judging: callers that read from an RPC validate the fields (see lookup.ts), because an entry
 * from a lying node may hold any 256-bit value.
 */
export function unpackEntry(packed: bigint): { time: bigint; kind: number; flags: number; high: bigint } {
  return {
    flags: Number(packed & 0xffn),
    kind: Number((packed >> 8n) & 0xffn),
    time: (packed >> 16n) & 0xffff_ffff_ffff_ffffn,
    high: packed >> 80n,
  };
}
