import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../lib/fingerprint/fingerprint-text.ts';
import type { CliIo } from '../cli-io.ts';
import { run } from './hash.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

async function hash(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: ROOT };
  const code = await run(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('origin-lens hash', () => {
  it('prints SHA-256 and the PDQ reference hash for an image', async () => {
    const { code, out } = await hash(['fixtures/pdq/images/bridge-1-original.jpg', '--json']);
    expect(code).toBe(0);
    // The `cpp_nn512` value of fixtures/pdq/expected.json (upstream: the C++ hasher's WASM build).
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({
        source: 'fixtures/pdq/images/bridge-1-original.jpg',
        pdq: 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22',
        pdqQuality: 100,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it('prints one text key per paragraph of an HTML page (--html), as the extension splits it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'origin-lens-hash-'));
    const a =
      'The harbour authority confirmed on Tuesday that the old grain terminal will become a market hall.';
    const b =
      'Residents have argued for years about the future of the site; the compromise is a covered market.';
    await writeFile(
      join(dir, 'p.html'),
      `<html><body><div><span>${a}</span></div><p>${b}<br><br>Too short.</p></body></html>`,
    );
    const { code, out } = await hash(['--html', join(dir, 'p.html'), '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out);
    expect(rows.map((r: { sha256Collapsed: string }) => r.sha256Collapsed)).toEqual([
      (await fingerprintText(a)).sha256Collapsed,
      (await fingerprintText(b)).sha256Collapsed,
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the collapsed-text key and the ISCC Text-Code for text', async () => {
    const { out } = await hash(['--text', 'Hello World', '--json']);
    // ISCC conformance vector gen_text_code_v0.test_0001_hello_world (64 bits).
    expect(JSON.parse(out)[0]).toMatchObject({ isccText: 'ISCC:EAASKDNZNYGUUF5A', characters: 10 });
  });

  it('fails clearly without input', async () => {
    const { code, err } = await hash([]);
    expect(code).toBe(2);
    expect(err).toContain('give files');
  });

  it('answers an unknown option with the usage and exit code 2, like every command', async () => {
    const { code, err } = await hash(['--bogus']);
    expect(code).toBe(2);
    expect(err).toMatch(/^origin-lens hash: .*--bogus.*\nUsage: origin-lens hash/);
  });
});
