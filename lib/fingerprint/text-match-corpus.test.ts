import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ISCC_MATCH_BITS } from './hamming.ts';
import {
  type Corpus,
  measureTextDistances,
  randomMatchProbability,
  type TextDistances,
} from './text-match-corpus.ts';

/**
 * The ISCC Text-Code threshold on the corpus of fixtures/text-edits (24 paragraphs, 6 topics, 720 edited copies):
 * the figures in the README come from scripts/measure-text-threshold.ts over the same data. If the fingerprint
 * or the threshold changes, these must be measured again.
 */
const corpus: Corpus = JSON.parse(
  readFileSync(new URL('../../fixtures/text-edits/paragraphs.json', import.meta.url), 'utf8'),
);
let d: TextDistances;
const within = (xs: number[]) => xs.filter((x) => x <= ISCC_MATCH_BITS).length / xs.length;

beforeAll(async () => {
  d = await measureTextDistances(corpus);
}, 60_000);

describe(`ISCC Text-Code threshold (${ISCC_MATCH_BITS} of 64 bits)`, () => {
  it('matches every copy with one word changed, a sentence added, or new quotes, dashes and line breaks', () => {
    expect(within(d.edits['one-word-changed'])).toBe(1);
    expect(within(d.edits['sentence-added'])).toBe(1);
    expect(within(d.edits['word-and-typography'])).toBe(1);
    // Typography and layout vanish in the collapsed text: the exact text record matches these too.
    expect(Math.max(...d.edits['quotes-and-dashes'], ...d.edits.reflowed)).toBe(0);
    expect(within(d.edits['two-words-changed'])).toBeGreaterThan(0.9);
  });

  it('never matches an unrelated paragraph, even on the same topic, with a margin', () => {
    expect(d.sameTopic).toHaveLength(36);
    expect(Math.min(...d.sameTopic, ...d.otherTopic)).toBeGreaterThan(ISCC_MATCH_BITS + 6);
    expect(randomMatchProbability(ISCC_MATCH_BITS)).toBeLessThan(1e-6);
  });

  it('randomMatchProbability is the binomial tail of 64 fair bits', () => {
    expect(randomMatchProbability(64)).toBeCloseTo(1, 12);
    expect(randomMatchProbability(0)).toBe(2 ** -64);
    expect(randomMatchProbability(31)).toBeCloseTo(0.45, 2);
  });
});
