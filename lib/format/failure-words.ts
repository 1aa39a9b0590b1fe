import type { C2paFailures } from '../evidence/types.ts';

/**
 * Headings and one-line meanings of the classified failure groups (lib/c2pa/classify-failures.ts), in the
 * order the details page lists them: the one that decides "Tampered" first.
 */
export const FAILURE_GROUP_WORDS: ReadonlyArray<{
  group: keyof C2paFailures;
  title: string;
  meaning: string;
}> = [
  {
    group: 'tamper',
    title: 'Changed after signing',
    meaning: 'The content, or the signed claim itself, no longer matches the signature.',
  },
  {
    group: 'malformed',
    title: 'Written wrong by the signing tool',
    meaning:
      'The Content Credentials are malformed in a way only the tool that signed them could cause, so the content cannot be checked against them.',
  },
  {
    group: 'credential',
    title: 'The signer’s credentials',
    meaning: 'Who signed cannot be fully confirmed; this says nothing about whether the content changed.',
  },
  {
    group: 'conformance',
    title: 'Does not follow the specification',
    meaning:
      'A part of the Content Credentials breaks a rule of the C2PA specification; the content still matches.',
  },
  {
    group: 'ingredient',
    title: 'An earlier step has a fault',
    meaning:
      'A manifest earlier in the history failed a check; the file’s own Content Credentials still match it.',
  },
];
