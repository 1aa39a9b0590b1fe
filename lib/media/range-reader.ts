import { FetchError, openRequest } from '../net/fetch-bytes.ts';

export interface RangeReaderOptions {
  fetch: typeof fetch;
  /** Send no cookies or HTTP auth (the default), as for images. */
  omitCredentials?: boolean;
  timeoutMs?: number;
}

/** What the first answer said about the whole file. */
export interface RangeHead {
  /** Size of the whole file, from `Content-Range` (206) or `Content-Length` (200); undefined if unknown. */
  total?: number;
  contentType: string;
  linkHeader: string | null;
  /** The server answered a Range request with 206: later reads can fetch any part of the file. */
  ranges: boolean;
}

export interface RangeReader {
  /** Bytes `[offset, offset + length)`, fewer at the end of the file. Rejects with a FetchError. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Known after the first read. */
  head(): RangeHead | undefined;
  /** Bytes received so far (for the budget and the benchmark). */
  bytesRead(): number;
}

const TIMEOUT_MS = 10_000;

function totalFrom(response: Response): number | undefined {
  // Content-Range: bytes 0-4095/3565802 (https://www.rfc-editor.org/rfc/rfc9110#field.content-range)
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  if (response.status !== 200) return undefined;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  return Number.isFinite(length) && length >= 0 ? length : undefined;
}

/** Reads at most `max` bytes of a body, then cancels the rest: a server that ignores Range sends it all. */
async function readAtMost(response: Response, max: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer()).subarray(0, max);
  const reader = response.body.getReader();
  const out = new Uint8Array(max);
  let filled = 0;
  try {
    while (filled < max) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.byteLength, max - filled);
      out.set(value.subarray(0, take), filled);
      filled += take;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return out.subarray(0, filled);
}

/**
 * Reads parts of a remote file with HTTP Range requests (no cookies, no referrer), so that the structure of
 * a 500 MB video can be looked at for a few KB. A server that ignores Range gets its first answer cut off
 * after the bytes asked for; later reads then fail, and the caller falls back to the whole file.
 */
export function createRangeReader(url: string, options: RangeReaderOptions): RangeReader {
  let head: RangeHead | undefined;
  let received = 0;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  return {
    head: () => head,
    bytesRead: () => received,
    async read(offset, length) {
      if (length <= 0) return new Uint8Array(0);
      if (head && !head.ranges && offset > 0) {
        throw new FetchError('the server does not answer Range requests');
      }
      if (head?.total !== undefined && offset >= head.total) return new Uint8Array(0);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await openRequest(url, options, {
          controller,
          timeoutMs,
          headers: { range: `bytes=${offset}-${offset + length - 1}` },
        });
        if (response.status === 416) {
          await response.body?.cancel().catch(() => {});
          return new Uint8Array(0);
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          throw new FetchError(`the server answered HTTP ${response.status}`);
        }
        const partial = response.status === 206;
        if (!head) {
          head = {
            total: totalFrom(response),
            contentType:
              (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
            linkHeader: response.headers.get('link'),
            ranges: partial,
          };
        }
        if (!partial && offset > 0) {
          await response.body?.cancel().catch(() => {});
          throw new FetchError('the server does not answer Range requests');
        }
        let bytes: Uint8Array;
        try {
          bytes = await readAtMost(response, length);
        } catch (error) {
          if (controller.signal.aborted)
            throw new FetchError(`no complete answer within ${timeoutMs / 1000} s`);
          throw new FetchError(`the download broke off (${(error as Error).message})`);
        }
        received += bytes.byteLength;
        return bytes;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
