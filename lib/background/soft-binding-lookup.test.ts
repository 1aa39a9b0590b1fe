import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../fingerprint/sha256.ts';
import { localeTranslate } from '../i18n/locale-file.ts';
import type { ItemDetails } from '../messages/protocol.ts';
import type { SoftBindingEnv } from '../recover/soft-binding-client.ts';
import { softBindingLookup } from './soft-binding-lookup.ts';

/** The policy around the details page's button: which endpoint, which item, which bytes get uploaded. */
const image = readFileSync(new URL('../../fixtures/c2pa/none_A.jpg', import.meta.url));
let server: Server;
let origin: string;
const uploads: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/image.jpg')
        return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(image);
      if (req.url?.startsWith('/api/matches/byContent')) {
        uploads.push(Buffer.concat(chunks).length);
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"matches":[]}');
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const english = await localeTranslate('en');
const env: SoftBindingEnv = {
  fetch,
  readStore: async () => {
    throw new Error('no store expected');
  },
};

async function details(over: Partial<ItemDetails> = {}): Promise<ItemDetails> {
  return {
    key: await sha256Hex(new Uint8Array(image)),
    kind: 'image',
    verdict: 'no-provenance',
    reason: '',
    urls: [`${origin}/image.jpg`],
    evidence: {},
    checkedAt: 0,
    ...over,
  };
}

describe('softBindingLookup', () => {
  it('uploads the image, re-fetched and checked to be the same bytes, only to an endpoint from the options', async () => {
    const settings = { softBindingEndpoints: [`${origin}/api`], omitCredentials: true };
    uploads.length = 0;
    expect(await softBindingLookup(await details(), `${origin}/api/`, settings, env, english)).toEqual({
      endpoint: `${origin}/api`,
      matches: [],
    });
    expect(uploads).toEqual([image.length]);

    expect(
      await softBindingLookup(await details(), 'https://elsewhere.example/api', settings, env, english),
    ).toEqual({
      error: 'This service is not in your options.',
      errorCode: 'service-not-in-options',
      errorParams: [],
    });
    expect(
      await softBindingLookup(
        await details({ key: 'ab'.repeat(32) }),
        `${origin}/api`,
        settings,
        env,
        english,
      ),
    ).toEqual({
      error: 'The image at its address has changed since it was checked: verify it again.',
      errorCode: 'image-changed',
      errorParams: [],
    });
    expect(
      await softBindingLookup(await details({ kind: 'text' }), `${origin}/api`, settings, env, english),
    ).toMatchObject({
      error: expect.stringMatching(/Only images/),
    });
    expect(uploads).toHaveLength(1);
  });
});
