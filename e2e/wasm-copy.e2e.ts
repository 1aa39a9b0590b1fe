import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_PREFIX, COPY_KEY } from '../lib/c2pa/wasm-copy.ts';
import { byFile, settledItems, tabIdOf } from './support/extension-page.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { currentWorker, stopServiceWorkers } from './support/launch-chromium.ts';

/**
 * The C2PA engine's WASM copied into Cache Storage at install (lib/c2pa/wasm-copy.ts): a restarted worker
 * starts the engine from the copy, and a damaged copy is dropped for the packaged file. Each page shows a C2PA
 * file no earlier page showed, so that its verdict comes from the engine, not from IndexedDB.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    routes: [
      (req, res) => {
        const match = /^\/copy\/(.+\.jpg)\.html$/.exec(req.url ?? '');
        if (!match) return;
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(`<!doctype html><title>copy</title><img src="/c2pa/${match[1]}" width="320" height="240">`);
        return true;
      },
    ],
  });
});
afterAll(() => h?.close());

async function copies(worker: Worker): Promise<string[]> {
  return worker.evaluate(
    async (prefix) => (await caches.keys()).filter((name) => name.startsWith(prefix)),
    CACHE_PREFIX,
  );
}

/** The running worker: a stopped one may still be listed for a while, and answers nothing. */
async function liveWorker(): Promise<Worker> {
  for (;;) {
    const worker = await currentWorker(h.browser.context);
    const alive = await Promise.race([
      worker.evaluate(() => true).catch(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
    ]);
    if (alive) return worker;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** In a new worker, opens the page of one C2PA fixture; its verdict, and the worker (still running). */
async function verdictOf(file: string): Promise<{ state?: string; worker: Worker }> {
  const page = await h.browser.context.newPage();
  await stopServiceWorkers(page);
  const url = `${h.server.origin}/copy/${file}.html`;
  await page.goto(url);
  const worker = await liveWorker();
  const items = byFile(await settledItems(worker, await tabIdOf(worker, url), 1));
  await page.close();
  return { state: items[file]?.state, worker };
}

describe("the C2PA engine's copy in Cache Storage", () => {
  it('is made when the extension is installed, one per build', async () => {
    await expect.poll(() => copies(h.browser.worker), { timeout: 20_000 }).toHaveLength(1);
  });

  it('starts the engine of a restarted worker, and is kept', async () => {
    const [name] = await copies(h.browser.worker);
    const { state, worker } = await verdictOf('ai_composite_firefly_photoshop.jpg');
    expect(state).toBe('ai-generated');
    expect(await copies(worker)).toEqual([name]);
  });

  it('is dropped when it does not compile, and the engine starts from the package', async () => {
    const worker = await liveWorker();
    const [name] = await copies(worker);
    expect(name).toBeDefined();
    // Damaged on disk: a truncated module.
    await worker.evaluate(
      async ([cacheName, key]) => {
        const cache = await caches.open(cacheName as string);
        const truncated = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00]);
        await cache.put(
          key as string,
          new Response(truncated, { headers: { 'content-type': 'application/wasm' } }),
        );
      },
      [name, COPY_KEY],
    );
    const after = await verdictOf('valid_boxhash.jpg');
    expect(after.state).toBe('unknown-signer');
    // The new worker found the copy, could not compile it and deleted it.
    expect(await copies(after.worker)).toEqual([]);
  });
});
