import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex32 } from '../../lib/chain/hex32.ts';
import { registryAbi } from '../../lib/chain/registry-abi.ts';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import {
  ANVIL_PUBLISHER_KEY,
  forwardRpc,
  startFakeRpc,
  startTestChain,
  type TestChain,
} from '../../lib/chain/test-chain.ts';
import { captureIo } from '../capture-io.ts';
import type { CliIo } from '../cli-io.ts';
import type { RegisterState } from '../register-state.ts';
import { run } from './register.ts';

/**
 * `register` for publishers with many files: batches, a progress bar, a dry run that sends nothing, and a run
 * interrupted by a dying RPC that resumes from its state file without registering anything twice. Real anvil.
 */
let chain: TestChain;
let dir: string;
const files: string[] = [];
const FILES = 60; // 120 hashes (collapsed text + ISCC per file)

const io = (env: CliIo['env'] = { ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY }) => captureIo({ env, cwd: dir });

beforeAll(async () => {
  chain = await startTestChain();
  dir = await mkdtemp(join(tmpdir(), 'origin-lens-scale-'));
  for (let i = 0; i < FILES; i++) {
    const name = `article-${i}.txt`;
    await writeFile(
      join(dir, name),
      `Paragraph number ${i} of the archive, long enough to be a paragraph of its own: ${'word '.repeat(i % 7)}end.`,
    );
    files.push(name);
  }
}, 60_000);
afterAll(async () => {
  await chain?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function blockNumber(): Promise<bigint> {
  return BigInt((await forwardRpc(chain.anvil.rpcUrl, 'eth_blockNumber', [])) as string);
}

describe('register at scale', { timeout: 120_000 }, () => {
  it('--dry-run prints the transactions, gas and cost, and sends nothing', async () => {
    const before = await blockNumber();
    const t = io({});
    const code = await run(
      [
        ...files,
        '--rpc',
        chain.anvil.rpcUrl,
        '--dry-run',
        '--batch-size',
        '25',
        '--gas-price',
        '2',
        '--json',
      ],
      t.cli,
    );
    expect(code, t.err.join('\n')).toBe(0);
    const plan = JSON.parse(t.out.join(''));
    expect(plan).toMatchObject({
      dryRun: true,
      hashes: 120,
      transactions: 5,
      batchSize: 25,
      gasPriceGwei: '2',
    });
    const gas = BigInt(plan.gas);
    // ~27.5k per hash in batches (contracts/README.md), plus calldata for the ISCC keys.
    expect(gas).toBeGreaterThan(120n * 20_000n);
    expect(gas).toBeLessThan(120n * 60_000n);
    expect(plan.costEth).toBe(String(Number(gas * 2n) / 1e9));
    expect(await blockNumber()).toBe(before);

    const plain = io({});
    expect(await run([...files, '--rpc', chain.anvil.rpcUrl, '--dry-run'], plain.cli)).toBe(0);
    expect(plain.out.join('\n')).toMatch(/transactions {2}1 \(batches of up to 256\)/);
    expect(plain.out.join('\n')).toMatch(/give --gas-price GWEI/);
  });

  it('an interrupted run resumes from its state file; each hash is registered once; progress is shown', async () => {
    const statePath = join(dir, 'run.state.json');
    // A node that dies after two transactions (what a dropped connection or an empty wallet looks like).
    let sent = 0;
    const flaky = await startFakeRpc(async (method, params) => {
      if (method === 'eth_sendRawTransaction' && ++sent > 2)
        return { rpcError: { code: -32000, message: 'node went away' } };
      return forwardRpc(chain.anvil.rpcUrl, method, params);
    });
    try {
      const first = io();
      const code = await run(
        [...files, '--rpc', flaky.url, '--batch-size', '25', '--state', statePath],
        first.cli,
      );
      expect(code).toBe(1);
      expect(first.err.join('\n')).toMatch(/progress is saved in .*run\.state\.json/);
      expect(first.err.join('\n')).toMatch(/\[#+\.*\] 60\/60 files fingerprinted/);
      expect(first.err.join('\n')).toMatch(/\[#+\.*\] 2\/5 transactions, 50 hash\(es\)/);
    } finally {
      await flaky.close();
    }
    const saved = JSON.parse(await readFile(statePath, 'utf8')) as RegisterState;
    expect(saved.done).toHaveLength(50);
    expect(saved.txHashes).toHaveLength(2);
    expect(Object.keys(saved.files)).toHaveLength(FILES);

    const second = io();
    expect(
      await run(
        [...files, '--rpc', chain.anvil.rpcUrl, '--batch-size', '25', '--state', statePath, '--json'],
        second.cli,
      ),
    ).toBe(0);
    const out = JSON.parse(second.out.join(''));
    expect(out).toMatchObject({ registered: 70, alreadyRegistered: 50 });
    expect(out.transactions).toHaveLength(3);
    const done = (JSON.parse(await readFile(statePath, 'utf8')) as RegisterState).done;
    expect(new Set(done).size).toBe(120);

    // On-chain: every hash once, by one registrant.
    const hashes = done.map((k) => k.split(':')[0] as Hex32);
    const [, counts] = await readContract(chain.client, {
      address: REGISTRY_ADDRESS,
      abi: registryAbi,
      functionName: 'lookup',
      args: [hashes, []],
    });
    expect(counts.every((c) => c === 1n)).toBe(true);

    // A state file from another registrant is refused rather than mixed in.
    const other = io({ ORIGIN_LENS_KEY: `0x${'11'.repeat(32)}` });
    expect(await run([...files, '--rpc', chain.anvil.rpcUrl, '--state', statePath], other.cli)).toBe(1);
    expect(other.err.join('\n')).toMatch(/belongs to another run/);
  });
});
