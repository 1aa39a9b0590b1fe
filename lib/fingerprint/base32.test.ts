import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base32Encode } from './base32.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/iscc/vectors.json', import.meta.url), 'utf8'),
);

describe('base32Encode (RFC 4648, no padding)', () => {
  it.each(vectors.encode_base32 as { input_ascii: string; expected: string }[])(
    'encodes $input_ascii (iscc-core test_encode_base32)',
    ({ input_ascii, expected }) => {
      expect(base32Encode(new TextEncoder().encode(input_ascii))).toBe(expected);
    },
  );

  it('matches the RFC 4648 test vectors beyond 4 bytes', () => {
    // RFC 4648 section 10 (padding removed).
    expect(base32Encode(new TextEncoder().encode('fooba'))).toBe('MZXW6YTB');
    expect(base32Encode(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
  });
});
