import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  type PdqExpectation as Expectation,
  pdqExpected as expected,
  type PdqFixtureImage as FixtureImage,
  PDQ_FIXTURES as fixtures,
} from '../testing/pdq-fixtures.ts';
import { pdqFromRgb } from './pdq.ts';
import { shrinkNearest512 } from './shrink-nearest.ts';

const withNn512 = (expected.images as FixtureImage[]).filter((img) =>
  img.expected.some((e) => e.pipeline === 'cpp_nn512' && e.kind === 'derived'),
);

describe('shrinkNearest512 then PDQ: the reference cpp_nn512 vectors', () => {
  it('covers images larger than 512 as well as small ones', () => {
    expect(withNn512.some((img) => img.width > 512 || img.height > 512)).toBe(true);
    expect(withNn512.some((img) => img.width <= 512 && img.height <= 512)).toBe(true);
  });

  it.each(withNn512)('$file', async (img) => {
    const { data, info } = await sharp(readFileSync(new URL(img.file, fixtures)), { ignoreIcc: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const small = shrinkNearest512({
      data,
      width: info.width,
      height: info.height,
      channels: info.channels as 3 | 4,
    });
    const got = pdqFromRgb(small.data, small.width, small.height, small.channels);
    const want = img.expected.find((e) => e.pipeline === 'cpp_nn512' && e.kind === 'derived') as Expectation;
    expect(got.hash).toBe(want.hash);
    expect(got.quality).toBe(want.quality);
  });

  it('picks in(floor(x * W / 512), floor(y * H / 512)) and leaves small images alone', () => {
    const width = 1030;
    const height = 700;
    const data = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        data.set([x & 255, y & 255, (x >> 8) | ((y >> 8) << 4)], (y * width + x) * 3);
    const out = shrinkNearest512({ data, width, height, channels: 3 });
    expect([out.width, out.height]).toEqual([512, 512]);
    for (const [x, y] of [
      [0, 0],
      [1, 1],
      [255, 300],
      [511, 511],
    ] as const) {
      const sx = Math.floor((x * width) / 512);
      const sy = Math.floor((y * height) / 512);
      expect([...out.data.subarray((y * 512 + x) * 3, (y * 512 + x) * 3 + 3)]).toEqual([
        sx & 255,
        sy & 255,
        (sx >> 8) | ((sy >> 8) << 4),
      ]);
    }
    const small = { data: new Uint8Array(300 * 512 * 4), width: 300, height: 512, channels: 4 as const };
    expect(shrinkNearest512(small)).toBe(small);
  });
});
