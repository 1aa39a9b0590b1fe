import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { sendWithRanges } from '../../lib/testing/send-with-ranges.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.c2pa': 'application/c2pa',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.webm': 'video/webm',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | undefined;

export interface StaticServer {
  origin: string;
  port: number;
  /** Requests seen per path (query included). */
  hits: Map<string, number>;
  /** Every request seen, in order, with the headers that matter for privacy checks. */
  log: Array<{ url: string; cookie?: string; referer?: string; userAgent?: string; range?: string }>;
  close: () => Promise<void>;
}

/**
 * Serves folders on 127.0.0.1 (mounts: URL prefix → folder), with extra routes for special cases.
 * It counts requests so tests can assert what was (not) fetched.
 */
export async function startStaticServer(
  mounts: Record<string, string>,
  routes: Route[] = [],
  port = 0,
): Promise<StaticServer> {
  const hits = new Map<string, number>();
  const log: StaticServer['log'] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    log.push({
      url,
      cookie: req.headers.cookie,
      referer: req.headers.referer,
      userAgent: req.headers['user-agent'],
      range: req.headers.range,
    });
    for (const route of routes) if (route(req, res)) return;
    const path = decodeURIComponent(url.split('?')[0] ?? '/');
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
      let file = resolve(join(dir, rel));
      if (!file.startsWith(resolve(dir))) break;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) break;
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      // Range requests (media players, the extension's probe of a video's structure) get 206 answers.
      if (req.headers.range) {
        sendWithRanges(req, res, readFileSync(file), { contentType: type });
        return;
      }
      res.writeHead(200, {
        'accept-ranges': 'bytes',
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': statSync(file).size,
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const actual = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    hits,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
