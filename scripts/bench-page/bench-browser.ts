/**
 * Chromium for the bench: the tests' Chromium (e2e/support/launch-chromium.ts), with and without the extension
 * (the baseline differs only by the two extension flags), always on a fresh profile so that the first visit is a cold cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchChromium } from '../../e2e/support/launch-chromium.ts';
import { PROBE_SCRIPT } from './page-probe.ts';

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker (undefined for the baseline). */
  worker?: Worker;
  extensionId?: string;
  userDataDir: string;
  close: () => Promise<void>;
}

export async function launchBench(extensionDir?: string): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'origin-lens-bench-'));
  const { context, worker } = await launchChromium(userDataDir, { extension: extensionDir });
  await context.addInitScript({ content: PROBE_SCRIPT });
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
