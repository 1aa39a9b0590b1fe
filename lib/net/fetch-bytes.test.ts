import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
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
      case '/sized': {
        const body = Buffer.alloc(300_000, 7);
        body[0] = 1;
        body[299_999] = 9;
        res.writeHead(200, { 'content-type': 'image/webp', 'content-length': String(body.length) }).end(body);
        return;
      }
      case '/bomb': {
        // 8 MB of zeros in about 8 KB: the declared length is the compressed one.
        const body = gzipSync(Buffer.alloc(8_000_000));
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(body.length) }).end(body);
        return;
      }
      case '/stall':
        res.writeHead(200, { 'content-length': '100000' });
        res.write(Buffer.alloc(10));
        return; // the rest never comes
      case '/cut':
        res.writeHead(200, { 'content-length': '100000' });
        res.write(Buffer.alloc(10), () => res.destroy());
        return;
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

  it('reads a body of declared length in one piece, byte for byte', async () => {
    const r = await fetchBytes(`${base}/sized`, { fetch });
    expect(r.bytes.byteLength).toBe(300_000);
    expect([r.bytes[0], r.bytes[1], r.bytes[299_999]]).toEqual([1, 7, 9]);
    expect(r.contentType).toBe('image/webp');
  });

  it('holds a compressed body to the cap whatever length it declared', async () => {
    await expect(fetchBytes(`${base}/bomb`, { fetch, maxBytes: 1_000_000 })).rejects.toThrow('too large');
    const whole = await fetchBytes(`${base}/bomb`, { fetch });
    expect(whole.bytes.byteLength).toBe(8_000_000);
  });

  it('reports a declared body that stalls or breaks off', async () => {
    const stalled = await fetchBytes(`${base}/stall`, { fetch, timeoutMs: 300 }).catch((e) => e);
    expect(stalled).toBeInstanceOf(FetchError);
    expect(stalled.message).toContain('no complete answer within 0.3 s');
    const cut = await fetchBytes(`${base}/cut`, { fetch }).catch((e) => e);
    expect(cut).toBeInstanceOf(FetchError);
    expect(cut.message).toContain('broke off');
  });

  it('reads data: URLs', async () => {
    const r = await fetchBytes('data:image/png;base64,AAEC', { fetch });
    expect([...r.bytes]).toEqual([0, 1, 2]);
    expect(r.contentType).toBe('image/png');
  });
});
