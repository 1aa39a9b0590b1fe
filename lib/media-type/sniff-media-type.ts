/**
 * The one magic-byte sniffer: the MIME type a file's first bytes name, for every consumer (the C2PA engine's
 * format, the perceptual-hash decoders, video/audio detection, thumbnails). A server's Content-Type and a
 * file's extension may lie; the bytes do not.
 *
 * Where the two earlier sniffers disagreed, this one decides (see docs/architecture.md "Media types"):
 * - ISO BMFF (`ftyp`): the major brand decides first and compatible brands only break ties, because an AVIF
 *   often lists `mif1`/`miaf` and a HEIC may list `avif`-free HEIF brands; the `hevc` sequence brands are
 *   HEIC too, a bare `mif1` is generic HEIF, and an `ftyp` naming no image brand is MP4 video.
 *   Brands: https://mp4ra.org/registered-types/brands
 * - SVG: only when `<svg` is the first element, after a BOM, white space, an XML declaration, comments and a
 *   doctype. "Starts with `<?xml` and contains `<svg` somewhere" also took an XHTML page with an inline SVG.
 */

import { readAscii as ascii } from '../bytes/read-ascii.ts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);

function sniffBmff(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const boxSize =
    (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
  // Compatible brands run to the end of the ftyp box; a nonsense size reads a short window instead.
  const end = Math.min(bytes.length, boxSize > 16 && boxSize < 4096 ? boxSize : 64);
  const major = ascii(bytes, 8, 4);
  const compatible: string[] = [];
  // Bytes 12..15 are the minor version, not a brand.
  for (let o = 16; o + 4 <= end; o += 4) compatible.push(ascii(bytes, o, 4));
  if (AVIF_BRANDS.has(major)) return 'image/avif';
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  if (major === 'qt  ') return 'video/quicktime';
  if (major === 'M4A ' || major === 'M4B ') return 'audio/mp4';
  if (compatible.some((b) => AVIF_BRANDS.has(b))) return 'image/avif';
  if (compatible.some((b) => HEIC_BRANDS.has(b))) return 'image/heic';
  if (HEIF_BRANDS.has(major) || compatible.some((b) => HEIF_BRANDS.has(b))) return 'image/heif';
  return 'video/mp4';
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  let text = ascii(bytes, 0, 2048);
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>)*/i, '');
  return /^<svg[\s>:/]/i.test(text);
}

/** The MIME type named by the file's magic bytes, or undefined when nothing matches. */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  const head4 = ascii(bytes, 0, 4);
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return 'image/gif';
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
  // MPEG audio frame sync (11 set bits); JPEG (FF D8 FF) was ruled out above.
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return 'audio/mpeg';
  if (head4.length === 4 && head4.startsWith('BM')) return 'image/bmp';
  if (startsWith(bytes, [0, 0, 1, 0])) return 'image/vnd.microsoft.icon';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return undefined;
}
