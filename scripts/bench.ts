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
    const sizeBound = await benchSizeBound(page);
    return {
      ...sizeBound,
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

/**
 * The cache's size bound on a full cache, in the extension's own IndexedDB (an extension page shares the
 * worker's origin): 20 000 rows as a user's cache holds them (most ~1 KB, one in ten with a ~60 KB C2PA
 * manifest), summed by walking every row (as before cache-db.ts v3) and by reading the size index's keys.
 */
async function benchSizeBound(page: import('playwright-core').Page): Promise<Record<string, number>> {
  // No named function inside: the page runs it as written, without tsx's name helper.
  const figures = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('origin-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const manifest = Array.from({ length: 400 }, (_, i) => ({
      label: `c2pa.assertion.${i}`,
      data: 'x'.repeat(120),
    }));
    const ROWS = 20_000;
    for (let start = 0; start < ROWS; start += 1000) {
      const tx = db.transaction('items', 'readwrite');
      const store = tx.objectStore('items');
      for (let i = start; i < start + 1000; i++) {
        const big = i % 10 === 0;
        store.put({
          key: `bench-size-${i}`,
          kind: 'image',
          urls: [`https://cdn.example/${i}.jpg`],
          evidence: big
            ? { c2pa: { raw: { manifests: manifest } } }
            : { fingerprints: { sha256: 'ab'.repeat(32) } },
          parts: {},
          verdict: 'no-provenance',
          reason: 'r',
          checkedAt: i,
          lastAccess: i,
          size: big ? 60_000 : 1000,
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    // As before v3: every row read back for its size.
    let t = performance.now();
    const walkTotal = await new Promise<number>((resolve, reject) => {
      let total = 0;
      const request = db.transaction('items', 'readonly').objectStore('items').openCursor();
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(total);
        total += (cursor.value as { size?: number }).size ?? 0;
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    const walkMs = performance.now() - t;
    // Since v3: the size index's keys, by a key cursor (what Dexie's orderBy('size').keys() runs): no value read.
    t = performance.now();
    const indexTotal = await new Promise<number>((resolve, reject) => {
      let total = 0;
      const request = db.transaction('items', 'readonly').objectStore('items').index('size').openKeyCursor();
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(total);
        total += cursor.key as number;
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    const indexMs = performance.now() - t;
    const tx = db.transaction('items', 'readwrite');
    tx.objectStore('items').delete(IDBKeyRange.bound('bench-size-', 'bench-size-\uffff'));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { walkMs, indexMs, walkTotal, indexTotal };
  });
  if (figures.walkTotal !== figures.indexTotal) {
    throw new Error(`size sums differ: ${figures.walkTotal} (rows) / ${figures.indexTotal} (index)`);
  }
  return {
    'extension.cacheSizeBound.20000rows.walkMs': Math.round(figures.walkMs),
    'extension.cacheSizeBound.20000rows.indexKeysMs': Math.round(figures.indexMs * 10) / 10,
    'extension.cacheSizeBound.20000rows.MB': Math.round(figures.walkTotal / 1e6),
  };
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
