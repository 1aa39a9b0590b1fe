import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readLocale } from './locale-file.ts';
import { readPageWords } from './page-words.ts';
import { createTranslate } from './translate.ts';

/** The packaged `_locales` files, as the extension holds them (generated from locales/*.yml). */
const loadAsset = async (path: string): Promise<string> => {
  const lang = /^_locales\/([^/]+)\/messages\.json$/.exec(path)?.[1];
  if (!lang || !['en', 'fr'].includes(lang)) throw new Error(`no asset ${path}`);
  return JSON.stringify(await readLocale(lang));
};

describe('readPageWords', () => {
  it('reads the chosen locale, whose words then match the browser’s', async () => {
    const words = await readPageWords('fr', loadAsset);
    expect(words.locale).toBe('fr');
    const t = createTranslate(words.messages);
    expect(t('uiLocale')).toBe('fr');
    const fr = await readLocale('fr');
    expect(Object.keys(words.messages)).toEqual(Object.keys(fr));
  });

  it('falls back to English for an unknown or malformed locale name, never reading another path', async () => {
    const asked: string[] = [];
    const spy = (path: string) => {
      asked.push(path);
      return loadAsset(path);
    };
    expect((await readPageWords('de', spy)).locale).toBe('en');
    expect((await readPageWords('../../manifest', spy)).locale).toBe('en');
    expect((await readPageWords('', spy)).locale).toBe('en');
    expect(asked).toEqual([
      '_locales/de/messages.json',
      '_locales/en/messages.json',
      '_locales/en/messages.json',
      '_locales/en/messages.json',
    ]);
  });

  it('rejects when not even English can be read', async () => {
    await expect(readPageWords('en', () => readFile('/nonexistent', 'utf8'))).rejects.toThrow();
  });
});
