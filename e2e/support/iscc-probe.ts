/**
 * Evaluated in an extension page (see probeScript): the ISCC Text-Code as the extension computes it there,
 * and whether its minhash runs as WebAssembly under the extension's CSP or falls back to JavaScript.
 */
import { fingerprintText } from '../../lib/fingerprint/fingerprint-text.ts';
import { loadWasmMinhash } from '../../lib/fingerprint/minhash-wasm.ts';

export async function probe(texts: string[]): Promise<{ wasm: boolean; codes: string[] }> {
  const wasm = loadWasmMinhash([1n], [1n]) !== null;
  const codes = await Promise.all(texts.map(async (t) => (await fingerprintText(t)).isccText));
  return { wasm, codes };
}
