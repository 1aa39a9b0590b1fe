/*
 * Bundled by e2e/pdq-decode.e2e.ts and evaluated in the extension's service worker: runs the browser decoder
 * on real files with the real createImageBitmap and OffscreenCanvas, next to the whole-bitmap read-back that
 * the sampled path replaces.
 */
import { createWebDecoder } from '../../lib/fingerprint/decode-image-web.ts';
import { fingerprintImage } from '../../lib/fingerprint/fingerprint-image.ts';
import { flattenAlphaOnWhite } from '../../lib/fingerprint/flatten-alpha.ts';
import { patternSamplesExactly } from '../../lib/fingerprint/pattern-sample.ts';
import { pdqFromRgb } from '../../lib/fingerprint/pdq.ts';
import { shrinkNearest512 } from '../../lib/fingerprint/shrink-nearest.ts';

export interface ProbeResult {
  name: string;
  width?: number;
  height?: number;
  pdq?: string;
  pdqError?: string;
  /** Whether the decoder's pixels equal shrinkNearest512 of the whole bitmap read back (before flattening). */
  sameAsFullReadBack: boolean;
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Every pixel of the file, as the decoder read it before this change: one drawImage, one getImageData. */
async function fullReadBack(bytes: Uint8Array<ArrayBuffer>, mime: string) {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
    imageOrientation: 'from-image',
  });
  const { width, height } = bitmap;
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { data: ctx.getImageData(0, 0, width, height, { colorSpace: 'srgb' }).data, width, height };
}

export async function probe(files: { name: string; mime: string; base64: string }[]): Promise<ProbeResult[]> {
  const decode = createWebDecoder(globalThis);
  const results: ProbeResult[] = [];
  for (const { name, mime, base64 } of files) {
    const bytes = fromBase64(base64) as Uint8Array<ArrayBuffer>;
    const decoded = await decode(bytes, mime);
    const full = await fullReadBack(bytes, mime);
    const expected = shrinkNearest512({ ...full, channels: 4 }).data;
    const same = decoded.data.length === expected.length && decoded.data.every((v, i) => v === expected[i]);
    const fp = await fingerprintImage(bytes, mime, decode);
    results.push({
      name,
      width: fp.width,
      height: fp.height,
      pdq: fp.pdq?.hash,
      pdqError: fp.pdqError,
      sameAsFullReadBack: same,
    });
  }
  return results;
}

/** Whether the decoder samples images of these sizes in one pattern fill (pattern-sample.ts's probes). */
export async function patternSizes(sizes: [number, number][]): Promise<boolean[]> {
  return Promise.all(sizes.map(([w, h]) => patternSamplesExactly(globalThis, w, h, 512)));
}

/** A decode straight to a smaller bitmap (does the browser decode at reduced size? see the README). */
function resizedDecode(width: number, height: number, quality: ResizeQuality) {
  return async (bytes: Uint8Array<ArrayBuffer>, mime: string) => {
    const blob = new Blob([bytes], { type: mime });
    const options = {
      colorSpaceConversion: 'none',
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: quality,
    };
    (await createImageBitmap(blob, options as ImageBitmapOptions)).close();
  };
}

/** What scripts/bench-decode-web.ts times, one step at a time (its CPU time is read from /proc around it). */
export const DECODE_STEPS = {
  'whole read-back + shrinkNearest512 (before)': async (bytes: Uint8Array<ArrayBuffer>, mime: string) => {
    shrinkNearest512({ ...(await fullReadBack(bytes, mime)), channels: 4 });
  },
  'sampled read-back, createWebDecoder (now)': async (bytes: Uint8Array<ArrayBuffer>, mime: string) => {
    await createWebDecoder(globalThis)(bytes, mime);
  },
  "createImageBitmap alone, premultiplyAlpha 'none' (before)": async (
    bytes: Uint8Array<ArrayBuffer>,
    mime: string,
  ) => {
    const blob = new Blob([bytes], { type: mime });
    (await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' })).close();
  },
  "createImageBitmap alone, premultiplyAlpha 'premultiply' (now)": async (
    bytes: Uint8Array<ArrayBuffer>,
    mime: string,
  ) => {
    const blob = new Blob([bytes], { type: mime });
    (
      await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'premultiply' })
    ).close();
  },
  'createImageBitmap resized to 512 x 512, pixelated': resizedDecode(512, 512, 'pixelated'),
  'createImageBitmap resized to 200 x 125, low': resizedDecode(200, 125, 'low'),
  'flatten + PDQ of a 512 x 512 sample (no decode)': async () => {
    const data = new Uint8ClampedArray(512 * 512 * 4);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    flattenAlphaOnWhite(data, 512, 512);
    pdqFromRgb(data, 512, 512, 4);
  },
  'fingerprintImage: SHA-256 + decode + PDQ (now)': async (bytes: Uint8Array<ArrayBuffer>, mime: string) => {
    await fingerprintImage(bytes, mime, createWebDecoder(globalThis));
  },
};

/** Runs one step `runs` times; returns the wall time in ms (the caller reads the CPU time). */
export async function runStep(
  step: keyof typeof DECODE_STEPS,
  file: { mime: string; base64: string },
  runs: number,
): Promise<number> {
  const bytes = fromBase64(file.base64) as Uint8Array<ArrayBuffer>;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await DECODE_STEPS[step](bytes, file.mime);
  return performance.now() - t0;
}
