/**
 * The bench's images: re-encoded, cropped and resized variants of the repo's fixtures (JPEG, PNG, WebP at mixed
 * sizes, about 150 KB on average), and byte-identical copies of the fixtures that carry a C2PA manifest (re-encoding
 * would strip the manifest). Deterministic: the same seed gives the same bytes.
 */
import { statSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { ROOT } from './bench-paths.ts';
import { between, createRng, pick } from './prng.ts';

export interface BenchImage {
  /** Path under the site root, e.g. "img/v012.webp". */
  path: string;
  bytes: number;
  format: 'jpeg' | 'png' | 'webp';
  width: number;
  height: number;
  /** Copied unchanged from a fixture with a C2PA manifest. */
  c2pa?: string;
}

/**
 * Fixtures with an embedded manifest, at most ~300 KB, that resolve offline: remote_cloud.jpg (remote manifest
 * on the internet) and the CAWG sample that looks up a did:web document are left out so that no run waits on a
 * network this machine does not have.
 */
export const C2PA_SOURCES = [
  'valid_C_c2pars.jpg',
  'valid_CACA_two-manifests.jpg',
  'valid_photoshop.png',
  'ai_composite_firefly_photoshop.jpg',
  'invalid_sig_E-sig-CA.jpg',
  'invalid_datahash_E-dat-CA.jpg',
  'invalid_assertionuri_E-uri-CA.jpg',
  'error_unknown-alg_no_alg.jpg',
  'valid_boxhash.jpg',
  'valid_cawg-identity_C_with_CAWG_data.jpg',
] as const;

/**
 * Pictures to derive variants from. Tiny PDQ vectors, 26×28 noise and flat test graphics are left out: they
 * make poor photos and compress to a few KB at any size.
 */
const VARIANT_SOURCES = [
  'c2pa/none_A.jpg',
  'c2pa/none_sample1.webp',
  'c2pa/none_sample1.avif',
  'c2pa/none_xmp-provenance-but-no-jumbf.jpg',
  'c2pa/valid_truepic_camera.jpg',
  'c2pa/ai_trained_genfill.jpg',
  'c2pa/invalid_expired-cert_nikon.jpeg',
  'c2pa/ai_vendor-assertion-only_firefly1.jpg',
  'c2pa/valid_CACA_two-manifests.jpg',
  'c2pa/ai_composite_firefly_photoshop.jpg',
  'c2pa/valid_boxhash.jpg',
  'pdq/bridge-1-original.jpg',
  'pdq/blur-a-little.jpg',
  'pdq/high-contrast.jpg',
  'pdq/sharpen-a-little.jpg',
  'pdq/shrink-a-little.jpg',
  'pdq/bridge-7-flip-plus-1.jpg',
  'pdq/c.png',
  'pdq/square-512x512.jpg',
  'pdq/LA.png',
] as const;

const FIXTURE_DIRS: Record<string, string> = {
  c2pa: resolve(ROOT, 'fixtures/c2pa'),
  pdq: resolve(ROOT, 'fixtures/pdq/images'),
};

const TARGET_BYTES = 165_000;
const MIN_BYTES = 110_000;
const MAX_BYTES = 220_000;

interface Master {
  data: Buffer;
  width: number;
  height: number;
}

/** Each source decoded once, at most 1600 px wide, kept raw: variants are cut from it. */
async function loadMasters(): Promise<Master[]> {
  return Promise.all(
    VARIANT_SOURCES.map(async (source) => {
      const [dir, file] = source.split('/') as [string, string];
      const { data, info } = await sharp(join(FIXTURE_DIRS[dir] as string, file))
        .rotate()
        .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    }),
  );
}

async function encode(
  master: Master,
  crop: { left: number; top: number; width: number; height: number },
  width: number,
  format: BenchImage['format'],
  quality: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  let img = sharp(master.data, { raw: { width: master.width, height: master.height, channels: 3 } })
    .extract(crop)
    .resize({ width });
  if (format === 'jpeg') img = img.jpeg({ quality, mozjpeg: false });
  else if (format === 'webp') img = img.webp({ quality });
  else img = img.png({ compressionLevel: 9, palette: false });
  const { data, info } = await img.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Writes `count` distinct variants into `siteDir/img/`. Every variant is a different crop (so no two share
 * bytes or exact hashes), at a width and quality chosen for its format, then resized until it lands near the
 * ~150 KB target.
 */
export async function writeVariants(siteDir: string, count: number, seed: number): Promise<BenchImage[]> {
  const rng = createRng(seed);
  const masters = await loadMasters();
  const out: BenchImage[] = [];
  for (let i = 0; i < count; i++) {
    const master = masters[i % masters.length] as Master;
    const roll = rng();
    const format: BenchImage['format'] = roll < 0.6 ? 'jpeg' : roll < 0.85 ? 'webp' : 'png';
    // Crop 70–95% of the source at a random offset: a different picture as far as exact hashes go.
    const cw = Math.max(64, Math.floor(master.width * (0.7 + rng() * 0.25)));
    const ch = Math.max(64, Math.floor(master.height * (0.7 + rng() * 0.25)));
    const crop = {
      left: Math.floor(rng() * (master.width - cw)),
      top: Math.floor(rng() * (master.height - ch)),
      width: cw,
      height: ch,
    };
    const ranges = { jpeg: [700, 1300], webp: [800, 1500], png: [300, 420] } as const;
    let width = between(rng, ranges[format][0], ranges[format][1]);
    const quality = pick(rng, [72, 78, 82, 86]);
    let encoded = await encode(master, crop, width, format, quality);
    // Bytes grow roughly with the pixel count, so scale the width by the square root of the miss (flat
    // pictures compress so well that one step is not always enough).
    for (
      let pass = 0;
      pass < 3 && (encoded.data.length < MIN_BYTES || encoded.data.length > MAX_BYTES);
      pass++
    ) {
      width = Math.max(
        160,
        Math.min(2400, Math.round(width * Math.sqrt(TARGET_BYTES / encoded.data.length))),
      );
      encoded = await encode(master, crop, width, format, quality);
    }
    const ext = format === 'jpeg' ? 'jpg' : format;
    const path = `img/v${String(i).padStart(3, '0')}.${ext}`;
    await writeFile(join(siteDir, path), encoded.data);
    out.push({ path, bytes: encoded.data.length, format, width: encoded.width, height: encoded.height });
  }
  return out;
}

/** Byte-identical copies of the C2PA fixtures, `copies` of each under distinct URLs (as a CDN would serve). */
export async function writeC2paCopies(siteDir: string, copies: number): Promise<BenchImage[]> {
  const out: BenchImage[] = [];
  for (const file of C2PA_SOURCES) {
    const source = join(FIXTURE_DIRS.c2pa as string, file);
    const meta = await sharp(source).metadata();
    const ext = file.endsWith('.png') ? 'png' : 'jpg';
    const stem = file.replace(/\.[^.]+$/, '');
    for (let copy = 1; copy <= copies; copy++) {
      const path = `c2pa/${stem}-${copy}.${ext}`;
      await copyFile(source, join(siteDir, path));
      out.push({
        path,
        bytes: statSync(source).size,
        format: ext === 'png' ? 'png' : 'jpeg',
        width: meta.width ?? 0,
        height: meta.height ?? 0,
        c2pa: file,
      });
    }
  }
  return out;
}
