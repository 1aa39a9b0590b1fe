import { type BackgroundRequest, MAX_CHECK_TEXT } from './protocol.ts';
import type { SenderKind } from './sender.ts';

/** Which sender may ask for what. Content scripts live in the page's renderer: they get the least. */
export const allowedFrom: Record<BackgroundRequest['type'], readonly SenderKind[]> = {
  'check-image': ['content', 'page'],
  'check-text': ['content', 'page'],
  'check-media': ['content', 'page'],
  'page-summary': ['content'],
  'open-details': ['content', 'page'],
  'get-details': ['page'],
  'verify-url': ['page'],
  'get-registrations': ['page'],
  'fetch-remote-manifest': ['page'],
  'recover-credentials': ['page'],
  'soft-binding-lookup': ['page'],
  'update-trust-lists': ['page'],
  'clear-cache': ['page'],
};

const MAX_URL = 8192;
const MAX_DATA_URL = 16 * 1024 * 1024;
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
      return isUrl(m.url) ? { type, url: m.url } : null;
    case 'check-text':
      // Any fingerprint the sender adds is dropped: the worker computes its own from the text.
      return typeof m.text === 'string' && m.text.length > 0 && m.text.length <= MAX_CHECK_TEXT
        ? { type, text: m.text }
        : null;
    case 'check-media':
      return isUrl(m.url) ? { type, url: m.url, confirmed: m.confirmed === true } : null;
    case 'verify-url': {
      if (!isUrl(m.url)) return null;
      const media = m.media === 'video' || m.media === 'audio' ? m.media : undefined;
      return media ? { type, url: m.url, media } : { type, url: m.url };
    }
    case 'page-summary':
      return isCounts(m.counts) ? { type, counts: m.counts as Record<string, number> } : null;
    case 'open-details': {
      const key = typeof m.key === 'string' && HEX64.test(m.key) ? m.key : undefined;
      const url = isUrl(m.url) ? m.url : undefined;
      const media = m.media === 'video' || m.media === 'audio' ? m.media : undefined;
      if (!key && !url) return null;
      return media ? { type, key, url, media } : { type, key, url };
    }
    case 'get-details':
    case 'get-registrations':
    case 'fetch-remote-manifest':
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
