import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import { explainStatusCode, KNOWN_STATUS_CODES } from './status-codes.ts';

const en = await localeTranslate('en');
const fr = await localeTranslate('fr');

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
    expect(explainStatusCode('assertion.dataHash.mismatch', en)).toMatch(/changed after signing/);
    expect(explainStatusCode('claimSignature.mismatch', en)).toMatch(/changed after signing/);
    expect(explainStatusCode('signingCredential.revoked', en)).toMatch(/revoked/);
  });

  it('falls back by family, then generically, and never returns an empty string', () => {
    expect(explainStatusCode('timeStamp.somethingNew', en)).toBe(
      'A problem with the timestamp. (timeStamp.somethingNew)',
    );
    expect(explainStatusCode('cawg.future.code', en)).toMatch(/creator identity/);
    expect(explainStatusCode('vendor.custom', en)).toBe('Content Credentials check result “vendor.custom”.');
    expect(explainStatusCode('', en)).not.toBe('');
  });

  it('has one sentence per known code', () => {
    for (const code of KNOWN_STATUS_CODES) expect(explainStatusCode(code, en)).toMatch(/^[A-Z].*\.$/);
  });

  it('explains in French for a French reader, keeping the code itself', () => {
    expect(explainStatusCode('assertion.dataHash.mismatch', fr)).toMatch(/modifié après la signature/);
    expect(explainStatusCode('timeStamp.somethingNew', fr)).toBe(
      'Un problème avec l’horodatage. (timeStamp.somethingNew)',
    );
    for (const code of KNOWN_STATUS_CODES) {
      expect(explainStatusCode(code, fr)).toMatch(/^[A-ZÀ-Ý].*\.$/);
      expect(explainStatusCode(code, fr)).not.toBe(explainStatusCode(code, en));
    }
  });
});
