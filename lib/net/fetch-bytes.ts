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
  /** Send no cookies or HTTP auth (the default; docs/architecture.md "Security and privacy"). */
  omitCredentials?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  /** Called as the body arrives (bytes so far, declared total if any): for a visible progress bar. */
  onProgress?: (loaded: number, total: number | undefined) => void;
}

export const MAX_FETCH_BYTES = 50 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;

/** A failure with a reason fit to show the user ("Could not check: …"). */
export class FetchError extends Error {
  override name = 'FetchError';
}

/**
 * Starts a request the way every extension fetch of page content goes: no cookies unless the user allowed
 * them, no referrer, redirects followed, and a failure or the caller's timeout (an aborted `controller`)
 * turned into a FetchError with a reason fit to show.
 */
export async function openRequest(
  url: string,
  options: Pick<FetchBytesOptions, 'fetch' | 'omitCredentials'>,
  init: {
    controller: AbortController;
    timeoutMs: number;
    headers?: Record<string, string>;
    cache?: RequestCache;
  },
): Promise<Response> {
  try {
    return await options.fetch(url, {
      credentials: options.omitCredentials === false ? 'include' : 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      ...(init.cache ? { cache: init.cache } : {}),
      ...(init.headers ? { headers: init.headers } : {}),
      signal: init.controller.signal,
    });
  } catch (error) {
    if (init.controller.signal.aborted) throw new FetchError(`no answer within ${init.timeoutMs / 1000} s`);
    throw new FetchError(`network error (${(error as Error).message || 'unreachable'})`);
  }
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
    const response = await openRequest(url, options, { controller, timeoutMs, cache: 'default' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(`the server answered HTTP ${response.status}`);
    }
    const bytes = await readBody(response, {
      maxBytes,
      signal: controller.signal,
      timeoutMs,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
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

export interface ReadBodyOptions {
  maxBytes: number;
  /** The request's signal: when it aborts, the read fails with the timeout's reason. */
  signal: AbortSignal;
  timeoutMs: number;
  onProgress?: (loaded: number, total: number | undefined) => void;
  /** The subject of the reason a cap gives: "file" ("file too large …"), "the RPC answer is". */
  what?: string;
}

/**
 * A response's body, never more than `maxBytes` of it: a declared length over the cap is refused before
 * reading, and an undeclared or lying one is cut off as it streams in.
 */
export async function readBody(response: Response, options: ReadBodyOptions): Promise<Uint8Array> {
  const { maxBytes, signal, timeoutMs, onProgress, what = 'file' } = options;
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchError(`${what} too large (${declared} bytes, limit ${maxBytes})`);
  }
  const expected = Number.isFinite(declared) && declared > 0 ? declared : undefined;
  return expected !== undefined && !onProgress && isExactLength(response)
    ? readWhole(response, maxBytes, signal, timeoutMs, what)
    : readCapped(
        response,
        maxBytes,
        signal,
        timeoutMs,
        (loaded) => onProgress?.(loaded, expected),
        expected,
        what,
      );
}

/**
 * Is the declared Content-Length the size of the body we will read? Only without a Content-Encoding: a
 * compressed body's length says nothing about what it inflates to (a gzip bomb must still hit the cap).
 */
function isExactLength(response: Response): boolean {
  const encoding = response.headers.get('content-encoding');
  return !encoding || encoding.trim().toLowerCase() === 'identity';
}

/**
 * The body in one piece, when its size is known and within the cap: the browser fills one buffer, with no
 * round trip through JavaScript per 64 KB chunk (issue 14's profile: chunked reads were 0.3 s of the worker
 * per 200-image gallery). HTTP framing bounds the body to the declared length, so the cap still holds.
 */
async function readWhole(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
  what: string,
): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (signal.aborted) throw new FetchError(`no complete answer within ${timeoutMs / 1000} s`);
    throw new FetchError(`the download broke off (${(error as Error).message})`);
  }
  // A transport that does not hold the body to its declared length (a synthetic response) still meets the cap.
  if (bytes.byteLength > maxBytes) throw new FetchError(`${what} too large (over ${maxBytes} bytes)`);
  return bytes;
}

async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
  onProgress: (loaded: number) => void,
  expected: number | undefined,
  what: string,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // With a declared length the bytes go straight into one buffer: a 100 MB video then costs 100 MB, not
  // 200 MB (chunks plus their concatenation). A server that sends more than it declared falls back to chunks.
  let direct = expected !== undefined && expected <= maxBytes ? new Uint8Array(expected) : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > maxBytes) {
        await reader.cancel();
        throw new FetchError(`${what} too large (over ${maxBytes} bytes)`);
      }
      if (direct && total + value.byteLength > direct.length) {
        chunks.push(direct.subarray(0, total));
        direct = undefined;
      }
      if (direct) direct.set(value, total);
      else chunks.push(value);
      total += value.byteLength;
      onProgress(total);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError(`no complete answer within ${timeoutMs / 1000} s`);
    throw new FetchError(`the download broke off (${(error as Error).message})`);
  }
  if (direct) return direct.subarray(0, total);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
