/**
 * The image decoding contract and size policy shared by the browser decoder (decode-image-web.ts) and the
 * Node decoder (lib/node/decode-image-node.ts).
 *
 * ONE PIPELINE ON BOTH SIDES. A registered PDQ hash is only useful if the browser computes the same hash
 * for the same file, so both sides do exactly this:
 *   1. sniff the format from the bytes; only JPEG, PNG, GIF (first frame), WebP and AVIF are hashed;
 *   2. read the declared size from the header and refuse above MAX_PIXELS before decoding (and a PNG
 *      that stops before IEND, which Chromium refuses and libpng would decode);
 *   3. decode to 8-bit RGBA at native size, EXIF orientation applied (Chromium always applies it),
 *      NO colour management (embedded ICC profiles ignored: Chromium colorSpaceConversion 'none',
 *      sharp ignoreIcc), alpha not premultiplied;
 *   4. composite onto white (flatten-alpha.ts), because a browser canvas stores premultiplied alpha and
 *      cannot return the colour under transparent pixels; after compositing both sides agree;
 *   5. shrink to 512 x 512 by nearest neighbour when a side is larger (shrink-nearest.ts: integer
 *      arithmetic on the decoded pixels, so both sides pick the same ones), then PDQ (pdq.ts): the reference
 *      C++ hasher's `cpp_nn512` pipeline.
 * Checked when this was written, on the fixtures plus generated edge cases (EXIF orientations, progressive,
 * 4:4:4, grey, CMYK, ICC-tagged, 16-bit, translucent, WebP, GIF, AVIF, truncated files): Node (sharp),
 * Chromium 156 and Firefox ESR 153 decoded the same pixels and gave the same PDQ hash for every decodable file
 * and refused the same truncated ones. The RGB bytes were identical except AVIF (YUV->RGB conversion differs
 * by up to a few levels) and 16-bit PNG in Firefox (rounds instead of truncating, 1 level).
 * For opaque images this reproduces the upstream `cpp_nn512` vectors bit for bit (fixtures/pdq; the
 * full-resolution `fullres` ones too, with pdqFromRgb on the unshrunk pixels). Translucent images hash
 * differently from upstream tools, which ignore alpha (fixtures/pdq/images/LA.png: 60 bits).
 * Why the shrink: hashing 0.26 MP instead of the whole photo (a 1600 x 1000 photo: a quarter of the time), and
 * the reference's own tool does it; it is exact because it only picks pixels, never blends them.
 */
import {
  type ImageSize,
  type ImageType,
  PDQ_IMAGE_TYPES,
  pngIsComplete,
  readImageSize,
  sniffImageType,
} from './image-type.ts';

export interface DecodedImage {
  /** Row-major 8-bit samples, `channels` per pixel (RGB or RGBA, alpha not premultiplied). */
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 3 | 4;
  /**
   * Set when `data` is not the whole image but already its 512 x 512 nearest-neighbour sample (step 5,
   * the same pixels shrinkNearest512 would pick): the decoded image's own size. The browser decoder picks
   * the pixels while drawing instead of reading the whole bitmap back (decode-image-web.ts).
   */
  sampledFrom?: { width: number; height: number };
}

export type DecodeImage = (bytes: Uint8Array, mime: string) => Promise<DecodedImage>;

/**
 * Largest encoded file decoded for PDQ (64 MiB). Above it the SHA-256 is still computed (the bytes are
 * already in memory) but the file is not decoded; real photos of MAX_PIXELS are well below this.
 */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/**
 * Largest decoded image (50 megapixels, e.g. 8660x5773). Decoding needs about 4 bytes per pixel for RGBA
 * plus 4 for PDQ's float luma, and the browser path holds a bitmap and a canvas besides: about 800 MB at
 * the limit. Larger images are refused with a reason rather than downscaled: a downscale would have to be
 * bit-identical in every browser and in Node, which no platform scaler guarantees.
 */
export const MAX_PIXELS = 50_000_000;

/** Why an image gets no perceptual hash (too large, unsupported, undecodable); the message is user-facing. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

export interface Preflight {
  type: ImageType;
  size: ImageSize;
}

const mp = (px: number): string => `${(px / 1e6).toFixed(1)} MP`;

/** Refuse an image whose pixel count exceeds MAX_PIXELS (the message names the size). */
export function assertPixelBudget(width: number, height: number): void {
  if (width * height > MAX_PIXELS) {
    throw new ImageDecodeError(
      `image too large to hash perceptually: ${width}x${height} = ${mp(width * height)}, the limit is ${mp(MAX_PIXELS)}`,
    );
  }
}

/**
 * The checks both decoders run before decoding: not empty, not too many bytes, a supported format, a
 * readable header size within MAX_PIXELS. Throws ImageDecodeError with a clear reason.
 */
export function preflightImage(bytes: Uint8Array): Preflight {
  if (bytes.length === 0) throw new ImageDecodeError('empty file (0 bytes)');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new ImageDecodeError(
      `file too large to decode: ${(bytes.length / 2 ** 20).toFixed(1)} MiB, the limit is ${MAX_IMAGE_BYTES / 2 ** 20} MiB`,
    );
  }
  const type = sniffImageType(bytes);
  if (!type) throw new ImageDecodeError('not a recognised image format');
  if (!PDQ_IMAGE_TYPES.has(type)) {
    throw new ImageDecodeError(
      type === 'svg'
        ? 'SVG is a vector format: no perceptual hash'
        : `${type.toUpperCase()} images are not hashed perceptually (the browser and the command line would decode them differently)`,
    );
  }
  if (type === 'png' && !pngIsComplete(bytes)) throw new ImageDecodeError('truncated PNG (no IEND chunk)');
  const size = readImageSize(bytes, type);
  if (!size) throw new ImageDecodeError(`corrupt ${type.toUpperCase()}: no image size in the header`);
  assertPixelBudget(size.width, size.height);
  return { type, size };
}
