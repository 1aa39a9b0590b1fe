import { sha256 } from '@noble/hashes/sha2.js';
import { base64ToBytes, bytesToBase64 } from '../bytes/base64.ts';

/**
 * The one PEM reader for certificate lists (trust lists, a user's pasted anchors, fetched list updates).
 * A block is `-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----` (RFC 7468, section 5) with a base64
 * body; white space inside the body is allowed and dropped. A block whose body is empty or not base64 is
 * "damaged": it is reported to whoever checks a paste, and never handed to the C2PA engine, which would
 * refuse the whole list for it. (Earlier copies disagreed: one stripped stray characters from the body
 * and kept the block, one wanted a non-empty body, one checked the base64.)
 */

const BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface PemCertificate {
  /** The base64 body without white space. */
  body: string;
  /** Empty or not base64: not a certificate. */
  damaged: boolean;
}

export interface PemCertificateList {
  certificates: PemCertificate[];
  /** Everything outside the certificate blocks (comments, digests, junk), blocks replaced by a newline. */
  outside: string;
}

/** The certificate blocks of a text, in order, and what lies between them. */
export function readPemCertificates(text: string): PemCertificateList {
  const normal = text.replace(/\r\n?/g, '\n');
  const certificates = [...normal.matchAll(BLOCK)].map((m) => {
    const body = (m[1] ?? '').replace(/\s+/g, '');
    return { body, damaged: !body || body.length % 4 !== 0 || !BASE64.test(body) };
  });
  return { certificates, outside: normal.replace(BLOCK, '\n') };
}

/** A certificate in canonical PEM: 64-character lines, one trailing newline. */
export function formatPemCertificate(body: string): string {
  return `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').trim()}\n-----END CERTIFICATE-----\n`;
}

/**
 * How c2pa-rs names a certificate in an allow list: the base64 SHA-256 of its DER. It accepts such lines in
 * place of the PEM blocks and compares nothing else (`add_end_entity_credentials` in c2pa-rs
 * sdk/src/crypto/cose/certificate_trust_policy.rs), so sending digests gives the same answers for a fortieth of
 * the text. `body` must be an undamaged block's body.
 */
export function certificateDigest(body: string): string {
  return bytesToBase64(sha256(base64ToBytes(body)));
}
