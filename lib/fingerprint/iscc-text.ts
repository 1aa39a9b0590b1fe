/**
 * ISCC Text-Code v0 (ISO 24138, iscc-core `gen_text_code_v0`): collapse the text, take every window of 13
 * code points, hash each window's UTF-8 bytes with xxh32, minhash the features to 256 bits, and prefix the
 * first `bits` of it with the ISCC header. Similar texts share most windows, so their codes differ in few bits.
 */
import type { HexString } from '../evidence/types.ts';
import { base32Encode } from './base32.ts';
import { bytesToHex } from './hex.ts';
import { minhash, minhashCompress } from './minhash.ts';
import { textCollapse } from './text-collapse.ts';
import { xxh32 } from './xxh32.ts';

/** Code lengths ISCC allows: a multiple of 32 bits up to the 256-bit soft hash. */
export type IsccBits = 32 | 64 | 96 | 128 | 160 | 192 | 224 | 256;

export interface IsccTextCode {
  /** Canonical form, e.g. "ISCC:EAASKDNZNYGUUF5A". */
  iscc: string;
  /** The `bits` of the soft hash as hex, without the header. */
  hex: HexString;
  /** Length of the collapsed text in Unicode code points (not UTF-16 units). */
  characters: number;
}

export const ISCC_TEXT_NGRAM_SIZE = 13;

// Header: MainType CONTENT (2) | SubType TEXT (0), then Version 0 | length code (bits / 32 - 1).
const MAIN_TYPE_CONTENT = 2;
const SUB_TYPE_TEXT = 0;

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of `text` and the byte offset where each code point starts (plus the end), so that windows of
 * code points become byte ranges of one buffer. Lone surrogates count as one code point encoded as U+FFFD,
 * as TextEncoder does (Python would refuse to encode them; collapsed text never contains any).
 */
function utf8WithOffsets(text: string): { bytes: Uint8Array; offsets: Uint32Array } {
  const bytes = encoder.encode(text);
  const offsets = new Uint32Array(text.length + 1);
  let n = 0;
  let pos = 0;
  for (let i = 0; i < text.length; i++) {
    offsets[n++] = pos;
    const c = text.charCodeAt(i);
    if (c < 0x80) pos += 1;
    else if (c < 0x800) pos += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pos += 4;
        i++;
      } else pos += 3;
    } else pos += 3;
  }
  offsets[n] = pos;
  return { bytes, offsets: offsets.subarray(0, n + 1) };
}

/**
 * Windows of `width` code points (iscc-core `sliding_window`): a sequence shorter than the window yields
 * one window holding all of it, so "" yields [""].
 */
export function slidingWindow(text: string, width: number): string[] {
  if (!Number.isInteger(width) || width < 2)
    throw new RangeError('slidingWindow: width must be an integer >= 2');
  const cps = Array.from(text);
  const count = Math.max(cps.length - width + 1, 1);
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = cps.slice(i, i + width).join('');
  return out;
}

/** xxh32 (seed 0) of the UTF-8 bytes of every 13-code-point window, without building the window strings. */
export function textFeatures(text: string, width = ISCC_TEXT_NGRAM_SIZE): Uint32Array {
  const { bytes, offsets } = utf8WithOffsets(text);
  const cps = offsets.length - 1;
  const count = Math.max(cps - width + 1, 1);
  const features = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    features[i] = xxh32(bytes, 0, offsets[i] as number, offsets[Math.min(i + width, cps)] as number);
  }
  return features;
}

/** The 256-bit soft hash of already collapsed text (iscc-core `soft_hash_text_v0`; it does not collapse). */
export function softHashTextV0(text: string): Uint8Array {
  return minhashCompress(minhash(textFeatures(text)), 4);
}

/** Number of Unicode code points (surrogate pairs count once). */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** ISCC Text-Code v0 of `text` (collapsed here), 64 bits unless asked otherwise. */
export function isccTextCode(text: string, bits: IsccBits = 64): IsccTextCode {
  return isccTextCodeOfCollapsed(textCollapse(text), bits);
}

/** The same for text that already went through textCollapse (saves collapsing twice). */
export function isccTextCodeOfCollapsed(collapsed: string, bits: IsccBits = 64): IsccTextCode {
  if (!Number.isInteger(bits) || bits < 32 || bits > 256 || bits % 32 !== 0) {
    throw new RangeError(`ISCC Text-Code: bits must be a multiple of 32 from 32 to 256, got ${bits}`);
  }
  const digest = softHashTextV0(collapsed).subarray(0, bits / 8);
  const code = new Uint8Array(2 + digest.length);
  code[0] = (MAIN_TYPE_CONTENT << 4) | SUB_TYPE_TEXT;
  code[1] = (0 << 4) | (bits / 32 - 1);
  code.set(digest, 2);
  return {
    iscc: `ISCC:${base32Encode(code)}`,
    hex: bytesToHex(digest),
    characters: codePointLength(collapsed),
  };
}
