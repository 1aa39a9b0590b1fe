import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex32 } from '../../lib/chain/hex32.ts';
import { registryAbi } from '../../lib/chain/registry-abi.ts';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import { unpackEntry } from '../../lib/chain/registry-entry.ts';
import {
  ANVIL_ACCOUNTS,
  ANVIL_PUBLISHER_KEY,
  startTestChain,
  type TestChain,
} from '../../lib/chain/test-chain.ts';
import { fingerprintText } from '../../lib/fingerprint/fingerprint-text.ts';
import { captureIo } from '../capture-io.ts';
import type { CliIo } from '../cli-io.ts';
import { htmlBlockFingerprints, run } from './register.ts';

const IMAGE = 'fixtures/pdq/images/bridge-1-original.jpg';
const TEXT =
  'The harbour authority confirmed on Tuesday that the old grain terminal will become a market hall.';

let chain: TestChain;
let dir: string;
beforeAll(async () => {
  chain = await startTestChain();
  dir = await mkdtemp(join(tmpdir(), 'origin-lens-register-'));
  await writeFile(join(dir, 'article.txt'), TEXT);
  await writeFile(
    join(dir, 'article.html'),
    `<!doctype html><html><head><title>Ignored</title><style>p{color:red}</style></head><body><!-- c -->
     <p>The harbour authority confirmed on <b>Tuesday</b> that the old grain terminal&nbsp;will become a market hall&#46;</p>
     <script>document.write('not text')</script></body></html>`,
  );
  await writeFile(join(dir, 'data.bin'), new Uint8Array([1, 2, 3, 4]));
});
afterAll(async () => {
  await chain?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const io = (env: CliIo['env'] = { ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY }) => captureIo({ env });

async function entryOf(hash: Hex32) {
  const [packed, counts] = await readContract(chain.client, {
    address: REGISTRY_ADDRESS,
    abi: registryAbi,
    functionName: 'lookup',
    args: [[hash], [ANVIL_ACCOUNTS.publisher]],
  });
  return { ...unpackEntry(packed[0] ?? 0n), count: counts[0] };
}

describe('origin-lens register', () => {
  it('registers an image (SHA-256 + PDQ) and a text file (collapsed SHA-256 + ISCC Text-Code) with the key from the env', async () => {
    const t = io();
    const code = await run(
      [
        '--rpc',
        chain.anvil.rpcUrl,
        '--json',
        '--ai',
        '--uri',
        'https://pub.example/a',
        IMAGE,
        join(dir, 'article.txt'),
      ],
      t.cli,
    );
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    const out = JSON.parse(t.out.join(''));
    expect(out).toMatchObject({
      chainId: 31337,
      registry: REGISTRY_ADDRESS,
      registrant: ANVIL_ACCOUNTS.publisher,
      aiGenerated: true,
      uri: 'https://pub.example/a',
      registered: 4,
    });
    expect(out.transactions).toHaveLength(1);
    const [img, txt] = out.files;
    expect(img).toMatchObject({ file: IMAGE, type: 'image' });
    expect(img.pdqQuality).toBeGreaterThanOrEqual(50);
    expect(txt.sha256Collapsed).toBe(`0x${(await fingerprintText(TEXT)).sha256Collapsed}`);
    expect(await entryOf(img.sha256)).toMatchObject({ kind: 0, flags: 1, count: 1n });
    expect(await entryOf(img.pdq)).toMatchObject({ kind: 1, flags: 1, count: 1n });
    expect(await entryOf(txt.sha256Collapsed)).toMatchObject({ kind: 2, flags: 1, count: 1n });
    // Kind 3: the 64-bit ISCC Text-Code in the high 8 bytes, zero below (registry v2).
    const iscc = (await fingerprintText(TEXT)).isccTextHex;
    expect(txt.isccText).toBe((await fingerprintText(TEXT)).isccText);
    expect(await entryOf(`0x${iscc}${'0'.repeat(48)}`)).toMatchObject({ kind: 3, flags: 1, count: 1n });
  });

  it('registers video and audio files by the SHA-256 of their bytes', async () => {
    const video = 'fixtures/c2pa-realworld/openai_sora_video.mp4';
    const audio = 'fixtures/c2pa-realworld/truepic_lens-ios_audio.m4a';
    const t = io();
    expect(await run(['--rpc', chain.anvil.rpcUrl, '--json', video, audio], t.cli)).toBe(0);
    const out = JSON.parse(t.out.join(''));
    expect(out.registered).toBe(2);
    const [v, a] = out.files;
    const expected = (file: string) => `0x${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
    expect(v).toMatchObject({ type: 'video', sha256: expected(video) });
    expect(a).toMatchObject({ type: 'audio', sha256: expected(audio) });
    expect(v.pdq).toBeUndefined();
    expect(await entryOf(v.sha256)).toMatchObject({ kind: 0, count: 1n });
    expect(await entryOf(a.sha256)).toMatchObject({ kind: 0, count: 1n });
  });

  it('an HTML file registers the same text hash as its visible paragraph', async () => {
    const t = io();
    expect(await run(['--rpc', chain.anvil.rpcUrl, '--json', join(dir, 'article.html')], t.cli)).toBe(0);
    const out = JSON.parse(t.out.join(''));
    expect(out.files[0].sha256Collapsed).toBe(`0x${(await fingerprintText(TEXT)).sha256Collapsed}`);
  });

  it('splits an HTML page into the paragraphs the extension finds (here <br><br>-separated runs)', async () => {
    const second =
      'Residents have argued for years about the future of the site; the compromise is a covered market.';
    const blocks = await htmlBlockFingerprints(
      `<html><body><nav><a href="/">Home</a></nav><div class="post">${TEXT}<br><br>${second}<br><br>Short.</div></body></html>`,
    );
    expect(blocks.map((b) => b.sha256Collapsed)).toEqual([
      `0x${(await fingerprintText(TEXT)).sha256Collapsed}`,
      `0x${(await fingerprintText(second)).sha256Collapsed}`,
    ]);
  });

  it('refuses a key passed as an argument and never echoes it', async () => {
    for (const argv of [
      ['--key', ANVIL_PUBLISHER_KEY, IMAGE],
      [IMAGE, ANVIL_PUBLISHER_KEY],
    ]) {
      const t = io();
      expect(await run(['--rpc', chain.anvil.rpcUrl, ...argv], t.cli)).toBe(2);
      expect(t.err.join('')).toMatch(/never pass a private key/);
      expect(t.err.join('') + t.out.join('')).not.toContain(ANVIL_PUBLISHER_KEY.slice(2));
    }
  });

  it('needs ORIGIN_LENS_KEY', async () => {
    const t = io({});
    expect(await run(['--rpc', chain.anvil.rpcUrl, IMAGE], t.cli)).toBe(2);
    expect(t.err.join('')).toMatch(/ORIGIN_LENS_KEY is not set/);
  });

  it('registers nothing when one file cannot be fingerprinted', async () => {
    chain.counter.reset();
    const t = io();
    const code = await run(
      ['--rpc', chain.anvil.rpcUrl, join(dir, 'article.txt'), join(dir, 'data.bin'), 'missing.jpg'],
      t.cli,
    );
    expect(code).toBe(1);
    expect(t.err.join('\n')).toMatch(/data\.bin: not an image/);
    expect(t.err.join('\n')).toMatch(/missing\.jpg: ENOENT/);
    expect(t.err.join('\n')).toMatch(/nothing registered/);
  });

  it('says so when the registry is not deployed on that chain', async () => {
    const bare = await startTestChain({ deploy: false });
    try {
      const t = io();
      expect(await run(['--rpc', bare.anvil.rpcUrl, IMAGE], t.cli)).toBe(1);
      expect(t.err.join('')).toMatch(/not deployed on chain 31337; run: origin-lens deploy/);
    } finally {
      await bare.stop();
    }
  });

  it('plain output lists the hashes and the transaction', async () => {
    const t = io();
    expect(await run(['--rpc', chain.anvil.rpcUrl, 'fixtures/pdq/images/q0003.jpg'], t.cli)).toBe(0);
    expect(t.out.join('\n')).toMatch(/sha256\s+0x[0-9a-f]{64}/);
    expect(t.out.join('\n')).toMatch(
      /Registered \d hash\(es\) for 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 on chain 31337/,
    );
    expect(t.err.join('\n')).toMatch(/tx 0x[0-9a-f]{64}/);
  });
});
