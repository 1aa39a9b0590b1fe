import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certificateDigest, formatPemCertificate, readPemCertificates } from './pem-certificates.ts';

const bundle = readFileSync(
  new URL('../../fixtures/c2pa/trust/c2pa-rs-test-root-bundle.pem', import.meta.url),
  'utf8',
);

describe('readPemCertificates', () => {
  it('finds every certificate of a real bundle, bodies without white space', () => {
    const { certificates } = readPemCertificates(bundle);
    expect(certificates.length).toBe((bundle.match(/BEGIN CERTIFICATE/g) ?? []).length);
    expect(certificates.length).toBeGreaterThan(0);
    for (const c of certificates) {
      expect(c.damaged).toBe(false);
      expect(c.body).toMatch(/^MII[A-Za-z0-9+/]+=*$/);
    }
  });

  it('marks empty, non-base64 and badly padded bodies as damaged', () => {
    const block = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;
    const read = (body: string) => readPemCertificates(block(body)).certificates[0]?.damaged;
    expect(read('')).toBe(true);
    expect(read('%%%%')).toBe(true);
    expect(read('QUJD.RA==')).toBe(true);
    expect(read('QUJ')).toBe(true);
    expect(read('QUJD\r\n RA==')).toBe(false);
  });

  it('keeps what lies outside the blocks, CRLF normalised, for digests and error messages', () => {
    const { certificates, outside } = readPemCertificates(
      `# list\r\n-----BEGIN CERTIFICATE-----\r\nQUJD\r\n-----END CERTIFICATE-----\r\ndigest=\r\n`,
    );
    expect(certificates).toEqual([{ body: 'QUJD', damaged: false }]);
    expect(outside).toBe('# list\n\n\ndigest=\n');
    expect(readPemCertificates('-----BEGIN CERTIFICATE-----\nQUJD').certificates).toEqual([]);
  });
});

describe('formatPemCertificate', () => {
  it('writes 64-character lines and reads back to the same body', () => {
    const body = 'A'.repeat(132);
    const pem = formatPemCertificate(body);
    expect(pem.split('\n').map((l) => l.length)).toEqual([27, 64, 64, 4, 25, 0]);
    expect(readPemCertificates(pem).certificates).toEqual([{ body, damaged: false }]);
  });
});

describe('certificateDigest', () => {
  it('is the base64 SHA-256 of the DER, as c2pa-rs lists end-entity certificates', () => {
    const { certificates } = readPemCertificates(bundle);
    for (const { body } of certificates) {
      const expected = createHash('sha256').update(Buffer.from(body, 'base64')).digest('base64');
      expect(certificateDigest(body)).toBe(expected);
      expect(certificateDigest(body)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    }
  });
});
