import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './hex.ts';
import {
  codePointLength,
  ISCC_TEXT_NGRAM_SIZE,
  isccTextCode,
  slidingWindow,
  softHashTextV0,
  textFeatures,
} from './iscc-text.ts';
import { xxh32 } from './xxh32.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/iscc/vectors.json', import.meta.url), 'utf8'),
);

interface GenCase {
  id: string;
  input: string;
  bits: 32 | 64 | 128 | 256;
  expected: { iscc: string; characters: number };
  debug: { code_digest_hex__decoded: string };
}

describe('isccTextCode (gen_text_code_v0)', () => {
  it.each(vectors.gen_text_code_v0 as GenCase[])('$id', ({ input, bits, expected, debug }) => {
    const code = isccTextCode(input, bits);
    expect(code.iscc).toBe(expected.iscc);
    expect(code.characters).toBe(expected.characters);
    expect(code.hex).toBe(debug.code_digest_hex__decoded);
  });

  it('defaults to 64 bits', () => {
    expect(isccTextCode('Hello World')).toEqual({
      iscc: 'ISCC:EAASKDNZNYGUUF5A',
      hex: '250db96e0d4a17a0',
      characters: 10,
    });
  });

  it('refuses a length that is not a multiple of 32 up to 256', () => {
    expect(() => isccTextCode('x', 48 as 64)).toThrow(RangeError);
    expect(() => isccTextCode('x', 288 as 256)).toThrow(RangeError);
  });
});

describe('softHashTextV0 (input not collapsed)', () => {
  it.each(vectors.soft_hash_text_v0 as { id: string; input: string; expected_hex: string }[])(
    '$id',
    ({ input, expected_hex }) => {
      expect(bytesToHex(softHashTextV0(input))).toBe(expected_hex);
    },
  );
});

describe('slidingWindow', () => {
  it.each(vectors.sliding_window as { input: string; width: number; expected: string[] }[])(
    '$input / $width',
    ({ input, width, expected }) => {
      expect(slidingWindow(input, width)).toEqual(expected);
    },
  );

  it('counts code points, not UTF-16 units', () => {
    expect(slidingWindow('a💩b😀', 2)).toEqual(['a💩', '💩b', 'b😀']);
  });

  it('refuses a width below 2 (iscc-core asserts it)', () => {
    expect(() => slidingWindow('abc', 1)).toThrow(RangeError);
  });
});

/*
 * Astral-plane text (no upstream vector has any). Expected values come from an independent Python 3.11
 * transcription of the iscc-core algorithm (Python strings index code points natively; its xxh32 and
 * minhash were checked against every gen_text_code_v0 vector first). The texts use only characters assigned
 * long ago, so the Unicode version of the runtime does not matter.
 */
const ASTRAL = [
  {
    id: 'emoji',
    text: 'Hello 💩 world 🌍🌎🌏 — emoji 😀😃😄 everywhere 👍🏽 (skin tone) and 🇺🇳 flags!',
    iscc64: 'ISCC:EAA34M6ZJQUQKX7P',
    iscc256: 'ISCC:EAD34M6ZJQUQKX7PM5NPCOXZ4YVV3JTAUBGP7IFP4IOFSVWZBLF5T7A',
    characters: 52,
  },
  {
    id: 'cjk_ext_b',
    text: '𠀀𠀁𠀂 𠁀𠁁 漢字 𠂀𠂁𠂂𠂃 測試 𪚥𪚥 text with rare CJK Extension B ideographs 𠮷野家',
    iscc64: 'ISCC:EAA24ZZQEYWE3IF2',
    iscc256: 'ISCC:EAD24ZZQEYWE3IF2GWCXGNAWZPGJ5WPWZO4FYMPDILPZ3Q7D62VNCDQ',
    characters: 53,
  },
  {
    id: 'math_bold',
    text: '𝐓𝐡𝐞 𝐪𝐮𝐢𝐜𝐤 𝐛𝐫𝐨𝐰𝐧 𝐟𝐨𝐱 jumps over the lazy dog 𝟏𝟐𝟑',
    iscc64: 'ISCC:EAA6B45JMSQY6E6D',
    iscc256: 'ISCC:EAD6B45JMSQY6E6DQYK5YZQFP7AJODJXCQIC5PIOX4FQ5AEWWPDVSTY',
    characters: 38,
  },
  {
    id: 'short_astral',
    text: '💩😀',
    iscc64: 'ISCC:EAA24ODI7TEP5ZSN',
    iscc256: 'ISCC:EAD24ODI7TEP5ZSNNXGRSADA5DCKSZ66CFMZQMQWWIWY7LRQJ22R75A',
    characters: 2,
  },
  {
    id: 'twelve_astral',
    text: '😀😀😀😀😀😀😀😀😀😀😀😀',
    iscc64: 'ISCC:EAAZATZEGP544FW2',
    iscc256: 'ISCC:EADZATZEGP544FW2CE2WFMEMLIP4EXDNXZN2P2WUDNHB7AJ27FGQOVQ',
    characters: 12,
  },
  {
    id: 'thirteen_astral',
    text: '😀😃😄😁😆😅🤣😂🙂🙃😉😊😇',
    iscc64: 'ISCC:EAAWLAVXYVCV5NTD',
    iscc256: 'ISCC:EADWLAVXYVCV5NTDMDYQ7DJ4ZXOVO45SI4TPJCYBDWKHHHYSIQSU2SY',
    characters: 13,
  },
  {
    id: 'fourteen_astral',
    text: '😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰',
    iscc64: 'ISCC:EAAW3CVX3NGV3FHB',
    iscc256: 'ISCC:EADW3CVX3NGV3FHBMB4Q7XJVZHP3K64SMZFPJDJD56OPXPY6IUTQ72I',
    characters: 14,
  },
];

describe('astral-plane characters', () => {
  it.each(ASTRAL)('$id', ({ text, iscc64, iscc256, characters }) => {
    expect(isccTextCode(text).iscc).toBe(iscc64);
    expect(isccTextCode(text, 256).iscc).toBe(iscc256);
    expect(isccTextCode(text).characters).toBe(characters);
  });

  it('hashes each window as the UTF-8 of 13 code points (fast path = plain definition)', () => {
    for (const { text } of ASTRAL) {
      const plain = slidingWindow(text, ISCC_TEXT_NGRAM_SIZE).map((w) => xxh32(new TextEncoder().encode(w)));
      expect(Array.from(textFeatures(text))).toEqual(plain);
    }
  });

  it('counts code points', () => {
    expect(codePointLength('a💩b')).toBe(3);
    expect(codePointLength('😀'.repeat(13))).toBe(13);
    expect(codePointLength('\ud83d')).toBe(1); // a lone surrogate is one code point
    expect(codePointLength('')).toBe(0);
  });
});
