import { describe, expect, it } from 'vitest';
import { codeTone, sortCodes } from './status-tone.ts';

describe('status code tone', () => {
  it('tells passed checks, signer warnings and failures apart', () => {
    expect(codeTone('assertion.dataHash.match')).toBe('ok');
    expect(codeTone('claimSignature.validated')).toBe('ok');
    expect(codeTone('signingCredential.trusted')).toBe('ok');
    expect(codeTone('signingCredential.untrusted')).toBe('warn');
    expect(codeTone('signingCredential.expired')).toBe('warn');
    expect(codeTone('cawg.ica.did_unavailable')).toBe('warn');
    expect(codeTone('assertion.dataHash.mismatch')).toBe('fail');
    expect(codeTone('claimSignature.mismatch')).toBe('fail');
  });

  it('puts failures first', () => {
    expect(
      sortCodes(['assertion.dataHash.match', 'signingCredential.untrusted', 'assertion.dataHash.mismatch']),
    ).toEqual([
      { code: 'assertion.dataHash.mismatch', tone: 'fail' },
      { code: 'signingCredential.untrusted', tone: 'warn' },
      { code: 'assertion.dataHash.match', tone: 'ok' },
    ]);
  });
});

describe('codeTone with the failure list', () => {
  it('shows an informational code as a note, and only listed failures as failed', () => {
    const failing = new Set(['assertion.dataHash.mismatch']);
    expect(codeTone('ingredient.unknownProvenance', failing)).toBe('warn');
    expect(codeTone('assertion.bmffHash.additionalExclusionsPresent', failing)).toBe('warn');
    expect(codeTone('assertion.dataHash.mismatch', failing)).toBe('fail');
    expect(codeTone('ingredient.unknownProvenance')).toBe('fail');
  });
});
