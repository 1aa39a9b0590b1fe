/**
 * One browser (fresh profile) for one page, with or without the extension: a warm-up navigation to an empty
 * page, a cold visit (the extension's caches empty), then, for static pages, a warm revisit in the same
 * profile. A quiet run does the same without watching the verdicts (measure-visit.ts), for the extension's
 * main-thread script.
 */
import { setSettings } from '../../e2e/support/extension-page.ts';
import { launchBench } from './bench-browser.ts';
import type { BenchPage } from './generate-site.ts';
import { measureVisit, type VisitResult } from './measure-visit.ts';
import { type CpuSpent, cpuSnapshot, cpuTotals, waitForQuietBrowser } from './process-cpu.ts';
import type { RpcProxy } from './rpc-proxy.ts';
import { type SiteServer, WARMUP_PATH } from './site-server.ts';
import { WorkerCdp } from './worker-cdp.ts';

export interface PageRun {
  cold: VisitResult;
  warm?: VisitResult;
  /**
   * CPU from launch until the browser went quiet, before any visit: its start, and with the extension the
   * worker's start and first sync (settings applied). Paid once per browser session, reported on its own.
   */
  start: CpuSpent;
}

export interface RunPageOptions {
  page: BenchPage;
  expectedItems: number;
  extensionDir?: string;
  server: SiteServer;
  rpc: RpcProxy;
  warm: boolean;
  /** Every chain off (the shipped default): no registry, no PDQ index, so no image is decoded. */
  chainsOff?: boolean;
  /** Quiet visits (measure-visit.ts): the page is not asked for its items this long after each load. */
  quiet?: { coldMs: number; warmMs?: number };
}

export async function runPage(o: RunPageOptions): Promise<PageRun> {
  const browser = await launchBench(o.extensionDir);
  try {
    // The profile's own first tab: one tab only, so the extension's tab id is unambiguous.
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const pageCdp = await browser.context.newCDPSession(page);
    const pageCpuCdp = await browser.context.newCDPSession(page);
    let workerCdp: WorkerCdp | undefined;
    let tabId: number | undefined;
    if (browser.worker) {
      await setSettings(browser.worker, {
        chains: [{ id: 31337, name: 'Local devnet', rpcUrl: o.rpc.url, enabled: !o.chainsOff }],
      });
      workerCdp = await WorkerCdp.attach(pageCdp, `chrome-extension://${browser.extensionId}/`);
      tabId = await browser.worker.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        const id = tabs.length === 1 ? tabs[0]?.id : undefined;
        if (id === undefined) throw new Error(`expected one tab, found ${tabs.length}`);
        return id;
      });
    }
    await waitForQuietBrowser(browser.userDataDir);
    const start = cpuTotals(cpuSnapshot(browser.userDataDir));
    await page.goto(`${o.server.origin}${WARMUP_PATH}`);
    await waitForQuietBrowser(browser.userDataDir);
    const env = {
      browser,
      page,
      pageCdp,
      pageCpuCdp,
      workerCdp,
      tabId,
      server: o.server,
      rpc: o.rpc,
      origin: o.server.origin,
    };
    const cold = await measureVisit(env, o.page, o.expectedItems, { quietMs: o.quiet?.coldMs });
    const warm = o.warm
      ? await measureVisit(env, o.page, o.expectedItems, {
          quietMs: o.quiet ? (o.quiet.warmMs ?? o.quiet.coldMs) : undefined,
        })
      : undefined;
    await workerCdp?.detach();
    return { cold, warm, start };
  } finally {
    await browser.close();
  }
}
