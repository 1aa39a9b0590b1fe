import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import { SIGNAL_WORDS } from './signal-words.ts';

const en = await localeTranslate('en');

describe('signal words', () => {
  it('quotes each rubric report text exactly as the rubric writes it', () => {
    const rubric = readFileSync(
      new URL('../../docs/reference/c2pa-asset-rubrics/asset-rubric-signals-local.yml', import.meta.url),
      'utf8',
    );
    for (const { rubric: text } of Object.values(SIGNAL_WORDS)) expect(rubric).toContain(`en: ${text}\n`);
  });

  it('has plain words for all fourteen signals', () => {
    expect(Object.keys(SIGNAL_WORDS)).toHaveLength(14);
    for (const { plain } of Object.values(SIGNAL_WORDS)) {
      expect(en(plain)).not.toMatch(/^words\.|GenAI|digitalSourceType/);
    }
  });
});
