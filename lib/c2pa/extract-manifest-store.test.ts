import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractManifestStore, isC2paStoreBox } from './extract-manifest-store.ts';

/**
 * Real files from other products (fixtures/c2pa, fixtures/c2pa-realworld, see their SOURCES.md), one per container
 * format. The extracted store must be one complete JUMBF superbox labelled "c2pa" whose size field equals its
 * length; read-manifest-store.test.ts then shows the engine validates exactly these bytes.
 */
const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

function label(store: Uint8Array): string {
  const start = 8 + 8 + 16 + 1;
  return new TextDecoder().decode(store.subarray(start, store.indexOf(0, start)));
}

describe('extractManifestStore', () => {
  it.each([
    // JPEG with a store spread over several APP11 packets (366 870 bytes > one 64 KB segment).
    ['c2pa/ai_trained_genfill.jpg', 366_870],
    ['c2pa/valid_photoshop.png', 73_892],
    ['c2pa-realworld/openai_dalle3-chatgpt_puppy.webp', 90_286],
    ['c2pa-realworld/origo_heic_bmff-v2_test-signed.heic', 31_576],
  ])('finds the whole store in %s', (path, size) => {
    const store = extractManifestStore(fixture(path));
    expect(store?.length).toBe(size);
    expect(isC2paStoreBox(store as Uint8Array)).toBe(true);
    expect(label(store as Uint8Array)).toBe('c2pa');
  });

  it('reassembles APP11 packets in sequence order, dropping the repeated box header of each continuation', () => {
    const bytes = fixture('c2pa/ai_trained_genfill.jpg');
    const store = extractManifestStore(bytes) as Uint8Array;
    // The store's last 64 bytes come from the last packet: find them in the file, preceded by other data.
    const tail = store.subarray(store.length - 64);
    const text = Buffer.from(bytes);
    expect(text.indexOf(Buffer.from(tail))).toBeGreaterThan(0);
    // No continuation header ("jumb" right after a packet boundary) leaked into the middle of the store.
    const jumbAt: number[] = [];
    for (let i = 0; i + 4 <= store.length; i++)
      if (store[i] === 0x6a && store[i + 1] === 0x75 && store[i + 2] === 0x6d && store[i + 3] === 0x62)
        jumbAt.push(i);
    expect(jumbAt[0]).toBe(4);
    expect(new DataView(store.buffer, store.byteOffset).getUint32(0)).toBe(store.length);
  });

  it('returns undefined for files without credentials and for damaged or foreign input', () => {
    expect(extractManifestStore(fixture('c2pa/none_A.jpg'))).toBeUndefined();
    expect(extractManifestStore(fixture('c2pa/none_sample1.webp'))).toBeUndefined();
    expect(extractManifestStore(fixture('c2pa/none_sample1.avif'))).toBeUndefined();
    const jpeg = fixture('c2pa/ai_trained_genfill.jpg');
    // Cut inside the APP11 run: the store is incomplete, so nothing is returned (never a partial store).
    expect(extractManifestStore(jpeg.subarray(0, 100_000))).toBeUndefined();
    expect(extractManifestStore(new Uint8Array([0xff, 0xd8, 0xff, 0xeb, 0xff, 0xff]))).toBeUndefined();
    expect(extractManifestStore(new TextEncoder().encode('not an image at all'))).toBeUndefined();
    expect(extractManifestStore(new Uint8Array())).toBeUndefined();
  });
});
