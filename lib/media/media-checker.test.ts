import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodePipeline } from '../node/node-pipeline.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import { defaultSettings } from '../settings/settings.ts';
import { realworld, webmHeader, withoutC2paBox } from '../testing/media-files.ts';
import { type SendOptions, sendWithRanges } from '../testing/send-with-ranges.ts';
import { MediaChecker, type MediaCheckerDeps } from './media-checker.ts';

/**
 * The media checker against real files made by real products, the real C2PA engine and the bundled trust
 * lists, served with Range support on 127.0.0.1. Expected verdicts come from fixtures/c2pa-realworld/SOURCES.md.
 */
const sora = realworld('openai_sora_video.mp4');
const premiere = realworld('adobe_premiere_firefly-leica.mp4');
const files: Record<string, [Uint8Array, SendOptions?]> = {
  '/sora.mp4': [sora],
  '/premiere.mp4': [premiere, { chunkBytes: 64 * 1024, delayMs: 15, contentType: 'video/mp4' }],
  '/audio.m4a': [realworld('truepic_lens-ios_audio.m4a'), { contentType: 'audio/mp4' }],
  '/stripped.mp4': [withoutC2paBox(sora)],
  '/clip.webm': [new Uint8Array([...webmHeader(), ...new Uint8Array(9000)])],
};
const requests: Array<{ url: string; range?: string }> = [];
let server: Server;
let base: string;
let pipeline: Pipeline;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', range: req.headers.range });
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    sendWithRanges(req, res, file[0], file[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(async () => {
  requests.length = 0;
  const settings = defaultSettings([], []);
  settings.remoteManifests = false;
  pipeline = await createNodePipeline(settings, process.cwd());
});

function checker(over: Partial<MediaCheckerDeps> = {}) {
  return new MediaChecker({
    pipeline,
    fetch,
    omitCredentials: true,
    autoCheckBytes: 2 * 1024 * 1024,
    registry: false,
    ...over,
  });
}
const whole = (path: string) => requests.filter((r) => r.url === path && !r.range).length;

describe('MediaChecker', () => {
  it('checks a video under the cap at once: a Sora video is AI-generated', async () => {
    const result = await checker().check(`${base}/sora.mp4`);
    expect(result.state).toBe('ai-generated');
    expect(result.key).toMatch(/^[0-9a-f]{64}$/);
    expect(whole('/sora.mp4')).toBe(1); // downloaded once, whole
  });

  it('checks audio: a Truepic M4A recording is verified (CAI list)', async () => {
    const result = await checker().check(`${base}/audio.m4a`, { kind: 'audio' });
    expect(result.state).toBe('verified');
    expect(result.reason).toMatch(/Truepic/i);
  });

  it('waits for the user above the cap, then downloads once with progress and validates', async () => {
    const c = checker({ autoCheckBytes: 1024 * 1024 });
    const waiting = await c.check(`${base}/premiere.mp4`);
    expect(waiting).toMatchObject({ state: 'on-request', bytes: premiere.length });
    expect(waiting.reason).toMatch(/carries Content Credentials/);
    // Coded too, so that the popup and the badge word it in their reader's language.
    expect(waiting).toMatchObject({
      reasonCode: 'media-on-request',
      reasonParams: { total: premiere.length, c2pa: true },
    });
    expect(whole('/premiere.mp4')).toBe(0); // only Range reads so far
    const seen: number[] = [];
    const done = await c.check(`${base}/premiere.mp4`, {
      confirmed: true,
      onProgress: (loaded, total) => seen.push(loaded / (total ?? 1)),
    });
    expect(done.state).toBe('ai-generated');
    expect(whole('/premiere.mp4')).toBe(1);
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true); // partial progress was reported
    expect(seen.at(-1)).toBe(1);
    // The next look at the same URL comes from the cache: no request at all.
    requests.length = 0;
    expect((await c.check(`${base}/premiere.mp4`)).state).toBe('ai-generated');
    expect(requests).toEqual([]);
  });

  it('answers "no Content Credentials" for an MP4 without a C2PA box after a few KB', async () => {
    const result = await checker().check(`${base}/stripped.mp4`);
    expect(result.state).toBe('no-provenance');
    expect(result.reason).toMatch(/No Content Credentials .*read .* of /);
    expect(result.reasonCode).toBe('media-no-c2pa');
    expect(result.reasonParams?.read).toBeGreaterThan(0);
    expect(whole('/stripped.mp4')).toBe(0);
  });

  it('still hashes such a file for the registry when a chain is enabled', async () => {
    const result = await checker({ registry: true }).check(`${base}/stripped.mp4`);
    expect(result.state).toBe('no-provenance');
    expect(result.key).toMatch(/^[0-9a-f]{64}$/);
    expect(whole('/stripped.mp4')).toBe(1);
  });

  it('says that WebM is not a C2PA format', async () => {
    const result = await checker().check(`${base}/clip.webm`);
    expect(result).toMatchObject({ state: 'no-provenance' });
    expect(result.reason).toMatch(/WebM is not a C2PA format/);
    expect(result.reasonCode).toBe('media-webm');
  });

  it('refuses a file over what the browser can validate, with the reason, without downloading it', async () => {
    const result = await checker({ maxBytes: 1024 * 1024 }).check(`${base}/premiere.mp4`, {
      confirmed: true,
    });
    expect(result.state).toBe('error');
    expect(result.reason).toMatch(/too large to validate in the browser \(3\.4 MB; the limit is 1\.0 MB\)/);
    expect(whole('/premiere.mp4')).toBe(0);
  });

  it('reports a missing file as "could not check", never as no provenance', async () => {
    const result = await checker().check(`${base}/gone.mp4`);
    expect(result.state).toBe('error');
    expect(result.reason).toMatch(/HTTP 404/);
  });
});
