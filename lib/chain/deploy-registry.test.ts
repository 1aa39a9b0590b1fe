import { getCode } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import artifact from '../../contracts/artifacts/origin-registry.json' with { type: 'json' };
import { deployRegistry } from './deploy-registry.ts';
import { CREATE2_DEPLOYER, REGISTRY_ADDRESS } from './registry-address.ts';
import { ANVIL_ACCOUNTS, startTestChain, type TestChain } from './test-chain.ts';

let chain: TestChain;
beforeAll(async () => {
  chain = await startTestChain({ deploy: false });
});
afterAll(async () => {
  await chain?.stop();
});

describe('deployRegistry', () => {
  it('deploys through the CREATE2 deployer to REGISTRY_ADDRESS, then is idempotent (no transaction)', async () => {
    expect(await getCode(chain.client, { address: CREATE2_DEPLOYER })).toBeTruthy();
    expect(await getCode(chain.client, { address: REGISTRY_ADDRESS })).toBeUndefined();
    const first = await deployRegistry(chain.wallet(ANVIL_ACCOUNTS.deployer));
    expect(first.deployed).toBe(true);
    expect(first.address).toBe(REGISTRY_ADDRESS);
    console.log(`deploy gas: ${first.gasUsed}`);
    expect(await getCode(chain.client, { address: REGISTRY_ADDRESS })).toBe(artifact.deployedBytecode);
    // Anyone, any account: same address, nothing sent.
    const counter = chain.counter;
    counter.reset();
    const again = await deployRegistry(chain.wallet(ANVIL_ACCOUNTS.stranger));
    expect(again).toEqual({ address: REGISTRY_ADDRESS, deployed: false });
  });

  it('refuses a chain without the CREATE2 deployer', async () => {
    const other = await startTestChain({ deploy: false });
    try {
      await other.client.request({
        method: 'anvil_setCode' as never,
        params: [CREATE2_DEPLOYER, '0x'] as never,
      });
      await expect(deployRegistry(other.wallet(ANVIL_ACCOUNTS.deployer))).rejects.toThrow(/CREATE2 deployer/);
    } finally {
      await other.stop();
    }
  });

  it('refuses when other code sits at the address', async () => {
    const other = await startTestChain({ deploy: false });
    try {
      await other.client.request({
        method: 'anvil_setCode' as never,
        params: [REGISTRY_ADDRESS, '0x6001'] as never,
      });
      await expect(deployRegistry(other.wallet(ANVIL_ACCOUNTS.deployer))).rejects.toThrow(/unexpected code/);
    } finally {
      await other.stop();
    }
  });
});
