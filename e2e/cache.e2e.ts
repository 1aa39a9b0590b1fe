import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpgradeResult } from './support/cache-upgrade-probe.ts';
import { byFile, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { currentWorker, stopServiceWorkers } from './support/launch-chromium.ts';
import { probeScript } from './support/probe-script.ts';

/** The IndexedDB cache in the real browser: a revisit fetches no image bytes, even after the worker restarts. */
let h: Harness;
const imageHits = () =>
  [...h.server.hits.entries()]
    .filter(([path]) => /\.(jpe?g|png|webp|avif)$/.test(path))
    .reduce((n, [, c]) => n + c, 0);

beforeAll(async () => {
  h = await startHarness({ devnet: true });
});
afterAll(() => h?.close());

describe('cache', () => {
  it('answers a reload from the cache without fetching the image bytes again', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/index.html`;
    await page.goto(url);
    const tabId = await tabIdOf(h.browser.worker, url);
    const first = byFile(await settledItems(h.browser.worker, tabId, 12));
    // The page itself loads each image once; the extension fetches each once more (without cookies).
    const afterFirst = imageHits();

    await page.reload();
    const second = byFile(await settledItems(h.browser.worker, tabId, 12));
    expect(Object.fromEntries(Object.entries(second).map(([k, v]) => [k, v.state]))).toEqual(
      Object.fromEntries(Object.entries(first).map(([k, v]) => [k, v.state])),
    );
    // A reload costs only the page's own image requests: no extension fetch at all.
    const pageOwn = Object.keys(first).length;
    expect(imageHits() - afterFirst).toBeLessThanOrEqual(pageOwn);
    await page.close();
  });

  it('survives a service-worker restart', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/index.html`;
    await page.goto(url);
    const tabId = await tabIdOf(h.browser.worker, url);
    await settledItems(h.browser.worker, tabId, 12);

    await h.browser.worker.evaluate(() => {
      (globalThis as { marker?: number }).marker = 1;
    });
    await stopServiceWorkers(page);
    const before = imageHits();
    await page.reload();
    await settledItems(await currentWorker(h.browser.context), tabId, 12).catch(() => []);
    const worker = await currentWorker(h.browser.context);
    // A new worker: the marker set on the old one is gone, so everything below came from IndexedDB.
    expect(await worker.evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
    const items = byFile(await settledItems(worker, tabId, 12));
    expect(items['invalid_datahash_E-dat-CA.jpg']?.state).toBe('tampered');
    expect(items['none_A.jpg']?.state).toBe('verified');
    expect(imageHits() - before).toBeLessThanOrEqual(Object.keys(items).length);
    await page.close();
  });

  it("upgrades a cache written before the size index in the browser's own IndexedDB, losing no row", async () => {
    const worker = await currentWorker(h.browser.context);
    await worker.evaluate(await probeScript('cache-upgrade-probe.ts', '__cacheUpgradeProbe'));
    const result = (await worker.evaluate(() =>
      (
        globalThis as unknown as { __cacheUpgradeProbe: typeof import('./support/cache-upgrade-probe.ts') }
      ).__cacheUpgradeProbe.probe('origin-lens-upgrade-test'),
    )) as UpgradeResult;
    expect(result).toEqual({
      verno: 3,
      rows: 49,
      indexed: 49,
      oldVerdict: 'no-provenance',
      // 51 rows past 60 000 bytes: the least recently used quarter (13 old rows) went, the new ones stayed.
      rowsAfterBound: 51 - 13,
      oldestKept: false,
    });
  });
});
