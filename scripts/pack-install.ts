/**
 * `npm run pack:check`: the package as a user gets it. `npm pack`s the repository, installs the tarball globally
 * into a temporary prefix (dependencies from the npm cache when they are there, else the registry), then runs the
 * installed `origin-lens --help` and `origin-lens verify --json` on real C2PA files from a directory outside the
 * repository, so that nothing resolves from the repository's own node_modules. The installed verdicts must equal
 * the repository CLI's, and one of the files must be trusted through the bundled trust lists (public/trust in the
 * package). Fails (exit 1) on the first difference and says what it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures/c2pa');
// An Adobe file trusted by the CAI interim list, one signed by a test certificate (on no list), one without C2PA.
const FILES = ['ai_trained_genfill.jpg', 'valid_C_c2pars.jpg', 'none_A.jpg'].map((f) => join(FIXTURES, f));

interface VerifyRow {
  source: string;
  verdict: string;
  reason: string | null;
  sha256: string;
  c2pa: { trustList: string | null } | null;
}

/** Packages that the shipped code imports at run time (type-only imports are erased) but `dependencies` lacks. */
function missingDependencies(paths: string[]): string[] {
  const { dependencies = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const missing = new Set<string>();
  for (const path of paths.filter((p) => /\.(ts|tsx|mjs|js)$/.test(p))) {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const specifiers = [
      ...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm),
      ...text.matchAll(/^import\s+'([^']+)'/gm),
      ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
    ].map((m) => m[1] as string);
    for (const spec of specifiers) {
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      const name = spec.startsWith('@')
        ? spec.split('/').slice(0, 2).join('/')
        : (spec.split('/')[0] as string);
      if (!(name in dependencies)) missing.add(`${name} (${path})`);
    }
  }
  return [...missing];
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function fail(message: string): never {
  throw new Error(message);
}

const work = mkdtempSync(join(tmpdir(), 'origin-lens-pack-'));
try {
  const started = Date.now();
  const packed = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT),
  ) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const tarball = packed[0];
  if (!tarball) fail('npm pack wrote no tarball');
  const paths = tarball.files.map((f) => f.path);
  const tests = paths.filter((p) => /\.(test|e2e)\.ts$/.test(p));
  if (tests.length > 0) fail(`the package ships tests: ${tests.join(', ')}`);
  for (const needed of [
    'bin/origin-lens.mjs',
    'cli/origin-lens.ts',
    'public/trust/cai-interim-anchors.pem',
  ]) {
    if (!paths.includes(needed)) fail(`the package lacks ${needed}`);
  }
  console.log(`npm pack: ${tarball.filename}, ${paths.length} files`);
  const missing = missingDependencies(paths);
  if (missing.length > 0) {
    fail(
      `the package's code imports what package.json lists only under devDependencies or not at all (npm install -g leaves those out): ${missing.join(', ')}`,
    );
  }

  const prefix = join(work, 'prefix');
  run(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      join(work, tarball.filename),
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ],
    work,
  );
  const bin = join(prefix, 'bin/origin-lens');
  if (!existsSync(bin))
    fail(`npm install -g put no origin-lens in ${join(prefix, 'bin')}: ${readdirSync(prefix)}`);
  console.log(`npm install -g --prefix ${prefix}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const help = run(bin, ['--help'], work);
  if (!help.includes('Usage: origin-lens') || !help.includes('verify <file|url>')) {
    fail(`origin-lens --help printed:\n${help}`);
  }
  console.log('origin-lens --help: usage printed');

  const installed = JSON.parse(run(bin, ['verify', '--json', ...FILES], work)) as VerifyRow[];
  const repo = JSON.parse(
    run('npx', ['tsx', join(ROOT, 'cli/origin-lens.ts'), 'verify', '--json', ...FILES], ROOT),
  ) as VerifyRow[];
  const summary = (rows: VerifyRow[]) =>
    rows.map((r) => ({ source: r.source, verdict: r.verdict, reason: r.reason, sha256: r.sha256 }));
  if (JSON.stringify(summary(installed)) !== JSON.stringify(summary(repo))) {
    fail(
      `the installed verdicts differ from the repository's:\n${JSON.stringify(summary(installed), null, 2)}\nvs\n${JSON.stringify(summary(repo), null, 2)}`,
    );
  }
  if (!installed.some((r) => r.c2pa?.trustList))
    fail('no file was trusted: the bundled trust lists did not load');
  for (const r of installed)
    console.log(`origin-lens verify: ${r.verdict.padEnd(16)} ${r.source.split('/').pop()}`);
  console.log('The installed package works.');
} catch (error) {
  console.error(`pack-install: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
