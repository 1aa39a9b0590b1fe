/**
 * `npx tsx scripts/bench-decode-web.ts [--runs N] [file…]`: the browser's PDQ decode in the built extension's
 * service worker (Chromium), per photo: the whole-bitmap read-back it replaced, the sampled read-back
 * (lib/fingerprint/decode-image-web.ts), the decode alone, and the whole fingerprintImage. Per call, in ms: the
 * CPU time of the extension's process (all its threads, decoder threads included, from /proc) and the wall
 * time; a loaded machine inflates the wall time most (the load average is printed).
 * Needs `npx wxt build` first.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../e2e/support/launch-chromium.ts';
import type { DECODE_STEPS, runStep } from '../e2e/support/pdq-decode-probe.ts';
import { pdqDecodeProbeScript } from '../e2e/support/probe-script.ts';
import { cpuDelta, cpuSnapshot } from './bench-page/process-cpu.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '15' } },
  allowPositionals: true,
});
const files = positionals.length > 0 ? positionals : ['fixtures/pdq/images/bridge-1-original.jpg'];
const probe = await pdqDecodeProbeScript();
const browser = await launchWithExtension();
try {
  await browser.worker.evaluate(probe);
  console.log(`load average at start: ${loadavg()[0]?.toFixed(1)} (2 cores)`);
  for (const file of files) {
    const mime = file.endsWith('.png') ? 'image/png' : file.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
    const base64 = readFileSync(resolve(ROOT, file)).toString('base64');
    console.log(`\n${file}: ms per call over ${values.runs} calls (extension CPU, wall)`);
    const steps = [
      'whole read-back + shrinkNearest512 (before)',
      'sampled read-back, createWebDecoder (now)',
      "createImageBitmap alone, premultiplyAlpha 'none' (before)",
      "createImageBitmap alone, premultiplyAlpha 'premultiply' (now)",
      'createImageBitmap resized to 512 x 512, pixelated',
      'createImageBitmap resized to 200 x 125, low',
      'flatten + PDQ of a 512 x 512 sample (no decode)',
      'fingerprintImage: SHA-256 + decode + PDQ (now)',
    ] satisfies Array<keyof typeof DECODE_STEPS>;
    for (const step of steps) {
      const runs = Number(values.runs);
      const before = cpuSnapshot(browser.userDataDir);
      const wall = await browser.worker.evaluate(
        ([s, f, n]) =>
          (
            globalThis as unknown as { __pdqDecodeProbe: { runStep: typeof runStep } }
          ).__pdqDecodeProbe.runStep(s, f, n),
        [step, { mime, base64 }, runs] as const,
      );
      const { extensionMs } = cpuDelta(before, cpuSnapshot(browser.userDataDir));
      console.log(
        `  ${step.padEnd(62)} ${(extensionMs / runs).toFixed(1).padStart(7)} ${(wall / runs).toFixed(1).padStart(7)}`,
      );
    }
  }
  console.log(`\nload average at end: ${loadavg()[0]?.toFixed(1)}`);
} finally {
  await browser.close();
}
