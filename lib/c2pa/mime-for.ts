import { sniffMediaType } from '../media-type/sniff-media-type.ts';

/**
 * Picks the format name to hand the C2PA engine. The bytes decide: a server's Content-Type may lie
 * (images served as application/octet-stream, or a PNG labelled image/jpeg), so the sniffed type wins and
 * the declared one is only a fallback for formats we cannot sniff.
 */

/** Formats c2pa-rs 0.91 reads (its asset handlers), under the MIME names it accepts. */
export const ENGINE_MIME_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heif',
  'image/tiff',
  'image/x-adobe-dng',
  'image/svg+xml',
  'image/jxl',
  'video/mp4',
  'video/quicktime',
  'video/avi',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'audio/flac',
  'application/pdf',
  'application/c2pa',
]);

/** Common aliases servers send, mapped to the names above. */
const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'image/svg': 'image/svg+xml',
  'image/dng': 'image/x-adobe-dng',
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/x-flac': 'audio/flac',
  'video/x-msvideo': 'video/avi',
  'video/msvideo': 'video/avi',
  'application/x-c2pa-manifest-store': 'application/c2pa',
};

/** Normalises a Content-Type header value ("image/JPG; charset=x" → "image/jpeg"). */
export function normalizeMime(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  const bare = contentType.split(';')[0]?.trim().toLowerCase();
  if (!bare) return undefined;
  return ALIASES[bare] ?? bare;
}

/**
 * The MIME type to give the engine: the sniffed one if the engine reads it, else the declared one if the engine reads that format,
 * else undefined (the caller reports "unsupported format").
 */
export function mimeFor(bytes: Uint8Array, declared?: string | null): string | undefined {
  const sniffed = sniffMediaType(bytes);
  // A sniffed format the engine has no handler for (BMP, ICO) is unsupported whatever the server says.
  if (sniffed) return ENGINE_MIME_TYPES.has(sniffed) ? sniffed : undefined;
  const normal = normalizeMime(declared);
  return normal && ENGINE_MIME_TYPES.has(normal) ? normal : undefined;
}
