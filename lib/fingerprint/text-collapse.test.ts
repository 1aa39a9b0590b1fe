import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textCollapse } from './text-collapse.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/iscc/vectors.json', import.meta.url), 'utf8'),
);
const boundary = JSON.parse(
  readFileSync(
    new URL('../../fixtures/iscc/upstream/iscc-lib_unicode_boundary.json', import.meta.url),
    'utf8',
  ),
);

describe('textCollapse', () => {
  it.each(vectors.text_collapse as { id: string; input: string; expected: string }[])(
    '$id',
    ({ input, expected }) => {
      expect(textCollapse(input)).toBe(expected);
    },
  );

  it('removes every kind of whitespace, zero-width characters and punctuation', () => {
    const plain = 'It is "quoted" - isn\'t it?';
    const fancy = 'It\u00a0is \u201cquoted\u201d \u2014 isn\u2019t\u200b it\u2026?\u2028\u3000\ufeff';
    expect(textCollapse(fancy)).toBe(textCollapse(plain));
    expect(textCollapse(plain)).toBe('itisquotedisntit');
  });

  it('lower-cases after removing whitespace (Greek final sigma, as Python str.lower)', () => {
    expect(textCollapse('ΟΔΟΣ ΟΔΟΣ')).toBe('οδοσοδος');
    expect(textCollapse('ΟΔΟΣ')).toBe('οδος');
  });

  it('keeps astral-plane letters and symbols, drops astral marks', () => {
    expect(textCollapse('a 💩 𠀀 b')).toBe('a💩𠀀b');
    expect(textCollapse('a\u{1D167}b')).toBe('ab'); // MUSICAL SYMBOL COMBINING TREMOLO-1 (Mn)
  });

  it('maps compatibility forms with NFKC at the end (even back to upper case, as iscc-core does)', () => {
    expect(textCollapse('ﬁ ① 𝐀')).toBe('fi1A');
  });

  it('drops lone surrogates and private-use characters (category C)', () => {
    expect(textCollapse('a\ud800b\ue000c')).toBe('abc');
  });

  // iscc-lib pins Unicode 16.0; iscc-core (and this code) follow the runtime's Unicode version.
  it('follows the runtime Unicode version on the iscc-lib boundary cases', () => {
    const cases = boundary.text_collapse as Record<string, { inputs: [string]; outputs: { result: string } }>;
    // U+113C5 is a mark (Unicode 16) or unassigned (earlier): dropped either way.
    expect(textCollapse(cases.test_0001_u113c5_assigned_mc_mark_dropped?.inputs[0] ?? '')).toBe('ab');
    const unicode = Number.parseFloat(process.versions.unicode ?? '0');
    const u1fae9 = cases.test_0000_u1fae9_assigned_so_retained?.inputs[0] ?? '';
    expect(textCollapse(u1fae9)).toBe(unicode >= 16 ? u1fae9 : 'ab');
  });
});
