import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocalFile, readLocalText } from './read-local-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'origin-lens-read-'));

describe('readLocalFile', () => {
  it('reads a file whole, byte for byte', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) & 255);
    writeFileSync(join(dir, 'a.bin'), bytes);
    expect(await readLocalFile(join(dir, 'a.bin'), 1_000_000)).toEqual(bytes);
    writeFileSync(join(dir, 'empty.bin'), new Uint8Array(0));
    expect((await readLocalFile(join(dir, 'empty.bin'), 10)).length).toBe(0);
  });

  it('refuses a file over the limit before reading it', async () => {
    writeFileSync(join(dir, 'big.bin'), new Uint8Array(2048));
    await expect(readLocalFile(join(dir, 'big.bin'), 2047)).rejects.toThrow(
      'file too large (2048 bytes, limit 2047)',
    );
    expect((await readLocalFile(join(dir, 'big.bin'), 2048)).length).toBe(2048);
  });

  it('refuses a device, a directory and a pipe at once, instead of reading forever or waiting', async () => {
    await expect(readLocalFile('/dev/zero', 1024)).rejects.toThrow('not a regular file: /dev/zero');
    await expect(readLocalFile(dir, 1024)).rejects.toThrow('not a regular file');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(readLocalFile(fifo, 1024)).rejects.toThrow('not a regular file');
  });

  it('keeps the limit for a file whose size the system does not report', async () => {
    // /proc files say size 0 and still have content.
    await expect(readLocalFile('/proc/self/maps', 16)).rejects.toThrow('file too large (over 16 bytes)');
    expect((await readLocalFile('/proc/self/maps', 10_000_000)).length).toBeGreaterThan(16);
  });

  it('reads text as readFile(path, "utf8") does, with the same refusals', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0xff, 0x21]);
    writeFileSync(join(dir, 'text.txt'), bytes);
    expect(await readLocalText(join(dir, 'text.txt'))).toBe(readFileSync(join(dir, 'text.txt'), 'utf8'));
    expect(await readLocalText(join(dir, 'text.txt'))).toBe('\ufeffhé\ufffd!');
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await expect(readLocalText(fifo)).rejects.toThrow('not a regular file');
  });

  it('says what is missing', async () => {
    await expect(readLocalFile(join(dir, 'nope.jpg'), 10)).rejects.toThrow('ENOENT');
  });
});
