/**
 * `npm run zip:check`: runs `npm run zip` and checks what the stores get.
 * - Each store zip (Chrome, Firefox) has a manifest whose every referenced file is in the zip (icons, pages,
 *   scripts, styles), the locales it names (`default_locale`, every `__MSG_…__` key), and its minimum browser version.
 * - The Firefox zip passes `web-ext lint` (scripts/lint-firefox.ts, on the unpacked zip).
 * - The sources archive AMO asks for holds the build instructions, package.json and package-lock.json, and none of
 *   node_modules, build output, tests or fixtures; unpacked into a temporary folder (with this checkout's
 *   node_modules linked in place of `npm ci`) and built as the instructions say, it gives the Firefox zip's files,
 *   byte for byte.
 * Exit 1 with every problem listed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.output');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const problems: string[] = [];

function unzipList(zip: string): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
}
function unzipRead(zip: string, entry: string): string {
  return execFileSync('unzip', ['-p', zip, entry], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
function unzipTo(zip: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('unzip', ['-q', zip, '-d', dir]);
}
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

type Manifest = Record<string, unknown> & {
  default_locale?: string;
  icons?: Record<string, string>;
  action?: { default_popup?: string; default_icon?: Record<string, string> | string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  options_ui?: { page?: string };
  options_page?: string;
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
  };
};

/** Every file a manifest points at (what a store's upload check would fail on). */
function referencedFiles(m: Manifest): string[] {
  const icon = m.action?.default_icon;
  return [
    ...Object.values(m.icons ?? {}),
    ...(typeof icon === 'string' ? [icon] : Object.values(icon ?? {})),
    m.action?.default_popup,
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    m.options_ui?.page,
    m.options_page,
  ].filter((f): f is string => typeof f === 'string');
}

function checkStoreZip(browser: 'chrome' | 'firefox'): string {
  const zip = join(OUT, `${name}-${version}-${browser}.zip`);
  const entries = new Set(unzipList(zip));
  const say = (p: string) => problems.push(`${relative(ROOT, zip)}: ${p}`);
  if (!entries.has('manifest.json')) {
    say('no manifest.json');
    return zip;
  }
  const manifestText = unzipRead(zip, 'manifest.json');
  const manifest = JSON.parse(manifestText) as Manifest;
  if (manifest.version !== version) say(`manifest version ${manifest.version}, package.json ${version}`);
  if (Object.keys(manifest.icons ?? {}).length === 0) say('no icons in the manifest');
  for (const file of referencedFiles(manifest))
    if (!entries.has(file)) say(`the manifest names ${file}, missing`);

  const locales = [...entries].filter((e) => /^_locales\/[^/]+\/messages\.json$/.test(e));
  const keys = [...manifestText.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
  if (manifest.default_locale) {
    const main = `_locales/${manifest.default_locale}/messages.json`;
    if (!entries.has(main)) say(`default_locale ${manifest.default_locale} but no ${main}`);
    for (const locale of locales) {
      const messages = JSON.parse(unzipRead(zip, locale)) as Record<string, unknown>;
      // Chrome and Firefox look message names up case-insensitively.
      const known = new Set(Object.keys(messages).map((k) => k.toLowerCase()));
      for (const key of keys)
        if (!known.has(key.toLowerCase())) say(`${locale} lacks ${key}, used by the manifest`);
    }
  } else if (keys.length > 0 || locales.length > 0) {
    say('locales or __MSG_ keys without a default_locale');
  }

  if (browser === 'chrome' && !manifest.minimum_chrome_version) say('no minimum_chrome_version');
  const gecko = manifest.browser_specific_settings?.gecko;
  if (
    browser === 'firefox' &&
    (!gecko?.id || !gecko.strict_min_version || !gecko.data_collection_permissions)
  ) {
    say('browser_specific_settings.gecko lacks id, strict_min_version or data_collection_permissions');
  }
  console.log(
    `${relative(ROOT, zip)}: ${entries.size} files, manifest complete, ${locales.length} locales, ` +
      (browser === 'chrome'
        ? `Chrome ${manifest.minimum_chrome_version}+`
        : `Firefox ${gecko?.strict_min_version}+`),
  );
  return zip;
}

function checkSources(firefoxZip: string): void {
  const zip = join(OUT, `${name}-${version}-sources.zip`);
  const entries = unzipList(zip);
  const say = (p: string) => problems.push(`${relative(ROOT, zip)}: ${p}`);
  for (const needed of ['store/AMO-SOURCE-README.md', 'package.json', 'package-lock.json', 'wxt.config.ts']) {
    if (!entries.includes(needed)) say(`lacks ${needed}`);
  }
  const unwanted = entries.filter((e) =>
    /(^|\/)(node_modules|\.output|fixtures|e2e|test-results)\/|\.(test|e2e)\.tsx?$/.test(e),
  );
  if (unwanted.length > 0) say(`holds what the build does not need: ${unwanted.slice(0, 5).join(', ')}…`);

  // Build it as AMO's reviewer would (node_modules linked instead of `npm ci`: same lock, no network).
  const dir = join(OUT, 'sources-check');
  unzipTo(zip, dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync('npm', ['run', 'build:firefox'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const rebuilt = join(dir, '.output/firefox-mv3');
  const shipped = join(OUT, 'firefox-zip-check');
  unzipTo(firefoxZip, shipped);
  const a = filesUnder(shipped);
  const b = filesUnder(rebuilt);
  const differ = [...new Set([...a, ...b])].filter(
    (f) => !a.includes(f) || !b.includes(f) || sha256(join(shipped, f)) !== sha256(join(rebuilt, f)),
  );
  if (differ.length > 0)
    say(`the build from the sources differs from the Firefox zip in ${differ.join(', ')}`);
  else
    console.log(
      `${relative(ROOT, zip)}: ${entries.length} files; built from them: ${b.length} files, identical`,
    );
  rmSync(dir, { recursive: true, force: true });
}

execFileSync('npm', ['run', 'zip'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
checkStoreZip('chrome');
const firefoxZip = checkStoreZip('firefox');
checkSources(firefoxZip);
try {
  execFileSync('npx', ['tsx', 'scripts/lint-firefox.ts', join(OUT, 'firefox-zip-check')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
} catch {
  problems.push('web-ext lint failed on the Firefox zip');
}
rmSync(join(OUT, 'firefox-zip-check'), { recursive: true, force: true });

for (const p of problems) console.error(`  ✗ ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
