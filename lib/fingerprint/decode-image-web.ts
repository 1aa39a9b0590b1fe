/**
 * Browser decoder (content script, service worker, extension pages): Blob -> createImageBitmap without
 * colour conversion or premultiplication -> OffscreenCanvas -> getImageData. In Chromium this gives the
 * same RGBA as the Node decoder for the fixtures (see decode-image.ts for the shared pipeline). The DOM
 * functions are injected so that this module never touches globals at import time.
 *
 * An image larger than 512 on a side is not read back whole: only the 512 x 512 pixels that the
 * `cpp_nn512` shrink keeps (shrink-nearest.ts) are copied, as 512 one-pixel columns and then 512 one-pixel
 * rows. Each copy is 1:1 at integer positions, so no pixel is filtered or blended and the result equals
 * shrinkNearest512 of the full read-back (e2e/pdq-decode.e2e.ts checks this in Chromium); a 1600 x 1000
 * photo then reads 0.26 MP back instead of 1.6 MP and is drawn once in strips instead of whole.
 */
import {
  assertPixelBudget,
  type DecodedImage,
  type DecodeImage,
  ImageDecodeError,
  preflightImage,
} from './decode-image.ts';
import { nearestSource, needsShrink, PDQ_SHRINK_DIM } from './shrink-nearest.ts';

export interface WebDecoderEnv {
  createImageBitmap: typeof createImageBitmap;
  OffscreenCanvas: typeof OffscreenCanvas;
}

type Context = OffscreenCanvasRenderingContext2D;

function context2d(env: WebDecoderEnv, width: number, height: number): Context {
  const ctx = new env.OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ImageDecodeError('no 2D canvas context available');
  // 1:1 copies are never filtered; this keeps it so should a browser treat a strip differently.
  ctx.imageSmoothingEnabled = false;
  return ctx;
}

/** Frees a canvas's backing store now rather than at garbage collection (large images). */
function release(ctx: Context): void {
  ctx.canvas.width = 0;
  ctx.canvas.height = 0;
}

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

/** The 512 x 512 nearest-neighbour sample: the chosen columns (n x H), then the chosen rows of those (n x n). */
function readSample(env: WebDecoderEnv, bitmap: ImageBitmap, width: number, height: number): DecodedImage {
  const n = PDQ_SHRINK_DIM;
  const columns = context2d(env, n, height);
  const sample = context2d(env, n, n);
  try {
    for (let x = 0; x < n; x++)
      columns.drawImage(bitmap, nearestSource(x, width), 0, 1, height, x, 0, 1, height);
    for (let y = 0; y < n; y++)
      sample.drawImage(columns.canvas, 0, nearestSource(y, height), n, 1, 0, y, n, 1);
    const image = sample.getImageData(0, 0, n, n, { colorSpace: 'srgb' });
    return { data: image.data, width: n, height: n, channels: 4, sampledFrom: { width, height } };
  } finally {
    release(columns);
    release(sample);
  }
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
      return needsShrink(width, height)
        ? readSample(env, bitmap, width, height)
        : readAll(env, bitmap, width, height);
    } finally {
      bitmap.close();
    }
  };
}
