import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import { FAILURE_GROUP_WORDS } from './failure-words.ts';

const en = await localeTranslate('en');

describe('FAILURE_GROUP_WORDS', () => {
  it('names every failure group once, tampering first', () => {
    const groups = FAILURE_GROUP_WORDS.map((g) => g.group);
    expect(groups).toEqual(['tamper', 'malformed', 'credential', 'conformance', 'ingredient']);
    for (const g of FAILURE_GROUP_WORDS) expect(en(g.meaning).length).toBeGreaterThan(30);
  });
});
