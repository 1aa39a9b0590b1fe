/**
 * The measurement behind ISCC_MATCH_BITS (lib/fingerprint/hamming.ts): distances between the ISCC Text-Codes of
 * paragraphs and of their lightly edited copies (lib/testing/text-edits.ts), and between unrelated paragraphs on
 * the same topic (fixtures/text-edits/paragraphs.json). Used by scripts/measure-text-threshold.ts (figures for
 * the README) and by text-match-corpus.test.ts (the chosen threshold must keep holding).
 */
import { applyEdit, EDIT_KINDS, type EditKind } from '../testing/text-edits.ts';
import { fingerprintText } from './fingerprint-text.ts';
import { hammingDistance } from './hamming.ts';

export interface Corpus {
  topics: Record<string, string[]>;
}

export interface TextDistances {
  /** Distance of each edited copy to its original, per kind of edit. */
  edits: Record<EditKind, number[]>;
  /** Distances between different paragraphs of the same topic, and of different topics. */
  sameTopic: number[];
  otherTopic: number[];
}

/** Seeds per paragraph and edit kind: several different edits of each paragraph. */
export const EDITS_PER_PARAGRAPH = 5;

export async function measureTextDistances(corpus: Corpus): Promise<TextDistances> {
  const paragraphs = Object.entries(corpus.topics).flatMap(([topic, list]) =>
    list.map((text) => ({ topic, text })),
  );
  const code = async (text: string) => (await fingerprintText(text)).isccTextHex;
  const codes = await Promise.all(paragraphs.map((p) => code(p.text)));
  const edits = Object.fromEntries(EDIT_KINDS.map((k) => [k, [] as number[]])) as Record<EditKind, number[]>;
  for (const [i, p] of paragraphs.entries()) {
    for (const kind of EDIT_KINDS) {
      for (let s = 0; s < EDITS_PER_PARAGRAPH; s++) {
        edits[kind].push(
          hammingDistance(codes[i] as string, await code(applyEdit(p.text, kind, i * 100 + s))),
        );
      }
    }
  }
  const sameTopic: number[] = [];
  const otherTopic: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    for (let j = i + 1; j < paragraphs.length; j++) {
      const d = hammingDistance(codes[i] as string, codes[j] as string);
      (paragraphs[i]?.topic === paragraphs[j]?.topic ? sameTopic : otherTopic).push(d);
    }
  }
  return { edits, sameTopic, otherTopic };
}

/** Probability that two unrelated 64-bit codes (independent fair bits) are at most `bits` apart. */
export function randomMatchProbability(bits: number): number {
  let sum = 0;
  let c = 1; // C(64, k)
  for (let k = 0; k <= bits; k++) {
    sum += c;
    c = (c * (64 - k)) / (k + 1);
  }
  return sum / 2 ** 64;
}
