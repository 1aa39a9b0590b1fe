/**
 * CPU time of Chromium's processes, from /proc (Linux): utime + stime over all threads, in ms. The extension's
 * renderer is the process started with `--extension-process`; it runs the service worker and the threads it
 * uses (image decoding, WebCrypto, WASM). The browser total adds the page renderer, the GPU, network and
 * storage services, so "with − without" is the full cost of the extension.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const TICK_MS = 10;

export interface CpuSnapshot {
  /** pid → CPU ms so far. */
  extension: Map<number, number>;
  all: Map<number, number>;
}

function cpuMs(pid: string): number | null {
  try {
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export function cpuSnapshot(userDataDir: string): CpuSnapshot {
  const snapshot: CpuSnapshot = { extension: new Map(), all: new Map() };
  const marker = `--user-data-dir=${userDataDir}`;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let args: string[];
    try {
      // Zygote children rewrite their title into one space-separated string: split on both.
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    } catch {
      continue;
    }
    if (!args.includes(marker)) continue;
    const ms = cpuMs(pid);
    if (ms === null) continue;
    snapshot.all.set(Number(pid), ms);
    if (args.includes('--extension-process')) snapshot.extension.set(Number(pid), ms);
  }
  return snapshot;
}

function delta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

export function cpuDelta(
  before: CpuSnapshot,
  after: CpuSnapshot,
): { extensionMs: number; browserMs: number } {
  return { extensionMs: delta(before.extension, after.extension), browserMs: delta(before.all, after.all) };
}

/** CPU used since the browser's processes started (a snapshot's totals). */
export function cpuTotals(snapshot: CpuSnapshot): { extensionMs: number; browserMs: number } {
  return cpuDelta({ extension: new Map(), all: new Map() }, snapshot);
}

/**
 * Waits until the browser's processes use less than `idleMs` of CPU over a `windowMs` window (or `timeoutMs`
 * has passed). A fresh browser spends ~1.4 s of CPU in its first second after launch on this machine, more
 * with an extension (its worker's start, its first sync): a visit that overlaps it measures that start on a
 * CPU-bound page, not the page.
 */
export async function waitForQuietBrowser(
  userDataDir: string,
  { windowMs = 250, idleMs = 25, timeoutMs = 8000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let before = cpuSnapshot(userDataDir);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuSnapshot(userDataDir);
    if (cpuDelta(before, after).browserMs <= idleMs) return;
    before = after;
  }
}
