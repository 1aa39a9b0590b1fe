/**
 * Samples JS heap use while a visit runs: the page's (CDP Performance.getMetrics JSHeapUsedSize: the page's
 * isolate, which also holds the content script's isolated world) and the service worker's
 * (Runtime.getHeapUsage on the worker target). Peak, first and last samples are kept.
 */
import type { CDPSession } from 'playwright-core';
import type { WorkerCdp } from './worker-cdp.ts';

export interface HeapSeries {
  samples: Array<{ at: number; bytes: number }>;
}

export interface HeapSummary {
  peakMB: number;
  /** The sample closest after `at` (e.g. the load event) and the last one. */
  atMB: (at: number) => number;
  lastMB: number;
}

const MB = 1024 * 1024;

export function summarize(series: HeapSeries): HeapSummary {
  const s = series.samples;
  const peak = s.reduce((m, x) => Math.max(m, x.bytes), 0);
  return {
    peakMB: peak / MB,
    atMB: (at) => ((s.find((x) => x.at >= at) ?? s[s.length - 1])?.bytes ?? 0) / MB,
    lastMB: (s[s.length - 1]?.bytes ?? 0) / MB,
  };
}

export class MemorySampler {
  readonly page: HeapSeries = { samples: [] };
  readonly worker: HeapSeries = { samples: [] };
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(
    private readonly pageCdp: CDPSession,
    private readonly workerCdp: WorkerCdp | undefined,
    private readonly intervalMs = 250,
  ) {}

  async start(): Promise<void> {
    await this.pageCdp.send('Performance.enable').catch(() => {});
    void this.sample();
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sample();
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const at = Date.now();
    try {
      const [metrics, heap] = await Promise.all([
        this.pageCdp.send('Performance.getMetrics').catch(() => null),
        this.workerCdp?.send<{ usedSize: number }>('Runtime.getHeapUsage').catch(() => null),
      ]);
      const used = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (used !== undefined) this.page.samples.push({ at, bytes: used });
      if (heap) this.worker.samples.push({ at, bytes: heap.usedSize });
    } finally {
      this.busy = false;
    }
  }
}
