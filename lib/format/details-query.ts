import type { MediaKind } from '../evidence/types.ts';
import type { MessageKey } from '../i18n/translate.ts';

/**
 * What the details page was asked to show (when it cannot show anything, why, as a locale key): details.html?key=<64 hex> or details.html?url=<encoded URL>, with
 * `&media=video|audio` when the URL is a video or audio file ("Verify origin" on a media element).
 */
export type DetailsQuery =
  | { kind: 'key'; key: string }
  | { kind: 'url'; url: string; media?: MediaKind }
  | { kind: 'invalid'; reason: MessageKey };

const KEY = /^[0-9a-f]{64}$/;

/**
 * Parses the details page's query string. The page is an extension page, so only the extension can open
 * it with parameters, but the values still get checked: a key must be a SHA-256 in lower-case hex, a URL
 * must be http(s) or data:.
 */
export function parseDetailsQuery(search: string): DetailsQuery {
  const params = new URLSearchParams(search);
  const key = params.get('key');
  if (key !== null) {
    const normalised = key.trim().toLowerCase().replace(/^0x/, '');
    return KEY.test(normalised)
      ? { kind: 'key', key: normalised }
      : { kind: 'invalid', reason: 'detailsPage.invalidKey' };
  }
  const url = params.get('url');
  if (url !== null) {
    const media = params.get('media');
    if (/^https?:\/\//i.test(url) || /^data:/i.test(url)) {
      return media === 'video' || media === 'audio' ? { kind: 'url', url, media } : { kind: 'url', url };
    }
    if (/^(blob|mediasource):/i.test(url)) {
      return { kind: 'invalid', reason: 'detailsPage.invalidStreamed' };
    }
    return { kind: 'invalid', reason: 'detailsPage.invalidScheme' };
  }
  return { kind: 'invalid', reason: 'detailsPage.invalidNone' };
}
