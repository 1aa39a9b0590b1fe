import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPreview } from './fetch-preview.ts';

let origin = '';
const seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  if (req.url === '/x.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([1, 2, 3]));
  else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>');
  else res.writeHead(404).end();
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetchPreview', () => {
  it('asks without credentials or referrer and keeps the bytes and image type', async () => {
    const inits: RequestInit[] = [];
    const blob = await fetchPreview(`${origin}/x.png`, (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    });
    expect(inits[0]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('drops a type that is not an image, and fails on an HTTP error', async () => {
    expect((await fetchPreview(`${origin}/page`, fetch)).type).toBe('');
    await expect(fetchPreview(`${origin}/missing`, fetch)).rejects.toThrow(/404/);
  });
});
