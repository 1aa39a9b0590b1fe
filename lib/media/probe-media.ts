import { readAscii } from '../bytes/read-ascii.ts';
import { u32be, u32le } from '../bytes/read-uint.ts';
import { findXmpProvenance } from '../c2pa/remote-manifest.ts';
import { bytesToHex } from '../fingerprint/hex.ts';
import type { RangeReader } from './range-reader.ts';

/**
 * What a few KB of a media file say about its Content Credentials, before anything large is downloaded.
 * - `present`: the file carries a C2PA manifest store (validating it needs the whole file: the BMFF hash
 *   covers every byte outside the exclusions);
 * - `absent`: the format keeps its manifest in one known place and that place holds none, nor a reference
 *   to a remote one;
 * - `unknown`: the structure could not be walked within the budget (a server without Range, a fragmented
 *   file with thousands of boxes, a format we do not walk): only the whole file can tell.
 */
export type C2paPresence = 'present' | 'absent' | 'unknown';

export type MediaFormat = 'bmff' | 'webm' | 'mp3' | 'wav' | 'playlist' | 'other';

export interface MediaProbe {
  format: MediaFormat;
  c2pa: C2paPresence;
  /** A remote manifest named by the file's XMP (`dcterms:provenance`). */
  reference?: string;
  /** Size of the whole file when the server said. */
  total?: number;
  contentType: string;
  linkHeader: string | null;
  /** Bytes downloaded by the probe. */
  bytesRead: number;
}

/** C2PA's BMFF box: a `uuid` box with this user type (C2PA 2.x, "Embedding manifests into BMFF"). */
export const C2PA_BOX_UUID = 'd8fec3d61b0e483c92975828877ec481';
/** Adobe XMP in BMFF: a top-level `uuid` box with this user type (XMP Specification Part 3, 1.2.7). */
export const XMP_BOX_UUID = 'be7acfcb97a942e89c71999491e3afac';

/** The first read: enough for `ftyp` and the C2PA box header that writers put right after it. */
export const FIRST_READ_BYTES = 4096;
const HEADER_BYTES = 32;
/** Box headers read one by one at most; a fragmented file with more top-level boxes is `unknown`. */
const MAX_BOXES = 48;
/** Largest XMP packet or ID3 tag read to look for a provenance reference. */
const MAX_METADATA_BYTES = 1024 * 1024;

const ascii = readAscii;

/** The container, from the magic bytes (or a playlist's first line). */
export function sniffMediaFormat(bytes: Uint8Array): MediaFormat {
  if (ascii(bytes, 4, 4) === 'ftyp') return 'bmff';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  const text = ascii(bytes, 0, 512).trimStart();
  if (text.startsWith('#EXTM3U') || /^<\?xml[^>]*>\s*<MPD[\s>]/.test(text) || text.startsWith('<MPD')) {
    return 'playlist';
  }
  return 'other';
}

/** Reads parts of the file, serving them from the first read when it already holds them. */
function cachedReader(reader: RangeReader, first: Uint8Array) {
  return async (offset: number, length: number): Promise<Uint8Array> => {
    if (offset + length <= first.length) return first.subarray(offset, offset + length);
    return reader.read(offset, length);
  };
}

type Read = (offset: number, length: number) => Promise<Uint8Array>;

interface Box {
  type: string;
  start: number;
  size: number;
  header: number;
  uuid?: string;
}

/** The box at `offset`, or undefined at the end of the file (or of `end`). Throws on a malformed size. */
async function boxAt(read: Read, offset: number, end: number | undefined): Promise<Box | undefined> {
  if (end !== undefined && offset + 8 > end) return undefined;
  const h = await read(offset, HEADER_BYTES);
  if (h.length < 8) return undefined;
  let size = u32be(h, 0);
  let header = 8;
  if (size === 1) {
    if (h.length < 16) throw new Error('truncated box header');
    size = u32be(h, 8) * 2 ** 32 + u32be(h, 12);
    header = 16;
  } else if (size === 0) {
    if (end === undefined)
      return { type: ascii(h, 4, 4), start: offset, size: Number.POSITIVE_INFINITY, header };
    size = end - offset;
  }
  if (size < header) throw new Error('malformed box size');
  const type = ascii(h, 4, 4);
  const uuid =
    type === 'uuid' && h.length >= header + 16 ? bytesToHex(h.subarray(header, header + 16)) : undefined;
  return { type, start: offset, size, header, uuid };
}

async function xmpReference(read: Read, start: number, length: number): Promise<string | undefined> {
  if (length <= 0 || length > MAX_METADATA_BYTES) return undefined;
  const xmp = findXmpProvenance(await read(start, length));
  return xmp?.kind === 'remote' ? xmp.url : undefined;
}

/** `moov/udta/XMP_`: where QuickTime-style writers keep XMP. Only box headers are read on the way. */
async function moovXmp(read: Read, moov: Box, budget: { boxes: number }): Promise<string | undefined> {
  for (const path of [['udta', 'XMP_']]) {
    let parent = moov;
    let found: Box | undefined;
    for (const name of path) {
      found = undefined;
      let at = parent.start + parent.header;
      const end = parent.start + parent.size;
      while (at < end && budget.boxes-- > 0) {
        const child = await boxAt(read, at, end);
        if (!child) break;
        if (child.type === name) {
          found = child;
          break;
        }
        at += child.size;
      }
      if (!found) break;
      parent = found;
    }
    if (found) return xmpReference(read, found.start + found.header, found.size - found.header);
  }
  return undefined;
}

async function probeBmff(
  read: Read,
  total: number | undefined,
): Promise<Pick<MediaProbe, 'c2pa' | 'reference'>> {
  const budget = { boxes: MAX_BOXES };
  let reference: string | undefined;
  let offset = 0;
  while (total === undefined || offset < total) {
    if (budget.boxes-- <= 0) return { c2pa: 'unknown', reference };
    const box = await boxAt(read, offset, total);
    if (!box) break;
    if (box.uuid === C2PA_BOX_UUID) return { c2pa: 'present', reference };
    if (box.uuid === XMP_BOX_UUID && !reference) {
      reference = await xmpReference(read, box.start + box.header + 16, box.size - box.header - 16);
    } else if (box.type === 'moov' && !reference && Number.isFinite(box.size)) {
      reference = await moovXmp(read, box, budget);
    }
    if (!Number.isFinite(box.size)) break;
    offset += box.size;
  }
  return { c2pa: 'absent', reference };
}

/** RIFF/WAVE: C2PA keeps its store in a `C2PA` chunk; XMP lives in `_PMX`. */
async function probeWav(
  read: Read,
  total: number | undefined,
): Promise<Pick<MediaProbe, 'c2pa' | 'reference'>> {
  const first = await read(0, 12);
  const end = Math.min(total ?? Number.POSITIVE_INFINITY, u32le(first, 4) + 8);
  let reference: string | undefined;
  let offset = 12;
  for (let n = 0; offset + 8 <= end; n++) {
    if (n >= MAX_BOXES) return { c2pa: 'unknown', reference };
    const h = await read(offset, 8);
    if (h.length < 8) break;
    const id = ascii(h, 0, 4);
    const size = u32le(h, 4);
    if (id === 'C2PA') return { c2pa: 'present', reference };
    if (id === '_PMX' && !reference) reference = await xmpReference(read, offset + 8, size);
    offset += 8 + size + (size % 2);
  }
  return { c2pa: 'absent', reference };
}

/** MP3: C2PA keeps its store in a GEOB frame of the ID3v2 tag at the start of the file. */
async function probeMp3(read: Read, first: Uint8Array): Promise<Pick<MediaProbe, 'c2pa' | 'reference'>> {
  if (ascii(first, 0, 3) !== 'ID3') return { c2pa: 'absent' };
  // Tag size: four 7-bit bytes (ID3v2.4 §3.1), after the 10-byte header.
  const size =
    (((first[6] ?? 0) & 0x7f) << 21) |
    (((first[7] ?? 0) & 0x7f) << 14) |
    (((first[8] ?? 0) & 0x7f) << 7) |
    ((first[9] ?? 0) & 0x7f);
  if (size > MAX_METADATA_BYTES) return { c2pa: 'unknown' };
  const tag = await read(0, 10 + size);
  const text = new TextDecoder('latin1').decode(tag).toLowerCase();
  if (text.includes('c2pa') || text.includes('jumb')) return { c2pa: 'present' };
  const xmp = findXmpProvenance(tag);
  return { c2pa: 'absent', reference: xmp?.kind === 'remote' ? xmp.url : undefined };
}

/**
 * Looks at a media file's structure through Range reads: the C2PA `uuid` box of MP4/MOV/M4A, the `C2PA`
 * chunk of WAV, the ID3 tag of MP3. A WebM (not a C2PA format) or a playlist is named as such. Throws a
 * FetchError when even the first bytes cannot be read.
 */
export async function probeMedia(reader: RangeReader): Promise<MediaProbe> {
  const first = await reader.read(0, FIRST_READ_BYTES);
  const head = reader.head();
  const total = head?.total;
  const read = cachedReader(reader, first);
  const format = sniffMediaFormat(first);
  let found: Pick<MediaProbe, 'c2pa' | 'reference'> = { c2pa: 'unknown' };
  try {
    if (format === 'bmff') found = await probeBmff(read, total);
    else if (format === 'wav') found = await probeWav(read, total);
    else if (format === 'mp3') found = await probeMp3(read, first);
    else if (format === 'webm' || format === 'playlist') found = { c2pa: 'absent' };
  } catch {
    // A read failed (no Range support, a broken box): only the whole file can tell.
    found = { c2pa: 'unknown' };
  }
  return {
    format,
    ...found,
    total,
    contentType: head?.contentType ?? '',
    linkHeader: head?.linkHeader ?? null,
    bytesRead: reader.bytesRead(),
  };
}
