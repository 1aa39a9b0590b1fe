import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChainClient } from '../../lib/chain/create-chain-client.ts';
import { CodeCache, lookupHashes } from '../../lib/chain/lookup.ts';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import { captureIo } from '../capture-io.ts';
import { DEVNET_ACCOUNTS, type DevnetInfo, parseSeed, run, runDevnet } from './devnet.ts';
import { fingerprintFile } from './register.ts';

const io = (cwd = process.cwd()) => captureIo({ cwd });

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'POST', body: '{}', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

describe('origin-lens devnet', () => {
  it('starts anvil, deploys, seeds publisher/stranger/AI/revoked records, and stops on abort', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'origin-lens-devnet-'));
    const seedFile = join(dir, 'seed.json');
    const img = 'fixtures/pdq/images/bridge-1-original.jpg';
    const ai = 'fixtures/pdq/images/shrink-a-little.jpg';
    await writeFile(
      seedFile,
      JSON.stringify([
        { file: img, as: 'publisher', uri: 'https://pub.example/bridge' },
        { file: img, as: 'stranger' },
        { file: ai, as: 'publisher', ai: true, revoke: true },
        { file: 'fixtures/does-not-exist.jpg', as: 'publisher' },
      ]),
    );
    const controller = new AbortController();
    const t = io();
    let ready: (info: DevnetInfo) => void = () => {};
    const readyP = new Promise<DevnetInfo>((r) => {
      ready = r;
    });
    const done = runDevnet(['--port', '0', '--seed', seedFile], t.cli, {
      signal: controller.signal,
      onReady: ready,
    });
    const info = await Promise.race([
      readyP,
      done.then((code) => Promise.reject(new Error(`exited ${code}: ${t.err}`))),
    ]);
    try {
      expect(info).toMatchObject({
        chainId: 31337,
        registry: REGISTRY_ADDRESS,
        publisher: DEVNET_ACCOUNTS.publisher,
        stranger: DEVNET_ACCOUNTS.stranger,
        skipped: [{ file: 'fixtures/does-not-exist.jpg', reason: 'file not found' }],
      });
      expect(t.out.join('\n')).toContain(`RPC URL    ${info.rpcUrl} (chain 31337)`);
      expect(t.out.join('\n')).toContain(`Registry   ${REGISTRY_ADDRESS}`);
      expect(t.err.join('\n')).toMatch(/does-not-exist\.jpg skipped/);

      const [bridge, shrunk] = await Promise.all([fingerprintFile(img), fingerprintFile(ai)]);
      const client = createChainClient({ id: 31337, name: 'devnet', rpcUrl: info.rpcUrl, enabled: true });
      const res = await lookupHashes(
        client,
        REGISTRY_ADDRESS,
        [bridge.items[0]?.hash, shrunk.items[0]?.hash].filter((h) => h !== undefined),
        [DEVNET_ACCOUNTS.publisher, DEVNET_ACCOUNTS.stranger],
        { codeCache: new CodeCache() },
      );
      expect(
        res.results.map((r) => [r.count, r.records.map((x) => [x.registrant, x.aiGenerated, x.revoked])]),
      ).toEqual([
        [
          2,
          [
            [DEVNET_ACCOUNTS.publisher, false, false],
            [DEVNET_ACCOUNTS.stranger, false, false],
          ],
        ],
        [1, [[DEVNET_ACCOUNTS.publisher, true, true]]],
      ]);
      expect(info.registered).toBe(bridge.items.length * 2 + shrunk.items.length);
      expect(info.revoked).toBe(shrunk.items.length);
    } finally {
      controller.abort();
    }
    expect(await done).toBe(0);
    expect(await answers(info.rpcUrl)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('the shipped demo/seed.json is valid', async () => {
    const { readFile } = await import('node:fs/promises');
    const entries = parseSeed(JSON.parse(await readFile('demo/seed.json', 'utf8')));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.as === 'publisher')).toBe(true);
    expect(entries.some((e) => e.as === 'stranger')).toBe(true);
  });

  it('rejects a bad seed file before starting anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'origin-lens-devnet-'));
    try {
      await writeFile(join(dir, 'bad.json'), JSON.stringify([{ file: 'x.jpg', as: 'admin' }]));
      const t = io(dir);
      expect(await runDevnet(['--port', '0', '--seed', 'bad.json'], t.cli)).toBe(2);
      expect(t.err.join('')).toMatch(/"as" must be "publisher" or "stranger"/);
      const missing = io(dir);
      expect(await runDevnet(['--port', '0', '--seed', 'nope.json'], missing.cli)).toBe(2);
      expect(missing.err.join('')).toMatch(/seed file not found/);
      expect(() => parseSeed({})).toThrow(/array/);
      expect(() => parseSeed([{ file: 'a', as: 'publisher', ai: 'yes' }])).toThrow(/"ai"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('run --help, and bad options', async () => {
    const t = io();
    expect(await run(['--help'], t.cli)).toBe(0);
    expect(t.out.join('')).toContain('--seed');
    expect(await run(['--port', 'x'], io().cli)).toBe(2);
    expect(await run(['--what'], io().cli)).toBe(2);
  });
});
