import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRanges } from '../testing/send-with-ranges.ts';
import { createRangeReader } from './range-reader.ts';

const FILE = new Uint8Array(100_000).map((_, i) => i % 251);
const seen: Array<{ url?: string; range?: string; cookie?: string; referer?: string }> = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({
      url: req.url,
      range: req.headers.range,
      cookie: req.headers.cookie,
      referer: req.headers.referer,
    });
    sendWithRanges(req, res, FILE, { noRanges: req.url === '/no-ranges', contentType: 'video/mp4; x=1' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('createRangeReader', () => {
  it('reads any part with Range requests and learns the size from Content-Range', async () => {
    const reader = createRangeReader(`${base}/ranges`, { fetch });
    expect(await reader.read(10, 5)).toEqual(FILE.subarray(10, 15));
    expect(reader.head()).toEqual({
      total: 100_000,
      contentType: 'video/mp4',
      linkHeader: null,
      ranges: true,
    });
    expect(await reader.read(99_998, 10)).toEqual(FILE.subarray(99_998));
    expect(await reader.read(100_000, 10)).toEqual(new Uint8Array(0));
    expect(reader.bytesRead()).toBe(7);
    expect(seen.filter((s) => s.url === '/ranges').map((s) => s.range)).toEqual([
      'bytes=10-14',
      'bytes=99998-100007',
    ]);
    expect(seen.every((s) => !s.referer)).toBe(true);
  });

  it('cuts off a server that ignores Range after the bytes asked for, then refuses further reads', async () => {
    const reader = createRangeReader(`${base}/no-ranges`, { fetch });
    expect(await reader.read(0, 4096)).toEqual(FILE.subarray(0, 4096));
    expect(reader.head()).toMatchObject({ total: 100_000, ranges: false });
    expect(reader.bytesRead()).toBe(4096);
    await expect(reader.read(50_000, 32)).rejects.toThrow(/does not answer Range requests/);
  });
});
