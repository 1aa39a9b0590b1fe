import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRpc, walletFor } from './rpc-connection.ts';
import { ANVIL_ACCOUNTS, startTestChain, type TestChain } from './test-chain.ts';

let chain: TestChain;
beforeAll(async () => {
  chain = await startTestChain({ deploy: false });
});
afterAll(async () => {
  await chain?.stop();
});

describe('connectRpc / walletFor', () => {
  it('takes the chain id from the node, and neither client follows CCIP-Read (EIP-3668) redirects', async () => {
    const connection = await connectRpc(chain.anvil.rpcUrl);
    expect(connection.chain.id).toBe(chain.config.id);
    expect(connection.client.ccipRead).toBe(false);
    // viem's default is an object (follow the URLs); false turns the whole mechanism off.
    expect(walletFor(connection, ANVIL_ACCOUNTS.publisher).ccipRead).toBe(false);
  });
});
