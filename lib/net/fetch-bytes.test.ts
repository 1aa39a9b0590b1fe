import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, fetchBytes } from './fetch-bytes.ts';

let server: Server;
let base: string;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    switch (req.url) {
      case '/ok.jpg':
        res.writeHead(200, {
          'content-type': 'image/jpeg; charset=binary',
          link: '<https://m.example/x.c2pa>; rel="c2pa-manifest"',
        });
        res.end(Buffer.from([1, 2, 3, 4]));
        return;
      case '/missing':
        res.writeHead(404).end('nope');
        return;
      case '/error':
        res.writeHead(500).end();
        return;
      case '/big':
        res.writeHead(200, { 'content-length': '999999999' }).end();
        return;
      case '/endless': {
        res.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.alloc(64 * 1024);
        const pump = () => {
          while (res.write(chunk)) {}
        };
        res.on('drain', pump);
        pump();
        req.on('close', () => res.destroy());
        return;
      }
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/hang':
        return; // never answers
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchBytes', () => {
  it('returns the bytes, the content type and the Link header, sending no cookies', async () => {
    const r = await fetchBytes(`${base}/ok.jpg`, { fetch });
    expect([...r.bytes]).toEqual([1, 2, 3, 4]);
    expect(r.contentType).toBe('image/jpeg');
    expect(r.linkHeader).toContain('c2pa-manifest');
    const req = seen.at(-1);
    expect(req?.headers.cookie).toBeUndefined();
    expect(req?.headers.referer).toBeUndefined();
  });

  it('turns HTTP errors into a reason', async () => {
    await expect(fetchBytes(`${base}/missing`, { fetch })).rejects.toThrow('HTTP 404');
    await expect(fetchBytes(`${base}/error`, { fetch })).rejects.toThrow('HTTP 500');
  });

  it('refuses oversized bodies, declared or streamed', async () => {
    await expect(fetchBytes(`${base}/big`, { fetch, maxBytes: 1000 })).rejects.toThrow('too large');
    await expect(fetchBytes(`${base}/endless`, { fetch, maxBytes: 1_000_000 })).rejects.toThrow('too large');
  });

  it('gives up on a server that never answers, and on redirect loops', async () => {
    const err = await fetchBytes(`${base}/hang`, { fetch, timeoutMs: 300 }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toContain('no answer within 0.3 s');
    await expect(fetchBytes(`${base}/loop`, { fetch })).rejects.toThrow('network error');
  });

  it('reads data: URLs', async () => {
    const r = await fetchBytes('data:image/png;base64,AAEC', { fetch });
    expect([...r.bytes]).toEqual([0, 1, 2]);
    expect(r.contentType).toBe('image/png');
  });
});
