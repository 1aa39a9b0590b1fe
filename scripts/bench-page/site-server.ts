/**
 * The bench site on 127.0.0.1 (the e2e static server, no-store), with every request classified: the
 * extension's service-worker fetches carry `sec-fetch-site: none` and `sec-fetch-dest: empty` (no referrer, no
 * page origin), while the page's own image loads are `same-origin` / `image` with a Referer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startStaticServer } from '../../e2e/support/static-server.ts';
import { SITE_DIR } from './bench-paths.ts';

export interface ServedRequest {
  url: string;
  at: number;
  bytes: number;
  fromExtension: boolean;
}

export interface SiteServer {
  origin: string;
  requests: ServedRequest[];
  reset: () => void;
  close: () => Promise<void>;
}

/**
 * A page with nothing to check, opened once in every fresh browser before the measured visits: the first
 * navigation of a new browser pays for process start-up, which would otherwise land on the cold visit of
 * whichever mode. The extension's caches stay cold (the page has no images and no long text).
 */
export const WARMUP_PATH = '/warmup.html';

export function isExtensionFetch(req: IncomingMessage): boolean {
  return req.headers['sec-fetch-site'] === 'none' && req.headers['sec-fetch-dest'] === 'empty';
}

/** Counts body bytes as they are written, whichever way the server writes them. */
function countBytes(res: ServerResponse, entry: ServedRequest): void {
  const size = (chunk: unknown) =>
    typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.byteLength : 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    entry.bytes += size(chunk);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') entry.bytes += size(chunk);
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
}

export async function startSiteServer(): Promise<SiteServer> {
  const requests: ServedRequest[] = [];
  const server = await startStaticServer({ '/': SITE_DIR }, [
    (req, res) => {
      const entry: ServedRequest = {
        url: req.url ?? '/',
        at: Date.now(),
        bytes: 0,
        fromExtension: isExtensionFetch(req),
      };
      requests.push(entry);
      countBytes(res, entry);
      if (entry.url === WARMUP_PATH) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end('<!doctype html><title>Warm-up</title><p>Nothing to check here.</p>');
        return true;
      }
      return false;
    },
  ]);
  return {
    origin: server.origin,
    requests,
    reset: () => {
      requests.length = 0;
    },
    close: server.close,
  };
}
