import { fetchBytes } from './fetch-bytes.ts';

/** Previews are images the user already sees on the page; anything larger is not worth a second download. */
export const MAX_PREVIEW_BYTES = 20 * 1024 * 1024;
const PREVIEW_TIMEOUT_MS = 15_000;

/**
 * The bytes of an image for a preview in an extension page (popup, details), as a Blob to show through a
 * `blob:` URL. An `<img src>` in an extension page would send the image host the user's cookies: Chromium sends
 * them with every request an extension page makes to a host it has permission for, `crossorigin="anonymous"`
 * included (measured: e2e/privacy.e2e.ts). A fetch with `credentials: 'omit'` and no referrer sends neither.
 */
export async function fetchPreview(url: string, fetchFn: typeof fetch): Promise<Blob> {
  const { bytes, contentType } = await fetchBytes(url, {
    fetch: fetchFn,
    omitCredentials: true,
    maxBytes: MAX_PREVIEW_BYTES,
    timeoutMs: PREVIEW_TIMEOUT_MS,
  });
  return new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: contentType.startsWith('image/') ? contentType : '',
  });
}
