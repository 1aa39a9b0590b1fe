/**
 * `npm run bench`: prints the figures the issues set targets for. Scripts print; tests never time.
 * - fingerprints (SHA-256, PDQ, ISCC) and C2PA reads in Node;
 * - registry lookups and the local PDQ index on a real anvil;
 * - C2PA and the whole per-image check inside the extension's service worker, in Chromium.
 * `--json` prints one JSON object instead of tables.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../e2e/support/harness.ts';
import { launchWithExtension } from '../e2e/support/launch-chromium.ts';
import { startStaticServer } from '../e2e/support/static-server.ts';
import { benchC2pa } from './bench-c2pa.ts';
import { benchChain } from './bench-chain.ts';
import { benchFingerprint } from './bench-fingerprint.ts';

const json = process.argv.includes('--json');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] as number);
}

/** Per-image checks in the service worker: the first after a worker start pays the engine's cold start. */
async function benchExtension(): Promise<Record<string, number>> {
  if (!existsSync(resolve(ROOT, '.output/chrome-mv3/manifest.json'))) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const dir = resolve(ROOT, 'fixtures/c2pa');
  const files = readdirSync(dir).filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f));
  // '/pdq' before '/': the first mount whose prefix matches serves the request.
  const server = await startStaticServer({ '/pdq': resolve(ROOT, 'fixtures/pdq/images'), '/': dir });
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // A check that failed (a 404, a refused message) would time nothing worth reporting: it stops the bench.
    const check = async (url: string) => {
      const { ms, error } = await page.evaluate(async (u) => {
        const t = performance.now();
        const answer = (await chrome.runtime.sendMessage({ type: 'verify-url', url: u })) as
          | { key?: string; error?: string }
          | undefined;
        return { ms: performance.now() - t, error: answer?.key ? undefined : (answer?.error ?? 'no answer') };
      }, url);
      if (error) throw new Error(`verify-url ${url}: ${error}`);
      return ms;
    };
    const first = await check(`${server.origin}/${files[0]}`);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < 3; round++) {
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'clear-cache' }));
      for (const f of files) cold.push(await check(`${server.origin}/${f}?r=${round}`));
      // Same URLs again: answered from the cache, no fetch, no engine.
      for (const f of files) warm.push(await check(`${server.origin}/${f}?r=${round}`));
    }
    // The 1600 x 1004 photo (no C2PA), fetched and checked in the worker with the perceptual hash (what the
    // details page asks for: decode + 512 x 512 shrink + PDQ). The cache is cleared before each round: the
    // bytes are the same whatever the URL, and a cached hash would skip the decode being measured.
    const photo = `${server.origin}/pdq/bridge-1-original.jpg`;
    const withPdq: number[] = [];
    for (let round = 0; round < 7; round++) {
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'clear-cache' }));
      withPdq.push(await check(`${photo}?pdq=${round}`));
    }
    return {
      'extension.photo1600x1004.check+PDQ.medianMs': Math.round(median(withPdq) * 10) / 10,
      'extension.firstCheckAfterStartMs': Math.round(first),
      'extension.checkMedianMs (fetch+PDQ+C2PA+lookup)': Math.round(median(cold)),
      'extension.cachedCheckMedianMs': Math.round(median(warm) * 10) / 10,
      'extension.images': files.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const sections: Array<[string, () => Promise<Record<string, number>>]> = [
    ['Fingerprints (Node)', benchFingerprint],
    ['C2PA engine (Node)', () => benchC2pa()],
    ['Registry on anvil', benchChain],
    ['Extension service worker (Chromium)', benchExtension],
  ];
  const all: Record<string, number> = {};
  for (const [title, run] of sections) {
    const figures = await run();
    Object.assign(all, figures);
    if (!json) {
      console.log(`\n${title}`);
      for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(52)} ${v}`);
    }
  }
  if (json) console.log(JSON.stringify(all, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
