/**
 * The 512 x 512 nearest-neighbour sample of a large bitmap in one canvas fill (issue 14: the browser's PDQ
 * decode). The 512 one-pixel strips of decode-image-web.ts cost ~20 ms of a 1200 px WebP's 54; one fill and a
 * 512 x 512 read-back cost ~6.
 *
 * A canvas samples at pixel centres: nearest-neighbour output x reads source floor((x + 0.5) * W / n), not the
 * reference's floor(x * W / n) (shrink-nearest.ts). A pattern transform shifted by half an output pixel gives
 * x * W / n exactly; a bias of 1/1024 of a source pixel keeps the floor on the right side of float rounding
 * (the fraction of x * W / n is a multiple of 1/512, so the bias never crosses into the next pixel). A pattern
 * fill of the whole integer rectangle has no antialiased edge, which a shifted drawImage would have.
 *
 * Float precision runs out for very long sides (16 000 px in Chromium 156 picked wrong pixels), and another
 * browser may sample differently. So the rule is not trusted: before a side length is sampled this way, a
 * probe image of that length whose pixels hold their own index is sampled the same way and checked against
 * nearestSource. A length that fails, or any longer than PATTERN_MAX_SIDE, is left to the strips.
 */
import { ImageDecodeError } from './decode-image.ts';
import { nearestSource } from './shrink-nearest.ts';

export interface PatternEnv {
  createImageBitmap: typeof createImageBitmap;
  OffscreenCanvas: typeof OffscreenCanvas;
}

type Context = OffscreenCanvasRenderingContext2D;

/** Longest side probed: the index of a probe pixel is kept in two channels, and longer sides failed anyway. */
export const PATTERN_MAX_SIDE = 16_384;

/** In source pixels: see the module comment. */
const BIAS = 1 / 1024;

/** Fills the context's `outWidth` x `outHeight` canvas with the nearest-neighbour picks of `source`. */
export function fillNearest(
  ctx: Context,
  source: ImageBitmap,
  size: { width: number; height: number },
  outWidth: number,
  outHeight: number,
): void {
  const pattern = ctx.createPattern(source, 'no-repeat');
  if (!pattern) throw new ImageDecodeError('the canvas made no pattern of the image');
  const sx = size.width / outWidth;
  const sy = size.height / outHeight;
  // Output centre x + 0.5 maps to source (x + 0.5 - e) * sx = x * sx + BIAS.
  pattern.setTransform({ a: 1 / sx, b: 0, c: 0, d: 1 / sy, e: 0.5 - BIAS / sx, f: 0.5 - BIAS / sy });
  ctx.fillStyle = pattern;
  ctx.fillRect(0, 0, outWidth, outHeight);
}

/** A canvas read back on the CPU (willReadFrequently), never smoothed: 1:1 copies and picks stay exact. */
export function context2d(env: PatternEnv, width: number, height: number): Context {
  const ctx = new env.OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ImageDecodeError('no 2D canvas context available');
  ctx.imageSmoothingEnabled = false;
  return ctx;
}

/** Frees a canvas's backing store now rather than at garbage collection (large images). */
export function release(ctx: Context): void {
  ctx.canvas.width = 0;
  ctx.canvas.height = 0;
}

/** Whether sampling a side of `length` pixels down to `n` by fillNearest picks exactly nearestSource's pixels. */
async function probeSide(env: PatternEnv, length: number, n: number): Promise<boolean> {
  const probe = context2d(env, length, 1);
  const pixels = probe.createImageData(length, 1);
  for (let i = 0; i < length; i++) {
    pixels.data[i * 4] = i & 255;
    pixels.data[i * 4 + 1] = i >> 8;
    pixels.data[i * 4 + 3] = 255;
  }
  probe.putImageData(pixels, 0, 0);
  const bitmap = await env.createImageBitmap(probe.canvas);
  const out = context2d(env, n, 1);
  try {
    fillNearest(out, bitmap, { width: length, height: 1 }, n, 1);
    const read = out.getImageData(0, 0, n, 1).data;
    for (let x = 0; x < n; x++) {
      const picked = (read[x * 4] as number) | ((read[x * 4 + 1] as number) << 8);
      if (read[x * 4 + 3] !== 255 || picked !== nearestSource(x, length)) return false;
    }
    return true;
  } finally {
    bitmap.close();
    release(probe);
    release(out);
  }
}

/** Probed side lengths per environment; a page of photos has a handful of sizes. */
const verdicts = new WeakMap<PatternEnv, Map<string, Promise<boolean>>>();
const MAX_REMEMBERED = 512;

/**
 * Whether fillNearest picks exactly shrinkNearest512's pixels for an image of this size: both side lengths
 * probed once per environment (a probe that throws counts as a failure, and the strips take over).
 */
export async function patternSamplesExactly(
  env: PatternEnv,
  width: number,
  height: number,
  n: number,
): Promise<boolean> {
  if (width > PATTERN_MAX_SIDE || height > PATTERN_MAX_SIDE) return false;
  let known = verdicts.get(env);
  if (!known) {
    known = new Map();
    verdicts.set(env, known);
  }
  const side = (length: number): Promise<boolean> => {
    const key = `${length}/${n}`;
    let verdict = known.get(key);
    if (!verdict) {
      if (known.size >= MAX_REMEMBERED) known.clear();
      verdict = probeSide(env, length, n).catch(() => false);
      known.set(key, verdict);
    }
    return verdict;
  };
  const [across, down] = await Promise.all([side(width), side(height)]);
  return across && down;
}
