/**
 * `npm run bench:media [-- --runs 3] [--cap-mb 50] [--large-mb 60] [--no-build] [--json]`
 *
 * Video on a page (README "Video and audio"): a page with 10 videos, 8 real C2PA files from
 * fixtures/c2pa-realworld (two of them with their C2PA box cut out) and 2 over the size cap (a real video
 * padded with a trailing `free` box to --large-mb). Served with Range support on 127.0.0.1, loaded in Chromium
 * with the built extension on a fresh profile. Measures the bytes the extension downloaded (structure probes and
 * whole files), the time from the load event to each verdict, the "Check this video" time for the two large
 * ones (asked for as the popup does), and the memory of the extension's process (peak RSS from /proc, which
 * includes the engine's WebAssembly memory) and of the worker's JS heap. Figures only: nothing is asserted.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { badgesInDom } from '../e2e/support/extension-page.ts';
import { CHROME_BUILD } from '../e2e/support/launch-chromium.ts';
import type { PageItem } from '../lib/messages/protocol.ts';
import { realworld, withoutC2paBox } from '../lib/testing/media-files.ts';
import { sendWithRanges } from '../lib/testing/send-with-ranges.ts';
import { launchBench } from './bench-page/bench-browser.ts';
import { ROOT } from './bench-page/bench-paths.ts';
import { median } from './bench-page/stats.ts';
import { WorkerCdp } from './bench-page/worker-cdp.ts';

const MB = 1024 * 1024;
const EXTENSION_COPY = resolve(ROOT, '.bench/extension-media');

/** A real MP4 with a `free` box appended: the same structure (C2PA box first), any size. */
function padded(mp4: Uint8Array, totalBytes: number): Uint8Array {
  const pad = Math.max(8, totalBytes - mp4.length);
  const out = new Uint8Array(mp4.length + pad);
  out.set(mp4, 0);
  new DataView(out.buffer).setUint32(mp4.length, pad);
  out.set(new TextEncoder().encode('free'), mp4.length + 4);
  return out;
}

function files(largeMb: number): Record<string, Uint8Array> {
  const sora = realworld('openai_sora_video.mp4');
  const premiere = realworld('adobe_premiere_firefly-leica.mp4');
  return {
    'sora.mp4': sora,
    'sora-copy.mp4': sora,
    'premiere.mp4': premiere,
    'premiere-ingredient.mp4': realworld('adobe_premiere_invalid-ingredient.mp4'),
    'sony-cawg.mp4': realworld('sony_camera-video_cawg.mp4'),
    'sony-teletrax.mp4': realworld('sony_camera-video_teletrax.mp4'),
    'sora-stripped.mp4': withoutC2paBox(sora),
    'premiere-stripped.mp4': withoutC2paBox(premiere),
    'large-1.mp4': padded(sora, largeMb * MB),
    'large-2.mp4': padded(premiere, largeMb * MB),
  };
}

function pageHtml(names: string[]): string {
  const videos = names
    .map((n) => `<video src="/v/${n}" width="320" height="180" preload="none" muted></video>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>10 videos</title>
<style>video{display:inline-block;margin:8px;background:#000}</style></head><body>${videos}</body></html>`;
}

/** Peak and current resident memory (MB) of the extension's renderer process (it runs the service worker). */
function extensionMemory(userDataDir: string): { peakMB: number; rssMB: number } {
  const marker = `--user-data-dir=${userDataDir}`;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!args.includes(marker) || !args.includes('--extension-process')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
    } catch {}
  }
  return { peakMB: 0, rssMB: 0 };
}

interface RunResult {
  /**
   * Navigation start → the load event, and → `loaded` (when the bench resumed after it): the times below start
   * at `loaded`, and adding this one times them from the navigation's start, which the content script's
   * declaration (document_start or later) does not move.
   */
  loadMs: number;
  navToLoadedMs: number;
  firstRequestMs: number;
  probeBytes: number;
  wholeBytes: number;
  autoVerdictMs: number[];
  largeVerdictMs: number[];
  largeBytes: number;
  processPeakMB: number;
  processRssAfterMB: number;
  workerHeapPeakMB: number;
  states: Record<string, string>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'cap-mb': { type: 'string', default: '50' },
      'large-mb': { type: 'string', default: '60' },
      'no-build': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const capMb = Number(values['cap-mb']);
  const largeMb = Number(values['large-mb']);
  if (!values['no-build'])
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(EXTENSION_COPY, { recursive: true, force: true });
  cpSync(CHROME_BUILD, EXTENSION_COPY, { recursive: true });

  const served = files(largeMb);
  const names = Object.keys(served);
  const html = pageHtml(names);
  let log: Array<{ path: string; range: boolean; bytes: number; at: number }> = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/media.html' || path === '/blank.html') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(path === '/media.html' ? html : '<p>warm-up</p>');
      return;
    }
    const bytes = served[path.replace('/v/', '')];
    if (!bytes) return void res.writeHead(404).end();
    // The extension's fetches carry no Referer; the page's own media requests (none with preload=none) do.
    const entry = { path, range: Boolean(req.headers.range), bytes: 0, at: Date.now() };
    if (!req.headers.referer) log.push(entry);
    const write = res.write.bind(res) as (c: Uint8Array) => boolean;
    res.write = ((c: Uint8Array) => {
      entry.bytes += c.byteLength;
      return write(c);
    }) as typeof res.write;
    const end = res.end.bind(res) as (c?: Uint8Array) => typeof res;
    res.end = ((c?: Uint8Array) => {
      if (c instanceof Uint8Array) entry.bytes += c.byteLength;
      return end(c);
    }) as typeof res.end;
    sendWithRanges(req, res, bytes, { contentType: 'video/mp4' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const results: RunResult[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      log = [];
      const browser = await launchBench(EXTENSION_COPY);
      try {
        const worker = browser.worker;
        if (!worker) throw new Error('the extension did not start');
        await worker.evaluate(async (cap) => {
          const current = (await chrome.storage.local.get('settings')).settings ?? {};
          await chrome.storage.local.set({ settings: { ...current, chains: [], mediaAutoCheckMb: cap } });
        }, capMb);
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        await page.goto(`${origin}/blank.html`);
        const cdp = await browser.context.newCDPSession(page);
        const workerCdp = await WorkerCdp.attach(cdp, `chrome-extension://${browser.extensionId}/`);
        let heapPeak = 0;
        const sampler = setInterval(() => {
          workerCdp
            .send<{ usedSize: number }>('Runtime.getHeapUsage')
            .then((h) => {
              heapPeak = Math.max(heapPeak, h.usedSize);
            })
            .catch(() => {});
        }, 100);
        const tabId = await worker.evaluate(async () => (await chrome.tabs.query({}))[0]?.id as number);
        const list = () =>
          worker.evaluate(
            (id) => chrome.tabs.sendMessage(id, { type: 'list-items' }) as Promise<{ items: PageItem[] }>,
            tabId,
          );
        await page.goto(`${origin}/media.html`, { waitUntil: 'load' });
        const loaded = Date.now();
        const navigation = await page.evaluate(() => ({
          origin: performance.timeOrigin,
          load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
        }));
        // Verdicts are watched on the page's badges (through the page's CDP session): asking the content
        // script goes through the service worker, whose thread is busy while the engine validates.
        const autoVerdictMs: number[] = [];
        while (Date.now() - loaded < 120_000) {
          const settled = (await badgesInDom(page)).filter((b) => b.state !== 'pending').length;
          while (autoVerdictMs.length < settled) autoVerdictMs.push(Date.now() - loaded);
          if (settled >= names.length) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        let items = (await list()).items;
        const firstRequestMs = (log[0]?.at ?? Number.NaN) - loaded;
        const probeBytes = log.filter((e) => e.range).reduce((n, e) => n + e.bytes, 0);
        const wholeBytes = log.filter((e) => !e.range).reduce((n, e) => n + e.bytes, 0);
        // "Check this video" on the two large ones, as the popup asks.
        const waiting = items.filter((i) => i.state === 'on-request');
        const clicked = Date.now();
        for (const item of waiting) {
          await worker.evaluate(
            ({ id, tab }) => chrome.tabs.sendMessage(tab, { type: 'check-media-item', id }),
            { id: item.id, tab: tabId },
          );
        }
        const largeVerdictMs: number[] = [];
        const pendingIds = new Set(waiting.map((i) => i.id));
        while (pendingIds.size > 0 && Date.now() - clicked < 300_000) {
          items = (await list()).items;
          for (const item of items) {
            if (pendingIds.has(item.id) && item.state !== 'pending' && item.state !== 'on-request') {
              pendingIds.delete(item.id);
              largeVerdictMs.push(Date.now() - clicked);
            }
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        clearInterval(sampler);
        const memory = extensionMemory(browser.userDataDir);
        const states: Record<string, string> = {};
        for (const item of items) states[(item.url ?? '').split('/').pop() ?? ''] = item.state;
        results.push({
          loadMs: navigation.load,
          navToLoadedMs: loaded - navigation.origin,
          probeBytes,
          wholeBytes,
          firstRequestMs,
          autoVerdictMs,
          largeVerdictMs,
          largeBytes: log.filter((e) => !e.range).reduce((n, e) => n + e.bytes, 0) - wholeBytes,
          processPeakMB: memory.peakMB,
          processRssAfterMB: memory.rssMB,
          workerHeapPeakMB: heapPeak / MB,
          states,
        });
        await workerCdp.detach();
        process.stderr.write(`  run ${run + 1}/${runs} done\n`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.close();
  }

  const med = (f: (r: RunResult) => number) => median(results.map(f));
  const summary = {
    videos: names.length,
    capMB: capMb,
    largeMB: largeMb,
    runs,
    totalVideoMB: Object.values(served).reduce((n, b) => n + b.length, 0) / MB,
    probeKB: med((r) => r.probeBytes) / 1024,
    wholeFilesMB: med((r) => r.wholeBytes) / MB,
    firstRequestMs: med((r) => r.firstRequestMs),
    loadMs: med((r) => r.loadMs),
    fromNavigation: {
      firstRequestMs: med((r) => r.navToLoadedMs + r.firstRequestMs),
      verdictFirstMs: med((r) => r.navToLoadedMs + Math.min(...r.autoVerdictMs)),
      verdictMedianMs: med((r) => r.navToLoadedMs + median(r.autoVerdictMs)),
      verdictLastMs: med((r) => r.navToLoadedMs + Math.max(...r.autoVerdictMs)),
    },
    verdictFirstMs: med((r) => Math.min(...r.autoVerdictMs)),
    verdictMedianMs: med((r) => median(r.autoVerdictMs)),
    verdictLastMs: med((r) => Math.max(...r.autoVerdictMs)),
    largeDownloadedMB: med((r) => r.largeBytes) / MB,
    largeVerdictLastMs: med((r) => Math.max(0, ...r.largeVerdictMs)),
    extensionProcessPeakMB: med((r) => r.processPeakMB),
    extensionProcessRssAfterMB: med((r) => r.processRssAfterMB),
    workerHeapPeakMB: med((r) => r.workerHeapPeakMB),
    states: results.at(-1)?.states,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const f = (n: number, d = 0) => n.toFixed(d);
  console.log(`10 videos (${f(summary.totalVideoMB, 1)} MB in all; cap ${capMb} MB; two of ${largeMb} MB over it), median of ${runs} run(s):
  before any click: Range probes ${f(summary.probeKB, 1)} KB, whole files ${f(summary.wholeFilesMB, 1)} MB
  load → first request by the extension ${f(summary.firstRequestMs)} ms; load → verdict: first ${f(summary.verdictFirstMs)} ms, median ${f(summary.verdictMedianMs)} ms, last ${f(summary.verdictLastMs)} ms
  navigation → load ${f(summary.loadMs)} ms; navigation → first request ${f(summary.fromNavigation.firstRequestMs)} ms; navigation → verdict: first ${f(summary.fromNavigation.verdictFirstMs)} ms, median ${f(summary.fromNavigation.verdictMedianMs)} ms, last ${f(summary.fromNavigation.verdictLastMs)} ms
  "Check this video" ×2: ${f(summary.largeDownloadedMB, 1)} MB downloaded, both verdicts after ${f(summary.largeVerdictLastMs)} ms
  extension process: peak RSS ${f(summary.extensionProcessPeakMB)} MB, RSS at the end ${f(summary.extensionProcessRssAfterMB)} MB
  service worker JS heap peak: ${f(summary.workerHeapPeakMB, 1)} MB
  verdicts: ${JSON.stringify(summary.states)}`);
}

main().catch((error) => {
  console.error(`bench-media failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
