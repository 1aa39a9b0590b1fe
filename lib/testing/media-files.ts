import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { concatBytes } from '../bytes/concat-bytes.ts';
import { readAscii } from '../bytes/read-ascii.ts';
import { bytesToHex } from '../fingerprint/hex.ts';

/** Real-world C2PA media files (fixtures/c2pa-realworld, see its SOURCES.md). */
export const REALWORLD_DIR = resolve(import.meta.dirname, '../../fixtures/c2pa-realworld');

export function realworld(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(REALWORLD_DIR, name)));
}

/**
 * A copy of an MP4 with its top-level C2PA `uuid` box cut out: a video as a site would serve it after
 * stripping metadata. Built at test time from a real file so no altered file is stored in the fixtures.
 */
export function withoutC2paBox(mp4: Uint8Array): Uint8Array {
  const view = new DataView(mp4.buffer, mp4.byteOffset, mp4.byteLength);
  const parts: Uint8Array[] = [];
  for (let at = 0; at + 8 <= mp4.length; ) {
    const small = view.getUint32(at);
    // 1: a 64-bit size follows the type (ISO/IEC 14496-12 §4.2); 0: the box runs to the end of the file.
    const size = small === 1 ? Number(view.getBigUint64(at + 8)) : small === 0 ? mp4.length - at : small;
    const type = readAscii(mp4, at + 4, 4);
    const uuid = bytesToHex(mp4.subarray(at + 8, at + 12));
    if (size < 8) throw new Error('withoutC2paBox: malformed box size');
    if (!(type === 'uuid' && uuid === 'd8fec3d6')) parts.push(mp4.subarray(at, at + size));
    at += size;
  }
  return concatBytes(parts);
}

/** The first bytes of a WebM file (EBML header with DocType "webm"), enough for format sniffing. */
export function webmHeader(): Uint8Array {
  return new Uint8Array([
    0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04,
    0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85,
    0x81, 0x02,
  ]);
}
