import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * The decode probe (pdq-decode-probe.ts) as one script to evaluate in the extension's service worker, which
 * has the same decoder the extension uses. Shared by e2e/pdq-decode.e2e.ts and scripts/bench-decode-web.ts.
 */
export async function pdqDecodeProbeScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'pdq-decode-probe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__pdqDecodeProbe',
    platform: 'browser',
    // Evaluated inside a function: the global has to be set explicitly.
    footer: { js: 'globalThis.__pdqDecodeProbe = __pdqDecodeProbe;' },
  });
  return bundle.outputFiles[0]?.text ?? '';
}
