import type { ImageFingerprints, MediaKind } from '../evidence/types.ts';
import { sha256Hex } from '../fingerprint/sha256.ts';
import { sniffMediaType } from '../media-type/sniff-media-type.ts';
import { sniffMediaFormat } from './probe-media.ts';

/** Video or audio, from the bytes (the Content-Type only breaks the WebM tie); undefined for anything else. */
export function mediaKindOf(bytes: Uint8Array, contentType = ''): MediaKind | undefined {
  const sniffed = sniffMediaType(bytes);
  if (sniffed?.startsWith('video/')) return 'video';
  if (sniffed?.startsWith('audio/')) return 'audio';
  if (sniffMediaFormat(bytes) === 'webm') return contentType.startsWith('audio/') ? 'audio' : 'video';
  return undefined;
}

/**
 * Fingerprints of a video or audio file: the SHA-256 of the exact bytes (what the registry's kind 0 records
 * and the cache key are). No perceptual hash: PDQ is for still images.
 */
export async function fingerprintMedia(bytes: Uint8Array, media: MediaKind): Promise<ImageFingerprints> {
  if (bytes.length === 0) throw new Error('nothing to fingerprint: the file is empty (0 bytes)');
  return { kind: 'image', sha256: await sha256Hex(bytes), media };
}
