/**
 * `npm run bench:page [-- --runs 5] [--feed-runs 3] [--pages gallery-off,gallery,article,feed-off,feed,longread,thread] [--json] [--profile] [--profile-page gallery|article|feed|longread|thread]
 *  [--no-build] [--regenerate] [--extension-dir DIR]`
 *
 * Page-scale performance of the extension in Chromium (docs/architecture.md "Performance budget"). Builds the extension,
 * generates the bench pages (scripts/bench-page/generate-site.ts), starts a devnet seeded with some of them
 * behind a counting RPC proxy, serves the pages on 127.0.0.1, and loads each page in a fresh profile with the
 * extension and without it, alternating, `--runs` times: a cold visit, then a warm revisit in the same profile.
 * Each run with the extension is followed by a quiet one, where nothing asks the page for its verdicts: the
 * extension's main-thread script comes from that one (scripts/bench-page/measure-visit.ts).
 * Prints medians in one table (or JSON with --json), then the issue 14 target table. --profile adds one cold
 * gallery visit (or another page, with --profile-page) under the V8 CPU profiler (page and service worker; every chain off with `--pages gallery-off`), written as `.bench/profiles/<page>-page-cold.cpuprofile` and the like
 * and prints where the time goes.
 * Figures only: nothing here asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_BUILD, CHROMIUM } from '../e2e/support/launch-chromium.ts';
import { startBenchDevnet } from './bench-page/bench-devnet.ts';
import { EXTENSION_DIR, PROFILE_BUILD_DIR, ROOT } from './bench-page/bench-paths.ts';
import { formatTable, formatTargets } from './bench-page/format-table.ts';
import {
  type BenchSite,
  chainsOffIn,
  generateSite,
  pageOf,
  type RunName,
} from './bench-page/generate-site.ts';
import { SETTLE_TIMEOUT_MS, type VisitResult } from './bench-page/measure-visit.ts';
import { formatProfile, profileGallery } from './bench-page/profile-visit.ts';
import { startRpcProxy } from './bench-page/rpc-proxy.ts';
import { type PageRun, runPage } from './bench-page/run-page.ts';
import { startSiteServer } from './bench-page/site-server.ts';
import { type PageRuns, summarizeResults } from './bench-page/summarize-results.ts';

// Playwright follows every request of a service worker through the DevTools network domain unless told not
// to; measured with a loop of 150 KB fetches in the extension's worker, that costs the extension's process
// 6.5 ms CPU per fetch instead of 4.2 ms. The bench needs none of those events (the site server counts the
// extension's requests), so it turns them off rather than bill them to the extension.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

const PAGES: RunName[] = ['gallery-off', 'gallery', 'article', 'feed-off', 'feed', 'longread', 'thread'];

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

function expectedItems(site: BenchSite, name: RunName): number {
  const page = site.pages[pageOf(name)];
  return page.images.length + page.texts;
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .replace(/^\D*/, '')
      .split(' ')[0] as string;
  } catch {
    return 'unknown';
  }
}

/**
 * How long a quiet run leaves the page alone after each load: the watched run's settling time (or the whole
 * settle timeout, if it never settled) plus a second, so that the extension's work is done when the page's
 * script time is read.
 */
function quietWindows(watched: PageRun): { coldMs: number; warmMs?: number } {
  const MARGIN_MS = 1000;
  const window = (v: VisitResult | undefined) =>
    Math.max(0, v?.allSettledMs ?? SETTLE_TIMEOUT_MS) + MARGIN_MS;
  return { coldMs: window(watched.cold), warmMs: watched.warm ? window(watched.warm) : undefined };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'feed-runs': { type: 'string' },
      pages: { type: 'string', default: PAGES.join(',') },
      json: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'profile-page': { type: 'string', default: 'gallery' },
      'no-build': { type: 'boolean', default: false },
      regenerate: { type: 'boolean', default: false },
      'extension-dir': { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  // The feed takes 10 s per visit and per mode: three runs keep the default bench within about five minutes.
  const feedRuns = Number(values['feed-runs'] ?? Math.min(runs, 3));
  const profilePage = values['profile-page'] as 'gallery' | 'article' | 'feed' | 'longread' | 'thread';
  const pages = (values.pages ?? '').split(',').filter((p): p is RunName => PAGES.includes(p as RunName));
  if (
    !Number.isInteger(runs) ||
    runs < 1 ||
    !Number.isInteger(feedRuns) ||
    feedRuns < 0 ||
    pages.length === 0 ||
    !['gallery', 'article', 'feed', 'longread', 'thread'].includes(profilePage)
  ) {
    log(
      'usage: bench-page [--runs N] [--feed-runs N] [--pages gallery-off,gallery,article,feed-off,feed,longread,thread] [--json] [--profile] [--profile-page gallery|article|feed|longread|thread] [--no-build] [--regenerate] [--extension-dir DIR]',
    );
    process.exit(2);
  }

  const started = Date.now();
  // --extension-dir measures another build (say, a proposed change built elsewhere) and skips the build.
  const buildDir = values['extension-dir'] ? resolve(values['extension-dir']) : CHROME_BUILD;
  if (!values['no-build'] && !values['extension-dir']) {
    log('› building the extension (npx wxt build)');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  // A private copy: someone else's rebuild of .output/ mid-run must not change what is measured.
  rmSync(EXTENSION_DIR, { recursive: true, force: true });
  cpSync(buildDir, EXTENSION_DIR, { recursive: true });

  log('› generating the bench pages (.bench/site)');
  const site = await generateSite({ force: values.regenerate });
  log('› starting the devnet and registering part of the bench content');
  const devnet = await startBenchDevnet();
  const rpc = await startRpcProxy(devnet.info.rpcUrl);
  const server = await startSiteServer();
  log(`  ${devnet.info.registered} hashes registered · RPC proxy ${rpc.url} · pages ${server.origin}`);

  const results: Partial<Record<RunName, PageRuns>> = {};
  let profile: Awaited<ReturnType<typeof profileGallery>> | undefined;
  try {
    for (let run = 0; run < runs; run++) {
      for (const name of pages) {
        const once = pageOf(name) === 'feed' || name === 'thread';
        if (once && run >= feedRuns) continue;
        const bucket = results[name] ?? { ext: [], base: [], quiet: [] };
        results[name] = bucket;
        // Alternate which mode goes first, so neither always gets the cooler machine. The quiet run follows
        // the watched one, whose settling times it waits for.
        const order =
          run % 2 === 0 ? (['ext', 'quiet', 'base'] as const) : (['base', 'ext', 'quiet'] as const);
        for (const mode of order) {
          const t0 = Date.now();
          const watched = bucket.ext[bucket.ext.length - 1];
          const result = await runPage({
            page: site.pages[pageOf(name)],
            expectedItems: expectedItems(site, name),
            chainsOff: chainsOffIn(name),
            extensionDir: mode === 'base' ? undefined : EXTENSION_DIR,
            server,
            rpc,
            warm: !once,
            quiet: mode === 'quiet' && watched ? quietWindows(watched) : undefined,
          });
          bucket[mode].push(result);
          const label = { ext: 'with extension', quiet: 'with extension, quiet', base: 'without extension' };
          log(`  run ${run + 1}/${runs} ${name} ${label[mode]}: ${Date.now() - t0} ms`);
        }
      }
    }
    if (values.profile) {
      log('› profiling the gallery (unminified build; page and service worker)');
      execFileSync('npx', ['wxt', 'build', '-c', 'scripts/bench-page/wxt-profile.config.ts'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      profile = await profileGallery({
        page: site.pages[profilePage],
        expectedItems: expectedItems(site, profilePage),
        extensionDir: PROFILE_BUILD_DIR,
        server,
        rpc,
        // With only the chains-off gallery asked for, profile that one.
        chainsOff: pages.length === 1 && chainsOffIn(pages[0] as RunName),
      });
    }
  } finally {
    await server.close();
    await rpc.close();
    await devnet.stop();
  }

  const summary = summarizeResults(results, site, { cores: cpus().length, chromium: chromiumVersion() });
  if (profile) summary.profile = profile;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    console.log(formatTable(summary));
    console.log(`\n${formatTargets(summary)}`);
    if (profile) console.log(`\n${formatProfile(profile)}`);
  }
  log(`› done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error) => {
  console.error(`bench-page failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
