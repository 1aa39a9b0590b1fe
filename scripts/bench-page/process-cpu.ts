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
  /** The extension process's threads: "pid/tid name" → CPU ms so far. */
  extensionThreads: Map<string, number>;
}

/** CPU ms of a process or thread from its stat file; with its name (the kernel's comm). */
function readStat(path: string): { ms: number; name: string } | null {
  try {
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const stat = readFileSync(path, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      name: stat.slice(stat.indexOf('(') + 1, close),
    };
  } catch {
    return null;
  }
}

const cpuMs = (pid: string): number | null => readStat(`/proc/${pid}/stat`)?.ms ?? null;

function addThreads(pid: string, into: Map<string, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
    if (stat) into.set(`${pid}/${tid} ${stat.name}`, stat.ms);
  }
}

export function cpuSnapshot(userDataDir: string): CpuSnapshot {
  const snapshot: CpuSnapshot = { extension: new Map(), all: new Map(), extensionThreads: new Map() };
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
    if (args.includes('--extension-process')) {
      snapshot.extension.set(Number(pid), ms);
      addThreads(pid, snapshot.extensionThreads);
    }
  }
  return snapshot;
}

function delta<K>(before: Map<K, number>, after: Map<K, number>): number {
  let total = 0;
  for (const [key, ms] of after) total += ms - (before.get(key) ?? 0);
  return total;
}

/**
 * The extension process's CPU by thread name (numbered threads of one pool summed: "ThreadPoolForegroundWorker"
 * and so on): which of the service worker's thread, V8's compilers, the image decoders or GC spend it.
 */
function byThreadName(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, ms] of after) {
    const spent = ms - (before.get(key) ?? 0);
    if (spent <= 0) continue;
    const name = key.slice(key.indexOf(' ') + 1).replace(/\d+$/, '');
    out[name] = (out[name] ?? 0) + spent;
  }
  return out;
}

export interface CpuSpent {
  extensionMs: number;
  browserMs: number;
  extensionThreads: Record<string, number>;
}

export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuSpent {
  return {
    extensionMs: delta(before.extension, after.extension),
    browserMs: delta(before.all, after.all),
    extensionThreads: byThreadName(before.extensionThreads, after.extensionThreads),
  };
}

/** CPU used since the browser's processes started (a snapshot's totals). */
export function cpuTotals(snapshot: CpuSnapshot): CpuSpent {
  return cpuDelta({ extension: new Map(), all: new Map(), extensionThreads: new Map() }, snapshot);
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
