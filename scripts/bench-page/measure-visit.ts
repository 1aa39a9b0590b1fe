/**
 * One measured visit of a bench page, with or without the extension: load time, long tasks, verdict timing
 * (in view, all), the extension's requests to the image host and to the RPC, CPU and JS heap.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { PageItem } from '../../lib/messages/protocol.ts';
import type { BenchBrowser } from './bench-browser.ts';
import type { BenchPage } from './generate-site.ts';
import { MemorySampler, summarize } from './memory-sampler.ts';
import { inViewAtLoad, readProbe } from './page-probe.ts';
import { type CpuSpent, cpuDelta, cpuSnapshot } from './process-cpu.ts';
import type { RpcProxy } from './rpc-proxy.ts';
import type { SiteServer } from './site-server.ts';
import { itemKey, VerdictWatch } from './verdict-watch.ts';
import type { WorkerCdp } from './worker-cdp.ts';

export interface VisitEnv {
  browser: BenchBrowser;
  page: Page;
  pageCdp: CDPSession;
  /**
   * A second session on the page whose Performance domain counts in the main thread's CPU time (`threadTicks`)
   * instead of wall time: a script that waits for a core does not count there.
   */
  pageCpuCdp: CDPSession;
  workerCdp?: WorkerCdp;
  tabId?: number;
  server: SiteServer;
  rpc: RpcProxy;
  origin: string;
}

export interface FeedResult {
  inserted: number;
  /** insertion → verdict, ms, for each image that got one while in the DOM. */
  delays: number[];
  /**
   * `delays` in three stages, ms, for the images that went through all three: insertion → the image's load event
   * in the page (the page's own download: the content script looks at an image once it has a size), → the
   * extension's fetch of it reaching the site server (the content script's and the worker's queues), → verdict.
   */
  stages: { pageLoad: number[]; toFetch: number[]; toVerdict: number[] };
  /** Images removed from the feed (or still pending at the end) without a verdict. */
  missed: number;
  /** Heap at the first batch vs at the end, MB. */
  pageHeapStartMB: number;
  pageHeapEndMB: number;
  workerHeapStartMB?: number;
  workerHeapEndMB?: number;
  /** Items the content script still tracks at the end (the DOM holds at most maxPosts images). */
  trackedAtEnd?: number;
}

export interface VisitResult {
  loadMs: number;
  longTasks: { count: number; totalMs: number; maxMs: number };
  /** Verdict times relative to the load event, ms (negative: before load). */
  firstInViewMs?: number;
  allInViewMs?: number;
  allSettledMs?: number;
  inView: number;
  items?: number;
  states?: Record<string, number>;
  settled?: boolean;
  extensionRequests: number;
  extensionBytes: number;
  rpc: {
    requests: number;
    ethCalls: number;
    methods: Record<string, number>;
    hashesPerCall: number[];
    minGapMs?: number;
  };
  cpu: CpuSpent;
  /**
   * JavaScript run on the page's main thread over the visit (CDP Performance.getMetrics ScriptDuration, the
   * page's scripts and content scripts alike): with − without is the extension's main-thread script.
   */
  scriptMs: number;
  /**
   * The same in the main thread's CPU time. On this 2-core machine the page's thread shares the cores with the
   * extension's worker and the page's own image decoding, so the wall-clock figure above also holds the time
   * our script waited for a core; this one is the work alone.
   */
  scriptCpuMs: number;
  heap: { pagePeakMB: number; workerPeakMB?: number };
  feed?: FeedResult;
}

export const SETTLE_TIMEOUT_MS = 30_000;
/** Long tasks that start this long after the last verdict are still counted (late overlay work). */
const TAIL_MS = 500;
/** A static page without the extension is watched this long after load. */
const BASELINE_WINDOW_MS = 1500;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A feed image: inserted at `t`, its load event (the page's own download) at `loadedAt` (epoch ms). */
interface FeedEntry {
  url: string;
  t: number;
  loadedAt?: number;
}

async function feedState(page: Page): Promise<{ done: boolean; log: FeedEntry[] }> {
  return page.evaluate(() => {
    const feed = (window as unknown as { __feed?: { done: boolean; log: FeedEntry[] } }).__feed;
    return { done: feed?.done ?? false, log: [...(feed?.log ?? [])] };
  });
}

/** In a quiet visit, how long to wait before asking the page again whether every item has settled. */
const QUIET_RECHECK_MS = 500;

/**
 * One visit. With the extension, its verdicts are watched by asking the content script for its items every
 * 50 ms (verdict-watch.ts). That costs the page's main thread too (~0.5 ms a time on the gallery, 20–45 ms
 * over a cold visit), so the extension's own main-thread script is measured in a quiet visit (`quietMs`):
 * nothing asks the page anything for `quietMs` after load (the watched visit's settling time plus a margin),
 * then the script time is read, and only then is the page asked once whether every item has settled (if not,
 * the reading is taken again 500 ms later, and so on). The feed pages are watched as without the extension.
 */
export async function measureVisit(
  env: VisitEnv,
  bench: BenchPage,
  expectedItems: number,
  options: { quietMs?: number } = {},
): Promise<VisitResult> {
  const { page, server, rpc, browser } = env;
  const isFeed = bench.name === 'feed';
  // Pages that keep changing after load: watched until the page says it is done.
  const untilDone = isFeed || bench.name === 'thread';
  server.reset();
  rpc.reset();
  const sampler = new MemorySampler(env.pageCdp, env.workerCdp);
  const cpuBefore = cpuSnapshot(browser.userDataDir);
  await env.pageCdp.send('Performance.enable');
  await env.pageCpuCdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const scriptBefore = await scriptSeconds(env.pageCdp);
  const scriptCpuBefore = await scriptSeconds(env.pageCpuCdp);
  await sampler.start();

  // Verdicts are polled from the load event on: polling during the load (20 messages a second through the
  // worker into the page) would slow the very load time being compared with the baseline, which is not
  // polled. The content script starts scanning at the load event anyway (or 3 s in, on pages slower than
  // ours), so nothing is missed; a verdict that came earlier would be timed at the first poll (late, never
  // early).
  await page.goto(`${env.origin}${bench.path}`, { waitUntil: 'load' });
  const quiet = options.quietMs !== undefined;
  const watch =
    browser.worker && env.tabId !== undefined ? new VerdictWatch(browser.worker, env.tabId) : null;
  if (!quiet) watch?.start();
  const atLoad = await readProbe(page);
  const loadAt = atLoad.timeOrigin + atLoad.loadMs;
  const inView = await inViewAtLoad(page);

  let settled: boolean | undefined;
  let quietScript: number | undefined;
  let quietCpu: number | undefined;
  if (quiet && watch && !untilDone) {
    await pause(options.quietMs ?? 0);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      quietScript = await scriptSeconds(env.pageCdp);
      quietCpu = await scriptSeconds(env.pageCpuCdp);
      const items = await watch.once();
      settled = !items.some((i) => i.state === 'pending') && items.length >= expectedItems;
      if (settled || Date.now() > deadline) break;
      await pause(QUIET_RECHECK_MS);
    }
    await watch.stop();
  } else if (watch && !quiet) {
    settled = await watch.until(async (items) => {
      const pending = items.some((i) => i.state === 'pending');
      // The feed drops old posts, so it never holds all its items at once; the thread's article does.
      if (isFeed) return !pending && (await feedState(page)).done;
      if (untilDone) return !pending && items.length >= expectedItems && (await feedState(page)).done;
      return !pending && items.length >= expectedItems;
    }, SETTLE_TIMEOUT_MS);
    await pause(TAIL_MS);
    await watch.stop();
  } else if (untilDone) {
    while (!(await feedState(page)).done) await pause(100);
    await pause(TAIL_MS);
  } else {
    await pause(BASELINE_WINDOW_MS);
  }
  await sampler.stop();
  const cpu = cpuDelta(cpuBefore, cpuSnapshot(browser.userDataDir));

  // The counter is the renderer's: a navigation that starts a new renderer (a revisit often does) starts it
  // again from zero, and then the whole count is this visit's.
  const scriptAfter = quietScript ?? (await scriptSeconds(env.pageCdp));
  const scriptMs = spentMs(scriptBefore, scriptAfter);
  const scriptCpuMs = spentMs(scriptCpuBefore, quietCpu ?? (await scriptSeconds(env.pageCpuCdp)));
  const probe = await readProbe(page);

  const longTasks = probe.longTasks;
  const result: VisitResult = {
    loadMs: atLoad.loadMs,
    longTasks: {
      count: longTasks.length,
      totalMs: longTasks.reduce((s, t) => s + t.duration, 0),
      maxMs: longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
    },
    inView: inView.urls.length + inView.texts.length,
    extensionRequests: server.requests.filter((r) => r.fromExtension).length,
    extensionBytes: server.requests.filter((r) => r.fromExtension).reduce((s, r) => s + r.bytes, 0),
    rpc: rpcSummary(rpc),
    cpu,
    scriptMs,
    scriptCpuMs,
    heap: {
      pagePeakMB: summarize(sampler.page).peakMB,
      workerPeakMB: env.workerCdp ? summarize(sampler.worker).peakMB : undefined,
    },
  };

  if (watch && !quiet) {
    const rel = (at: number | undefined) => (at === undefined ? undefined : at - loadAt);
    const viewKeys = [
      ...inView.urls.map((url) => itemKey({ kind: 'image', url })),
      ...inView.texts.map((preview) => itemKey({ kind: 'text', preview })),
    ];
    const viewTimes = viewKeys.map((k) => watch.settledAt.get(k));
    const known = viewTimes.filter((t): t is number => t !== undefined);
    result.firstInViewMs = known.length > 0 ? rel(Math.min(...known)) : undefined;
    result.allInViewMs =
      known.length === viewTimes.length && known.length > 0 ? rel(Math.max(...known)) : undefined;
    const all = [...watch.settledAt.values()];
    result.allSettledMs = settled && all.length > 0 ? rel(Math.max(...all)) : undefined;
    result.items = watch.last.length;
    result.states = countStates(watch.last);
    result.settled = settled;
  }

  if (isFeed) {
    const { log } = await feedState(page);
    const pageHeap = summarize(sampler.page);
    const workerHeap = env.workerCdp ? summarize(sampler.worker) : undefined;
    const firstBatchAt = log[0]?.t ?? loadAt;
    const delays: number[] = [];
    const stages: FeedResult['stages'] = { pageLoad: [], toFetch: [], toVerdict: [] };
    const fetchedAt = new Map<string, number>();
    for (const r of server.requests) {
      if (r.fromExtension && !fetchedAt.has(r.url)) fetchedAt.set(r.url, r.at);
    }
    let missed = 0;
    if (watch && !quiet) {
      for (const { url, t, loadedAt } of log) {
        const { pathname, search } = new URL(url);
        const fetched = fetchedAt.get(`${pathname}${search}`);
        const at = watch.settledAt.get(itemKey({ kind: 'image', url }));
        if (at === undefined) missed++;
        else delays.push(at - t);
        if (at !== undefined && fetched !== undefined && loadedAt !== undefined) {
          stages.pageLoad.push(loadedAt - t);
          stages.toFetch.push(fetched - loadedAt);
          stages.toVerdict.push(at - fetched);
        }
      }
    }
    result.feed = {
      inserted: log.length,
      delays,
      stages,
      missed,
      pageHeapStartMB: pageHeap.atMB(Math.max(firstBatchAt, loadAt)),
      pageHeapEndMB: pageHeap.lastMB,
      workerHeapStartMB: workerHeap?.atMB(loadAt),
      workerHeapEndMB: workerHeap?.lastMB,
      trackedAtEnd: watch?.last.length,
    };
  }
  return result;
}

/** ms between two readings of a renderer's counter (seconds), or the whole second reading after a new renderer. */
function spentMs(before: number, after: number): number {
  return (after >= before ? after - before : after) * 1000;
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
}

function countStates(items: Array<Pick<PageItem, 'state'>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i.state] = (out[i.state] ?? 0) + 1;
  return out;
}

function rpcSummary(rpc: RpcProxy): VisitResult['rpc'] {
  const methods: Record<string, number> = {};
  for (const r of rpc.log) for (const m of r.methods) methods[m] = (methods[m] ?? 0) + 1;
  const calls = rpc.log.filter((r) => r.methods.includes('eth_call'));
  let minGapMs: number | undefined;
  for (let i = 1; i < calls.length; i++) {
    const gap = (calls[i]?.at ?? 0) - (calls[i - 1]?.at ?? 0);
    minGapMs = minGapMs === undefined ? gap : Math.min(minGapMs, gap);
  }
  return {
    requests: rpc.log.length,
    ethCalls: calls.length,
    methods,
    hashesPerCall: calls.map((c) => c.hashes),
    minGapMs,
  };
}
