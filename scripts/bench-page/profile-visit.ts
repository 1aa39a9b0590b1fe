/**
 * `--profile`: one cold gallery visit with the V8 CPU profiler running on the page's main thread (page scripts
 * and our content script) and on the service worker. Writes the .cpuprofile files (open them in DevTools'
 * Performance panel) and summarises self time by function and by script.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { setSettings } from '../../e2e/support/extension-page.ts';
import { launchBench } from './bench-browser.ts';
import { PROFILE_DIR } from './bench-paths.ts';
import type { BenchPage } from './generate-site.ts';
import type { RpcProxy } from './rpc-proxy.ts';
import type { SiteServer } from './site-server.ts';
import { VerdictWatch } from './verdict-watch.ts';
import { WorkerCdp } from './worker-cdp.ts';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Profiled wall time and the part not idle, ms. */
  wallMs: number;
  busyMs: number;
  topFunctions: Array<{ name: string; where: string; selfMs: number }>;
  byScript: Array<{ script: string; selfMs: number }>;
}

export interface GalleryProfile {
  /** The page profiled, with `-off` when every chain was off (also the profile files' prefix). */
  label: string;
  /** All verdicts, ms after the load event, on the cold and on the warm visit. */
  settledMs: { cold: number; warm: number };
  pageCold: ProfileSummary;
  pageWarm: ProfileSummary;
  /** The same page in a browser without the extension: what the page costs by itself. */
  pageBaseline: ProfileSummary;
  workerCold: ProfileSummary;
  workerWarm: ProfileSummary;
}

type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

function shortUrl(url: string): string {
  if (!url) return '(native)';
  return url
    .replace(/^chrome-extension:\/\/[a-p]{32}\//, 'ext:/')
    .replace(/^https?:\/\/127\.0\.0\.1:\d+\//, 'page:/');
}

function summarizeProfile(profile: CpuProfile, file: string): ProfileSummary {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // timeDeltas[i] is the time from sample i-1 to sample i: charge it to sample i's node.
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const fns = new Map<string, { name: string; where: string; selfMs: number }>();
  const scripts = new Map<string, number>();
  let idle = 0;
  for (const [id, ms] of self) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const where = `${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    const key = `${frame.functionName}@${where}`;
    const entry = fns.get(key) ?? { name: frame.functionName || '(anonymous)', where, selfMs: 0 };
    entry.selfMs += ms;
    fns.set(key, entry);
    const script = frame.url ? shortUrl(frame.url) : frame.functionName;
    scripts.set(script, (scripts.get(script) ?? 0) + ms);
  }
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  return {
    file,
    wallMs,
    busyMs: wallMs - idle,
    topFunctions: [...fns.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, 12),
    byScript: [...scripts.entries()]
      .map(([script, selfMs]) => ({ script, selfMs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 8),
  };
}

async function startProfilers(sends: Send[]): Promise<void> {
  for (const send of sends) {
    await send('Profiler.enable');
    // 200 µs: fine enough to see 1–5 ms content-script slices, coarse enough not to distort them.
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
  }
}

async function stopProfiler(send: Send, name: string): Promise<ProfileSummary> {
  const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = join(PROFILE_DIR, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return summarizeProfile(profile, file);
}

const loadEventAt = (page: Page) =>
  page.evaluate(
    () =>
      performance.timeOrigin +
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
  );

export async function profileGallery(o: {
  page: BenchPage;
  expectedItems: number;
  extensionDir: string;
  server: SiteServer;
  rpc: RpcProxy;
  /** Every chain off (the shipped default). */
  chainsOff?: boolean;
}): Promise<GalleryProfile> {
  const url = `${o.server.origin}${o.page.path}`;
  const label = `${o.page.name}${o.chainsOff ? '-off' : ''}`;
  const baseline = await launchBench();
  let pageBaseline: ProfileSummary;
  try {
    const page = baseline.context.pages()[0] ?? (await baseline.context.newPage());
    const cdp = await baseline.context.newCDPSession(page);
    const send: Send = (m, p) => cdp.send(m as never, p as never);
    await startProfilers([send]);
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    pageBaseline = await stopProfiler(send, `${label}-page-baseline`);
  } finally {
    await baseline.close();
  }

  const browser = await launchBench(o.extensionDir);
  try {
    const worker = browser.worker;
    if (!worker) throw new Error('no service worker');
    await setSettings(worker, {
      chains: [{ id: 31337, name: 'Local devnet', rpcUrl: o.rpc.url, enabled: !o.chainsOff }],
    });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const pageCdp = await browser.context.newCDPSession(page);
    const workerCdp = await WorkerCdp.attach(pageCdp, `chrome-extension://${browser.extensionId}/`);
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({}))[0]?.id ?? -1);
    const sendPage: Send = (m, p) => pageCdp.send(m as never, p as never);
    const sendWorker: Send = (m, p) => workerCdp.send(m, p);
    const visit = async (phase: 'cold' | 'warm') => {
      await startProfilers([sendPage, sendWorker]);
      await page.goto(url, { waitUntil: 'load' });
      const watch = new VerdictWatch(worker, tabId);
      watch.start();
      const loadAt = await loadEventAt(page);
      // The feed drops old posts: it is done when it says so and nothing is pending.
      const feedDone = () =>
        page.evaluate(() => (window as unknown as { __feed?: { done: boolean } }).__feed?.done ?? false);
      await watch.until(
        async (items) =>
          items.every((i) => i.state !== 'pending') &&
          (o.page.name === 'feed' ? await feedDone() : items.length >= o.expectedItems),
        60_000,
      );
      await new Promise((r) => setTimeout(r, 300));
      await watch.stop();
      return {
        settledMs: Math.max(...watch.settledAt.values()) - loadAt,
        page: await stopProfiler(sendPage, `${label}-page-${phase}`),
        worker: await stopProfiler(sendWorker, `${label}-worker-${phase}`),
      };
    };
    const cold = await visit('cold');
    const warm = await visit('warm');
    await workerCdp.detach();
    return {
      label,
      settledMs: { cold: cold.settledMs, warm: warm.settledMs },
      pageCold: cold.page,
      pageWarm: warm.page,
      pageBaseline,
      workerCold: cold.worker,
      workerWarm: warm.worker,
    };
  } finally {
    await browser.close();
  }
}

export function formatProfile(p: GalleryProfile): string {
  const part = (title: string, s: ProfileSummary, top = 10) =>
    [
      `${title}: ${s.busyMs.toFixed(0)} ms busy of ${s.wallMs.toFixed(0)} ms profiled (${s.file})`,
      `  by script (self ms): ${s.byScript.map((x) => `${x.script} ${x.selfMs.toFixed(0)}`).join(' · ')}`,
      '  top functions (self ms):',
      ...s.topFunctions
        .slice(0, top)
        .map((f) => `    ${f.selfMs.toFixed(1).padStart(8)}  ${f.name}  ${f.where}`),
    ].join('\n');
  return [
    `V8 CPU profiles of ${p.label}: cold visit (settled ${p.settledMs.cold.toFixed(0)} ms after load), warm revisit (settled ${p.settledMs.warm.toFixed(0)} ms after load), and the page without the extension`,
    part('page main thread, without the extension', p.pageBaseline, 5),
    part('page main thread, cold visit (page + content script)', p.pageCold),
    part('page main thread, warm revisit', p.pageWarm),
    part('service worker, cold visit', p.workerCold),
    part('service worker, warm revisit', p.workerWarm, 6),
  ].join('\n');
}
