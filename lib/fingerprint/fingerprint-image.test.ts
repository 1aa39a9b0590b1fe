/*
 * fingerprintImage with stand-in decoders (the real Node decoder is exercised in
 * lib/node/decode-image-node.test.ts and pdq-robustness.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../node/decode-image-node.ts';
import type { DecodeImage } from './decode-image.ts';
import { fingerprintImage } from './fingerprint-image.ts';
import { pdqFromRgb } from './pdq.ts';
import { screenPdq } from './screen-pdq.ts';
import { sha256Hex } from './sha256.ts';
import { shrinkNearest512 } from './shrink-nearest.ts';

const jpeg = new Uint8Array(readFileSync(new URL('../../fixtures/pdq/images/q0122.jpg', import.meta.url)));

/** A decoder returning a fixed 256x256 gradient, RGBA, with a transparent left half. */
const gradient: DecodeImage = async () => {
  const data = new Uint8ClampedArray(256 * 256 * 4);
  for (let p = 0; p < 256 * 256; p++)
    data.set([p & 255, (p >> 8) & 255, (p * 7) & 255, p % 256 < 128 ? 0 : 255], p * 4);
  return { data, width: 256, height: 256, channels: 4 };
};

describe('fingerprintImage', () => {
  it('returns SHA-256 of the bytes, PDQ of the pixels flattened onto white, and the size', async () => {
    const fp = await fingerprintImage(jpeg, 'image/jpeg', gradient);
    expect(fp.kind).toBe('image');
    expect(fp.sha256).toBe(await sha256Hex(jpeg));
    expect(fp.pdqError).toBeUndefined();
    expect([fp.width, fp.height]).toEqual([256, 256]);
    // Expected: the same pixels with the transparent half made white, hashed directly.
    const { data } = await gradient(jpeg, '');
    for (let p = 0; p < 256 * 256; p++)
      if ((data[p * 4 + 3] as number) === 0) data.set([255, 255, 255, 255], p * 4);
    expect(fp.pdq).toEqual(pdqFromRgb(data, 256, 256, 4));
  });

  it('throws for 0 bytes: there is nothing to fingerprint', async () => {
    await expect(fingerprintImage(new Uint8Array(), 'image/png', gradient)).rejects.toThrow(
      /empty \(0 bytes\)/,
    );
  });

  it('reports a decoder failure as pdqError, keeping the SHA-256 and the declared size', async () => {
    const failing: DecodeImage = async () => {
      throw new Error('boom');
    };
    const fp = await fingerprintImage(jpeg, 'image/jpeg', failing);
    expect(fp.sha256).toBe(await sha256Hex(jpeg));
    expect(fp.pdq).toBeUndefined();
    expect(fp.pdqError).toBe('no perceptual hash: boom');
    expect([fp.width, fp.height]).toEqual([256, 256]);
  });

  it('does not call the decoder for unsupported input', async () => {
    let called = false;
    const spy: DecodeImage = async (b, m) => {
      called = true;
      return gradient(b, m);
    };
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const fp = await fingerprintImage(svg, 'image/svg+xml', spy);
    expect(fp.pdqError).toMatch(/SVG is a vector format/);
    expect(fp.sha256).toHaveLength(64);
    expect(called).toBe(false);
  });

  it('rejects what a decoder returns when it is malformed', async () => {
    const cases: [string, DecodeImage][] = [
      ['invalid size', async () => ({ data: new Uint8Array(0), width: 0, height: 5, channels: 3 })],
      ['channels', async () => ({ data: new Uint8Array(100), width: 5, height: 5, channels: 2 as 3 })],
      ['short pixel buffer', async () => ({ data: new Uint8Array(10), width: 5, height: 5, channels: 3 })],
      ['too large', async () => ({ data: new Uint8Array(1), width: 100_000, height: 1000, channels: 3 })],
    ];
    for (const [reason, decode] of cases) {
      const fp = await fingerprintImage(jpeg, 'image/jpeg', decode);
      expect(fp.pdqError).toContain(reason);
      expect(fp.pdq).toBeUndefined();
    }
  });

  it("hashes a decoder's own 512 x 512 sample as the shrink of the full image, and reports the full size", async () => {
    const bridge = new Uint8Array(
      readFileSync(new URL('../../fixtures/pdq/images/bridge-1-original.jpg', import.meta.url)),
    );
    // The browser decoder's contract, played by the Node decoder plus the shared shrink.
    const sampling: DecodeImage = async (b, m) => {
      const full = await decodeImageNode(b, m);
      return { ...shrinkNearest512(full), sampledFrom: { width: full.width, height: full.height } };
    };
    const sampled = await fingerprintImage(bridge, 'image/jpeg', sampling);
    const whole = await fingerprintImage(bridge, 'image/jpeg', decodeImageNode);
    expect(sampled.pdq).toBeDefined();
    expect(sampled).toEqual(whole);
    expect([sampled.width, sampled.height]).toEqual([1600, 1004]);
  });

  it('rejects a sample that is not 512 x 512 of an image larger than 512', async () => {
    const cases: DecodeImage[] = [
      async () => ({
        data: new Uint8Array(4 * 256 * 256),
        width: 256,
        height: 256,
        channels: 4,
        sampledFrom: { width: 1000, height: 1000 },
      }),
      async () => ({
        data: new Uint8Array(4 * 512 * 512),
        width: 512,
        height: 512,
        channels: 4,
        sampledFrom: { width: 300, height: 300 },
      }),
      async () => ({
        data: new Uint8Array(4 * 512 * 512),
        width: 512,
        height: 512,
        channels: 4,
        sampledFrom: { width: 100_000, height: 1000 },
      }),
    ];
    for (const decode of cases) {
      const fp = await fingerprintImage(jpeg, 'image/jpeg', decode);
      expect(fp.pdqError).toMatch(/sample of a|too large/);
      expect(fp.pdq).toBeUndefined();
    }
  });

  it('gives up on a decoder that never answers', async () => {
    const hanging: DecodeImage = () => new Promise(() => {});
    const t0 = Date.now();
    const fp = await fingerprintImage(jpeg, 'image/jpeg', hanging, { timeoutMs: 50 });
    expect(fp.pdqError).toMatch(/decoding took longer than 0\.05 s/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  describe('with a screen (the PDQ index asked about an approximate hash first)', () => {
    const photo = new Uint8Array(
      readFileSync(new URL('../../fixtures/pdq/images/bridge-1-original.jpg', import.meta.url)),
    );
    const counting = () => {
      const calls = { decodes: 0, asked: [] as string[] };
      const decode: DecodeImage = (bytes, mime) => {
        calls.decodes++;
        return decodeImageNode(bytes, mime);
      };
      return { calls, decode };
    };
    /** A screen that finds no record near any hash, noting what it was asked. */
    const refusing =
      (calls: { asked: string[] }) =>
      async (approx: string): Promise<boolean> => {
        calls.asked.push(approx);
        return false;
      };

    it('does not decode a JPEG whose approximate hash is near no record', async () => {
      const { calls, decode } = counting();
      const fp = await fingerprintImage(photo, 'image/jpeg', decode, {
        pdq: true,
        screen: refusing(calls),
      });
      expect(calls.decodes).toBe(0);
      expect(fp.pdq).toBeUndefined();
      expect(fp.pdqError).toBeUndefined();
      expect(fp.pdqApprox).toEqual(screenPdq(photo));
      expect(calls.asked).toEqual([fp.pdqApprox?.hash]);
      expect([fp.width, fp.height]).toEqual([1600, 1004]);
    });

    it('decodes exactly when a record is near', async () => {
      const { calls, decode } = counting();
      const fp = await fingerprintImage(photo, 'image/jpeg', decode, { pdq: true, screen: async () => true });
      expect(calls.decodes).toBe(1);
      expect(fp.pdq?.hash).toBe('d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22');
      expect(fp.pdqApprox).toBeUndefined();
    });

    it('decodes what it cannot screen (a small JPEG) without asking', async () => {
      const { calls, decode } = counting();
      const fp = await fingerprintImage(jpeg, 'image/jpeg', decode, {
        pdq: true,
        screen: refusing(calls),
      });
      expect(calls).toEqual({ decodes: 1, asked: [] });
      expect(fp.pdq).toBeDefined();
    });
  });
});
