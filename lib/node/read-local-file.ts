import { open, stat } from 'node:fs/promises';
import { concatBytes } from '../bytes/concat-bytes.ts';

/** What one read may hold: fs.readFile's own limit (2 GiB), for commands that hash any file they are given. */
export const MAX_LOCAL_FILE_BYTES = 2 ** 31 - 1;

/**
 * Reads a local file for a check, refusing what cannot be one: a device, a pipe or a directory (`/dev/zero`
 * would be read until memory ran out, and opening a pipe waits for a writer), and a file larger than
 * `maxBytes` (nothing past the C2PA engine's own cap can be validated, so reading it would only cost memory).
 * The limit also holds for a file that grows while it is read, or whose size the system does not report
 * (/proc).
 */
export async function readLocalFile(path: string, maxBytes: number): Promise<Uint8Array> {
  // Looked at before it is opened: open() itself blocks on a pipe.
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a regular file: ${path}`);
  if (info.size > maxBytes) throw new Error(`file too large (${info.size} bytes, limit ${maxBytes})`);
  const handle = await open(path, 'r');
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(info.size - total, 64 * 1024), maxBytes + 1 - total);
      const chunk = new Uint8Array(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new Error(`file too large (over ${maxBytes} bytes)`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(chunks);
  } finally {
    await handle.close();
  }
}

/**
 * A local text file, with the same refusals and cap as `readLocalFile`, decoded as UTF-8 the way
 * `readFile(path, 'utf8')` decodes it (invalid bytes replaced, a byte-order mark kept).
 */
export async function readLocalText(path: string, maxBytes = MAX_LOCAL_FILE_BYTES): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readLocalFile(path, maxBytes));
}
