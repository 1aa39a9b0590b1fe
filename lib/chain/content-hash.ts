/**
 * The content hash: the registry's exact key of an item, in the one format the chain side uses (see
 * docs/architecture.md, "Content hashes"). lib/fingerprint writes SHA-256 digests as bare lower-case hex
 * (`sha256` for bytes, `sha256Collapsed` for text); the registry, its logs and ChainRecord.contentHash use
 * the same digest as a 0x-prefixed Hex32. Conversion happens here and in toHex32, nowhere by hand.
 */
import type { Fingerprints } from '../evidence/types.ts';
import { type Hex32, toHex32 } from './hex32.ts';

/**
 * SHA-256 of the bytes (images, video, audio) or of the collapsed text, as the registry keys it; undefined
 * without fingerprints or when the digest is malformed (a damaged cache row), so nothing asks the chain.
 */
export function contentHashOf(f: Fingerprints | undefined): Hex32 | undefined {
  if (!f) return undefined;
  try {
    return toHex32(f.kind === 'image' ? f.sha256 : f.sha256Collapsed);
  } catch {
    return undefined;
  }
}

/** Whether two hashes name the same 32 bytes, whatever their case or 0x prefix. */
export function sameContentHash(a: string, b: string): boolean {
  try {
    return toHex32(a) === toHex32(b);
  } catch {
    return false;
  }
}
