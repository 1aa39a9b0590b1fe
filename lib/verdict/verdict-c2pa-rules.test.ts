import { describe, expect, it } from 'vitest';
import type { C2paEvidence, C2paFailures, Evidence, VerdictResult } from '../evidence/types.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import { verdictFor } from './verdict.ts';

const en = await localeTranslate('en');

/** The verdict with its English words; the reason's code is tested in lib/i18n/render-reason.test.ts. */
function verdictIn(evidence: Evidence): VerdictResult {
  const { reasonCode: _code, reasonParams: _params, ...words } = verdictFor(evidence, en);
  return words;
}

/** The real-world verdict rules (issue 12), on synthetic evidence; the files themselves are in real-world.test.ts. */

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
const ACTIVE = 'urn:c2pa:active';
const EARLIER = 'urn:c2pa:earlier';

const none = (): C2paFailures => ({
  tamper: [],
  malformed: [],
  credential: [],
  conformance: [],
  ingredient: [],
});

const c2pa = (over: Partial<C2paEvidence> = {}, failures: Partial<C2paFailures> = {}): C2paEvidence => ({
  state: 'valid',
  trust: 'trusted',
  trustList: 'official',
  codes: [],
  aiGenerated: false,
  actions: [],
  ingredients: [],
  activeManifest: ACTIVE,
  signer: { issuer: 'Google LLC', commonName: 'Google Media Processing Services' },
  failures: { ...none(), ...failures },
  ...over,
});

describe('rule 1: informational and success codes never count against an item', () => {
  it('is verified with additionalExclusionsPresent and unknownProvenance among the codes', () => {
    const r = verdictIn({
      c2pa: c2pa({
        codes: [
          'assertion.dataHash.additionalExclusionsPresent',
          'ingredient.unknownProvenance',
          'signingCredential.ocsp.skipped',
        ],
      }),
    });
    expect(r.verdict).toBe('verified');
    expect(r.reason).toBe('Signed by Google LLC, on the C2PA trust list');
  });
});

describe('rule 2: tampered means the active manifest no longer matches', () => {
  it('is red for a hard-binding mismatch of the active manifest, above an AI declaration', () => {
    const r = verdictIn({
      c2pa: c2pa(
        {
          state: 'invalid',
          aiGenerated: true,
          ai: [{ where: 'active', value: `${IPTC}trainedAlgorithmicMedia` }],
        },
        { tamper: [{ code: 'assertion.dataHash.mismatch', manifestLabel: ACTIVE }] },
      ),
    });
    expect(r).toEqual({
      verdict: 'tampered',
      reason: 'Content Credentials do not match the content (assertion.dataHash.mismatch)',
    });
  });

  it('keeps the signer’s tier when only an earlier step has a fault, and says so', () => {
    const r = verdictIn({
      c2pa: c2pa(
        { trust: 'known', trustList: 'cai-legacy' },
        {
          ingredient: [
            { code: 'assertion.action.malformed', manifestLabel: EARLIER },
            { code: 'signingCredential.expired', manifestLabel: EARLIER },
          ],
        },
      ),
    });
    expect(r.verdict).toBe('verified');
    expect(r.reason).toContain('CAI legacy list (frozen January 2026)');
    expect(r.reason).toContain('an earlier step has a fault');
  });

  it('keeps an AI declaration when an earlier step has a fault, and says so', () => {
    // A changed ingredient manifest (its hash no longer matches the active one's record of it) is a fault of
    // the history, not of the active signer's declaration.
    const r = verdictIn({
      c2pa: c2pa(
        {
          trust: 'known',
          trustList: 'cai-legacy',
          signer: { issuer: 'Adobe Inc.' },
          aiGenerated: true,
          ai: [{ where: 'active', value: `${IPTC}compositeWithTrainedAlgorithmicMedia` }],
        },
        { ingredient: [{ code: 'ingredient.manifest.mismatch', manifestLabel: EARLIER }] },
      ),
    });
    expect(r.verdict).toBe('ai-generated');
    expect(r.reason).toBe(
      'AI-generated, declared by Adobe Inc., on the CAI legacy list (frozen January 2026); an earlier step has a fault (see details)',
    );
  });

  it('does not call an earlier signer being on no list a fault', () => {
    const r = verdictIn({
      c2pa: c2pa({}, { ingredient: [{ code: 'signingCredential.untrusted', manifestLabel: EARLIER }] }),
    });
    expect(r.reason).not.toContain('fault');
  });

  it('lowers an untrusted signer with a conformance fault to unknown signer, never to red', () => {
    const r = verdictIn({
      c2pa: c2pa(
        {
          state: 'invalid',
          trust: 'untrusted',
          trustList: null,
          signer: { issuer: 'European Broadcasting Union' },
        },
        { conformance: [{ code: 'assertion.action.malformed', manifestLabel: ACTIVE }] },
      ),
    });
    expect(r.verdict).toBe('unknown-signer');
    expect(r.reason).toContain('an earlier step has a fault');
  });
});

describe('rule 3: a writer’s malformed binding is "could not check"', () => {
  it('says the signing tool wrote the credentials wrong', () => {
    const r = verdictIn({
      c2pa: c2pa(
        { state: 'invalid', trust: 'known', trustList: 'cai-legacy' },
        {
          malformed: [{ code: 'assertion.dataHash.mismatch', manifestLabel: ACTIVE }],
        },
      ),
    });
    expect(r.verdict).toBe('error');
    expect(r.reason).toMatch(
      /^Could not check: Content Credentials are malformed \(the signing tool wrote them wrong/,
    );
  });

  it('lets a trusted registrant’s exact record speak for the file', () => {
    const r = verdictIn({
      c2pa: c2pa({ state: 'invalid' }, { malformed: [{ code: 'claim.hardBindings.missing' }] }),
      chain: {
        state: 'ok',
        otherRegistrations: 0,
        records: [
          {
            chainId: 1,
            contentHash: `0x${'a'.repeat(64)}`,
            registrant: `0x${'1'.repeat(40)}`,
            registrantName: 'Newsroom',
            trusted: true,
            kind: 'sha256',
            match: 'exact',
            time: 1,
            aiGenerated: false,
            revoked: false,
          },
        ],
      },
    });
    expect(r.verdict).toBe('verified');
  });
});

describe('rule 4: AI declarations are honoured when only the credentials failed', () => {
  const puppy = (over: Partial<C2paEvidence>, failures: Partial<C2paFailures>) =>
    c2pa(
      {
        aiGenerated: true,
        ai: [{ where: 'ingredient', value: `${IPTC}trainedAlgorithmicMedia`, manifestLabel: EARLIER }],
        ingredients: [{ manifestLabel: EARLIER, signer: { issuer: 'OpenAI' }, actions: [], ingredients: [] }],
        signer: { issuer: 'OpenAI', commonName: 'Truepic Lens CLI in ChatGPT' },
        ...over,
      },
      failures,
    );

  it('is AI-generated with the problem named when the declaring certificate expired with no timestamp', () => {
    const r = verdictIn({
      c2pa: puppy(
        { state: 'valid' },
        {
          ingredient: [{ code: 'signingCredential.expired', manifestLabel: EARLIER }],
        },
      ),
    });
    expect(r.verdict).toBe('ai-generated');
    expect(r.reason).toContain('declared by OpenAI');
    expect(r.reason).toContain('certificate expired, no timestamp');
    expect(r.variant).toBeUndefined();
  });

  it('shows a declarer on none of the lists on the badge’s face (variant "unverified")', () => {
    const r = verdictIn({
      c2pa: puppy(
        { state: 'invalid', trust: 'untrusted', trustList: null },
        {
          credential: [{ code: 'signingCredential.expired', manifestLabel: ACTIVE }],
          ingredient: [{ code: 'signingCredential.untrusted', manifestLabel: EARLIER }],
        },
      ),
    });
    expect(r.verdict).toBe('ai-generated');
    expect(r.variant).toBe('unverified');
    expect(r.reason).toContain('who is not on your trust lists');
  });

  it('is not AI-generated when the content no longer matches (red wins) or the binding is malformed', () => {
    const ai = {
      aiGenerated: true,
      ai: [{ where: 'active' as const, value: `${IPTC}trainedAlgorithmicMedia` }],
    };
    expect(
      verdictIn({ c2pa: c2pa({ ...ai, state: 'invalid' }, { malformed: [{ code: 'claim.malformed' }] }) })
        .verdict,
    ).toBe('error');
  });
});

describe('rule 5: AI declared in parameters or only in words', () => {
  it('takes a digitalSourceType given in action parameters', () => {
    const r = verdictIn({
      c2pa: c2pa({
        aiGenerated: true,
        ai: [{ where: 'active', value: `${IPTC}trainedAlgorithmicMedia`, how: 'parameter' }],
      }),
    });
    expect(r.verdict).toBe('ai-generated');
  });

  it('says an AI verdict inferred from the generator’s name is inferred', () => {
    const r = verdictIn({
      c2pa: c2pa({
        signer: { issuer: 'Microsoft Corporation' },
        aiGenerated: true,
        ai: [
          { where: 'active', value: 'Image Creator from Designer', how: 'inferred', manifestLabel: ACTIVE },
        ],
      }),
    });
    expect(r.verdict).toBe('ai-generated');
    expect(r.reason).toBe(
      'AI-generated (inferred from the tool that made it: Image Creator from Designer), signed by Microsoft Corporation, on the C2PA trust list',
    );
  });

  it('uses the rubric label when the signals give one', () => {
    const r = verdictIn({
      c2pa: c2pa({
        aiGenerated: true,
        ai: [{ where: 'active', value: `${IPTC}trainedAlgorithmicMedia` }],
        signals: { inception: [], transformations: [], label: 'Fully AI-generated' },
      }),
    });
    expect(r.reason).toBe('Fully AI-generated, declared by Google LLC, on the C2PA trust list');
    const capture = verdictIn({
      c2pa: c2pa({ signals: { inception: [], transformations: [], label: 'Camera capture' } }),
    });
    expect(capture.reason).toBe('Camera capture. Signed by Google LLC, on the C2PA trust list');
  });
});

describe('rule 6: the tier comes from signing lists only', () => {
  it('never verifies a signer whose only list is a timestamp list', () => {
    const r = verdictIn({ c2pa: c2pa({ trust: 'untrusted', trustList: null }) });
    expect(r.verdict).toBe('unknown-signer');
  });
});

describe('rule 8: re-signing services', () => {
  it('names the CDN and the origin below it', () => {
    const r = verdictIn({
      c2pa: c2pa({
        signer: { issuer: 'Cloudflare, Inc.' },
        signingChain: [
          { manifestLabel: ACTIVE, signer: { issuer: 'Cloudflare, Inc.' }, resigner: 'Cloudflare' },
          { manifestLabel: EARLIER, signer: { issuer: 'Reuters' } },
        ],
      }),
    });
    expect(r).toEqual({
      verdict: 'verified',
      reason: 'Resized by Cloudflare, on the C2PA trust list; originally signed by Reuters',
    });
  });

  it('follows the chain’s most telling step: AI declared by the origin', () => {
    const r = verdictIn({
      c2pa: c2pa({
        signer: { issuer: 'Cloudflare, Inc.' },
        aiGenerated: true,
        ai: [{ where: 'ingredient', value: `${IPTC}trainedAlgorithmicMedia`, manifestLabel: EARLIER }],
        ingredients: [
          { manifestLabel: EARLIER, signer: { issuer: 'Google LLC' }, actions: [], ingredients: [] },
        ],
        signingChain: [
          { manifestLabel: ACTIVE, signer: { issuer: 'Cloudflare, Inc.' }, resigner: 'Cloudflare' },
          { manifestLabel: EARLIER, signer: { issuer: 'Google LLC' } },
        ],
      }),
    });
    expect(r.verdict).toBe('ai-generated');
    expect(r.reason).toBe(
      'AI-generated, declared by Google LLC, on the C2PA trust list; resized by Cloudflare',
    );
  });
});

describe('results cached before failures were classified', () => {
  it('reads informational codes of an old invalid row as no evidence of tampering', () => {
    const old = c2pa({
      state: 'invalid',
      trust: 'known',
      trustList: undefined,
      failures: undefined,
      codes: ['assertion.bmffHash.additionalExclusionsPresent', 'signingCredential.expired'],
    });
    expect(verdictIn({ c2pa: old }).verdict).toBe('unknown-signer');
    const broken = c2pa({ state: 'invalid', failures: undefined, codes: ['assertion.dataHash.mismatch'] });
    expect(verdictIn({ c2pa: broken }).verdict).toBe('tampered');
  });
});
