/**
 * Runs in every page before its own scripts (addInitScript): records long tasks (> 50 ms on the page's main
 * thread, where content scripts run too). Long tasks carry no script attribution (and long-animation-frame
 * entries never name an extension's isolated-world scripts), so "caused by the extension" is measured as
 * the difference with and without it, and explained by the CPU profile (--profile). Plain JS in a string,
 * so no bundler helper leaks in.
 */
import type { Page } from 'playwright-core';

export const PROBE_SCRIPT = `(() => {
  const probe = { longTasks: [] };
  Object.defineProperty(window, '__benchProbe', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export interface LongTask {
  start: number;
  duration: number;
}

export interface ProbeReading {
  /** Epoch ms of navigation start. */
  timeOrigin: number;
  /** navigation start → load event start, ms. */
  loadMs: number;
  longTasks: LongTask[];
}

export async function readProbe(page: Page): Promise<ProbeReading> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __benchProbe: { longTasks: LongTask[] } }).__benchProbe;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      timeOrigin: performance.timeOrigin,
      loadMs: nav?.loadEventStart ?? Number.NaN,
      longTasks: [...probe.longTasks],
    };
  });
}

/**
 * Images and text blocks inside the first viewport right after load: their verdicts are the "in view" ones.
 * A string, like the probe: tsx would wrap named inner functions in a helper the page does not have.
 */
const IN_VIEW_SCRIPT = `(() => {
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width > 0;
  };
  return {
    urls: [...document.images].filter(inView).map((img) => img.currentSrc || img.src),
    texts: [...document.querySelectorAll('main p, .story p')]
      .filter(inView)
      .map((p) => (p.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 140)),
  };
})()`;

export async function inViewAtLoad(page: Page): Promise<{ urls: string[]; texts: string[] }> {
  return page.evaluate(IN_VIEW_SCRIPT) as Promise<{ urls: string[]; texts: string[] }>;
}
