import { describe, expect, it } from 'vitest';
import {
  blankTextReason,
  fingerprintCollapsed,
  fingerprintText,
  MAX_TEXT_CHARS,
} from './fingerprint-text.ts';
import { hammingDistance } from './hamming.ts';
import { sha256Hex } from './sha256.ts';
import { textCollapse } from './text-collapse.ts';

const PARAGRAPH =
  'The committee met on Tuesday to discuss the new water treatment plant. After three hours of debate, ' +
  'members voted seven to two in favour of the proposal, which will cost the city about forty million ' +
  'dollars over the next decade. Opponents said the money would be better spent repairing old pipes.';

const UNRELATED = [
  'Scientists have discovered a new species of frog in the rainforests of Ecuador. The tiny amphibian, no ' +
    'larger than a thumbnail, has bright orange skin and a distinctive call that sounds like a cricket.',
  'To make the sauce, melt the butter over low heat, whisk in the flour and cook for two minutes. Slowly ' +
    'add the warm milk, stirring constantly, until the mixture thickens and coats the back of a spoon.',
  'The championship final went to extra time after a late equaliser. In the one hundred and tenth minute ' +
    'the substitute striker curled a free kick into the top corner and the stadium erupted in celebration.',
  'Quarterly revenue rose eight percent year over year, driven by strong demand for cloud services, while ' +
    'operating margins narrowed slightly because of higher energy costs and new investments in hardware.',
];

describe('fingerprintText', () => {
  it('computes the exact key and the 64-bit ISCC Text-Code', async () => {
    expect(await fingerprintText('Hello World')).toEqual({
      kind: 'text',
      sha256Collapsed: await sha256Hex(new TextEncoder().encode('helloworld')),
      isccText: 'ISCC:EAASKDNZNYGUUF5A',
      isccTextHex: '250db96e0d4a17a0',
      characters: 10,
    });
  });

  it('hashes the UTF-8 of the collapsed text (code points, astral plane included)', async () => {
    const fp = await fingerprintText('Ünïcødé 💩 𠀀!');
    expect(fp.sha256Collapsed).toBe(await sha256Hex(new TextEncoder().encode('unicøde💩𠀀')));
    expect(fp.characters).toBe(9);
  });

  it('gives the empty text the reference code (iscc-core test_0000_empty_str), and says it is blank', async () => {
    const empty = await fingerprintText('');
    expect(empty.isccText).toBe('ISCC:EAASL4F2WZY7KBXB');
    expect(empty.characters).toBe(0);
    expect((await fingerprintText(' \n\t\u00a0\u200b — !?')).isccText).toBe('ISCC:EAASL4F2WZY7KBXB');
    expect(blankTextReason('')).toBe('no text to fingerprint: the text is empty');
    expect(blankTextReason(' \n\t\u00a0\u200b — !?')).toBe(
      'no text to fingerprint: only whitespace, punctuation or control characters',
    );
    expect(blankTextReason('a')).toBeUndefined();
    expect(blankTextReason(`${' '.repeat(20_000)}x`)).toBeUndefined();
  });

  it('gives the same fingerprints from the collapsed text, and judges blankness from it', async () => {
    const collapsed = textCollapse(PARAGRAPH);
    expect(await fingerprintCollapsed(collapsed)).toEqual(await fingerprintText(PARAGRAPH));
    expect(await fingerprintCollapsed(collapsed, { iscc: false })).toEqual(
      await fingerprintText(PARAGRAPH, { iscc: false }),
    );
    expect(blankTextReason('', '')).toBe('no text to fingerprint: the text is empty');
    expect(blankTextReason(' — ', '')).toBe(
      'no text to fingerprint: only whitespace, punctuation or control characters',
    );
    // The caller's collapse is what counts: the text itself is not collapsed again.
    expect(blankTextReason(' — ', 'x')).toBeUndefined();
  });

  it('refuses text over the limit before doing any work', async () => {
    const huge = 'a'.repeat(MAX_TEXT_CHARS + 1);
    const t0 = performance.now();
    await expect(fingerprintText(huge)).rejects.toThrow(
      /text too long to fingerprint: 1000001 characters \(limit 1000000\)/,
    );
    expect(performance.now() - t0).toBeLessThan(100);
    // At the limit it still works.
    expect((await fingerprintText('a'.repeat(MAX_TEXT_CHARS))).characters).toBe(MAX_TEXT_CHARS);
  });
});

describe('text robustness', () => {
  it('keeps the exact key through re-wrapping, smart quotes, NBSP, zero-width spaces and punctuation changes', async () => {
    const base = await fingerprintText('He said "it\'s fine" - and left... (Really.)');
    const variants = [
      'He said\n"it\'s fine" -\nand left...\n(Really.)',
      'He said \u201cit\u2019s fine\u201d \u2014 and left\u2026 (Really.)',
      'He\u00a0said\u00a0"it\'s\u00a0fine"\u00a0-\u00a0and\u00a0left...\u00a0(Really.)',
      'He\u200b said "it\'s fi\u200bne" - and left... (Really.)',
      '  HE SAID "IT\'S FINE" - AND LEFT... (REALLY.)  ',
      'He said: it\u2019s fine; and left (really)',
    ];
    for (const v of variants) {
      const fp = await fingerprintText(v);
      expect(fp.sha256Collapsed).toBe(base.sha256Collapsed);
      expect(fp.isccText).toBe(base.isccText);
    }
  });

  it('keeps the 64-bit code close after a one-word edit', async () => {
    const a = await fingerprintText(PARAGRAPH);
    const edits = [
      PARAGRAPH.replace('Tuesday', 'Wednesday'),
      PARAGRAPH.replace('seven to two', 'six to two'),
      PARAGRAPH.replace('old pipes', 'ageing pipes'),
    ];
    for (const e of edits) {
      const b = await fingerprintText(e);
      expect(b.sha256Collapsed).not.toBe(a.sha256Collapsed);
      // Measured: 4, 5 and 4 bits of 64 for these edits.
      expect(hammingDistance(a.isccTextHex ?? '', b.isccTextHex ?? '')).toBeLessThanOrEqual(12);
    }
  });

  it('keeps unrelated paragraphs far apart', async () => {
    const codes = await Promise.all(
      [PARAGRAPH, ...UNRELATED].map(async (t) => (await fingerprintText(t)).isccTextHex),
    );
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        // Measured 27..41 bits of 64 between these 10 pairs (independent random codes average 32).
        expect(hammingDistance(codes[i] as string, codes[j] as string)).toBeGreaterThanOrEqual(20);
      }
    }
  });
});
