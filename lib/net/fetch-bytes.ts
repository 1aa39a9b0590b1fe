export interface FetchedBytes {
  bytes: Uint8Array;
  /** The Content-Type the server claimed (may lie: C2PA sniffs the bytes). */
  contentType: string;
  /** The raw `Link` header, where C2PA remote manifests may be announced. */
  linkHeader: string | null;
  finalUrl: string;
}

export interface FetchBytesOptions {
  fetch: typeof fetch;
  /** Send no cookies or HTTP auth (the default; DESIGN.md "Security and privacy"). */
  omitCredentials?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export const MAX_FETCH_BYTES = 50 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;

/** A failure with a reason fit to show the user ("Could not check: …"). */
export class FetchError extends Error {
  override name = 'FetchError';
}

/**
 * Fetches a resource's bytes with a size cap and a timeout. The body is streamed so that an oversized or
 * endless response is cut off at the cap instead of filling memory. No referrer is sent: the image's host
 * learns nothing about the page the user is reading.
 */
export async function fetchBytes(url: string, options: FetchBytesOptions): Promise<FetchedBytes> {
  const maxBytes = options.maxBytes ?? MAX_FETCH_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        credentials: options.omitCredentials === false ? 'include' : 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'default',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) throw new FetchError(`no answer within ${timeoutMs / 1000} s`);
      throw new FetchError(`network error (${(error as Error).message || 'unreachable'})`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(`the server answered HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(`file too large (${declared} bytes, limit ${maxBytes})`);
    }
    const bytes = await readCapped(response, maxBytes, controller.signal, timeoutMs);
    return {
      bytes,
      contentType: (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
      linkHeader: response.headers.get('link'),
      finalUrl: response.url || url,
    };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new FetchError(`file too large (over ${maxBytes} bytes)`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError(`no complete answer within ${timeoutMs / 1000} s`);
    throw new FetchError(`the download broke off (${(error as Error).message})`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
