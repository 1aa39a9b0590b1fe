import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * A probe module (a file of e2e/support) as one script that sets `globalThis[globalName]`, to evaluate in
 * an extension context: its service worker or one of its pages, which run under the extension's CSP and
 * have the APIs the extension uses.
 */
export async function probeScript(file: string, globalName: string): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, file)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    // Evaluated inside a function: the global has to be set explicitly.
    footer: { js: `globalThis.${globalName} = ${globalName};` },
  });
  return bundle.outputFiles[0]?.text ?? '';
}

/**
 * The decode probe (pdq-decode-probe.ts), with the decoder the extension uses. Shared by
 * e2e/pdq-decode.e2e.ts, the Firefox smoke test and scripts/bench-decode-web.ts.
 */
export const pdqDecodeProbeScript = (): Promise<string> =>
  probeScript('pdq-decode-probe.ts', '__pdqDecodeProbe');
