import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../fingerprint/sha256.ts';
import { realworld, webmHeader } from '../testing/media-files.ts';
import { fingerprintMedia, mediaKindOf } from './media-kind.ts';

describe('mediaKindOf', () => {
  it('tells video from audio by the bytes', () => {
    expect(mediaKindOf(realworld('openai_sora_video.mp4'))).toBe('video');
    expect(mediaKindOf(realworld('truepic_lens-ios_audio.m4a'))).toBe('audio'); // ftyp brand M4A
    expect(mediaKindOf(webmHeader())).toBe('video');
    expect(mediaKindOf(webmHeader(), 'audio/webm')).toBe('audio');
    expect(mediaKindOf(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBe('audio');
  });

  it('says nothing for images', () => {
    expect(mediaKindOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBeUndefined();
  });
});

describe('fingerprintMedia', () => {
  it('is the SHA-256 of the exact bytes, marked with the media kind, without PDQ', async () => {
    const bytes = realworld('truepic_lens-ios_audio.m4a');
    const f = await fingerprintMedia(bytes, 'audio');
    expect(f).toEqual({ kind: 'image', sha256: await sha256Hex(bytes), media: 'audio' });
    await expect(fingerprintMedia(new Uint8Array(0), 'video')).rejects.toThrow(/empty/);
  });
});
