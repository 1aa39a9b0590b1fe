import { readAscii } from '../bytes/read-ascii.ts';
import { u16be, u32be } from '../bytes/read-uint.ts';
import { sniffMediaType } from '../media-type/sniff-media-type.ts';
/**
 * Image format sniffing and header-only size reading. Both decoders (browser and Node) use these to refuse
 * unsupported formats and oversized images BEFORE any pixel buffer exists: a 100 KB PNG can claim 20000x20000
 * pixels (1.6 GB of RGBA), and the declared size is the only thing known before decoding.
 */

export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heic' | 'bmp' | 'tiff' | 'ico' | 'svg';

/**
 * Formats that get a perceptual hash: those that every target browser decodes AND that the Node decoder
 * (sharp/libvips) decodes to the same pixels. BMP/ICO (no libvips loader), TIFF/HEIC (not decoded by
 * Chrome/Firefox) and SVG (vector: no natural pixel grid) are left out so both sides always agree.
 */
export const PDQ_IMAGE_TYPES: ReadonlySet<ImageType> = new Set<ImageType>([
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
]);

const ascii = (b: Uint8Array, at: number, s: string): boolean => readAscii(b, at, s.length) === s;
const u16le = (b: Uint8Array, i: number): number => (b[i] as number) | ((b[i + 1] as number) << 8);
const u24le = (b: Uint8Array, i: number): number => u16le(b, i) | ((b[i + 2] as number) << 16);

/** The image formats by MIME type; HEIF without a HEIC brand counts as HEIC (neither is decoded here). */
const IMAGE_TYPE_BY_MIME: Readonly<Record<string, ImageType>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'image/vnd.microsoft.icon': 'ico',
  'image/svg+xml': 'svg',
};

/** The image format from the file's magic bytes (the one sniffer), undefined for anything but an image. */
export function sniffImageType(b: Uint8Array): ImageType | undefined {
  const mime = sniffMediaType(b);
  return mime ? IMAGE_TYPE_BY_MIME[mime] : undefined;
}

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Width and height as the file header declares them (before EXIF orientation, which only swaps them), or
 * undefined when the header is missing or malformed.
 */
export function readImageSize(b: Uint8Array, type = sniffImageType(b)): ImageSize | undefined {
  let size: ImageSize | undefined;
  switch (type) {
    case 'png':
      // IHDR must be the first chunk.
      if (b.length >= 24 && ascii(b, 12, 'IHDR')) size = { width: u32be(b, 16), height: u32be(b, 20) };
      break;
    case 'gif':
      // Browsers size a GIF by its logical screen.
      if (b.length >= 10) size = { width: u16le(b, 6), height: u16le(b, 8) };
      break;
    case 'webp':
      size = webpSize(b);
      break;
    case 'jpeg':
      size = jpegSize(b);
      break;
    case 'avif':
    case 'heic':
      size = ispeSize(b);
      break;
    default:
      return undefined;
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/**
 * Whether a PNG's chunk sequence reaches IEND. Chromium refuses a PNG without it while libpng (Node) decodes
 * it, so both sides treat it as truncated.
 */
export function pngIsComplete(b: Uint8Array): boolean {
  // IEND's own CRC may be cut off (Chromium still decodes that), so its 8-byte header is enough.
  for (let i = 8; i + 8 <= b.length; ) {
    if (ascii(b, i + 4, 'IEND')) return true;
    i += 12 + u32be(b, i);
  }
  return false;
}

function webpSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 30) return undefined;
  if (ascii(b, 12, 'VP8X')) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (ascii(b, 12, 'VP8 ') && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (ascii(b, 12, 'VP8L') && b[20] === 0x2f) {
    const bits =
      (b[21] as number) | ((b[22] as number) << 8) | ((b[23] as number) << 16) | ((b[24] as number) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/** Walk the JPEG marker segments up to the first start-of-frame. */
function jpegSize(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = u16be(b, i + 2);
    if (len < 2) return undefined;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return undefined;
      return { width: u16be(b, i + 7), height: u16be(b, i + 5) };
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data or end before any frame header
    i += 2 + len;
  }
  return undefined;
}

/**
 * HEIF/AVIF: the largest `ispe` (image spatial extent) property in meta/iprp/ipco. A grid image's own
 * ispe is its full size, its tiles' are smaller, so the largest is the displayed image.
 */
function ispeSize(b: Uint8Array): ImageSize | undefined {
  const meta = findBox(b, 0, b.length, 'meta');
  if (!meta) return undefined;
  // meta is a full box: 4 bytes of version and flags before its children.
  const iprp = findBox(b, meta.start + 4, meta.end, 'iprp');
  const ipco = iprp && findBox(b, iprp.start, iprp.end, 'ipco');
  if (!ipco) return undefined;
  let best: ImageSize | undefined;
  for (let i = ipco.start; i + 8 <= ipco.end; ) {
    const box = boxAt(b, i, ipco.end);
    if (!box) break;
    if (box.type === 'ispe' && box.end - box.start >= 12) {
      const s = { width: u32be(b, box.start + 4), height: u32be(b, box.start + 8) };
      if (!best || s.width * s.height > best.width * best.height) best = s;
    }
    i = box.end;
  }
  return best;
}

interface Box {
  type: string;
  start: number; // first byte of the payload
  end: number;
}

function boxAt(b: Uint8Array, at: number, limit: number): Box | undefined {
  if (at + 8 > limit) return undefined;
  let size = u32be(b, at);
  let header = 8;
  if (size === 1) {
    // 64-bit size; anything beyond 2^53 is not a real file here.
    if (at + 16 > limit) return undefined;
    size = u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12);
    header = 16;
  } else if (size === 0) size = limit - at;
  if (size < header || at + size > limit) return undefined;
  const type = readAscii(b, at + 4, 4);
  return { type, start: at + header, end: at + size };
}

function findBox(b: Uint8Array, from: number, to: number, type: string): Box | undefined {
  for (let i = from; i + 8 <= to; ) {
    const box = boxAt(b, i, to);
    if (!box) return undefined;
    if (box.type === type) return box;
    i = box.end;
  }
  return undefined;
}
