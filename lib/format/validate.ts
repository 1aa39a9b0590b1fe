/**
 * Validation for what people type into the options page. Each validator returns an error message in plain
 * words (shown next to the field) or null when the value is fine.
 */
import { readPemCertificates } from '../c2pa/pem-certificates.ts';

export function httpUrlError(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter a URL.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'This is not a valid URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http:// or https:// URL.';
  if (!url.hostname) return 'The URL needs a host name.';
  return null;
}

export function isHttpUrl(value: string): boolean {
  return httpUrlError(value) === null;
}

export function addressError(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter an address.';
  if (!/^0x[0-9a-fA-F]{40}$/.test(trimmed)) return 'An address is 0x followed by 40 hexadecimal characters.';
  return null;
}

export function chainIdError(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter a chain id.';
  if (!/^\d+$/.test(trimmed) || Number(trimmed) <= 0 || !Number.isSafeInteger(Number(trimmed))) {
    return 'A chain id is a positive whole number (e.g. 1 or 8453).';
  }
  return null;
}

/** "1, 8453 10" → [1, 8453, 10]. Empty input means "every chain" (undefined). */
export function parseChainIds(value: string): { ids?: number[]; error?: string } {
  const parts = value.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return {};
  const ids: number[] = [];
  for (const part of parts) {
    if (chainIdError(part)) return { error: `"${part}" is not a chain id. Use numbers separated by commas.` };
    const id = Number(part);
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids };
}

export interface PemCheck {
  /** Number of well-formed certificate blocks. */
  count: number;
  error: string | null;
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
      return { count, error: `Certificate ${count} is damaged: its body is not valid base64.` };
    }
  }
  if (/PRIVATE KEY-----/.test(rest)) {
    return { count, error: 'This contains a private key. Remove it: only certificates belong here.' };
  }
  if (rest.trim()) {
    if (/-----BEGIN CERTIFICATE-----/.test(rest)) {
      return { count, error: 'A certificate block has no matching "-----END CERTIFICATE-----" line.' };
    }
    return {
      count,
      error: 'Only "-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----" blocks are allowed here.',
    };
  }
  return { count, error: null };
}
