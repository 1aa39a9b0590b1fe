import type { ImageFingerprints } from '../evidence/types.ts';
import { assertPixelBudget, type DecodedImage, type DecodeImage, preflightImage } from './decode-image.ts';
import { flattenAlphaOnWhite } from './flatten-alpha.ts';
import { readImageSize } from './image-type.ts';
import { pdqFromRgb } from './pdq.ts';
import { type PdqScreen, screenPdq } from './screen-pdq.ts';
import { sha256Hex } from './sha256.ts';
import { needsShrink, PDQ_SHRINK_DIM, shrinkNearest512 } from './shrink-nearest.ts';
import { yieldTask } from './yield-task.ts';

/** A decode that has not finished by then gets a pdqError instead of blocking the item forever. */
export const DECODE_TIMEOUT_MS = 30_000;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`decoding took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`decoder returned an invalid size ${width}x${height}`);
  }
  assertPixelBudget(width, height);
}

function checkDecoded(d: DecodedImage): void {
  const { width, height, channels, data, sampledFrom } = d;
  checkSize(width, height);
  if (channels !== 3 && channels !== 4) throw new Error(`decoder returned ${String(channels)} channels`);
  if (data.length < width * height * channels) throw new Error('decoder returned a short pixel buffer');
  if (!sampledFrom) return;
  checkSize(sampledFrom.width, sampledFrom.height);
  const square = width === PDQ_SHRINK_DIM && height === PDQ_SHRINK_DIM;
  if (!square || !needsShrink(sampledFrom.width, sampledFrom.height)) {
    throw new Error(
      `decoder returned a ${width}x${height} sample of a ${sampledFrom.width}x${sampledFrom.height} image`,
    );
  }
}

/**
 * SHA-256 of the exact bytes, always; PDQ of the decoded pixels when the image can be decoded, else
 * `pdqError` with the reason (unsupported format, truncated, too large, decoder error, timeout). Never
 * throws for bad image data, which is common on the web. It does throw for 0 bytes: there is nothing to
 * fingerprint, and the SHA-256 of the empty string would only ever match other failed downloads.
 *
 * PDQ is the reference's `cpp_nn512` pipeline: pixels shrunk to 512 x 512 by nearest neighbour when larger
 * (shrink-nearest.ts), flattened onto white, hashed. With `pdq: false` nothing is decoded at all: the
 * caller has nothing to compare a perceptual hash with (no PDQ records for an enabled chain). With a `screen`,
 * a large JPEG is first hashed approximately from its DC coefficients (screen-pdq.ts); when no record is near
 * that hash, it is returned as `pdqApprox` and the image is not decoded.
 *
 * The decoded buffer may be modified in place (alpha flattened onto white, see decode-image.ts).
 */
export async function fingerprintImage(
  bytes: Uint8Array,
  mime: string,
  decode: DecodeImage,
  options: { timeoutMs?: number; pdq?: boolean; screen?: PdqScreen } = {},
): Promise<ImageFingerprints> {
  if (bytes.length === 0) throw new Error('no image to fingerprint: the file is empty (0 bytes)');
  const base: ImageFingerprints = { kind: 'image', sha256: await sha256Hex(bytes) };
  // Declared size (before EXIF rotation), reported when decoding fails; the decoded size replaces it.
  let size = readImageSize(bytes);
  if (options.pdq === false) return { ...base, ...size };
  try {
    preflightImage(bytes);
    if (options.screen) {
      const approx = screenPdq(bytes);
      if (approx && !(await options.screen(approx.hash))) return { ...base, ...size, pdqApprox: approx };
    }
    const decoded = await withTimeout(decode(bytes, mime), options.timeoutMs ?? DECODE_TIMEOUT_MS);
    checkDecoded(decoded);
    size = decoded.sampledFrom ?? { width: decoded.width, height: decoded.height };
    // Reading the pixels and hashing them are each a task of several ms: not one long task (issue 14).
    await yieldTask();
    // Shrink first: the flattening is per pixel, so its order does not matter, and it then touches 0.26 MP.
    // A decoder that already returned the sample (sampledFrom) did the shrink itself.
    const { data, width, height, channels } = decoded.sampledFrom ? decoded : shrinkNearest512(decoded);
    if (channels === 4) flattenAlphaOnWhite(data, width, height);
    return { ...base, ...size, pdq: pdqFromRgb(data, width, height, channels) };
  } catch (e) {
    return { ...base, ...size, pdqError: `no perceptual hash: ${message(e)}` };
  }
}
