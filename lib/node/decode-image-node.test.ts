import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImageDecodeError } from '../fingerprint/decode-image.ts';
import { fingerprintImage } from '../fingerprint/fingerprint-image.ts';
import { hammingDistance } from '../fingerprint/hamming.ts';
import { pdqFromRgb } from '../fingerprint/pdq.ts';
import { decodeImageNode } from './decode-image-node.ts';

const fixtures = new URL('../../fixtures/pdq/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', fixtures), 'utf8'));
const read = (file: string) => new Uint8Array(readFileSync(new URL(file, fixtures)));

interface FixtureImage {
  file: string;
  width: number;
  height: number;
  expected: { pipeline: string; kind: string; hash: string; quality: number | null }[];
}
const nn512 = (img: FixtureImage) => {
  const e = img.expected.find((x) => x.pipeline === 'cpp_nn512' && x.kind === 'derived');
  if (!e) throw new Error(`no cpp_nn512 vector for ${img.file}`);
  return e;
};
const fullres = (img: FixtureImage) => {
  const e = img.expected.find((x) => x.pipeline === 'fullres' && x.kind === 'derived');
  if (!e) throw new Error(`no fullres vector for ${img.file}`);
  return e;
};

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A minimal PNG writer (one IDAT, filter 0), to make files sharp will not write: 1-bit bombs, exact 16-bit. */
function png(width: number, height: number, colorType: number, depth: number, rows: Uint8Array): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(
      [...type].map((c) => c.charCodeAt(0)),
      4,
    );
    out.set(data, 8);
    v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([depth, colorType, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

describe('decodeImageNode: upstream fullres vectors', () => {
  // Every fixture decodes to the pixels of the reference decoder: no tolerance needed for any of them.
  it.each(expected.images as FixtureImage[])('$file', async (img) => {
    const d = await decodeImageNode(read(img.file), '');
    expect([d.width, d.height]).toEqual([img.width, img.height]);
    expect(d.data).toBeInstanceOf(Uint8Array);
    expect(d.data.length).toBe(d.width * d.height * d.channels);
    const got = pdqFromRgb(d.data, d.width, d.height, d.channels);
    expect(got).toEqual({ hash: fullres(img).hash, quality: fullres(img).quality });
  });
});

describe('fingerprintImage with the Node decoder', () => {
  it.each((expected.images as FixtureImage[]).filter((i) => i.file !== 'images/LA.png'))(
    'gives the reference cpp_nn512 hash for the opaque fixture $file',
    async (img) => {
      const fp = await fingerprintImage(read(img.file), '', decodeImageNode);
      expect(fp.pdq).toEqual({ hash: nn512(img).hash, quality: nn512(img).quality });
      expect([fp.width, fp.height]).toEqual([img.width, img.height]);
    },
  );

  /*
   * LA.png is grey + alpha with nearly every pixel translucent. Upstream tools ignore alpha; the shared
   * pipeline flattens onto white because a browser canvas cannot return the colour under transparency (in
   * Chromium 156, hashing getImageData without flattening lands 14 bits from upstream and differs from Node).
   * Flattened, Node, Chromium 156 and Firefox ESR 153 all give this hash, 60 bits from upstream fullres.
   */
  it('flattens the translucent LA.png onto white, as the browser does', async () => {
    const fp = await fingerprintImage(read('images/LA.png'), 'image/png', decodeImageNode);
    expect(fp.pdq).toEqual({
      hash: 'a8ab3d33e4c0bc288374c9e5aa4588fdd7b7cc34f1d1ae73b0faae041134655c',
      quality: 100,
    });
    const la = (expected.images as FixtureImage[]).find((i) => i.file === 'images/LA.png') as FixtureImage;
    expect(hammingDistance(fp.pdq?.hash ?? '', fullres(la).hash)).toBe(60);
  });
});

describe('decodeImageNode: the shared decoding rules', () => {
  const photo = read('images/q1050.jpg');

  it('applies the EXIF orientation, as Chromium always does', async () => {
    const landscape = read('images/shrink-a-lot.jpg');
    const upright = await decodeImageNode(landscape, '');
    expect([upright.width, upright.height]).toEqual([160, 100]);
    for (const [orientation, turns] of [
      [6, 1],
      [3, 2],
      [8, 3],
    ] as const) {
      // Same pixels, stored rotated the other way and tagged so that the displayed image is upright.
      const stored = await sharp(landscape)
        .rotate(-90 * turns)
        .jpeg({ quality: 95 })
        .withMetadata({ orientation })
        .toBuffer();
      const d = await decodeImageNode(new Uint8Array(stored), '');
      expect([d.width, d.height]).toEqual([upright.width, upright.height]);
      const dist = hammingDistance(
        pdqFromRgb(d.data, d.width, d.height, d.channels).hash,
        pdqFromRgb(upright.data, upright.width, upright.height, upright.channels).hash,
      );
      expect(dist, `orientation ${orientation}`).toBeLessThanOrEqual(8);
    }
  });

  it('ignores embedded ICC profiles (colour management off)', async () => {
    const tagged = new Uint8Array(await sharp(photo).withIccProfile('p3').jpeg({ quality: 95 }).toBuffer());
    const d = await decodeImageNode(tagged, '');
    const raw = await sharp(tagged, { ignoreIcc: true }).raw().toBuffer();
    const managed = await sharp(tagged).raw().toBuffer();
    expect(Buffer.from(d.data).equals(raw)).toBe(true);
    expect(raw.equals(managed)).toBe(false);
  });

  it('reduces 16-bit samples to their high byte (as Chromium does; Firefox rounds, at most 1 level off)', async () => {
    const rows = new Uint8Array(2 * (1 + 3 * 2 * 2));
    const samples = [
      0x12ff, 0xff80, 0x0180, 0x7f7f, 0x8000, 0x00ff, 0xfffe, 0x0101, 0x4242, 0x00, 0xffff, 0x8181,
    ];
    const v = new DataView(rows.buffer);
    for (const [i, s] of samples.entries()) v.setUint16(1 + Math.floor(i / 6) * 13 + (i % 6) * 2, s);
    const d = await decodeImageNode(png(2, 2, 2, 16, rows), 'image/png');
    expect(d.channels).toBe(3);
    expect(Array.from(d.data)).toEqual(samples.map((s) => s >> 8));
  });

  it('expands grey and grey+alpha to RGB(A)', async () => {
    const grey = await decodeImageNode(png(2, 1, 0, 8, new Uint8Array([0, 10, 200])), 'image/png');
    expect([grey.channels, ...grey.data]).toEqual([3, 10, 10, 10, 200, 200, 200]);
    const ga = await decodeImageNode(png(1, 1, 4, 8, new Uint8Array([0, 77, 128])), 'image/png');
    expect([ga.channels, ...ga.data]).toEqual([4, 77, 77, 77, 128]);
  });

  it('converts CMYK JPEGs with the naive formula (as Chromium and Firefox do), close to the RGB original', async () => {
    const cmyk = new Uint8Array(await sharp(photo).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer());
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const d = await decodeImageNode(cmyk, 'image/jpeg');
    const samples = await sharp(cmyk, { ignoreIcc: true })
      .pipelineColourspace('cmyk')
      .toColourspace('cmyk')
      .raw()
      .toBuffer();
    expect(d.channels).toBe(3);
    for (let p = 0; p < 50; p++) {
      const k = 255 - (samples[p * 4 + 3] as number);
      for (let c = 0; c < 3; c++)
        expect(d.data[p * 3 + c]).toBe(Math.floor(((255 - (samples[p * 4 + c] as number)) * k) / 255));
    }
    const rgb = await decodeImageNode(photo, '');
    const dist = hammingDistance(
      pdqFromRgb(d.data, d.width, d.height, 3).hash,
      pdqFromRgb(rgb.data, rgb.width, rgb.height, 3).hash,
    );
    expect(dist).toBeLessThanOrEqual(31);
  });
});

describe('bad input: a clear refusal, never a crash or a hang', () => {
  let bombs: [string, Uint8Array][] = [];
  beforeAll(async () => {
    // 20000x20000 1-bit grey (400 MP) in 49 KB, and a solid-colour 8000x8000 (64 MP) PNG written by sharp.
    const bitRows = new Uint8Array(20000 * (1 + 2500));
    const solid = await sharp({
      create: { width: 8000, height: 8000, channels: 3, background: '#808080' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    bombs = [
      ['20000x20000 1-bit PNG', png(20000, 20000, 0, 1, bitRows)],
      ['8000x8000 solid PNG', new Uint8Array(solid)],
    ];
  }, 60_000);

  const jpeg = read('images/bridge-1-original.jpg');
  const pngFile = read('images/c.png');
  let seed = 7;
  const random = new Uint8Array(20_000).map(() => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 24;
  });
  const cases = (): [string, Uint8Array, RegExp][] => [
    ['random bytes', random, /not a recognised image format/],
    [
      'JPEG magic then random bytes',
      Uint8Array.from([0xff, 0xd8, 0xff, ...random]),
      /corrupt JPEG|could not decode/,
    ],
    ['JPEG cut after 100 bytes', jpeg.subarray(0, 100), /corrupt JPEG: no image size/],
    ['JPEG cut at 25%', jpeg.subarray(0, jpeg.length >> 2), /premature end|could not decode/],
    ['JPEG cut at 50%', jpeg.subarray(0, jpeg.length >> 1), /premature end|could not decode/],
    ['JPEG without its last 2 bytes', jpeg.subarray(0, jpeg.length - 2), /premature end|could not decode/],
    ['PNG cut after the header', pngFile.subarray(0, 40), /truncated PNG/],
    ['PNG cut at 50%', pngFile.subarray(0, pngFile.length >> 1), /truncated PNG/],
    ['PNG without IEND', pngFile.subarray(0, pngFile.length - 12), /truncated PNG/],
    [
      'SVG',
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
      /SVG/,
    ],
    ...bombs.map(([name, b]): [string, Uint8Array, RegExp] => [name, b, /too large to hash perceptually/]),
  ];

  it('decodeImageNode refuses each with ImageDecodeError and a reason', async () => {
    for (const [name, bytes, reason] of cases()) {
      const t0 = performance.now();
      const err = await decodeImageNode(bytes, '').then(
        () => new Error('decoded'),
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(ImageDecodeError);
      expect((err as Error).message, name).toMatch(reason);
      expect(performance.now() - t0, name).toBeLessThan(5000);
    }
    await expect(decodeImageNode(new Uint8Array(), '')).rejects.toThrow('empty file (0 bytes)');
  });

  it('fingerprintImage keeps the SHA-256 and reports pdqError', async () => {
    for (const [name, bytes, reason] of cases()) {
      const fp = await fingerprintImage(bytes, '', decodeImageNode);
      expect(fp.sha256, name).toMatch(/^[0-9a-f]{64}$/);
      expect(fp.pdq, name).toBeUndefined();
      expect(fp.pdqError, name).toMatch(reason);
    }
    const bomb = await fingerprintImage(bombs[0]?.[1] ?? new Uint8Array(), 'image/png', decodeImageNode);
    expect(bomb).toMatchObject({ width: 20000, height: 20000 });
    expect(bomb.pdqError).toBe(
      'no perceptual hash: image too large to hash perceptually: 20000x20000 = 400.0 MP, the limit is 50.0 MP',
    );
    await expect(fingerprintImage(new Uint8Array(), 'image/png', decodeImageNode)).rejects.toThrow(/0 bytes/);
  });
});
