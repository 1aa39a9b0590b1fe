import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS } from './error-kind.ts';
import { LOCALES_DIR, localeNames, readLocale } from './locale-file.ts';

/**
 * The locales stay complete and in step: every language has every key of English and no other, with the same
 * substitutions, and every key is used somewhere in the code.
 */
const ROOT = resolve(LOCALES_DIR, '..');
const names = localeNames();
const messages = Object.fromEntries(
  await Promise.all(names.map(async (n) => [n, await readLocale(n)] as const)),
);
const english = messages.en ?? {};

function substitutions(message: string): string[] {
  return [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Keys the code builds from a closed list of values, with the list it builds them from. */
const BUILT_KEYS = [
  ...ERROR_KINDS.map((kind) => `error.${kind}`),
  ...['image', 'text', 'video', 'audio'].map((kind) => `overlay.checking.${kind}`),
];

describe('locales', () => {
  it('has English and at least one other language', () => {
    expect(names).toContain('en');
    expect(names.length).toBeGreaterThanOrEqual(2);
  });

  for (const name of names.filter((n) => n !== 'en')) {
    it(`${name} has exactly the keys of English`, () => {
      const theirs = messages[name] ?? {};
      expect(Object.keys(english).filter((key) => !(key in theirs))).toEqual([]);
      expect(Object.keys(theirs).filter((key) => !(key in english))).toEqual([]);
    });

    it(`${name} uses the same substitutions as English in every message`, () => {
      const theirs = messages[name] ?? {};
      const differ = Object.entries(english)
        .filter(([key, entry]) => {
          const other = theirs[key];
          return other && substitutions(other.message).join() !== substitutions(entry.message).join();
        })
        .map(([key]) => key);
      expect(differ).toEqual([]);
    });
  }

  it('never writes a substitution just before a "$" (Chrome would read "$1$" as a named placeholder)', () => {
    for (const [name, all] of Object.entries(messages)) {
      const bad = Object.entries(all)
        .filter(([, entry]) => /\$[1-9]\$/.test(entry.message))
        .map(([key]) => `${name}:${key}`);
      expect(bad).toEqual([]);
    }
  });

  it('uses every key somewhere in the code', () => {
    const code = [
      ...['lib', 'components', 'entrypoints', 'cli', 'scripts'].flatMap((dir) => sources(join(ROOT, dir))),
      join(ROOT, 'wxt.config.ts'),
    ]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Chrome's names join the YAML's nesting with "_" (the keys themselves are camelCase); the code writes dots.
    const unused = Object.keys(english).filter((chromeName) => {
      const dotted = chromeName.replaceAll('_', '.');
      if (BUILT_KEYS.includes(dotted)) return false;
      return !code.includes(`'${dotted}'`) && !code.includes(`__MSG_${chromeName}__`);
    });
    expect(unused).toEqual([]);
  });
});
