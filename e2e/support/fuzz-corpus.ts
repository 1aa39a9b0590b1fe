import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { concatBytes } from '../../lib/bytes/concat-bytes.ts';
import type { Verdict } from '../../lib/evidence/types.ts';
import { seededRandom } from '../../lib/testing/seeded-random.ts';

/**
 * A corpus of bad image files built at test time from the C2PA fixtures (nothing generated is committed).
 * Every entry says which verdicts would be honest for it, and why; the e2e test serves each file at
 * `/fuzz/<name>` with the entry's Content-Type and checks the extension's verdict against that list.
 *
 * The rule behind every `allowed` list: a damaged file may be called "could not check" (error) or get
 * the verdict its remaining bytes honestly support (a manifest whose hard binding no longer matches is
 * "tampered"), but damage must never *upgrade* a file (no new "verified" or "AI-generated"), and a file
 * that could not be read must never read as "no provenance".
 */

export type CorpusKind = 'truncated' | 'bit-flip' | 'random-body' | 'bomb' | 'svg-script' | 'wrong-type';

export interface CorpusEntry {
  /** File name, also the last path segment it is served at. Unique. */
  name: string;
  /** Absolute path of the bytes in the corpus folder. */
  path: string;
  /** The Content-Type header the server sends (may lie on purpose). */
  contentType: string;
  kind: CorpusKind;
  /** The fixture it was made from, if any. */
  source?: string;
  /** What was done to it, for failure messages. */
  detail: string;
  /** Verdicts that would be honest for these bytes. */
  allowed: Verdict[];
}

export interface FuzzCorpus {
  dir: string;
  entries: CorpusEntry[];
  /** Path requested by the SVG's script if it ever runs anywhere (it must not, in the extension). */
  svgBeacon: string;
  remove: () => void;
}

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/c2pa');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/**
 * Signed fixtures, with the verdict each gets intact in a browser with the bundled trust lists (see
 * fixtures/c2pa/SOURCES.md "with interim list"): the C2PA test certificate is on no list ("unknown
 * signer"); the Photoshop PNG is Adobe's, on the CAI interim list ("verified").
 */
const SIGNED: Array<{ file: string; mime: string; intact: Verdict }> = [
  { file: 'valid_C_c2pars.jpg', mime: 'image/jpeg', intact: 'unknown-signer' },
  { file: 'valid_boxhash.jpg', mime: 'image/jpeg', intact: 'unknown-signer' },
  { file: 'valid_CACA_two-manifests.jpg', mime: 'image/jpeg', intact: 'unknown-signer' },
  { file: 'valid_photoshop.png', mime: 'image/png', intact: 'verified' },
];

function noise(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

function indexOfAscii(bytes: Uint8Array, text: string, from = 0): number {
  outer: for (let i = from; i + text.length <= bytes.length; i++) {
    for (let j = 0; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/**
 * The C2PA manifest store inside a file: the first JUMBF superbox (`jumb`, its 4-byte size just before)
 * and its description box (`jumd`: 16-byte type UUID, toggles, then the label "c2pa"). The store's type
 * UUID starts with the ASCII bytes "c2pa" too (0x63327061-0011-0010-8000-00AA00389B71). In a JPEG the
 * store may span several APP11 segments; `end` is the end of the first box as declared, clamped.
 */
export function jumbfRegion(bytes: Uint8Array): { start: number; end: number; jumd: number } {
  const jumb = indexOfAscii(bytes, 'jumb');
  if (jumb < 4) throw new Error('no JUMBF superbox');
  const start = jumb - 4;
  const size = new DataView(bytes.buffer, bytes.byteOffset + start, 4).getUint32(0);
  const end = Math.min(bytes.length, start + Math.max(size, 64));
  const jumd = indexOfAscii(bytes, 'jumd', jumb);
  if (jumd < 0 || jumd > jumb + 16) throw new Error('no JUMBF description box');
  return { start, end, jumd };
}

/** CRC-32 (IEEE), as PNG chunks need it. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const concat = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

/**
 * A well-formed, tiny PNG whose IHDR declares `width`×`height` RGB pixels (valid CRCs, IEND present).
 * The IDAT holds the deflated first rows only, so the file is a few KB while a naive decoder would
 * allocate width × height × 4 bytes (30000² ≈ 3.6 GB) before noticing the data ends.
 */
export function pngBomb(width: number, height: number, rows = 8): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filter, no interlace
  const raw = new Uint8Array(rows * (1 + width * 3)); // filter byte 0 + black pixels
  return concat(
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/** A JPEG whose SOF0 declares 65535×65535 and that holds no scan data at all. */
function jpegBomb(): Uint8Array {
  return Uint8Array.from([
    0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0xff, 0xff, 0xff, 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff,
    0xd9,
  ]);
}

/** JPEG SOI + a JFIF APP0 segment, then whatever follows. */
const JPEG_HEAD = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
]);

/** PNG signature + a valid IHDR for 64×64 RGB, then whatever follows. */
function pngHead(): Uint8Array {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 64);
  new DataView(ihdr.buffer).setUint32(4, 64);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return concat(PNG_SIGNATURE, pngChunk('IHDR', ihdr));
}

/**
 * Builds the corpus in a new temporary folder. `svgBeaconUrl` is what the SVG's script would request
 * if it ran (an absolute URL on the test server, so that the request log can prove it never did).
 */
export async function buildFuzzCorpus(svgBeaconUrl: string): Promise<FuzzCorpus> {
  const dir = mkdtempSync(join(tmpdir(), 'origin-lens-fuzz-'));
  const entries: CorpusEntry[] = [];
  const add = (
    name: string,
    bytes: Uint8Array,
    e: Omit<CorpusEntry, 'name' | 'path' | 'contentType'> & { contentType?: string },
  ) => {
    if (entries.some((x) => x.name === name)) throw new Error(`duplicate corpus name ${name}`);
    const path = join(dir, name);
    writeFileSync(path, bytes);
    entries.push({ name, path, contentType: e.contentType ?? 'application/octet-stream', ...e });
  };
  const random = seededRandom(20261122);

  for (const { file, mime, intact } of SIGNED) {
    const bytes = fixture(file);
    const ext = mime === 'image/png' ? 'png' : 'jpg';
    const stem = file.replace(/\.\w+$/, '');
    const { start, end, jumd } = jumbfRegion(bytes);

    // Truncations: in the header, inside the manifest box header, in the middle of the manifest, just
    // after it, half way through the pixels, and two bytes short (no JPEG EOI / cut IEND CRC). A cut
    // after the manifest leaves it readable but its hard binding no longer matches: "tampered" is then
    // the honest verdict. A cut before or inside it leaves nothing checkable: "could not check".
    const cuts: Array<[string, number]> = [
      ['header', 20],
      ['manifest-head', start + 12],
      ['manifest-middle', Math.floor((start + end) / 2)],
      ['after-manifest', end + 16],
      ['half', Math.floor(bytes.length / 2)],
      ['end-2', bytes.length - 2],
    ];
    for (const [where, at] of cuts) {
      add(`trunc-${stem}-${where}.${ext}`, bytes.slice(0, at), {
        kind: 'truncated',
        source: file,
        contentType: mime,
        detail: `${file} cut at byte ${at} of ${bytes.length} (${where}; manifest ${start}–${end})`,
        allowed: ['error', 'tampered'],
      });
    }

    // Bit flips inside the manifest store: in the `jumb` box type, in the store's type UUID, in its
    // "c2pa" label, and at random places. A flip may land on bytes no signature covers (the label,
    // padding, unprotected COSE headers), so the intact verdict stays possible; otherwise "tampered" or
    // "could not check". Never an upgrade, and never "no provenance": the store is visibly there.
    const flips: Array<[string, number]> = [
      ['jumb-type', start + 5],
      ['store-uuid', jumd + 5],
      ['store-label', jumd + 22],
      ...Array.from({ length: 4 }, (_, k): [string, number] => [
        `random${k}`,
        start + 16 + Math.floor(random() * (end - start - 16)),
      ]),
    ];
    for (const [where, at] of flips) {
      const copy = bytes.slice();
      const bit = 1 << Math.floor(random() * 8);
      copy[at] = (copy[at] ?? 0) ^ bit;
      add(`flip-${stem}-${where}.${ext}`, copy, {
        kind: 'bit-flip',
        source: file,
        contentType: mime,
        detail: `${file} with bit ${Math.log2(bit)} of byte ${at} flipped (${where}; manifest ${start}–${end})`,
        allowed: [...new Set<Verdict>([intact, 'tampered', 'error'])],
      });
    }
  }

  // Random bytes behind real headers: the sniffers say JPEG/PNG, no decoder can make pixels of it.
  for (let k = 0; k < 3; k++) {
    add(`random-body-${k}.jpg`, concat(JPEG_HEAD, noise(random, 4000 + k * 1000)), {
      kind: 'random-body',
      contentType: 'image/jpeg',
      detail: 'JFIF header, then random bytes',
      allowed: ['error'],
    });
    add(`random-body-${k}.png`, concat(pngHead(), noise(random, 4000 + k * 1000)), {
      kind: 'random-body',
      contentType: 'image/png',
      detail: 'PNG signature and a valid 64×64 IHDR, then random bytes',
      allowed: ['error'],
    });
  }

  // Decompression bombs: all three are over the 50-megapixel budget and refused from their headers before
  // any pixel buffer exists (no perceptual hash). The C2PA engine never decodes pixels: it walks the
  // container, finds no manifest, and that part of the check is complete. So "no provenance" (no
  // credentials, no exact-hash record) is an honest answer here, and so is "could not check"; what must
  // not happen is a crash, a hang or a worker killed by an allocation.
  add('bomb-30000x30000.png', pngBomb(30000, 30000), {
    kind: 'bomb',
    contentType: 'image/png',
    detail: 'hand-made PNG declaring 30000×30000, 8 rows of data',
    allowed: ['error', 'no-provenance'],
  });
  add('bomb-65535x65535.jpg', jpegBomb(), {
    kind: 'bomb',
    contentType: 'image/jpeg',
    detail: 'JPEG SOF0 declaring 65535×65535, no scan',
    allowed: ['error', 'no-provenance'],
  });
  // Real, fully decodable solid-colour PNGs made with sharp: 8000² (64 MP) is just over the budget and
  // refused from its header; 7000² (49 MP) is just under it, so the worker really decodes it (about
  // 200 MB of RGBA) — the memory test below checks that none of it stays.
  for (const side of [8000, 7000]) {
    const solid = await sharp({
      create: { width: side, height: side, channels: 3, background: { r: 200, g: 30, b: 60 } },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    add(`bomb-solid-${side}x${side}.png`, new Uint8Array(solid), {
      kind: 'bomb',
      contentType: 'image/png',
      detail: `solid ${side}×${side} PNG (${solid.length} bytes)`,
      allowed: ['error', 'no-provenance'],
    });
  }

  // An SVG with a script that would call home. An SVG is a legitimate format the C2PA engine reads;
  // with no manifest in it, "no provenance" is the honest answer. What matters is that the script never
  // runs in the extension (the beacon is never requested by the extension).
  const svg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" onload="fetch('${svgBeaconUrl}?onload')">
  <script>fetch('${svgBeaconUrl}?script');</script>
  <rect width="200" height="200" fill="teal"/>
</svg>`;
  add('script.svg', new TextEncoder().encode(svg), {
    kind: 'svg-script',
    contentType: 'image/svg+xml',
    detail: 'SVG whose script and onload fetch a beacon',
    allowed: ['no-provenance', 'error'],
  });

  // Lying Content-Type headers: the bytes decide (mime-for.ts sniffs), so the verdict is exactly what
  // the intact file gets under its right type.
  const lies: Array<[string, string, string, Verdict]> = [
    ['valid_C_c2pars.jpg', 'as-html.jpg', 'text/html; charset=utf-8', 'unknown-signer'],
    ['valid_photoshop.png', 'png-as-jpeg.png', 'image/jpeg', 'verified'],
    ['valid_boxhash.jpg', 'as-octet-stream.jpg', 'application/octet-stream', 'unknown-signer'],
    ['invalid_sig_E-sig-CA.jpg', 'tampered-as-gif.jpg', 'image/gif', 'tampered'],
  ];
  for (const [file, name, type, verdict] of lies) {
    add(`type-${name}`, fixture(file), {
      kind: 'wrong-type',
      source: file,
      contentType: type,
      detail: `${file} served as ${type}`,
      allowed: [verdict],
    });
  }

  return {
    dir,
    entries,
    svgBeacon: new URL(svgBeaconUrl).pathname,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
