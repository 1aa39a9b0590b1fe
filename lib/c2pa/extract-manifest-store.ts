import { concatBytes } from '../bytes/concat-bytes.ts';
import { u16be as u16, u32be as u32 } from '../bytes/read-uint.ts';

/**
 * Extracts the C2PA manifest store (the JUMBF superbox labelled "c2pa") from an asset's bytes, without the engine:
 * the registry records the SHA-256 of exactly these bytes, and a publisher serves them as `<hash>.c2pa`.
 *
 * Where each format keeps the store (C2PA 2.2, "Embedding manifests into assets"):
 * https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_embedding_manifests_into_assets
 * - JPEG: APP11 segments (ISO 19566-5 JPEG XT boxes): "JP", box instance (2), packet sequence (4), then the box;
 *   every packet after the first repeats the box's 8-byte header (LBox, TBox), which is dropped when reassembling.
 * - PNG: a `caBX` chunk holding the JUMBF box.
 * - WebP: a RIFF chunk `C2PA`.
 * - ISO BMFF (HEIF/AVIF/MP4): a `uuid` box D8FEC3D6-1B0E-483C-9297-5828877EC481, version/flags, purpose
 *   "manifest\0", an 8-byte merkle offset, then the JUMBF box.
 * Returns undefined when there is no store (or it cannot be reassembled); never throws on malformed input.
 */

const JUMB = [0x6a, 0x75, 0x6d, 0x62];
const BMFF_C2PA_UUID = [
  0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4, 0x81,
];
/** Largest store we reassemble (the same cap as a remote manifest). */
const MAX_STORE_BYTES = 10 * 1024 * 1024;

function at(b: Uint8Array, i: number, pattern: readonly number[]): boolean {
  return pattern.every((v, k) => b[i + k] === v);
}

/**
 * Is this a complete JUMBF superbox whose description box is labelled "c2pa"? (jumb → jumd: 16-byte type,
 * toggles, then the null-terminated label.)
 */
export function isC2paStoreBox(box: Uint8Array): boolean {
  if (box.length < 8 + 8 + 16 + 1 + 5) return false;
  if (!at(box, 4, JUMB) || u32(box, 0) !== box.length) return false;
  if (!at(box, 12, [0x6a, 0x75, 0x6d, 0x64])) return false;
  const toggles = box[8 + 8 + 16] as number;
  if ((toggles & 0x02) === 0) return false;
  return at(box, 8 + 8 + 16 + 1, [0x63, 0x32, 0x70, 0x61, 0x00]);
}

/**
 * Where the store sits in the file: `start` and `end` bound the container's own framing around it (the
 * APP11 segments from the first marker to the last byte, the whole chunk, the whole box), which is what a
 * data-hash exclusion must cover; `header` is how many bytes of that framing come before the box.
 */
export interface ManifestStorePlace {
  box: Uint8Array;
  start: number;
  end: number;
  header: number;
}

function fromJpeg(b: Uint8Array): ManifestStorePlace | undefined {
  // Packets per box instance, in file order; reassembled by sequence number.
  const instances = new Map<number, Array<{ seq: number; payload: Uint8Array; at: number; end: number }>>();
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan: no more metadata segments
    if (marker === 0xff) {
      i++;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = u16(b, i + 2);
    if (length < 2 || i + 2 + length > b.length) return undefined;
    if (marker === 0xeb && length >= 2 + 8 + 8 && b[i + 4] === 0x4a && b[i + 5] === 0x50) {
      const instance = u16(b, i + 6);
      const seq = u32(b, i + 8);
      const payload = b.subarray(i + 12, i + 2 + length);
      const list = instances.get(instance) ?? [];
      list.push({ seq, payload, at: i, end: i + 2 + length });
      instances.set(instance, list);
    }
    i += 2 + length;
  }
  for (const packets of instances.values()) {
    packets.sort((x, y) => x.seq - y.seq);
    const [first, ...rest] = packets;
    if (!first || first.payload.length < 8 || !at(first.payload, 4, JUMB)) continue;
    const total = u32(first.payload, 0);
    if (total > MAX_STORE_BYTES) continue;
    const box = concatBytes([first.payload, ...rest.map((p) => p.payload.subarray(8))]);
    if (box.length === total && isC2paStoreBox(box)) {
      const start = Math.min(...packets.map((p) => p.at));
      const end = Math.max(...packets.map((p) => p.end));
      return { box, start, end, header: 12 };
    }
  }
  return undefined;
}

function fromPng(b: Uint8Array): ManifestStorePlace | undefined {
  let i = 8;
  while (i + 12 <= b.length) {
    const length = u32(b, i);
    if (i + 12 + length > b.length) return undefined;
    if (at(b, i + 4, [0x63, 0x61, 0x42, 0x58])) {
      const box = b.slice(i + 8, i + 8 + length);
      return isC2paStoreBox(box) ? { box, start: i, end: i + 12 + length, header: 8 } : undefined;
    }
    if (at(b, i + 4, [0x49, 0x45, 0x4e, 0x44])) return undefined;
    i += 12 + length;
  }
  return undefined;
}

function fromWebp(b: Uint8Array): ManifestStorePlace | undefined {
  let i = 12;
  while (i + 8 <= b.length) {
    const length =
      ((b[i + 4] as number) |
        ((b[i + 5] as number) << 8) |
        ((b[i + 6] as number) << 16) |
        ((b[i + 7] as number) << 24)) >>>
      0;
    if (i + 8 + length > b.length) return undefined;
    if (at(b, i, [0x43, 0x32, 0x50, 0x41])) {
      const box = b.slice(i + 8, i + 8 + length);
      const end = Math.min(b.length, i + 8 + length + (length & 1));
      return isC2paStoreBox(box) ? { box, start: i, end, header: 8 } : undefined;
    }
    i += 8 + length + (length & 1);
  }
  return undefined;
}

function fromBmff(b: Uint8Array): ManifestStorePlace | undefined {
  let i = 0;
  while (i + 8 <= b.length) {
    let size = u32(b, i);
    let header = 8;
    if (size === 1) {
      if (i + 16 > b.length) return undefined;
      const high = u32(b, i + 8);
      if (high !== 0) return undefined; // > 4 GB: not something we read
      size = u32(b, i + 12);
      header = 16;
    } else if (size === 0) {
      size = b.length - i;
    }
    if (size < header || i + size > b.length) return undefined;
    if (at(b, i + 4, [0x75, 0x75, 0x69, 0x64]) && at(b, i + header, BMFF_C2PA_UUID)) {
      let p = i + header + 16 + 4; // uuid, version + flags
      const end = i + size;
      const nul = b.indexOf(0, p);
      if (nul < 0 || nul >= end) return undefined;
      const purpose = new TextDecoder().decode(b.subarray(p, nul));
      p = nul + 1;
      if (purpose === 'manifest') {
        p += 8; // merkle offset
        const box = b.slice(p, end);
        const length = box.length >= 8 ? u32(box, 0) : 0;
        const exact = length <= box.length ? box.subarray(0, length) : box;
        return isC2paStoreBox(exact) ? { box: exact.slice(), start: i, end, header: p - i } : undefined;
      }
    }
    i += size;
  }
  return undefined;
}

/** The store and where it sits, or undefined (see `extractManifestStore`). */
export function locateManifestStore(bytes: Uint8Array): ManifestStorePlace | undefined {
  try {
    if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return fromJpeg(bytes);
    if (at(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return fromPng(bytes);
    if (at(bytes, 0, [0x52, 0x49, 0x46, 0x46]) && at(bytes, 8, [0x57, 0x45, 0x42, 0x50]))
      return fromWebp(bytes);
    if (at(bytes, 4, [0x66, 0x74, 0x79, 0x70])) return fromBmff(bytes);
  } catch {
    return undefined;
  }
  return undefined;
}

export function extractManifestStore(bytes: Uint8Array): Uint8Array | undefined {
  return locateManifestStore(bytes)?.box;
}
