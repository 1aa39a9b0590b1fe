import { getCode } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import {
  ANVIL_PUBLISHER_KEY,
  closedPort,
  startTestChain,
  type TestChain,
} from '../../lib/chain/test-chain.ts';
import { captureIo } from '../capture-io.ts';
import type { CliIo } from '../cli-io.ts';
import { run } from './deploy.ts';

const io = (env: CliIo['env'] = {}) => captureIo({ env });

let chain: TestChain;
beforeAll(async () => {
  chain = await startTestChain({ deploy: false });
});
afterAll(async () => {
  await chain?.stop();
});

describe('origin-lens deploy', () => {
  it('refuses a key passed as an argument, without echoing it', async () => {
    for (const argv of [
      ['--rpc', chain.anvil.rpcUrl, '--key', ANVIL_PUBLISHER_KEY],
      ['--rpc', chain.anvil.rpcUrl, `--private-key=${ANVIL_PUBLISHER_KEY}`],
      ['--rpc', chain.anvil.rpcUrl, ANVIL_PUBLISHER_KEY],
    ]) {
      const t = io({ ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY });
      expect(await run(argv, t.cli)).toBe(2);
      expect(t.err.join('')).toMatch(/never pass a private key.*ORIGIN_LENS_KEY/);
      expect(t.err.join('')).not.toContain(ANVIL_PUBLISHER_KEY.slice(2));
    }
    expect(await getCode(chain.client, { address: REGISTRY_ADDRESS })).toBeUndefined();
  });

  it('needs ORIGIN_LENS_KEY when the registry is not there yet', async () => {
    const t = io({});
    expect(await run(['--rpc', chain.anvil.rpcUrl], t.cli)).toBe(2);
    expect(t.err.join('')).toMatch(/ORIGIN_LENS_KEY is not set/);
  });

  it('deploys with the key from the environment, then is idempotent without a key', async () => {
    const first = io({ ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY });
    expect(await run(['--rpc', chain.anvil.rpcUrl, '--json'], first.cli)).toBe(0);
    const result = JSON.parse(first.out.join(''));
    expect(result).toMatchObject({ address: REGISTRY_ADDRESS, chainId: 31337, deployed: true });
    expect(result.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await getCode(chain.client, { address: REGISTRY_ADDRESS })).toBeTruthy();

    const again = io({});
    expect(await run(['--rpc', chain.anvil.rpcUrl], again.cli)).toBe(0);
    expect(again.out.join('')).toBe(`Registry already at ${REGISTRY_ADDRESS} on chain 31337; nothing sent`);
  });

  it('fails cleanly on a dead RPC and on bad options', async () => {
    const dead = io({ ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY });
    expect(await run(['--rpc', `http://127.0.0.1:${await closedPort()}`], dead.cli)).toBe(1);
    expect(dead.err.join('')).toMatch(/could not reach/);
    const bad = io();
    expect(await run(['--bogus'], bad.cli)).toBe(2);
    const help = io();
    expect(await run(['--help'], help.cli)).toBe(0);
    expect(help.out.join('')).toContain('ORIGIN_LENS_KEY');
  });
});
