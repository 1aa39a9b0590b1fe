/**
 * Browser decoder (content script, service worker, extension pages): Blob -> createImageBitmap without
 * colour conversion or premultiplication -> OffscreenCanvas -> getImageData. In Chromium this gives the
 * same RGBA as the Node decoder for the fixtures (see decode-image.ts for the shared pipeline). The DOM
 * functions are injected so that this module never touches globals at import time.
 *
 * An image larger than 512 on a side is not read back whole: only the pixels that the `cpp_nn512` shrink keeps
 * (shrink-nearest.ts) are read. Where a probe shows that this browser's canvas picks exactly those pixels
 * (pattern-sample.ts), one pattern fill draws the 512 x 512 sample; otherwise they are copied as 512 one-pixel
 * strips along the longer side, and the other side is picked from their read-back. Each copy is 1:1 at
 * integer positions, so no pixel is filtered or blended. Either way the result equals shrinkNearest512 of the
 * full read-back (e2e/pdq-decode.e2e.ts checks this in Chromium).
 */
import {
  assertPixelBudget,
  type DecodedImage,
  type DecodeImage,
  ImageDecodeError,
  preflightImage,
} from './decode-image.ts';
import { context2d, fillNearest, type PatternEnv, patternSamplesExactly, release } from './pattern-sample.ts';
import { nearestSource, needsShrink, PDQ_SHRINK_DIM } from './shrink-nearest.ts';

export type WebDecoderEnv = PatternEnv;

function readAll(env: WebDecoderEnv, bitmap: ImageBitmap, width: number, height: number): DecodedImage {
  const ctx = context2d(env, width, height);
  try {
    ctx.drawImage(bitmap, 0, 0);
    const image = ctx.getImageData(0, 0, width, height, { colorSpace: 'srgb' });
    return { data: image.data, width, height, channels: 4 };
  } finally {
    release(ctx);
  }
}

/** The 512 x 512 nearest-neighbour sample in one pattern fill (pattern-sample.ts, where probed exact). */
function readFilled(env: WebDecoderEnv, bitmap: ImageBitmap, width: number, height: number): DecodedImage {
  const n = PDQ_SHRINK_DIM;
  const ctx = context2d(env, n, n);
  try {
    fillNearest(ctx, bitmap, { width, height }, n, n);
    const { data } = ctx.getImageData(0, 0, n, n, { colorSpace: 'srgb' });
    return { data, width: n, height: n, channels: 4, sampledFrom: { width, height } };
  } finally {
    release(ctx);
  }
}

/**
 * The 512 x 512 nearest-neighbour sample as strips. Strips are drawn along the longer side only (the chosen columns of a
 * wide image, n x H, or the chosen rows of a tall one, W x n), read back once, and the other side is picked
 * here: 512 strip draws instead of 1024, and a read-back of at most 512 x min(W, H) pixels. (The decode probe,
 * scripts/bench-decode-web.ts, measured no CPU difference on a 1600 x 1004 JPEG: ~77 ms either way.)
 */
function readStrips(env: WebDecoderEnv, bitmap: ImageBitmap, width: number, height: number): DecodedImage {
  const n = PDQ_SHRINK_DIM;
  const byColumns = height <= width;
  const stripsWidth = byColumns ? n : width;
  const stripsHeight = byColumns ? height : n;
  const strips = context2d(env, stripsWidth, stripsHeight);
  let read: Uint8ClampedArray;
  try {
    if (byColumns) {
      for (let x = 0; x < n; x++)
        strips.drawImage(bitmap, nearestSource(x, width), 0, 1, height, x, 0, 1, height);
    } else {
      for (let y = 0; y < n; y++)
        strips.drawImage(bitmap, 0, nearestSource(y, height), width, 1, 0, y, width, 1);
    }
    read = strips.getImageData(0, 0, stripsWidth, stripsHeight, { colorSpace: 'srgb' }).data;
  } finally {
    release(strips);
  }
  const data = new Uint8ClampedArray(n * n * 4);
  if (byColumns) {
    // Whole rows of the strips: one copy each.
    for (let y = 0; y < n; y++) {
      const from = nearestSource(y, height) * n * 4;
      data.set(read.subarray(from, from + n * 4), y * n * 4);
    }
  } else {
    // One RGBA pixel at a time, as 32-bit words.
    const source = new Uint32Array(read.buffer, read.byteOffset, stripsWidth * n);
    const target = new Uint32Array(data.buffer);
    const columns = Array.from({ length: n }, (_, x) => nearestSource(x, width));
    for (let y = 0, o = 0; y < n; y++) {
      const row = y * stripsWidth;
      for (let x = 0; x < n; x++, o++) target[o] = source[row + (columns[x] as number)] as number;
    }
  }
  return { data, width: n, height: n, channels: 4, sampledFrom: { width, height } };
}

export function createWebDecoder(env: WebDecoderEnv): DecodeImage {
  return async (bytes, mime) => {
    // The header's declared size is checked before createImageBitmap allocates the full bitmap.
    preflightImage(bytes);
    // A copy into a Blob: Blob parts must be ArrayBuffer-backed (not SharedArrayBuffer).
    const part =
      bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
    let bitmap: ImageBitmap;
    try {
      bitmap = await env.createImageBitmap(new Blob([part], { type: mime }), {
        colorSpaceConversion: 'none',
        premultiplyAlpha: 'none',
        imageOrientation: 'from-image',
      });
    } catch (e) {
      throw new ImageDecodeError(
        `the browser could not decode the image (${(e as Error)?.message ?? String(e)})`,
      );
    }
    try {
      const { width, height } = bitmap;
      // Again on the decoded size: the header of some formats can understate it.
      assertPixelBudget(width, height);
      if (width === 0 || height === 0) throw new ImageDecodeError('the image has no pixels');
      if (!needsShrink(width, height)) return readAll(env, bitmap, width, height);
      return (await patternSamplesExactly(env, width, height, PDQ_SHRINK_DIM))
        ? readFilled(env, bitmap, width, height)
        : readStrips(env, bitmap, width, height);
    } finally {
      bitmap.close();
    }
  };
}
