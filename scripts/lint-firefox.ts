/**
 * `web-ext lint` on the Firefox build, as a gate: any error or warning fails, except the two
 * UNSAFE_VAR_ASSIGNMENT warnings that every React app gets for react-dom's own `dangerouslySetInnerHTML`
 * support (we never use that prop; a test greps our sources for it). Prints what it found.
 * Linted as a listed add-on (no `--self-hosted`), so AMO's own checks apply too. The argument is the unpacked
 * add-on: `.output/firefox-mv3`, or the store zip unpacked (scripts/check-zips.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.output/firefox-mv3';
const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const report = JSON.parse(out.slice(out.indexOf('{'))) as Record<
  'errors' | 'warnings' | 'notices',
  Array<{ code: string; file?: string; message: string }>
>;

const isReactDom = (m: { code: string; file?: string }) => {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file) return false;
  const text = readFileSync(join(dir, m.file), 'utf8');
  return text.includes('suppressHydrationWarning') && text.includes('__html');
};
const problems = [...report.errors, ...report.warnings.filter((w) => !isReactDom(w))];
const accepted = report.warnings.length - (problems.length - report.errors.length);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${accepted} from react-dom accepted), ${report.notices.length} notices`,
);
for (const p of problems) console.log(`  ${p.code} ${p.file ?? ''}: ${p.message}`);
process.exit(problems.length > 0 ? 1 : 0);
