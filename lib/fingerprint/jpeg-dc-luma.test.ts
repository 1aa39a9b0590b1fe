import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegDcLuma, orient } from './jpeg-dc-luma.ts';

const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

/** Mean luma (0.299 R + 0.587 G + 0.114 B) of each 8 x 8 block that lies wholly inside the image. */
async function blockMeans(jpeg: Uint8Array, autoOrient: boolean) {
  const { data, info } = await sharp(jpeg, { autoOrient })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const bw = Math.floor(info.width / 8);
  const bh = Math.floor(info.height / 8);
  const means = new Float64Array(bw * bh);
  for (let y = 0; y < bh * 8; y++) {
    for (let x = 0; x < bw * 8; x++) {
      const p = (y * info.width + x) * 3;
      const b = (y >> 3) * bw + (x >> 3);
      const luma =
        0.299 * (data[p] as number) + 0.587 * (data[p + 1] as number) + 0.114 * (data[p + 2] as number);
      means[b] = (means[b] as number) + luma / 64;
    }
  }
  return { means, bw, bh };
}

/** Mean and largest absolute difference between the DC luma and the decoded block means. */
async function compare(jpeg: Uint8Array, autoOrient = true) {
  const dc = jpegDcLuma(jpeg);
  if (!dc) throw new Error('not read');
  const ref = await blockMeans(jpeg, autoOrient);
  let sum = 0;
  let max = 0;
  for (let y = 0; y < ref.bh; y++) {
    for (let x = 0; x < ref.bw; x++) {
      const d = Math.abs((dc.luma[y * dc.width + x] as number) - (ref.means[y * ref.bw + x] as number));
      sum += d;
      max = Math.max(max, d);
    }
  }
  return { dc, mean: sum / (ref.bw * ref.bh), max };
}

const photo = fixture('pdq/images/bridge-1-original.jpg');

describe('jpegDcLuma: the 1/8-scale luma of a JPEG from its DC coefficients', () => {
  it.each([
    ['baseline with restart markers', 'pdq/images/blur-a-little.jpg'],
    ['progressive (Adobe APP14, YCbCr)', 'pdq/images/bridge-3-rotate-180.jpg'],
    ['baseline, Adobe, restart interval 47', 'c2pa/remote_cloud.jpg'],
    ['a real camera file (3024 x 4032, restart interval 252)', 'c2pa-realworld/truepic_lens-ios_capture.jpg'],
    ['a real progressive Photoshop export', 'c2pa-realworld/truepic_lens-capture_photoshop24-edit.jpg'],
  ])('matches the decoded block means: %s', async (_, path) => {
    const { dc, mean, max } = await compare(fixture(path));
    expect(dc.width).toBeGreaterThan(8);
    expect(mean).toBeLessThan(1);
    expect(max).toBeLessThan(12);
  });

  it.each([
    ['4:2:0', { chromaSubsampling: '4:2:0' }],
    ['4:4:4', { chromaSubsampling: '4:4:4' }],
    ['progressive', { progressive: true }],
    [
      'progressive 4:4:4, optimised scans',
      { progressive: true, optimiseScans: true, chromaSubsampling: '4:4:4' },
    ],
  ] as const)('reads sharp-encoded variants: %s, odd size', async (_, options) => {
    const jpeg = new Uint8Array(
      await sharp(photo).resize(1001, 677, { fit: 'fill' }).jpeg(options).toBuffer(),
    );
    const { dc, mean } = await compare(jpeg);
    expect([dc.width, dc.height]).toEqual([126, 85]);
    expect(mean).toBeLessThan(1);
  });

  it('reads a greyscale JPEG (one component)', async () => {
    const jpeg = new Uint8Array(await sharp(photo).greyscale().jpeg().toBuffer());
    const { dc, mean } = await compare(jpeg);
    expect([dc.width, dc.height]).toEqual([200, 126]);
    expect(mean).toBeLessThan(1);
  });

  it.each([2, 3, 4, 5, 6, 7, 8])(
    'applies EXIF orientation %i as the exact decoders do',
    async (orientation) => {
      const jpeg = new Uint8Array(
        await sharp(photo).resize(640, 400).jpeg().withMetadata({ orientation }).toBuffer(),
      );
      const { dc, mean } = await compare(jpeg, true);
      expect([dc.width, dc.height]).toEqual(orientation >= 5 ? [50, 80] : [80, 50]);
      expect(mean).toBeLessThan(1);
    },
  );

  it('orient maps each of the eight orientations to its own layout', () => {
    // 3 x 2: 0 1 2 / 3 4 5
    const img = { luma: Float32Array.from([0, 1, 2, 3, 4, 5]), width: 3, height: 2 };
    const got = (o: number) => Array.from(orient(img, o).luma);
    expect(got(1)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(got(2)).toEqual([2, 1, 0, 5, 4, 3]);
    expect(got(3)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(got(4)).toEqual([3, 4, 5, 0, 1, 2]);
    expect(got(5)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(got(6)).toEqual([3, 0, 4, 1, 5, 2]);
    expect(got(7)).toEqual([5, 2, 4, 1, 3, 0]);
    expect(got(8)).toEqual([2, 5, 1, 4, 0, 3]);
  });

  it('returns undefined for what it does not read: other formats, CMYK, RGB-coded, 12-bit, arithmetic', async () => {
    expect(jpegDcLuma(fixture('pdq/images/c.png'))).toBeUndefined();
    const cmyk = await sharp(photo).resize(640).toColourspace('cmyk').jpeg().toBuffer();
    expect(jpegDcLuma(new Uint8Array(cmyk))).toBeUndefined();
    // The same baseline file with its frame marker changed: SOF9 (arithmetic), SOF3 (lossless); and 12-bit.
    const at = photo.findIndex((byte, i) => byte === 0xff && photo[i + 1] === 0xc0);
    expect(at).toBeGreaterThan(0);
    for (const [offset, value] of [
      [1, 0xc9],
      [1, 0xc3],
      [4, 12],
    ] as const) {
      const changed = photo.slice();
      changed[at + offset] = value;
      expect(jpegDcLuma(changed), `byte ${offset} = ${value}`).toBeUndefined();
    }
  });

  it('returns undefined, never throws, for truncated and damaged files', () => {
    for (const cut of [100, 2000, photo.length >> 1, photo.length - 4000]) {
      expect(jpegDcLuma(photo.subarray(0, cut)), `cut at ${cut}`).toBeUndefined();
    }
    // Random damage after the headers: either read (the entropy data still parses) or undefined.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed;
    };
    for (let n = 0; n < 300; n++) {
      const bad = photo.slice();
      for (let k = 0; k < 1 + (n % 5); k++) bad[next() % bad.length] = next() & 0xff;
      const out = jpegDcLuma(bad);
      if (out) expect(out.luma.every((v) => v >= 0 && v <= 255)).toBe(true);
    }
    expect(jpegDcLuma(new Uint8Array(0))).toBeUndefined();
    expect(jpegDcLuma(Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0xff, 0xff]))).toBeUndefined();
  });
});
