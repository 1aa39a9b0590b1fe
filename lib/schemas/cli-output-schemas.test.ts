import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { HashRowSchema, VerifyRowSchema } from './cli-output-schemas.ts';

/** Hand-made rows at the edges of the contract (the real CLI is run in cli/commands/cli-output-contract.test.ts). */
describe('verify --json row', () => {
  const row = { source: 'a.jpg', verdict: 'no-provenance', reason: 'No Content Credentials' };

  it('needs only source, verdict and reason; the i18n code and parameters are optional', () => {
    expect(v.is(VerifyRowSchema, row)).toBe(true);
    expect(
      v.is(VerifyRowSchema, { ...row, reasonCode: 'no-provenance', reasonParams: { n: 1, who: 'x' } }),
    ).toBe(true);
    expect(v.is(VerifyRowSchema, { ...row, reasonParams: { n: { deep: 1 } } })).toBe(false);
    expect(v.is(VerifyRowSchema, { ...row, reasonCode: 'made-up' })).toBe(false);
  });

  it('holds null where the contract says null, and a 0x hex in registry records', () => {
    expect(v.is(VerifyRowSchema, { ...row, variant: null, recovered: null })).toBe(true);
    const record = {
      chainId: 1,
      contentHash: '0xab',
      registrant: '0x01',
      trusted: false,
      kind: 'sha256',
      match: 'exact',
      time: 1,
      aiGenerated: false,
      revoked: false,
    };
    const chain = { state: 'ok', records: [record], otherRegistrations: 0, errors: [] };
    expect(v.is(VerifyRowSchema, { ...row, chain })).toBe(true);
    expect(
      v.is(VerifyRowSchema, { ...row, chain: { ...chain, records: [{ ...record, registrant: 'me' }] } }),
    ).toBe(false);
  });
});

describe('hash --json row', () => {
  it('is an image row, a text row or an error row', () => {
    const image = {
      source: 'a.jpg',
      sha256: 'ab'.repeat(32),
      pdq: null,
      pdqQuality: null,
      pdqError: 'too small',
    };
    const text = {
      source: '--text',
      sha256Collapsed: 'ab'.repeat(32),
      isccText: 'ISCC:EAAQ',
      isccTextHex: '0123456789abcdef',
      characters: 80,
    };
    for (const ok of [image, text, { source: 'x', error: 'ENOENT' }])
      expect(v.is(HashRowSchema, ok)).toBe(true);
    expect(v.is(HashRowSchema, { source: 'x' })).toBe(false);
    expect(v.is(HashRowSchema, { ...text, isccTextHex: 'xyz' })).toBe(false);
    expect(v.is(HashRowSchema, { ...image, pdqQuality: 101, pdqError: undefined })).toBe(false);
  });
});
