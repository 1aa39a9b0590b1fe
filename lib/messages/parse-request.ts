import type { BackgroundRequest } from './protocol.ts';
import type { SenderKind } from './sender.ts';

/** Which sender may ask for what. Content scripts live in the page's renderer: they get the least. */
export const allowedFrom: Record<BackgroundRequest['type'], readonly SenderKind[]> = {
  'check-image': ['content', 'page'],
  'check-text': ['content', 'page'],
  'page-summary': ['content'],
  'open-details': ['content', 'page'],
  'get-details': ['page'],
  'verify-url': ['page'],
  'get-registrations': ['page'],
  'recover-credentials': ['page'],
  'soft-binding-lookup': ['page'],
  'update-trust-lists': ['page'],
  'clear-cache': ['page'],
};

const MAX_URL = 8192;
const MAX_DATA_URL = 16 * 1024 * 1024;
const MAX_TEXT = 1_000_000;
const HEX64 = /^[0-9a-f]{64}$/;

function isUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (value.startsWith('data:')) return value.length <= MAX_DATA_URL;
  return value.length <= MAX_URL && /^https?:\/\//i.test(value);
}

function isCounts(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0);
}

/**
 * Validates a message's shape before anything acts on it, and checks it against the sender's rights.
 * Returns null for anything malformed, unknown or not allowed from that sender.
 */
export function parseRequest(raw: unknown, from: SenderKind): BackgroundRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  const type = m.type as BackgroundRequest['type'];
  if (typeof type !== 'string' || !Object.hasOwn(allowedFrom, type)) return null;
  if (!allowedFrom[type].includes(from)) return null;
  switch (type) {
    case 'check-image':
    case 'verify-url':
      return isUrl(m.url) ? { type, url: m.url } : null;
    case 'check-text': {
      const f = m.fingerprints as Record<string, unknown> | undefined;
      if (typeof m.text !== 'string' || m.text.length > MAX_TEXT || !f || f.kind !== 'text') return null;
      if (typeof f.sha256Collapsed !== 'string' || !HEX64.test(f.sha256Collapsed)) return null;
      if (
        typeof f.isccText !== 'string' ||
        typeof f.isccTextHex !== 'string' ||
        typeof f.characters !== 'number'
      )
        return null;
      return {
        type,
        text: m.text,
        fingerprints: {
          kind: 'text',
          sha256Collapsed: f.sha256Collapsed,
          isccText: f.isccText,
          isccTextHex: f.isccTextHex,
          characters: f.characters,
        },
      };
    }
    case 'page-summary':
      return isCounts(m.counts) ? { type, counts: m.counts as Record<string, number> } : null;
    case 'open-details': {
      const key = typeof m.key === 'string' && HEX64.test(m.key) ? m.key : undefined;
      const url = isUrl(m.url) ? m.url : undefined;
      return key || url ? { type, key, url } : null;
    }
    case 'get-details':
    case 'get-registrations':
    case 'recover-credentials':
      return typeof m.key === 'string' && HEX64.test(m.key) ? { type, key: m.key } : null;
    case 'soft-binding-lookup':
      return typeof m.key === 'string' &&
        HEX64.test(m.key) &&
        typeof m.endpoint === 'string' &&
        /^https?:\/\//i.test(m.endpoint) &&
        m.endpoint.length <= MAX_URL
        ? { type, key: m.key, endpoint: m.endpoint }
        : null;
    case 'update-trust-lists':
    case 'clear-cache':
      return { type };
  }
}
