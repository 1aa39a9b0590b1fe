import type { C2paFailures } from '../evidence/types.ts';
import type { MessageKey } from '../i18n/translate.ts';

/**
 * Locale keys of the headings and one-line meanings of the classified failure groups
 * (lib/c2pa/classify-failures.ts), in the order the details page lists them: the one that decides "Tampered" first.
 */
export const FAILURE_GROUP_WORDS: ReadonlyArray<{
  group: keyof C2paFailures;
  title: MessageKey;
  meaning: MessageKey;
}> = [
  { group: 'tamper', title: 'words.failure.tamper.title', meaning: 'words.failure.tamper.meaning' },
  { group: 'malformed', title: 'words.failure.malformed.title', meaning: 'words.failure.malformed.meaning' },
  {
    group: 'credential',
    title: 'words.failure.credential.title',
    meaning: 'words.failure.credential.meaning',
  },
  {
    group: 'conformance',
    title: 'words.failure.conformance.title',
    meaning: 'words.failure.conformance.meaning',
  },
  {
    group: 'ingredient',
    title: 'words.failure.ingredient.title',
    meaning: 'words.failure.ingredient.meaning',
  },
];
