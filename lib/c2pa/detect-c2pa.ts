/**
 * Can these bytes carry Content Credentials? A cheap scan that decides whether the C2PA engine is worth
 * starting: a plain photo then costs a fetch and a SHA-256, not a WASM read (about 30 ms with trust lists).
 *
 * It must never say "no" to a file the engine would read, damaged ones included: a missed store would turn
 * "could not check" or a real verdict into "no provenance". So it errs towards "maybe" and looks for any
 * trace of C2PA anywhere in the file, not only where a well-formed writer puts it:
 * - the JUMBF boxes every embedding uses (`jumb` superbox, `jumd` description box; ISO/IEC 19566-5), which
 *   hold the store in JPEG APP11, PNG `caBX`, WebP/WAV `C2PA` chunks, GIF/TIFF/MP3/PDF/SVG wrappers;
 * - the container markers themselves: a JPEG APP11 segment, a PNG `caBX` chunk, a RIFF `C2PA` chunk, the
 *   BMFF `uuid` box with the C2PA UUID (MP4, MOV, HEIC, AVIF), and the ASCII label `c2pa`/`C2PA` that
 *   names the store and every assertion inside it;
 * - XMP `dcterms:provenance` (an embedded or remote manifest reference);
 * - an HTTP `Link: <…>; rel="c2pa-manifest"` header that came with the file.
 * Spec: https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_embedding_manifests_into_assets
 * A false "maybe" only costs an engine read; the scan itself is one pass over the bytes.
 */

import { u32be, u32le } from '../bytes/read-uint.ts';
import { parseLinkHeader } from './remote-manifest.ts';

export type C2paTrace =
  | 'jumbf'
  | 'c2pa-label'
  | 'jpeg-app11'
  | 'png-cabx'
  | 'riff-c2pa'
  | 'bmff-c2pa-uuid'
  | 'xmp-provenance'
  | 'link-header'
  /** A JPEG, PNG, RIFF or BMFF file whose structure breaks off: the lost part may have held the store. */
  | 'damaged';

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The C2PA BMFF `uuid` box's extended type, d8fec3d6-1b0e-483c-9297-5828877ec481. */
const C2PA_BMFF_UUID = [
  0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4, 0x81,
];

/** Byte sequences that betray a manifest store wherever they sit (false positives are harmless). */
const MARKERS: ReadonlyArray<readonly [C2paTrace, readonly number[]]> = [
  ['xmp-provenance', ascii('dcterms:provenance')],
  ['jumbf', ascii('jumb')],
  ['jumbf', ascii('jumd')],
  ['c2pa-label', ascii('c2pa')],
  ['c2pa-label', ascii('C2PA')],
  ['png-cabx', ascii('caBX')],
  ['bmff-c2pa-uuid', C2PA_BMFF_UUID],
];

function markerAt(bytes: Uint8Array, at: number, marker: readonly number[]): boolean {
  if (at + marker.length > bytes.length) return false;
  for (let k = 0; k < marker.length; k++) if (bytes[at + k] !== marker[k]) return false;
  return true;
}

/**
 * Any marker anywhere. Each marker's first byte is found with the native `indexOf` (a memchr), and only
 * there are the other bytes compared: a JavaScript loop over every byte was ~10x slower.
 */
function scanMarkers(bytes: Uint8Array): C2paTrace | undefined {
  for (const [trace, marker] of MARKERS) {
    const first = marker[0] as number;
    for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
      if (markerAt(bytes, i, marker)) return trace;
    }
  }
  return undefined;
}

/**
 * What a container walk found: a C2PA box, a damaged structure, or a clean walk with neither, with the byte
 * ranges that hold metadata (everything but the coded image or media data, where no store or XMP can sit
 * for the engine to read). undefined: not this container.
 */
type Walk = C2paTrace | { metadata: Array<[number, number]> } | undefined;

/**
 * JPEG: an APP11 segment before the image data (where C2PA keeps its JUMBF; a store damaged so badly that no
 * byte marker survives still leaves the segment). A file cut before its image data, or not ending with EOI,
 * is damaged: the engine then reports the damage, and so must we (the lost part may have held the store).
 */
function walkJpeg(bytes: Uint8Array): Walk {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return 'damaged';
    const marker = bytes[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xeb) return 'jpeg-app11';
    if (marker === 0xd9) return 'damaged'; // end of image before any image data
    if (marker >= 0xd0 && marker <= 0xd7) {
      i += 2;
      continue;
    }
    if (marker === 0xda) {
      const n = bytes.length;
      // The entropy-coded data that follows holds no segments: only the header is metadata.
      return bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9 ? { metadata: [[0, i]] } : 'damaged';
    }
    i += 2 + ((bytes[i + 2] as number) << 8) + (bytes[i + 3] as number);
  }
  return 'damaged';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CABX = ascii('caBX');
const IEND = ascii('IEND');
const IDAT = ascii('IDAT');

/** PNG: a `caBX` chunk; chunks that do not run exactly to IEND are damage. */
function walkPng(bytes: Uint8Array): Walk {
  if (!markerAt(bytes, 0, PNG_SIGNATURE)) return undefined;
  const metadata: Array<[number, number]> = [];
  let i = 8;
  while (i + 12 <= bytes.length) {
    if (markerAt(bytes, i + 4, CABX)) return 'png-cabx';
    if (markerAt(bytes, i + 4, IEND)) return i + 12 === bytes.length ? { metadata } : 'damaged';
    const next = i + 12 + u32be(bytes, i);
    if (!markerAt(bytes, i + 4, IDAT)) metadata.push([i, Math.min(next, bytes.length)]);
    i = next;
  }
  return 'damaged';
}

const RIFF = ascii('RIFF');
const C2PA_CHUNK = ascii('C2PA');
/** Chunks of coded image, audio or video data (WebP, WAV, AVI). */
const RIFF_MEDIA = ['VP8 ', 'VP8L', 'ALPH', 'ANMF', 'data', 'LIST'].map(ascii);

/** RIFF (WebP, WAV, AVI): a top-level `C2PA` chunk; chunks that do not fill the declared size are damage. */
function walkRiff(bytes: Uint8Array): Walk {
  if (!markerAt(bytes, 0, RIFF)) return undefined;
  const end = 8 + u32le(bytes, 4);
  if (end !== bytes.length && end + 1 !== bytes.length) return 'damaged';
  const metadata: Array<[number, number]> = [[0, 12]];
  let i = 12;
  while (i + 8 <= end) {
    if (markerAt(bytes, i, C2PA_CHUNK)) return 'riff-c2pa';
    const size = u32le(bytes, i + 4);
    const next = i + 8 + size + (size & 1);
    if (!RIFF_MEDIA.some((id) => markerAt(bytes, i, id))) metadata.push([i, Math.min(next, bytes.length)]);
    i = next;
  }
  return i === end || i === end + 1 ? { metadata } : 'damaged';
}

const FTYP = ascii('ftyp');
const UUID = ascii('uuid');
const MDAT = ascii('mdat');

/** ISO BMFF (MP4, MOV, HEIC, AVIF): a top-level C2PA `uuid` box; boxes that do not end at the file's end are damage. */
function walkBmff(bytes: Uint8Array): Walk {
  if (!markerAt(bytes, 4, FTYP)) return undefined;
  const metadata: Array<[number, number]> = [];
  let i = 0;
  while (i + 8 <= bytes.length) {
    let size = u32be(bytes, i);
    if (size === 1) {
      if (i + 16 > bytes.length) return 'damaged';
      size = u32be(bytes, i + 8) * 2 ** 32 + u32be(bytes, i + 12);
    } else if (size === 0) {
      size = bytes.length - i; // to the end of the file
    }
    if (markerAt(bytes, i + 4, UUID) && markerAt(bytes, i + 8, C2PA_BMFF_UUID)) return 'bmff-c2pa-uuid';
    if (size < 8) return 'damaged';
    if (!markerAt(bytes, i + 4, MDAT)) metadata.push([i, Math.min(i + size, bytes.length)]);
    i += size;
  }
  return i === bytes.length ? { metadata } : 'damaged';
}

/**
 * The first trace of Content Credentials in the file or its `Link` header, or undefined when there is none
 * (then the engine would find no manifest, embedded or remote, and the answer is "none").
 */
export function findC2paTrace(
  bytes: Uint8Array,
  link: { header?: string | null; baseUrl?: string } = {},
): C2paTrace | undefined {
  // Resolved as readC2pa resolves it: a Link target it would not follow is no trace.
  if (link.header && parseLinkHeader(link.header, link.baseUrl).length > 0) return 'link-header';
  const walk = walkJpeg(bytes) ?? walkPng(bytes) ?? walkRiff(bytes) ?? walkBmff(bytes);
  if (walk === undefined) return scanMarkers(bytes);
  if (typeof walk === 'string') return walk;
  for (const [start, end] of walk.metadata) {
    const trace = scanMarkers(bytes.subarray(start, end));
    if (trace) return trace;
  }
  return undefined;
}

/** True when the C2PA engine might find Content Credentials (embedded, damaged or remote) for this file. */
export function mayCarryC2pa(
  bytes: Uint8Array,
  link: { header?: string | null; baseUrl?: string } = {},
): boolean {
  return findC2paTrace(bytes, link) !== undefined;
}
