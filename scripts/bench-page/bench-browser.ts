/**
 * Chromium for the bench: the same flags with and without the extension (the baseline differs only by the two
 * extension flags), always on a fresh profile so that the first visit is a cold cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { CHROMIUM } from '../../e2e/support/launch-chromium.ts';
import { PROBE_SCRIPT } from './page-probe.ts';

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker (undefined for the baseline). */
  worker?: Worker;
  extensionId?: string;
  userDataDir: string;
  close: () => Promise<void>;
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBench(extensionDir?: string): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'origin-lens-bench-'));
  const args = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...FLAGS]
    : FLAGS;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
  await context.addInitScript({ content: PROBE_SCRIPT });
  let worker: Worker | undefined;
  if (extensionDir) {
    worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  }
  return {
    context,
    worker,
    extensionId: worker ? new URL(worker.url()).host : undefined,
    userDataDir,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
