import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SendOptions {
  contentType?: string;
  /** Answer every request with the whole file (200), as servers without Range support do. */
  noRanges?: boolean;
  /** Send the body in chunks of this size with `delayMs` between them (a slow link, to watch progress). */
  chunkBytes?: number;
  delayMs?: number;
  headers?: Record<string, string>;
}

/**
 * Answers a GET with `bytes`, honouring a single `Range: bytes=a-b` request with 206 and `Content-Range`
 * (RFC 9110 §14), as real media servers do. For test servers on 127.0.0.1 (unit tests and e2e pages).
 */
export function sendWithRanges(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Uint8Array,
  options: SendOptions = {},
): void {
  const base: Record<string, string | number> = {
    'content-type': options.contentType ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...(options.noRanges ? {} : { 'accept-ranges': 'bytes' }),
    ...options.headers,
  };
  const range = options.noRanges ? null : /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  let body = bytes;
  if (range && (range[1] || range[2])) {
    const size = bytes.length;
    let start = range[1] ? Number(range[1]) : size - Number(range[2]);
    let end = range[1] && range[2] ? Number(range[2]) : size - 1;
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    if (start >= size || start > end) {
      res.writeHead(416, { ...base, 'content-range': `bytes */${size}` }).end();
      return;
    }
    body = bytes.subarray(start, end + 1);
    res.writeHead(206, {
      ...base,
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': body.length,
    });
  } else {
    res.writeHead(200, { ...base, 'content-length': bytes.length });
  }
  const chunk = options.chunkBytes;
  if (!chunk || req.method === 'HEAD') {
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  let at = 0;
  const pump = () => {
    if (res.destroyed) return;
    if (at >= body.length) {
      res.end();
      return;
    }
    res.write(body.subarray(at, at + chunk));
    at += chunk;
    setTimeout(pump, options.delayMs ?? 0);
  };
  req.on('close', () => res.destroy());
  pump();
}
