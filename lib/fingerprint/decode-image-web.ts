/**
 * Browser decoder (content script, service worker, extension pages): Blob -> createImageBitmap without
 * colour conversion or premultiplication -> OffscreenCanvas -> getImageData. In Chromium this gives the
 * same RGBA as the Node decoder for the fixtures (see decode-image.ts for the shared pipeline). The DOM
 * functions are injected so that this module never touches globals at import time.
 */
import { assertPixelBudget, type DecodeImage, ImageDecodeError, preflightImage } from './decode-image.ts';

export interface WebDecoderEnv {
  createImageBitmap: typeof createImageBitmap;
  OffscreenCanvas: typeof OffscreenCanvas;
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
      const canvas = new env.OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new ImageDecodeError('no 2D canvas context available');
      ctx.drawImage(bitmap, 0, 0);
      const image = ctx.getImageData(0, 0, width, height, { colorSpace: 'srgb' });
      // Free the canvas backing store now rather than at garbage collection (large images).
      canvas.width = 0;
      canvas.height = 0;
      return { data: image.data, width, height, channels: 4 };
    } finally {
      bitmap.close();
    }
  };
}
