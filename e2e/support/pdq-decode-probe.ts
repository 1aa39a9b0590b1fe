/*
 * Bundled by e2e/pdq-decode.e2e.ts and evaluated in the extension's service worker: runs the browser decoder
 * on real files with the real createImageBitmap and OffscreenCanvas, next to the whole-bitmap read-back that
 * the sampled path replaces.
 */
import { createWebDecoder } from '../../lib/fingerprint/decode-image-web.ts';
import { fingerprintImage } from '../../lib/fingerprint/fingerprint-image.ts';
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

/** Median of each step over `runs` runs, ms (scripts/bench-decode-web.ts): what the sampled read-back saves. */
export async function timeDecoders(
  file: { mime: string; base64: string },
  runs: number,
): Promise<Record<string, number>> {
  const bytes = fromBase64(file.base64) as Uint8Array<ArrayBuffer>;
  const decode = createWebDecoder(globalThis);
  const times: Record<string, number[]> = {};
  const time = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const out = await run();
    times[name] = [...(times[name] ?? []), performance.now() - t0];
    return out;
  };
  for (let i = 0; i < runs; i++) {
    await time('whole read-back + shrinkNearest512 (before)', async () =>
      shrinkNearest512({ ...(await fullReadBack(bytes, file.mime)), channels: 4 }),
    );
    await time('sampled read-back, createWebDecoder (now)', () => decode(bytes, file.mime));
    const blob = await time('new Blob (a copy of the bytes)', () => new Blob([bytes], { type: file.mime }));
    for (const premultiplyAlpha of ['none', 'premultiply'] as const) {
      await time(`createImageBitmap, premultiplyAlpha '${premultiplyAlpha}'`, async () =>
        (await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha })).close(),
      );
    }
    const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    await time('draw + getImageData of the whole bitmap', () => {
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d', {
        willReadFrequently: true,
      });
      ctx?.drawImage(bitmap, 0, 0);
      return ctx?.getImageData(0, 0, bitmap.width, bitmap.height, { colorSpace: 'srgb' });
    });
    bitmap.close();
    await time('fingerprintImage: SHA-256 + decode + PDQ (now)', () =>
      fingerprintImage(bytes, file.mime, decode),
    );
  }
  return Object.fromEntries(
    Object.entries(times).map(([k, v]) => [k, v.sort((a, b) => a - b)[v.length >> 1] as number]),
  );
}
