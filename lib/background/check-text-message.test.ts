import { localeTranslate } from '../i18n/locale-file.ts';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CacheDb } from '../cache/cache-db.ts';
import { DEFAULT_POLICY, ResultCache } from '../cache/result-cache.ts';
import { fingerprintText, MAX_TEXT_CHARS } from '../fingerprint/fingerprint-text.ts';
import type { EvidenceProvider } from '../pipeline/evidence-provider.ts';
import { Pipeline } from '../pipeline/pipeline.ts';
import { checkTextMessage } from './check-text-message.ts';
import { createRouter } from './message-router.ts';

const en = await localeTranslate('en');

const REGISTERED =
  'The council voted seven to two on Tuesday to replace the old pipes under the market hall.';
const PAGE_TEXT =
  'A page’s own paragraph, which nobody registered, dressed up with somebody else’s hash here.';

/** A registry that knows one text: the registered paragraph's key. */
async function setup() {
  const registered = (await fingerprintText(REGISTERED)).sha256Collapsed;
  const asked: string[] = [];
  const chain: EvidenceProvider = {
    part: 'chain',
    kinds: ['text'],
    needsBytes: false,
    ttlMs: 60_000,
    version: () => 'v1',
    run: async ({ fingerprints }) => {
      const key = fingerprints.kind === 'text' ? fingerprints.sha256Collapsed : '';
      asked.push(key);
      return { chain: { state: 'ok', records: [], otherRegistrations: key === registered ? 1 : 0 } };
    },
  };
  const pipeline = new Pipeline({
    translate: en,
    cache: new ResultCache(
      new CacheDb({ indexedDB, IDBKeyRange }, `check-text-${Math.random()}`),
      DEFAULT_POLICY,
    ),
    providers: [chain],
    fetch: async () => {
      throw new Error('no fetch here');
    },
    fingerprintImage: async () => {
      throw new Error('no images here');
    },
  });
  const route = createRouter({
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    pipeline: async () => pipeline,
    openDetails: async () => {},
    setBadge: async () => {},
    registrations: async () => ({ records: [], errors: [] }) as never,
    recoverCredentials: async () => null,
    fetchRemoteManifest: async () => ({ error: 'not here' }),
    media: async () => {
      throw new Error('no media here');
    },
    notifyTab: async () => {},
    softBindingLookup: async () => ({ error: 'not here' }) as never,
    updateTrustLists: async () => ({ ok: true, message: '' }),
    pageWords: async () => ({ locale: 'en', messages: {} }),
  });
  const fromPage = { id: 'ext', url: 'https://news.test/a', tab: { id: 1 } } as never;
  return { pipeline, route, registered, asked, fromPage };
}

describe('check-text from a content script', () => {
  it('fingerprints the text in the worker and ignores a hash sent with it', async () => {
    const { pipeline, route, registered, asked, fromPage } = await setup();
    const forged = {
      type: 'check-text',
      text: PAGE_TEXT,
      fingerprints: {
        kind: 'text',
        sha256Collapsed: registered,
        isccText: 'ISCC:EAA',
        isccTextHex: '00',
        characters: 1,
      },
    };
    const result = (await route(forged, fromPage)) as { key: string; verdict: string };
    const own = (await fingerprintText(PAGE_TEXT)).sha256Collapsed;
    expect(result.key).toBe(own);
    expect(result.verdict).toBe('no-provenance');
    expect(asked).toEqual([own]);
    // Nothing was stored under the registered paragraph's key with the page's text.
    expect(await pipeline.details(registered)).toBeNull();
    expect((await pipeline.details(own))?.text).toBe(PAGE_TEXT);
  });

  it('finds the registered paragraph from its text alone', async () => {
    const { route, registered, fromPage } = await setup();
    const result = (await route({ type: 'check-text', text: REGISTERED }, fromPage)) as {
      key: string;
      verdict: string;
    };
    expect(result).toMatchObject({ key: registered, verdict: 'registered' });
  });

  it('answers "could not check" for text with nothing to fingerprint', async () => {
    const { route, fromPage } = await setup();
    const result = (await route({ type: 'check-text', text: ' … — ' }, fromPage)) as { verdict: string };
    expect(result.verdict).toBe('error');
  });

  it('refuses a text over the limit, and a blank one, each with its reason', async () => {
    const { pipeline } = await setup();
    const long = await checkTextMessage(pipeline, 'a'.repeat(MAX_TEXT_CHARS + 1));
    expect(long.verdict).toBe('error');
    expect(JSON.stringify(long)).toMatch(/text too long to fingerprint: 1000001 characters/);
    const blankLong = await checkTextMessage(pipeline, ' — '.repeat(MAX_TEXT_CHARS));
    expect(JSON.stringify(blankLong)).toMatch(/only whitespace, punctuation or control characters/);
    const blank = await checkTextMessage(pipeline, ' … — ');
    expect(JSON.stringify(blank)).toMatch(/only whitespace, punctuation or control characters/);
  });

  it('leaves the ISCC Text-Code to the details page, which computes it', async () => {
    const { pipeline, route, fromPage } = await setup();
    const { key } = (await route({ type: 'check-text', text: REGISTERED }, fromPage)) as { key: string };
    const stored = await pipeline.details(key);
    expect(stored?.evidence.fingerprints).not.toHaveProperty('isccText');
    const shown = await pipeline.details(key, { pdq: true });
    expect(shown?.evidence.fingerprints).toEqual(await fingerprintText(REGISTERED));
  });
});
