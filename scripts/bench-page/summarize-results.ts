/** Folds the runs into medians per page and phase (cold / warm); the JSON output is this object. */
import type { BenchSite, RunName } from './generate-site.ts';
import type { VisitResult } from './measure-visit.ts';
import type { PageRun } from './run-page.ts';
import { maxOf, median, quantile } from './stats.ts';

export interface PageRuns {
  ext: PageRun[];
  base: PageRun[];
  /** With the extension, nobody asking the page for its verdicts (measure-visit.ts): for the script time. */
  quiet: PageRun[];
}

export interface PhaseSummary {
  runs: number;
  load: { extMs: number; baseMs: number; ratio: number; ratioMax: number };
  longTasks: {
    ext: { count: number; countMax: number; totalMs: number; maxMs: number };
    base: { count: number; countMax: number; totalMs: number; maxMs: number };
    /** Median over runs of (count with − count without), run by run. */
    extraCount: number;
  };
  verdicts: {
    inView: number;
    firstInViewMs: number;
    allInViewMs: number;
    allInViewMaxMs: number;
    allSettledMs: number;
    allSettledMaxMs: number;
    settledRuns: number;
    items: number;
    states: Record<string, number>;
  };
  extensionFetches: { requests: number; MB: number };
  rpc: {
    requests: number;
    ethCalls: number;
    other: Record<string, number>;
    hashesPerCall: number;
    hashesPerCallMax: number;
    minGapMs: number;
  };
  cpu: {
    extensionProcessMs: number;
    browserExtMs: number;
    browserBaseMs: number;
    /** The extension process's CPU by thread name (process-cpu.ts), median over runs, largest first. */
    extensionThreads: Array<[string, number]>;
  };
  /**
   * Page main-thread script (ms): with (watched), without, the median of with − without run by run; and the
   * same from the quiet runs (the extension's own, without the watch's questions to the page); and the quiet
   * runs' with − without in the main thread's CPU time (`quietCpuExtraMs`: the work, without the waits for a core).
   */
  script: {
    extMs: number;
    baseMs: number;
    extraMs: number;
    quietMs: number;
    quietExtraMs: number;
    quietCpuExtraMs: number;
  };
  heap: { pagePeakExtMB: number; pagePeakBaseMB: number; workerPeakMB: number };
  /**
   * Cold phase only: CPU from launch until the browser went quiet, before the visits (run-page.ts), with the
   * extension (its process; the whole browser) and without (the whole browser).
   */
  start?: { extensionMs: number; browserExtMs: number; browserBaseMs: number };
  feed?: {
    images: number;
    delayMedianMs: number;
    delayP95Ms: number;
    delayMaxMs: number;
    /** Medians of the three stages of insertion → verdict (measure-visit.ts FeedResult.stages). */
    stageMedianMs: { pageLoad: number; toFetch: number; toVerdict: number };
    within1s: number;
    missed: number;
    pageHeapExtMB: [number, number];
    pageHeapBaseMB: [number, number];
    workerHeapMB: [number, number];
    trackedAtEnd: number;
  };
}

export interface BenchSummary {
  machine: { cores: number; chromium: string };
  site: BenchSite['images'] & { registered: BenchSite['registered'] };
  pages: Partial<Record<RunName, { cold: PhaseSummary; warm?: PhaseSummary }>>;
  profile?: unknown;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

function threadMedians(visits: VisitResult[]): Array<[string, number]> {
  const names = new Set(visits.flatMap((v) => Object.keys(v.cpu.extensionThreads)));
  return [...names]
    .map((name): [string, number] => [name, median(visits.map((v) => v.cpu.extensionThreads[name] ?? 0))])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
}

function phase(ext: VisitResult[], base: VisitResult[], quiet: VisitResult[]): PhaseSummary {
  const m = (xs: VisitResult[], f: (v: VisitResult) => number | undefined) =>
    median(xs.map((v) => f(v) ?? Number.NaN));
  const ratios = ext.map((e, i) => e.loadMs / (base[i]?.loadMs ?? Number.NaN));
  const methods: Record<string, number[]> = {};
  for (const v of ext) {
    for (const [k, n] of Object.entries(v.rpc.methods)) {
      methods[k] = [...(methods[k] ?? []), n];
    }
  }
  const other: Record<string, number> = {};
  for (const [k, ns] of Object.entries(methods)) {
    if (k === 'eth_call') continue;
    // Runs where the method did not appear count as 0.
    other[k] = median([...ns, ...Array(ext.length - ns.length).fill(0)]);
  }
  const hashes = ext.flatMap((v) => v.rpc.hashesPerCall);
  const last = ext[ext.length - 1];
  const summary: PhaseSummary = {
    runs: ext.length,
    // Ratio of the medians (robust on pages that load in 100 ms, where one slow run swings a per-run ratio
    // by 2×), and the worst run-by-run ratio beside it.
    load: {
      extMs: m(ext, (v) => v.loadMs),
      baseMs: m(base, (v) => v.loadMs),
      ratio: m(ext, (v) => v.loadMs) / m(base, (v) => v.loadMs),
      ratioMax: maxOf(ratios),
    },
    longTasks: {
      ext: {
        count: m(ext, (v) => v.longTasks.count),
        countMax: maxOf(ext.map((v) => v.longTasks.count)),
        totalMs: m(ext, (v) => v.longTasks.totalMs),
        maxMs: maxOf(ext.map((v) => v.longTasks.maxMs)),
      },
      base: {
        count: m(base, (v) => v.longTasks.count),
        countMax: maxOf(base.map((v) => v.longTasks.count)),
        totalMs: m(base, (v) => v.longTasks.totalMs),
        maxMs: maxOf(base.map((v) => v.longTasks.maxMs)),
      },
      extraCount: median(ext.map((v, i) => v.longTasks.count - (base[i]?.longTasks.count ?? Number.NaN))),
    },
    verdicts: {
      inView: m(ext, (v) => v.inView),
      firstInViewMs: m(ext, (v) => v.firstInViewMs),
      allInViewMs: m(ext, (v) => v.allInViewMs),
      allInViewMaxMs: maxOf(ext.map((v) => v.allInViewMs ?? Number.NaN)),
      allSettledMs: m(ext, (v) => v.allSettledMs),
      allSettledMaxMs: maxOf(ext.map((v) => v.allSettledMs ?? Number.NaN)),
      settledRuns: ext.filter((v) => v.settled).length,
      items: m(ext, (v) => v.items),
      states: last?.states ?? {},
    },
    extensionFetches: {
      requests: m(ext, (v) => v.extensionRequests),
      MB: mb(m(ext, (v) => v.extensionBytes)),
    },
    rpc: {
      requests: m(ext, (v) => v.rpc.requests),
      ethCalls: m(ext, (v) => v.rpc.ethCalls),
      other,
      hashesPerCall: median(hashes),
      hashesPerCallMax: maxOf(hashes),
      minGapMs: Math.min(...ext.map((v) => v.rpc.minGapMs ?? Number.POSITIVE_INFINITY)),
    },
    cpu: {
      extensionProcessMs: m(ext, (v) => v.cpu.extensionMs),
      browserExtMs: m(ext, (v) => v.cpu.browserMs),
      browserBaseMs: m(base, (v) => v.cpu.browserMs),
      extensionThreads: threadMedians(ext),
    },
    script: {
      extMs: m(ext, (v) => v.scriptMs),
      baseMs: m(base, (v) => v.scriptMs),
      extraMs: median(ext.map((v, i) => v.scriptMs - (base[i]?.scriptMs ?? Number.NaN))),
      quietMs: m(quiet, (v) => v.scriptMs),
      quietExtraMs: median(quiet.map((v, i) => v.scriptMs - (base[i]?.scriptMs ?? Number.NaN))),
      quietCpuExtraMs: median(quiet.map((v, i) => v.scriptCpuMs - (base[i]?.scriptCpuMs ?? Number.NaN))),
    },
    heap: {
      pagePeakExtMB: m(ext, (v) => v.heap.pagePeakMB),
      pagePeakBaseMB: m(base, (v) => v.heap.pagePeakMB),
      workerPeakMB: m(ext, (v) => v.heap.workerPeakMB),
    },
  };
  const feeds = ext.map((v) => v.feed).filter((f) => f !== undefined);
  const baseFeeds = base.map((v) => v.feed).filter((f) => f !== undefined);
  if (feeds.length > 0) {
    const delays = feeds.flatMap((f) => f.delays);
    const inserted = feeds.reduce((s, f) => s + f.inserted, 0);
    summary.feed = {
      images: median(feeds.map((f) => f.inserted)),
      delayMedianMs: median(delays),
      delayP95Ms: quantile(delays, 0.95),
      delayMaxMs: maxOf(delays),
      stageMedianMs: {
        pageLoad: median(feeds.flatMap((f) => f.stages.pageLoad)),
        toFetch: median(feeds.flatMap((f) => f.stages.toFetch)),
        toVerdict: median(feeds.flatMap((f) => f.stages.toVerdict)),
      },
      within1s: delays.filter((d) => d <= 1000).length / Math.max(1, inserted),
      missed: feeds.reduce((s, f) => s + f.missed, 0),
      pageHeapExtMB: [median(feeds.map((f) => f.pageHeapStartMB)), median(feeds.map((f) => f.pageHeapEndMB))],
      pageHeapBaseMB: [
        median(baseFeeds.map((f) => f.pageHeapStartMB)),
        median(baseFeeds.map((f) => f.pageHeapEndMB)),
      ],
      workerHeapMB: [
        median(feeds.map((f) => f.workerHeapStartMB ?? Number.NaN)),
        median(feeds.map((f) => f.workerHeapEndMB ?? Number.NaN)),
      ],
      trackedAtEnd: median(feeds.map((f) => f.trackedAtEnd ?? Number.NaN)),
    };
  }
  return summary;
}

export function summarizeResults(
  results: Partial<Record<RunName, PageRuns>>,
  site: BenchSite,
  machine: BenchSummary['machine'],
): BenchSummary {
  const pages: BenchSummary['pages'] = {};
  for (const [name, runs] of Object.entries(results) as Array<[RunName, PageRuns]>) {
    const cold = phase(
      runs.ext.map((r) => r.cold),
      runs.base.map((r) => r.cold),
      runs.quiet.map((r) => r.cold),
    );
    cold.start = {
      extensionMs: median(runs.ext.map((r) => r.start.extensionMs)),
      browserExtMs: median(runs.ext.map((r) => r.start.browserMs)),
      browserBaseMs: median(runs.base.map((r) => r.start.browserMs)),
    };
    const warmOf = (rs: PageRun[]) => rs.map((r) => r.warm).filter((w) => w !== undefined);
    const extWarm = warmOf(runs.ext);
    pages[name] = {
      cold,
      warm: extWarm.length > 0 ? phase(extWarm, warmOf(runs.base), warmOf(runs.quiet)) : undefined,
    };
  }
  return { machine, site: { ...site.images, registered: site.registered }, pages };
}
