import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundledTrustLists, type TrustChoice } from '../c2pa/bundled-trust.ts';
import { type C2paEngine, loadC2paEngine } from '../c2pa/engine.ts';
import type { TrustLists } from '../c2pa/trust-settings.ts';

/** The repository's public/ folder: the bundled trust lists live in public/trust. */
export const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

/** Path of c2pa-wasm's .wasm file in node_modules (the package exports it as `./c2pa.wasm`). */
export function c2paWasmPath(): string {
  return createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm');
}

/**
 * Loads the C2PA engine in Node from the .wasm bytes in node_modules (no fetch of a file: URL needed).
 * Memoised like `loadC2paEngine`: one engine per process.
 */
export async function loadC2paEngineNode(): Promise<C2paEngine> {
  return loadC2paEngine(() => readFile(c2paWasmPath()));
}

/** The bundled trust lists (public/trust) the choice enables, read from disk. */
export function loadBundledTrustListsNode(
  choice: TrustChoice = { official: true, interim: true },
  publicDir: string = PUBLIC_DIR,
): Promise<TrustLists> {
  return loadBundledTrustLists((path) => readFile(join(publicDir, path), 'utf8'), choice);
}
