import { describe, expect, it } from 'vitest';
import { couldNotCheck } from './could-not-check.ts';
import { ERROR_KINDS } from './error-kind.ts';
import { localeNames, localeTranslate } from './locale-file.ts';
import { REASON_CODES, type ReasonCode, type ReasonParams } from './reason-code.ts';
import { KNOWN_LABELS, KNOWN_PROBLEMS, labelWords, renderReason } from './render-reason.ts';

/** Every parameter a reason can carry, filled, so each optional part of each sentence is rendered. */
const FULL: Record<ReasonCode, ReasonParams> = {
  tampered: { failure: 'assertion.dataHash.mismatch' },
  ai: {
    label: 'Fully AI-generated',
    declarer: 'Adobe Inc.',
    list: 'official',
    problems: ['certificate expired', 'no timestamp'],
    resizedBy: 'Cloudflare',
    earlierFault: true,
  },
  'recovered-ai': { lead: true, bits: 6 },
  'recovered-lookalike': { signer: 'Example News', bits: 4 },
  'chain-ai': { match: 'perceptual', who: 'Studio', chain: 'Base' },
  verified: {
    label: 'Camera capture',
    signer: 'Leica',
    list: 'cai-legacy',
    identity: 'creator identity statement not confirmed',
    earlierFault: true,
  },
  registered: { who: 'Harbour Times', chain: 'Base' },
  'image-lookalike': { who: 'Harbour Times', bits: 8 },
  'passage-lookalike': { who: 'Harbour Times', bits: 5 },
  'registered-unknown': { chain: 'Base' },
  'registered-other': {},
  malformed: { failure: 'claim.malformed' },
  unconfirmed: { signer: 'Acme', list: 'user', problems: ['certificate revoked'], earlierFault: true },
  'untrusted-signer': { label: 'Screen capture', signer: 'Acme', problems: ['timestamp not valid'] },
  'could-not-check': { error: 'the server answered HTTP 404', kind: 'notFound', status: 404 },
  'no-provenance': {},
  'media-playlist': {},
  'media-webm': {},
  'media-no-c2pa': { read: 65_536, total: 12_000_000 },
  'media-on-request': { total: 250_000_000, c2pa: true },
};

const en = await localeTranslate('en');
const languages = await Promise.all(
  localeNames().map(async (name) => [name, await localeTranslate(name)] as const),
);

/** What a rendered reason must never show: a key, a substitution left unfilled, or nothing. */
function expectWords(text: string | undefined) {
  expect(text).toBeTruthy();
  expect(text).not.toMatch(/\$[1-9$]|\b(?:reason|error|badge)\.[a-zA-Z]/);
}

describe('renderReason', () => {
  it('renders the English of the verdict function', () => {
    expect(renderReason({ reasonCode: 'ai', reasonParams: FULL.ai }, en)).toBe(
      'Fully AI-generated, declared by Adobe Inc., on the C2PA trust list; certificate expired, no timestamp; resized by Cloudflare; an earlier step has a fault (see details)',
    );
    expect(renderReason({ reasonCode: 'untrusted-signer', reasonParams: FULL['untrusted-signer'] }, en)).toBe(
      'Screen capture. Signed by Acme, who is not on your trust lists (timestamp not valid)',
    );
  });

  for (const [name, t] of languages) {
    it(`renders every reason code in ${name}`, () => {
      for (const code of REASON_CODES) {
        const text = renderReason({ reasonCode: code, reasonParams: FULL[code] }, t);
        expectWords(text);
        // The same code with no parameters still makes a sentence (rows written by an older version).
        expectWords(renderReason({ reasonCode: code, reasonParams: {} }, t));
      }
    });

    it(`renders every short could-not-check reason, label and problem in ${name}`, () => {
      for (const kind of ERROR_KINDS) {
        expectWords(renderReason({ reasonCode: 'could-not-check', reasonParams: { kind, status: 500 } }, t));
      }
      for (const label of KNOWN_LABELS) {
        expectWords(renderReason({ reasonCode: 'verified', reasonParams: { label, signer: 'A' } }, t));
      }
      const problems = renderReason(
        { reasonCode: 'unconfirmed', reasonParams: { problems: KNOWN_PROBLEMS } },
        t,
      );
      expectWords(problems);
      if (name !== 'en') {
        // Translated, not copied: none of the English problem words remain.
        for (const words of KNOWN_PROBLEMS) expect(problems).not.toContain(words);
      }
    });
  }

  it('gives French for a French reader of the same stored result', async () => {
    const fr = await localeTranslate('fr');
    const stored = {
      reason: 'Registered by Harbour Times on Base',
      ...{ reasonCode: 'registered' as const },
    };
    expect(renderReason({ ...stored, reasonParams: FULL.registered }, fr)).toBe(
      'Enregistré par Harbour Times sur Base',
    );
  });

  it('writes the sizes of a media file in the language of its words', async () => {
    const fr = await localeTranslate('fr');
    const waiting = {
      reasonCode: 'media-on-request' as const,
      reasonParams: { total: 13_002_342, c2pa: false },
    };
    expect(renderReason(waiting, en)).toBe('Not checked yet: checking it downloads the whole file (12 MB)');
    expect(renderReason(waiting, fr, { locale: 'fr' })).toMatch(/^Pas encore vérifié : .*\(12\sMo\)$/);
    const probed = { reasonCode: 'media-no-c2pa' as const, reasonParams: { read: 65_536 } };
    expect(renderReason(probed, fr, { locale: 'fr' })).toMatch(/64\sko lus sur taille inconnue\)$/i);
  });

  it('shows a short human reason in the popup and the raw error in full', () => {
    const fields = couldNotCheck('network error (NetworkError when attempting to fetch resource.)');
    expect(renderReason(fields, en, { short: true })).toBe('Could not check: the network failed');
    expect(renderReason(fields, en)).toBe(
      'Could not check: network error (NetworkError when attempting to fetch resource.)',
    );
  });

  it('falls back to the stored English for rows without a code, or with one it does not know', () => {
    expect(renderReason({ reason: 'Old words' }, en)).toBe('Old words');
    expect(renderReason({ reason: 'Old words', reasonCode: 'from-the-future' as never }, en)).toBe(
      'Old words',
    );
  });

  it('words a rubric label on its own, in the reader’s language, and keeps an unknown one', async () => {
    const [en, fr] = await Promise.all([localeTranslate('en'), localeTranslate('fr')]);
    expect(labelWords('Fully AI-generated', en)).toBe('Fully AI-generated');
    for (const label of KNOWN_LABELS) expect(labelWords(label, fr)).not.toBe(label);
    expect(labelWords('Something new', fr)).toBe('Something new');
  });
});
