/**
 * Fingerprint benchmarks: SHA-256 throughput (WebCrypto and @noble/hashes), PDQ per image from the file
 * bytes (Node decoder included) and from a 64x64 luma, ISCC Text-Code per KB of text.
 *
 *   npx tsx scripts/bench-fingerprint.ts     prints a table
 *   import { benchFingerprint }              returns the same figures as { name: value }
 *
 * Each figure is the median of several timed batches, after a warm-up (the JIT, sharp's thread pool).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { sha256 } from '@noble/hashes/sha2.js';
import { findC2paTrace } from '../lib/c2pa/detect-c2pa.ts';
import { fingerprintImage } from '../lib/fingerprint/fingerprint-image.ts';
import { fingerprintText } from '../lib/fingerprint/fingerprint-text.ts';
import { isccTextCode } from '../lib/fingerprint/iscc-text.ts';
import { lumaFromRgb, pdqFrom64, pdqFromRgb } from '../lib/fingerprint/pdq.ts';
import { screenPdq } from '../lib/fingerprint/screen-pdq.ts';
import { sha256Hex } from '../lib/fingerprint/sha256.ts';
import { shrinkNearest512 } from '../lib/fingerprint/shrink-nearest.ts';
import { decodeImageNode } from '../lib/node/decode-image-node.ts';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/pdq/${path}`, import.meta.url)));

/** Milliseconds per call: median over `batches` batches of `perBatch` calls, after one warm-up batch. */
async function msPerCall(fn: () => unknown, perBatch: number, batches = 5): Promise<number> {
  for (let i = 0; i < perBatch; i++) await fn();
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) await fn();
    times.push((performance.now() - t0) / perBatch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

function sampleText(bytes: number): string {
  const words =
    'the quick brown fox jumps over lazy dogs while seven wizards quietly judge boxing matches'.split(' ');
  let s = '';
  for (let i = 0; s.length < bytes; i++) s += `${words[(i * 7 + (i >> 3)) % words.length]} `;
  return s.slice(0, bytes);
}

export async function benchFingerprint(): Promise<Record<string, number>> {
  const r: Record<string, number> = {};

  // SHA-256 throughput, MB/s (1 MB = 1e6 bytes).
  for (const [label, size, reps] of [
    ['1KB', 1024, 2000],
    ['100KB', 100 * 1024, 100],
    ['5MB', 5 * 1024 * 1024, 4],
  ] as const) {
    const data = new Uint8Array(size).map((_, i) => (i * 31) & 0xff);
    r[`sha256.webcrypto.${label}.MBps`] = round(size / 1e3 / (await msPerCall(() => sha256Hex(data), reps)));
    r[`sha256.noble.${label}.MBps`] = round(
      size / 1e3 / (await msPerCall(() => sha256(data), Math.max(1, reps >> 2))),
    );
  }

  // PDQ from the file bytes: SHA-256 + decode (sharp) + flatten + PDQ, i.e. fingerprintImage.
  const images: [string, string][] = [
    ['pdq.bytes.jpeg-256x256.ms', 'images/q1050.jpg'],
    ['pdq.bytes.webp-1050x700.ms', 'robustness/none_sample1.webp'],
    ['pdq.bytes.jpeg-1600x1004.ms', 'images/bridge-1-original.jpg'],
    ['pdq.bytes.png-2100x1500.ms', 'robustness/valid_photoshop.png'],
  ];
  for (const [name, path] of images) {
    const bytes = fixture(path);
    r[name] = round(await msPerCall(() => fingerprintImage(bytes, '', decodeImageNode), 3));
  }
  // The same 1600x1004 photo split into decoding and hashing.
  const bridge = fixture('images/bridge-1-original.jpg');
  r['pdq.decode-only.jpeg-1600x1004.ms'] = round(await msPerCall(() => decodeImageNode(bridge, ''), 3));
  const decoded = await decodeImageNode(bridge, '');
  r['pdq.hash-only.1600x1004.ms'] = round(
    await msPerCall(() => pdqFromRgb(decoded.data, decoded.width, decoded.height, decoded.channels), 5),
  );

  // The cpp_nn512 path on the decoded pixels: nearest-neighbour to 512 x 512, then PDQ.
  r['pdq.shrink512+hash.1600x1004.ms'] = round(
    await msPerCall(() => {
      const s = shrinkNearest512(decoded);
      return pdqFromRgb(s.data, s.width, s.height, s.channels);
    }, 20),
  );
  // The PDQ screen (issue 14): the approximate hash from a JPEG's DC coefficients, no decode. It decides whether
  // the exact hash is worth computing; the target of <= 5 ms per 1600 x 1000 JPEG is for this.
  r['pdq.screen.jpeg-1600x1004.ms'] = round(await msPerCall(() => screenPdq(bridge), 20));
  const camera = new Uint8Array(
    readFileSync(new URL('../fixtures/c2pa-realworld/truepic_lens-ios_capture.jpg', import.meta.url)),
  );
  r['pdq.screen.jpeg-3024x4032.ms'] = round(await msPerCall(() => screenPdq(camera), 3));

  // The C2PA trace scan that decides whether the engine runs (a plain photo: the whole file is read).
  r['detect-c2pa.plain-jpeg-361KB.ms'] = round(await msPerCall(() => findC2paTrace(bridge), 50));
  const big = new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 7919) & 0x5f);
  r['detect-c2pa.5MB-no-trace.ms'] = round(await msPerCall(() => findC2paTrace(big), 5));

  // PDQ from a 64x64 luma (quality metric + DCT + median threshold).
  const small = await decodeImageNode(fixture('images/q1050.jpg'), '');
  const luma64 = lumaFromRgb(small.data, small.width, small.height, small.channels).subarray(0, 4096);
  r['pdq.from64.ms'] = round(await msPerCall(() => pdqFrom64(luma64), 500));

  // ISCC Text-Code and the whole text fingerprint, per KB of text.
  const oneKb = sampleText(1024);
  let n = 0;
  r['iscc.text.ms-per-KB'] = round(await msPerCall(() => isccTextCode(oneKb + (n++ % 10)), 300));
  const hundredKb = sampleText(100 * 1024);
  r['iscc.text.100KB.ms-per-KB'] = round((await msPerCall(() => isccTextCode(hundredKb), 3)) / 100);
  r['fingerprintText.1KB.ms'] = round(await msPerCall(() => fingerprintText(oneKb + (n++ % 10)), 300));
  // What the worker computes for a page's paragraph: the collapsed-text SHA-256 without the ISCC Text-Code.
  r['fingerprintText.1KB.no-iscc.ms'] = round(
    await msPerCall(() => fingerprintText(oneKb + (n++ % 10), { iscc: false }), 300),
  );

  return r;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchFingerprint();
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  console.log(`${'measure'.padEnd(width)}  value`);
  for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(width)}  ${v}`);
}
