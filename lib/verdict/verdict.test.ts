import { describe, expect, it } from 'vitest';
import type { C2paEvidence, ChainEvidence, ChainRecord, Evidence, VerdictResult } from '../evidence/types.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import { verdictFor } from './verdict.ts';

const en = await localeTranslate('en');

/** The verdict with its English words; the reason's code is tested in lib/i18n/render-reason.test.ts. */
function verdictIn(evidence: Evidence): VerdictResult {
  const { reasonCode: _code, reasonParams: _params, ...words } = verdictFor(evidence, en);
  return words;
}

const c2pa = (over: Partial<C2paEvidence>): C2paEvidence => ({
  state: 'valid',
  trust: 'untrusted',
  codes: [],
  aiGenerated: false,
  actions: [],
  ingredients: [],
  signer: { issuer: 'Adobe Inc.', commonName: 'cai-prod' },
  ...over,
});

const record = (over: Partial<ChainRecord>): ChainRecord => ({
  chainId: 31337,
  chainName: 'Devnet',
  contentHash: `0x${'ab'.repeat(32)}`,
  registrant: `0x${'11'.repeat(20)}`,
  trusted: false,
  kind: 'sha256',
  match: 'exact',
  time: 1_700_000_000,
  aiGenerated: false,
  revoked: false,
  ...over,
});

const chain = (records: ChainRecord[], over: Partial<ChainEvidence> = {}): ChainEvidence => ({
  state: 'ok',
  records,
  otherRegistrations: 0,
  ...over,
});

describe('verdictFor', () => {
  it('is no-provenance only when every check ran and found nothing', () => {
    expect(verdictIn({ c2pa: c2pa({ state: 'none', trust: null }), chain: chain([]) }).verdict).toBe(
      'no-provenance',
    );
  });

  it('never reports no-provenance when a check failed', () => {
    const r = verdictIn({
      c2pa: c2pa({ state: 'none', trust: null }),
      chain: chain([], { state: 'error', errors: ['RPC timed out'] }),
    });
    expect(r.verdict).toBe('error');
    expect(r.reason).toContain('RPC timed out');
    expect(verdictIn({ fetchError: 'HTTP 404' }).verdict).toBe('error');
    expect(
      verdictIn({ c2pa: c2pa({ state: 'error', trust: null, error: 'C2pa(UnknownAlgorithm)' }) }).reason,
    ).toContain('UnknownAlgorithm');
  });

  it('marks integrity failures as tampered, above everything else', () => {
    const e: Evidence = {
      c2pa: c2pa({
        state: 'invalid',
        codes: ['assertion.dataHash.mismatch', 'signingCredential.untrusted'],
        aiGenerated: true,
      }),
      chain: chain([record({ trusted: true })]),
    };
    expect(verdictIn(e)).toEqual({
      verdict: 'tampered',
      reason: 'Content Credentials do not match the content (assertion.dataHash.mismatch)',
    });
  });

  it('does not call an expired or unverifiable signer tampering', () => {
    const r = verdictIn({
      c2pa: c2pa({ state: 'invalid', codes: ['signingCredential.expired', 'signingCredential.untrusted'] }),
    });
    expect(r.verdict).toBe('unknown-signer');
    expect(r.reason).toContain('certificate expired');
    const cawg = verdictIn({ c2pa: c2pa({ state: 'invalid', codes: ['cawg.ica.did_unavailable'] }) });
    expect(cawg.verdict).toBe('unknown-signer');
  });

  it('puts AI-generated above verified', () => {
    expect(verdictIn({ c2pa: c2pa({ trust: 'trusted', aiGenerated: true }) }).verdict).toBe('ai-generated');
    expect(verdictIn({ chain: chain([record({ trusted: true, aiGenerated: true })]) }).verdict).toBe(
      'ai-generated',
    );
  });

  it('verifies a valid manifest from the official or the interim list, and says which', () => {
    expect(verdictIn({ c2pa: c2pa({ trust: 'trusted' }) }).reason).toContain('C2PA trust list');
    const known = verdictIn({ c2pa: c2pa({ trust: 'known' }) });
    expect(known.verdict).toBe('verified');
    // The CAI interim list is frozen: it is named apart from the official list (issue 12).
    expect(known.reason).toContain('CAI legacy list (frozen January 2026)');
    expect(known.reason).not.toContain('C2PA trust list');
  });

  it('verifies a trusted registrant’s exact record, but a perceptual one is only a lead', () => {
    expect(verdictIn({ chain: chain([record({ trusted: true, registrantName: 'Demo Newsroom' })]) })).toEqual(
      {
        verdict: 'verified',
        reason: 'Registered by Demo Newsroom on Devnet',
      },
    );
    const lookalike = verdictIn({
      chain: chain([
        record({ trusted: true, match: 'perceptual', distance: 6, registrantName: 'Demo Newsroom' }),
      ]),
    });
    expect(lookalike.verdict).toBe('registered');
    expect(lookalike.reason).toBe('Looks like an image registered by Demo Newsroom (6 bits apart)');
  });

  it('shows an unknown registrant as registered, and ignores revoked records', () => {
    expect(verdictIn({ chain: chain([record({})]) }).verdict).toBe('registered');
    expect(verdictIn({ chain: chain([], { otherRegistrations: 3 }) }).verdict).toBe('registered');
    expect(verdictIn({ chain: chain([record({ trusted: true, revoked: true })]) }).verdict).toBe(
      'no-provenance',
    );
  });

  it('shows a valid manifest from an unknown signer as unknown-signer', () => {
    const r = verdictIn({ c2pa: c2pa({ signer: { issuer: 'C2PA Test Signing Cert' } }), chain: chain([]) });
    expect(r).toEqual({
      verdict: 'unknown-signer',
      reason: 'Signed by C2PA Test Signing Cert, who is not on your trust lists',
    });
  });

  it('lets a positive finding win over a failed check elsewhere', () => {
    const r = verdictIn({
      c2pa: c2pa({ trust: 'known' }),
      chain: chain([], { state: 'error', errors: ['down'] }),
    });
    expect(r.verdict).toBe('verified');
  });
});
