/**
 * `npx tsx scripts/bench-decode-web.ts [--runs N] [file…]`: the browser's PDQ decode in the built extension's
 * service worker (Chromium), per photo: the whole-bitmap read-back it replaced, the sampled read-back
 * (lib/fingerprint/decode-image-web.ts), the decode alone, and the whole fingerprintImage. Medians in ms;
 * wall time inside the worker, so a loaded machine inflates every figure (the load average is printed).
 * Needs `npx wxt build` first.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { launchWithExtension } from '../e2e/support/launch-chromium.ts';
import type { timeDecoders } from '../e2e/support/pdq-decode-probe.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '15' } },
  allowPositionals: true,
});
const files = positionals.length > 0 ? positionals : ['fixtures/pdq/images/bridge-1-original.jpg'];
const bundle = await build({
  entryPoints: [resolve(ROOT, 'e2e/support/pdq-decode-probe.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: '__pdqDecodeProbe',
  platform: 'browser',
  footer: { js: 'globalThis.__pdqDecodeProbe = __pdqDecodeProbe;' },
});
const browser = await launchWithExtension();
try {
  await browser.worker.evaluate(bundle.outputFiles[0]?.text ?? '');
  console.log(`load average at start: ${loadavg()[0]?.toFixed(1)} (2 cores)`);
  for (const file of files) {
    const mime = file.endsWith('.png') ? 'image/png' : file.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
    const base64 = readFileSync(resolve(ROOT, file)).toString('base64');
    const medians = await browser.worker.evaluate(
      ([f, runs]) =>
        (
          globalThis as unknown as { __pdqDecodeProbe: { timeDecoders: typeof timeDecoders } }
        ).__pdqDecodeProbe.timeDecoders(f, runs),
      [{ mime, base64 }, Number(values.runs)] as const,
    );
    console.log(`\n${file} (median of ${values.runs}, ms)`);
    for (const [step, ms] of Object.entries(medians)) console.log(`  ${step.padEnd(50)} ${ms.toFixed(1)}`);
  }
  console.log(`\nload average at end: ${loadavg()[0]?.toFixed(1)}`);
} finally {
  await browser.close();
}
