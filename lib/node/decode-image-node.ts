/**
 * Node decoder for the command line (registering side), with sharp/libvips. It must give the same pixels
 * as the browser decoder (lib/fingerprint/decode-image-web.ts), so it follows the shared pipeline of
 * lib/fingerprint/decode-image.ts: native size, EXIF orientation applied (as Chromium always does), embedded
 * ICC profiles ignored (Chromium colorSpaceConversion 'none'), 8-bit RGB(A) samples, alpha not premultiplied.
 * Checked against Chromium 156 and Firefox ESR 153 (see lib/fingerprint/decode-image.ts): identical RGB bytes
 * for JPEG (incl. progressive, 4:4:4, grey, CMYK, EXIF-rotated), PNG (incl. 16-bit in Chromium, grey, ICC),
 * WebP and GIF; AVIF differs by a few levels (different YUV->RGB code) with identical PDQ hashes.
 */
import sharp from 'sharp';
import {
  assertPixelBudget,
  type DecodedImage,
  type DecodeImage,
  ImageDecodeError,
  MAX_PIXELS,
  preflightImage,
} from '../fingerprint/decode-image.ts';

const options = {
  // Refuse truncated or corrupt data; accept what libjpeg only warns about, as browsers display it.
  failOn: 'error',
  // libvips checks the declared size itself too, before allocating.
  limitInputPixels: MAX_PIXELS,
  ignoreIcc: true,
  autoOrient: true,
  sequentialRead: true,
} as const;

export const decodeImageNode: DecodeImage = async (bytes: Uint8Array): Promise<DecodedImage> => {
  preflightImage(bytes);
  try {
    // libvips' own header parse too, in case it disagrees with ours.
    const meta = await sharp(bytes, options).metadata();
    assertPixelBudget(meta.width ?? 0, meta.height ?? 0);
    if (meta.space === 'cmyk') return await decodeCmyk(bytes);
    const { data, info } = await sharp(bytes, options)
      // 16-bit samples are reduced to 8 bits as libvips does (v >> 8); grey becomes RGB.
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 && info.channels !== 4) {
      throw new ImageDecodeError(`unexpected decoded layout: ${info.channels} channels`);
    }
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      channels: info.channels,
    };
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    throw new ImageDecodeError(
      `could not decode the image (${e instanceof Error ? e.message.trim() : String(e)})`,
    );
  }
};

/**
 * CMYK JPEGs: libvips would convert them through a CMYK ICC profile; Chromium, with colour conversion off,
 * uses the naive formula R = (255 - C) * (255 - K) / 255 (integer division) on Adobe's inverted samples,
 * which is what this reproduces from libvips' (already un-inverted) CMYK samples.
 */
async function decodeCmyk(bytes: Uint8Array): Promise<DecodedImage> {
  const { data, info } = await sharp(bytes, options)
    .pipelineColourspace('cmyk')
    .toColourspace('cmyk')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new ImageDecodeError(`unexpected CMYK layout: ${info.channels} channels`);
  const n = info.width * info.height;
  const rgb = new Uint8Array(n * 3);
  for (let p = 0, q = 0; p < n; p++, q += 4) {
    const k = 255 - (data[q + 3] as number);
    rgb[p * 3] = Math.floor(((255 - (data[q] as number)) * k) / 255);
    rgb[p * 3 + 1] = Math.floor(((255 - (data[q + 1] as number)) * k) / 255);
    rgb[p * 3 + 2] = Math.floor(((255 - (data[q + 2] as number)) * k) / 255);
  }
  return { data: rgb, width: info.width, height: info.height, channels: 3 };
}
