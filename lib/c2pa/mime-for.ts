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

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length && i < bytes.length; i++) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

// ISO BMFF brands (ISO/IEC 14496-12 `ftyp`): https://mp4ra.org/registered-types/brands
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);

function sniffBmff(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const boxSize =
    ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const end = Math.min(bytes.length, boxSize > 16 && boxSize < 4096 ? boxSize : 64);
  const brands = [ascii(bytes, 8, 4)];
  for (let o = 16; o + 4 <= end; o += 4) brands.push(ascii(bytes, o, 4));
  // The major brand decides first; compatible brands break ties (an AVIF often lists mif1 too).
  const major = brands[0] ?? '';
  if (AVIF_BRANDS.has(major)) return 'image/avif';
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  if (major === 'qt  ') return 'video/quicktime';
  if (major === 'M4A ' || major === 'M4B ') return 'audio/mp4';
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'image/avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'image/heic';
  if (brands.some((b) => HEIF_BRANDS.has(b))) return 'image/heif';
  return 'video/mp4';
}

function sniffSvg(bytes: Uint8Array): boolean {
  // Text formats: skip a BOM, whitespace, the XML declaration, comments and a doctype, then expect <svg.
  let text = ascii(bytes, 0, 2048);
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>)*/i, '');
  return /^<svg[\s>:]/i.test(text);
}

/** The format named by the file's magic bytes, or undefined when nothing matches. */
export function sniffMime(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  const head4 = ascii(bytes, 0, 4);
  if (head4 === 'GIF8') return 'image/gif';
  if (head4 === 'RIFF') {
    const form = ascii(bytes, 8, 4);
    if (form === 'WEBP') return 'image/webp';
    if (form === 'WAVE') return 'audio/wav';
    if (form === 'AVI ') return 'video/avi';
    return undefined;
  }
  const bmff = sniffBmff(bytes);
  if (bmff) return bmff;
  // A bare JUMBF superbox (`jumb`) is a sidecar manifest store (.c2pa).
  if (ascii(bytes, 4, 4) === 'jumb') return 'application/c2pa';
  if (head4 === 'II*\0' || head4 === 'MM\0*') return 'image/tiff';
  if (head4 === '%PDF') return 'application/pdf';
  if (head4 === 'fLaC') return 'audio/flac';
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) {
    return 'image/jxl';
  }
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  // MPEG audio frame sync (11 set bits); JPEG (FF D8) was ruled out above.
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return 'audio/mpeg';
  if (sniffSvg(bytes)) return 'image/svg+xml';
  return undefined;
}

/** Normalises a Content-Type header value ("image/JPG; charset=x" → "image/jpeg"). */
export function normalizeMime(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  const bare = contentType.split(';')[0]?.trim().toLowerCase();
  if (!bare) return undefined;
  return ALIASES[bare] ?? bare;
}

/**
 * The MIME type to give the engine: the sniffed one, else the declared one if the engine reads that format,
 * else undefined (the caller reports "unsupported format").
 */
export function mimeFor(bytes: Uint8Array, declared?: string | null): string | undefined {
  const sniffed = sniffMime(bytes);
  if (sniffed) return sniffed;
  const normal = normalizeMime(declared);
  return normal && ENGINE_MIME_TYPES.has(normal) ? normal : undefined;
}
