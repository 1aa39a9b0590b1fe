/**
 * Validation for what people type into the options page. Each validator returns a problem as a message key
 * and its substitutions (shown next to the field, in the reader's language) or null when the value is fine.
 */
import { readPemCertificates } from '../c2pa/pem-certificates.ts';
import type { MessageKey, Substitutions } from '../i18n/translate.ts';

export interface FieldProblem {
  key: MessageKey;
  params?: Substitutions;
}

const problem = (key: MessageKey, params?: Substitutions): FieldProblem =>
  params ? { key, params } : { key };

export function httpUrlError(value: string): FieldProblem | null {
  const trimmed = value.trim();
  if (!trimmed) return problem('options.invalid.enterUrl');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return problem('options.invalid.notUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return problem('options.invalid.httpOnly');
  if (!url.hostname) return problem('options.invalid.noHost');
  return null;
}

export function isHttpUrl(value: string): boolean {
  return httpUrlError(value) === null;
}

export function addressError(value: string): FieldProblem | null {
  const trimmed = value.trim();
  if (!trimmed) return problem('options.invalid.enterAddress');
  if (!/^0x[0-9a-fA-F]{40}$/.test(trimmed)) return problem('options.invalid.address');
  return null;
}

export function chainIdError(value: string): FieldProblem | null {
  const trimmed = value.trim();
  if (!trimmed) return problem('options.invalid.enterChainId');
  if (!/^\d+$/.test(trimmed) || Number(trimmed) <= 0 || !Number.isSafeInteger(Number(trimmed))) {
    return problem('options.invalid.chainId');
  }
  return null;
}

/** "1, 8453 10" → [1, 8453, 10]. Empty input means "every chain" (undefined). */
export function parseChainIds(value: string): { ids?: number[]; error?: FieldProblem } {
  const parts = value.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return {};
  const ids: number[] = [];
  for (const part of parts) {
    if (chainIdError(part)) return { error: problem('options.invalid.chainIdList', [part]) };
    const id = Number(part);
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids };
}

export interface PemCheck {
  /** Number of well-formed certificate blocks. */
  count: number;
  error: FieldProblem | null;
}

/**
 * Checks a pasted list of PEM trust anchors: only BEGIN/END CERTIFICATE blocks with base64 bodies, nothing
 * else but whitespace between them. This catches copy-paste accidents (a private key, a truncated block);
 * whether each certificate parses as X.509 is up to the C2PA engine.
 */
export function checkPemAnchors(text: string): PemCheck {
  if (!text.trim()) return { count: 0, error: null };
  let count = 0;
  const { certificates, outside: rest } = readPemCertificates(text);
  for (const certificate of certificates) {
    count += 1;
    if (certificate.damaged) {
      return { count, error: problem('options.invalid.pemDamaged', [count]) };
    }
  }
  if (/PRIVATE KEY-----/.test(rest)) {
    return { count, error: problem('options.invalid.pemPrivateKey') };
  }
  if (rest.trim()) {
    if (/-----BEGIN CERTIFICATE-----/.test(rest)) {
      return { count, error: problem('options.invalid.pemUnterminated') };
    }
    return { count, error: problem('options.invalid.pemOutside') };
  }
  return { count, error: null };
}
