import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_TRUST_FILES } from './bundled-trust.ts';
import { fetchTrustLists, withOverrides } from './update-trust-lists.ts';

const PUBLIC = join(import.meta.dirname, '../../public');
let server: Server;
let base: string;
const requests: IncomingMessage[] = [];
let broken = false;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    requests.push(req);
    const path = (req.url ?? '').slice(1);
    if (broken && path.endsWith('allowed.pem'))
      return void res.writeHead(200).end('<html>captive portal</html>');
    try {
      res.writeHead(200).end(await readFile(join(PUBLIC, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const localSources = () =>
  Object.fromEntries(
    Object.entries(BUNDLED_TRUST_FILES).map(([k, path]) => [k, `${base}/${path}`]),
  ) as Parameters<typeof fetchTrustLists>[1];

describe('fetchTrustLists', () => {
  it('fetches every list without cookies and keys them by their bundled path', async () => {
    const result = await fetchTrustLists(fetch, localSources(), () => 42);
    expect(Object.keys(result.files).sort()).toEqual(Object.values(BUNDLED_TRUST_FILES).sort());
    expect(result.fetchedAt).toBe(42);
    expect(result.files[BUNDLED_TRUST_FILES.official]).toContain('BEGIN CERTIFICATE');
    expect(requests.every((r) => r.headers.cookie === undefined)).toBe(true);
  });

  it('refuses the whole update when one answer is not a list', async () => {
    broken = true;
    await expect(fetchTrustLists(fetch, localSources())).rejects.toThrow('did not return a valid list');
    broken = false;
  });

  it('prefers fetched copies over the bundled ones', async () => {
    const read = withOverrides(async (p) => `bundled:${p}`, {
      files: { 'trust/a.pem': 'fresh' },
      fetchedAt: 1,
    });
    expect(await read('trust/a.pem')).toBe('fresh');
    expect(await read('trust/b.pem')).toBe('bundled:trust/b.pem');
  });
});
