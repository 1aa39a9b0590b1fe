import { describe, expect, it } from 'vitest';
import { explainStatusCode, KNOWN_STATUS_CODES } from './status-codes.ts';

describe('explainStatusCode', () => {
  it('explains every code the fixtures produce (fixtures/c2pa/SOURCES.md, engine 0.13.3)', () => {
    const seen = [
      'signingCredential.untrusted',
      'signingCredential.trusted',
      'signingCredential.expired',
      'signingCredential.ocsp.skipped',
      'claimSignature.mismatch',
      'assertion.dataHash.mismatch',
      'assertion.hashedURI.mismatch',
      'timeStamp.mismatch',
      'timeStamp.trusted',
      'timeStamp.untrusted',
      'ingredient.unknownProvenance',
      'cawg.x509.credential.untrusted',
      'cawg.ica.did_unavailable',
      'cawg.ica.signer_payload.mismatch',
    ];
    for (const code of seen) expect(KNOWN_STATUS_CODES, code).toContain(code);
  });

  it('says what a tamper code means in plain words', () => {
    expect(explainStatusCode('assertion.dataHash.mismatch')).toMatch(/changed after signing/);
    expect(explainStatusCode('claimSignature.mismatch')).toMatch(/changed after signing/);
    expect(explainStatusCode('signingCredential.revoked')).toMatch(/revoked/);
  });

  it('falls back by family, then generically, and never returns an empty string', () => {
    expect(explainStatusCode('timeStamp.somethingNew')).toBe(
      'A problem with the timestamp. (timeStamp.somethingNew)',
    );
    expect(explainStatusCode('cawg.future.code')).toMatch(/creator identity/);
    expect(explainStatusCode('vendor.custom')).toBe('Content Credentials check result “vendor.custom”.');
    expect(explainStatusCode('')).not.toBe('');
  });

  it('has one sentence per known code', () => {
    for (const code of KNOWN_STATUS_CODES) expect(explainStatusCode(code)).toMatch(/^[A-Z].*\.$/);
  });
});
