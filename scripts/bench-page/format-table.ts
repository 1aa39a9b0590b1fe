/** The human-readable report: one table, one column per page and phase, with the target beside each row. */
import type { RunName } from './generate-site.ts';
import type { BenchSummary, PhaseSummary } from './summarize-results.ts';

const n = (v: number, digits = 0): string => (Number.isFinite(v) ? v.toFixed(digits) : '–');

interface Column {
  title: string;
  s: PhaseSummary;
}

type Row = [label: string, cell: (s: PhaseSummary) => string, target: string];

const ROWS: Row[] = [
  ['load time without extension (ms)', (s) => n(s.load.baseMs), ''],
  ['load time with extension (ms)', (s) => n(s.load.extMs), ''],
  [
    '  ratio with/without (of medians; worst run)',
    (s) => `${n(s.load.ratio, 2)}, ${n(s.load.ratioMax, 2)}`,
    '≤ 1.05',
  ],
  [
    'long tasks > 50 ms without (n, max n, total ms)',
    (s) => `${n(s.longTasks.base.count)}, ${n(s.longTasks.base.countMax)}, ${n(s.longTasks.base.totalMs)}`,
    '',
  ],
  [
    'long tasks > 50 ms with (n, max n, total ms)',
    (s) => `${n(s.longTasks.ext.count)}, ${n(s.longTasks.ext.countMax)}, ${n(s.longTasks.ext.totalMs)}`,
    '= without',
  ],
  ['  longest task with extension (ms)', (s) => n(s.longTasks.ext.maxMs), ''],
  ['  extra long tasks with the extension (median of with − without)', (s) => n(s.longTasks.extraCount), '0'],
  ['items in the first viewport', (s) => n(s.verdicts.inView), ''],
  ['first verdict in view, after load (ms)', (s) => n(s.verdicts.firstInViewMs), ''],
  [
    'all verdicts in view, after load (ms; max)',
    (s) => `${n(s.verdicts.allInViewMs)}; ${n(s.verdicts.allInViewMaxMs)}`,
    '≤ 300 warm, ≤ 1500 cold',
  ],
  [
    'all items settled, after load (ms; max)',
    (s) => `${n(s.verdicts.allSettledMs)}; ${n(s.verdicts.allSettledMaxMs)}`,
    '≤ 3000 cold',
  ],
  ['  runs settled / items', (s) => `${s.verdicts.settledRuns}/${s.runs} / ${n(s.verdicts.items)}`, ''],
  [
    'extension fetches to the image host (n, MB)',
    (s) => `${n(s.extensionFetches.requests)}, ${n(s.extensionFetches.MB, 1)}`,
    '0 warm',
  ],
  ['RPC requests (all)', (s) => n(s.rpc.requests), '0 warm'],
  ['  eth_call (lookups)', (s) => n(s.rpc.ethCalls), ''],
  [
    '  other methods (listed below the table)',
    (s) => n(Object.values(s.rpc.other).reduce((a, b) => a + b, 0)),
    '',
  ],
  [
    '  hashes per eth_call (median, max)',
    (s) => `${n(s.rpc.hashesPerCall)}, ${n(s.rpc.hashesPerCallMax)}`,
    '',
  ],
  ['  shortest gap between eth_calls at the proxy (ms)', (s) => n(s.rpc.minGapMs), '~25: 1 per window'],
  ['extension process CPU (ms)', (s) => n(s.cpu.extensionProcessMs), '≤ 1000 gallery cold'],
  [
    '  its largest threads (ms)',
    (s) =>
      s.cpu.extensionThreads
        .slice(0, 4)
        .map(([name, ms]) => `${name} ${n(ms)}`)
        .join('; '),
    '',
  ],
  [
    'page main-thread script with (quiet) / without (ms)',
    (s) => `${n(s.script.quietMs)} / ${n(s.script.baseMs)}`,
    '',
  ],
  ['  extension main-thread script per page (ms)', (s) => n(s.script.quietExtraMs), '≤ 15'],
  [
    "  the same in the thread's CPU time (the work, without its waits for a core)",
    (s) => n(s.script.quietCpuExtraMs),
    '',
  ],
  ['  the same, in the watched run (the watch asks the page every 50 ms)', (s) => n(s.script.extraMs), ''],
  [
    'browser start until quiet, before the visits: extension process; all with / without (CPU ms)',
    (s) =>
      s.start ? `${n(s.start.extensionMs)}; ${n(s.start.browserExtMs)} / ${n(s.start.browserBaseMs)}` : '',
    'once per session',
  ],
  [
    'browser CPU, all processes, with / without (ms)',
    (s) => `${n(s.cpu.browserExtMs)} / ${n(s.cpu.browserBaseMs)}`,
    '',
  ],
  [
    'page JS heap peak with / without (MB)',
    (s) => `${n(s.heap.pagePeakExtMB, 1)} / ${n(s.heap.pagePeakBaseMB, 1)}`,
    '',
  ],
  ['service worker JS heap peak (MB)', (s) => n(s.heap.workerPeakMB, 1), ''],
];

const FEED_ROWS: Row[] = [
  ['feed: images inserted', (s) => n(s.feed?.images ?? Number.NaN), ''],
  [
    'feed: insertion → verdict (median, p95, max ms)',
    (s) => (s.feed ? `${n(s.feed.delayMedianMs)}, ${n(s.feed.delayP95Ms)}, ${n(s.feed.delayMaxMs)}` : ''),
    '≤ 1000',
  ],
  [
    '  its stages (medians, ms): the page loads the image; the extension fetches it; the verdict',
    (s) => {
      const st = s.feed?.stageMedianMs;
      return st ? `${n(st.pageLoad)}; ${n(st.toFetch)}; ${n(st.toVerdict)}` : '';
    },
    '',
  ],
  [
    'feed: checked within 1 s / missed',
    (s) => (s.feed ? `${n(s.feed.within1s * 100, 1)} % / ${s.feed.missed}` : ''),
    '100 %',
  ],
  [
    'feed: page heap start → end, with (MB)',
    (s) => (s.feed ? `${n(s.feed.pageHeapExtMB[0], 1)} → ${n(s.feed.pageHeapExtMB[1], 1)}` : ''),
    'bounded',
  ],
  [
    'feed: page heap start → end, without (MB)',
    (s) => (s.feed ? `${n(s.feed.pageHeapBaseMB[0], 1)} → ${n(s.feed.pageHeapBaseMB[1], 1)}` : ''),
    '',
  ],
  [
    'feed: worker heap start → end (MB)',
    (s) => (s.feed ? `${n(s.feed.workerHeapMB[0], 1)} → ${n(s.feed.workerHeapMB[1], 1)}` : ''),
    'bounded',
  ],
  ['feed: items tracked at the end', (s) => n(s.feed?.trackedAtEnd ?? Number.NaN), '≤ posts in DOM'],
];

/** The issue 14 targets, each with the figure that answers it (one run of every page is enough to print it). */
export function formatTargets(summary: BenchSummary): string {
  const p = summary.pages;
  const all = Object.values(p).flatMap((x) => (x ? [x.cold, ...(x.warm ? [x.warm] : [])] : []));
  const maxExtra = (f: (s: PhaseSummary) => number) => (all.length ? Math.max(...all.map(f)) : Number.NaN);
  const mean = (f: (s: PhaseSummary) => number) =>
    all.length ? all.reduce((a, s) => a + f(s), 0) / all.length : Number.NaN;
  const ratios = all.map((s) => s.load.ratio);
  const rows: Array<[string, string, string, string]> = [
    [
      'gallery, cold, chains off',
      'extension CPU, all 200 checked (ms)',
      n(p['gallery-off']?.cold.cpu.extensionProcessMs ?? Number.NaN),
      '≤ 1000',
    ],
    [
      'gallery, cold, a PDQ index on',
      'extension CPU (ms)',
      n(p.gallery?.cold.cpu.extensionProcessMs ?? Number.NaN),
      '≤ 2000',
    ],
    [
      'gallery, cold',
      'all items settled (ms)',
      n(p.gallery?.cold.verdicts.allSettledMs ?? Number.NaN),
      '≤ 3000',
    ],
    [
      'gallery, cold',
      'first verdicts in view (all in view, ms)',
      n(p.gallery?.cold.verdicts.allInViewMs ?? Number.NaN),
      '≤ 1000',
    ],
    ...(['feed-off', 'feed'] as const).map((name): [string, string, string, string] => {
      const f = p[name]?.cold.feed;
      return [
        `feed, 10 images / 500 ms${name === 'feed-off' ? ', chains off' : ', a PDQ index on'}`,
        'insertion → verdict, median / p95 (ms)',
        f ? `${n(f.delayMedianMs)} / ${n(f.delayP95Ms)}` : '–',
        '≤ 500 / 1000',
      ];
    }),
    [
      'any page',
      'long tasks with vs without (most extra on a page)',
      n(maxExtra((s) => s.longTasks.extraCount)),
      '0 extra',
    ],
    [
      'any page',
      'extension main-thread script per page (mean; max ms)',
      `${n(mean((s) => s.script.quietExtraMs))}; ${n(maxExtra((s) => s.script.quietExtraMs))}`,
      '≤ 15',
    ],
    [
      'any page',
      "  the same in the thread's CPU time (mean; max ms)",
      `${n(mean((s) => s.script.quietCpuExtraMs))}; ${n(maxExtra((s) => s.script.quietCpuExtraMs))}`,
      '',
    ],
    [
      'any page',
      'load time with / without (median ratio; worst)',
      `${n(ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : Number.NaN, 2)}; ${n(Math.max(...ratios), 2)}`,
      '≤ 1.03',
    ],
  ];
  const table = [['page', 'figure', 'measured', 'target'], ...rows];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  return [
    'Issue 14 targets',
    ...table.map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    ),
  ].join('\n');
}

export function formatTable(summary: BenchSummary): string {
  const columns: Column[] = [];
  for (const name of [
    'gallery-off',
    'gallery',
    'article',
    'feed-off',
    'feed',
    'longread',
    'thread',
  ] as RunName[]) {
    const page = summary.pages[name];
    if (!page) continue;
    columns.push({ title: `${name} cold`, s: page.cold });
    if (page.warm) columns.push({ title: `${name} warm`, s: page.warm });
  }
  const rows = columns.some((c) => c.s.feed) ? [...ROWS, ...FEED_ROWS] : ROWS;
  const table = [
    ['', ...columns.map((c) => c.title), 'target'],
    ...rows.map(([label, cell, target]) => [
      label,
      ...columns.map((c) => (c.s.feed || !label.startsWith('feed') ? cell(c.s) : '')),
      target,
    ]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const site = summary.site;
  const runs = columns.map((c) => `${c.title} ${c.s.runs}`).join(', ');
  const others = columns
    .map((c) => {
      const list = Object.entries(c.s.rpc.other)
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${k} ${n(v)}`);
      return list.length > 0 ? `${c.title}: ${list.join(', ')}` : '';
    })
    .filter(Boolean);
  return [
    `Origin Lens page bench · Chromium ${summary.machine.chromium} · ${summary.machine.cores} cores · medians over runs (${runs})`,
    `Images: ${site.count} files, ${Math.round(site.averageBytes / 1000)} KB average (${Object.entries(
      site.byFormat,
    )
      .map(([f, c]) => `${c} ${f}`)
      .join(
        ', ',
      )}; ${site.c2paCopies} byte-identical C2PA copies). Registered: ${site.registered.publisherImages} images + ${site.registered.publisherTexts} paragraphs by the trusted publisher, ${site.registered.strangerImages} images + ${site.registered.strangerTexts} paragraphs by a stranger.`,
    '',
    line(table[0] ?? []),
    ...table.slice(1).map(line),
    '',
    `Other RPC methods (medians): ${others.join(' · ') || 'none'}`,
  ].join('\n');
}
