/**
 * The store texts in store/listing.md stay within each store's limits, and the Chrome summary is the manifest's
 * description (the Chrome Web Store shows that one). Limits: Chrome summary 132 characters
 * (https://developer.chrome.com/docs/extensions/reference/manifest/description), AMO summary 250, and both
 * stores' long descriptions under 16,000 (Chrome's limit; AMO's is larger).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const listing = readFileSync(resolve(ROOT, 'store/listing.md'), 'utf8');

/** The ```text block under `### <field>` in the `## <store>` section. */
function field(store: string, name: string): string {
  const section = listing.split(/^## /m).find((s) => s.startsWith(store));
  const part = section?.split(/^### /m).find((s) => s.startsWith(`${name}\n`));
  const text = part?.match(/```text\n([\s\S]*?)\n```/)?.[1];
  if (text === undefined) throw new Error(`store/listing.md has no ${store} › ${name}`);
  return text;
}

/** Words (4 letters or more) used more than `max` times: what reviewers call keyword stuffing. */
function repeated(text: string, max: number): string[] {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > max).map(([w]) => w);
}

describe('store listing texts', () => {
  it('keeps the Chrome summary within 132 characters and equal to the manifest description', () => {
    const summary = field('Chrome Web Store', 'Summary');
    expect(summary.length).toBeLessThanOrEqual(132);
    // The manifest's description is written in wxt.config.ts, or in the English locale when it is a __MSG_ key.
    const sources = ['wxt.config.ts', 'locales/en.yml', 'locales/en.json', 'public/_locales/en/messages.json']
      .map((path) => resolve(ROOT, path))
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, 'utf8'));
    expect(sources.some((text) => text.includes(summary))).toBe(true);
  });

  it('keeps the AMO summary within 250 characters', () => {
    expect(field('Firefox Add-ons', 'Summary').length).toBeLessThanOrEqual(250);
  });

  it('keeps names and descriptions within limits, without keyword stuffing, and links the privacy policy', () => {
    for (const store of ['Chrome Web Store', 'Firefox Add-ons']) {
      expect(field(store, 'Name').length).toBeLessThanOrEqual(45);
      const description = field(store, 'Description');
      expect(description.length).toBeLessThanOrEqual(16_000);
      expect(description).toMatch(/privacy policy/i);
      expect(repeated(field(store, 'Summary'), 2)).toEqual([]);
      // "origin", "content", "credentials" carry the subject; nothing should need saying ten times.
      expect(repeated(description, 9)).toEqual([]);
    }
  });
});
