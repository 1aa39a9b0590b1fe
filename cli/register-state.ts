/**
 * The state file of a long `register` run, so an interruption (Ctrl+C, a dead RPC, an empty wallet) can be resumed
 * without registering anything twice or fingerprinting every file again:
 * - `files`: each file's fingerprint, keyed by path, with the size and mtime it was computed for;
 * - `done`: the `hash:kind` items whose transaction was mined, written after every batch.
 * The file is bound to one chain, registry and registrant; another run's state is refused, not merged. Written to a
 * temporary file and renamed, so a crash mid-write leaves the previous state intact.
 */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { FileFingerprint } from './commands/register.ts';

export interface RegisterState {
  version: 1;
  chainId: number;
  registry: string;
  registrant: string;
  files: Record<string, { size: number; mtimeMs: number; fingerprint: FileFingerprint }>;
  done: string[];
  txHashes: string[];
}

export function itemKey(item: { hash: string; kind: number }): string {
  return `${item.hash.toLowerCase()}:${item.kind}`;
}

export async function loadRegisterState(
  path: string,
  bind: Pick<RegisterState, 'chainId' | 'registry' | 'registrant'>,
): Promise<RegisterState> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return { version: 1, ...bind, files: {}, done: [], txHashes: [] };
  }
  const state = JSON.parse(raw) as RegisterState;
  if (state.version !== 1 || !Array.isArray(state.done) || typeof state.files !== 'object') {
    throw new Error(`${path} is not an origin-lens register state file`);
  }
  for (const k of ['chainId', 'registry', 'registrant'] as const) {
    if (String(state[k]).toLowerCase() !== String(bind[k]).toLowerCase()) {
      throw new Error(
        `${path} belongs to another run (${k} ${state[k]}, not ${bind[k]}); use another --state file`,
      );
    }
  }
  return state;
}

export async function saveRegisterState(path: string, state: RegisterState): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state)}\n`);
  await rename(tmp, path);
}

/** The stored fingerprint of a file, if the file has not changed since (same size and mtime). */
export async function storedFingerprint(
  state: RegisterState,
  path: string,
): Promise<FileFingerprint | undefined> {
  const entry = state.files[path];
  if (!entry) return undefined;
  const s = await stat(path);
  return s.size === entry.size && s.mtimeMs === entry.mtimeMs ? entry.fingerprint : undefined;
}

export async function rememberFingerprint(
  state: RegisterState,
  path: string,
  fingerprint: FileFingerprint,
): Promise<void> {
  const s = await stat(path);
  state.files[path] = { size: s.size, mtimeMs: s.mtimeMs, fingerprint };
}
