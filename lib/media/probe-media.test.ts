import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realworld, webmHeader, withoutC2paBox } from '../testing/media-files.ts';
import { type SendOptions, sendWithRanges } from '../testing/send-with-ranges.ts';
import { probeMedia, sniffMediaFormat } from './probe-media.ts';
import { createRangeReader } from './range-reader.ts';

const sora = realworld('openai_sora_video.mp4');
const premiere = realworld('adobe_premiere_firefly-leica.mp4');
const audio = realworld('truepic_lens-ios_audio.m4a');

/** A WAV file: RIFF header, a `fmt ` chunk, optional extra chunks, a small `data` chunk. */
function wav(extra: Array<[string, Uint8Array]> = []): Uint8Array {
  const chunks: Array<[string, Uint8Array]> = [
    ['fmt ', new Uint8Array(16)],
    ...extra,
    ['data', new Uint8Array(9)],
  ];
  const size = 4 + chunks.reduce((n, [, b]) => n + 8 + b.length + (b.length % 2), 0);
  const out = new Uint8Array(8 + size);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('RIFF'), 0);
  view.setUint32(4, size, true);
  out.set(new TextEncoder().encode('WAVE'), 8);
  let at = 12;
  for (const [id, body] of chunks) {
    out.set(new TextEncoder().encode(id), at);
    view.setUint32(at + 4, body.length, true);
    out.set(body, at + 8);
    at += 8 + body.length + (body.length % 2);
  }
  return out;
}

const files: Record<string, [Uint8Array, SendOptions?]> = {
  '/sora.mp4': [sora],
  '/premiere.mp4': [premiere],
  '/audio.m4a': [audio],
  '/stripped.mp4': [withoutC2paBox(sora)],
  '/stripped-premiere.mp4': [withoutC2paBox(premiere)],
  '/stripped-no-range.mp4': [withoutC2paBox(premiere), { noRanges: true }],
  '/clip.webm': [new Uint8Array([...webmHeader(), ...new Uint8Array(5000)])],
  '/plain.wav': [wav()],
  '/signed.wav': [wav([['C2PA', new Uint8Array(40)]])],
  '/list.m3u8': [new TextEncoder().encode('#EXTM3U\n#EXT-X-VERSION:3\n')],
};
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    sendWithRanges(req, res, file[0], file[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const probe = (path: string) => probeMedia(createRangeReader(`${base}${path}`, { fetch }));

describe('probeMedia', () => {
  it('finds the C2PA uuid box of a real Sora video in the first read, without the rest of the file', async () => {
    const p = await probe('/sora.mp4');
    expect(p).toMatchObject({ format: 'bmff', c2pa: 'present', total: sora.length });
    expect(p.bytesRead).toBeLessThanOrEqual(4096);
  });

  it('finds the C2PA box of a Premiere export and of a Truepic M4A recording', async () => {
    expect((await probe('/premiere.mp4')).c2pa).toBe('present');
    expect((await probe('/audio.m4a')).c2pa).toBe('present');
  });

  it('says "absent" for an MP4 without a C2PA box after reading box headers only', async () => {
    const p = await probe('/stripped.mp4');
    expect(p).toMatchObject({ format: 'bmff', c2pa: 'absent' });
    expect(p.reference).toBeUndefined();
    // The first 4 KB hold ftyp and moov; mdat's header is one more small read. Never the 670 KB of mdat.
    expect(p.bytesRead).toBeLessThan(8192);
  });

  it('reads the XMP packet of a Premiere export without its C2PA box, and still never the media data', async () => {
    const p = await probe('/stripped-premiere.mp4');
    expect(p).toMatchObject({ format: 'bmff', c2pa: 'absent' });
    // 4 KB, a few box headers, and the 12.6 KB XMP box (no provenance reference in it); the file is 3.5 MB.
    expect(p.bytesRead).toBeLessThan(20_000);
  });

  it('cannot tell without Range support once the structure goes past the first read', async () => {
    const p = await probe('/stripped-no-range.mp4');
    expect(p.c2pa).toBe('unknown');
    expect(p.bytesRead).toBeLessThanOrEqual(4096);
  });

  it('names WebM and playlists, which cannot carry Content Credentials in the file', async () => {
    expect(await probe('/clip.webm')).toMatchObject({ format: 'webm', c2pa: 'absent' });
    expect(await probe('/list.m3u8')).toMatchObject({ format: 'playlist' });
  });

  it('walks WAV chunks for the C2PA chunk', async () => {
    expect(await probe('/plain.wav')).toMatchObject({ format: 'wav', c2pa: 'absent' });
    expect(await probe('/signed.wav')).toMatchObject({ format: 'wav', c2pa: 'present' });
  });

  it('reports a missing file as a fetch failure', async () => {
    await expect(probe('/missing.mp4')).rejects.toThrow(/HTTP 404/);
  });
});

describe('sniffMediaFormat', () => {
  it('tells containers apart by their magic bytes', () => {
    expect(sniffMediaFormat(sora)).toBe('bmff');
    expect(sniffMediaFormat(webmHeader())).toBe('webm');
    expect(sniffMediaFormat(new TextEncoder().encode('ID3\x04\x00\x00\x00\x00\x00\x00'))).toBe('mp3');
    expect(sniffMediaFormat(wav())).toBe('wav');
    expect(sniffMediaFormat(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toBe('other');
  });
});
