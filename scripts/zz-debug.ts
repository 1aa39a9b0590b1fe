import { launchBench } from './bench-page/bench-browser.ts';
import { startSiteServer } from './bench-page/site-server.ts';
import { CHROME_BUILD as EXTENSION_DIR } from '../e2e/support/launch-chromium.ts';
import { PROBE_SCRIPT } from './bench-page/page-probe.ts';

const path = process.argv[2] ?? '/article.html';
const server = await startSiteServer();
const b = await launchBench(EXTENSION_DIR);
const page = b.context.pages()[0] ?? (await b.context.newPage());
page.on('console', (m) => console.log('console', m.text()));
const cdp = await b.context.newCDPSession(page);
await cdp.send('Performance.enable');
await cdp.send('Profiler.enable');
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
console.log('load', Date.now() - t0);
const tab = await b.worker!.evaluate(async () => (await chrome.tabs.query({}))[0]?.id);
for (let i = 0; i < 12; i++) {
  await new Promise((r) => setTimeout(r, 1000));
  const items = await b.worker!.evaluate(async (id) => ((await chrome.tabs.sendMessage(id!, { type: 'list-items' })) as any).items, tab).catch((e) => String(e));
  const counts: Record<string, number> = {};
  if (Array.isArray(items)) for (const it of items) counts[`${it.kind}:${it.state}`] = (counts[`${it.kind}:${it.state}`] ?? 0) + 1;
  console.log(i, JSON.stringify(counts));
}
const { profile } = (await cdp.send('Profiler.stop')) as any;
const self = new Map<string, number>();
const dt = profile.timeDeltas as number[];
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
profile.samples.forEach((id: number, k: number) => {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
});
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15));
const m = (await cdp.send('Performance.getMetrics')) as any;
console.log(m.metrics.filter((x: any) => /Script|Task|Layout|Recalc/.test(x.name)));
await b.close();
await server.close();
