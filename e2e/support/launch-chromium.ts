import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** The built extension; ORIGIN_LENS_EXTENSION points the suite at another build (e.g. an older one, to see a test fail). */
export const CHROME_BUILD =
  process.env.ORIGIN_LENS_EXTENSION ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close: () => Promise<void>;
}

/**
 * The flags of every Chromium the tests, benchmarks and demo start: no sandbox (containers), no GPU, and none
 * of the browser's own background traffic (QUIC, component updates, sync), which would otherwise show up in
 * network assertions and CPU figures.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The command line for a Chromium with (or, for a benchmark's baseline, without) an unpacked extension. */
export function chromiumArgs(extension?: string): string[] {
  return extension
    ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...CHROMIUM_FLAGS]
    : [...CHROMIUM_FLAGS];
}

/** Debian's Chromium (Playwright cannot download browsers here) on a profile, 1280 × 800. */
export async function launchChromium(
  userDataDir: string,
  options: { extension?: string; headless?: boolean; lang?: string } = {},
): Promise<{ context: BrowserContext; worker?: Worker }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    // Chromium on Linux takes its UI language from --lang and LANGUAGE; `locale` sets the pages' navigator.
    ...(options.lang ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } } : {}),
    args: [...(options.lang ? [`--lang=${options.lang}`] : []), ...chromiumArgs(options.extension)],
  });
  return { context, worker: options.extension ? await currentWorker(context) : undefined };
}

/** Debian's Chromium with the built extension loaded. */
export async function launchWithExtension(
  options: {
    extension?: string;
    userDataDir?: string;
    headless?: boolean;
    keepProfile?: boolean;
    /** The browser's UI language ("fr"): what the extension's `_locales` are chosen by. */
    lang?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const extension = options.extension ?? CHROME_BUILD;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'origin-lens-profile-'));
  const { context, worker } = await launchChromium(userDataDir, {
    extension,
    headless: options.headless,
    lang: options.lang,
  });
  if (!worker) throw new Error('the extension started no service worker');
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    close: async () => {
      await context.close();
      if (!options.keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The current service worker (it changes after a restart). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
}

/**
 * Stops every service worker of the browser, as Chrome does after 30 s idle or when it kills one; the next
 * event (a page's content script connecting) starts a new worker.
 */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
