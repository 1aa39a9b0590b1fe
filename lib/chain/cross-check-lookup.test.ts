import { keccak256, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainEvidenceFor } from './chain-evidence.ts';
import { createChainClient } from './create-chain-client.ts';
import { crossCheckedLookup } from './cross-check-lookup.ts';
import type { Hex32 } from './hex32.ts';
import { CodeCache, lookupHashes } from './lookup.ts';
import { registerContent } from './register-content.ts';
import type { TrustedRegistrant } from './registrants.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { ANVIL_ACCOUNTS, closedPort, startTestChain, type TestChain } from './test-chain.ts';

/** Two real devnets: one holds the publisher's record, the other the same registry without it. */
let main: TestChain;
let other: TestChain;
const photo: Hex32 = keccak256(toHex('cross-check photo'));
const publisher: TrustedRegistrant = {
  address: ANVIL_ACCOUNTS.publisher,
  name: 'Publisher',
  chains: [31337],
};

beforeAll(async () => {
  [main, other] = await Promise.all([startTestChain(), startTestChain()]);
  await registerContent(main.wallet(ANVIL_ACCOUNTS.publisher), [{ hash: photo, kind: 0 }]);
});
afterAll(async () => {
  await main?.stop();
  await other?.stop();
});

const lookupOn = (rpcUrl: string) => () =>
  lookupHashes(
    createChainClient({ id: 31337, name: 'devnet', rpcUrl, enabled: true }),
    REGISTRY_ADDRESS,
    [photo],
    [ANVIL_ACCOUNTS.publisher],
    {
      codeCache: new CodeCache(),
    },
  );

describe('crossCheckedLookup', () => {
  it('passes an answer both endpoints agree on', async () => {
    const result = await crossCheckedLookup(lookupOn(main.anvil.rpcUrl), lookupOn(main.anvil.rpcUrl));
    expect(result.results[0]?.records).toHaveLength(1);
  });

  it('turns a disagreement into "could not check", with the disagreement named', async () => {
    const chain = { id: 31337, name: 'Devnet', rpcUrl: main.anvil.rpcUrl, enabled: true };
    const evidence = await chainEvidenceFor(
      { sha256: photo },
      {
        chains: [chain],
        registrants: [publisher],
        lookup: () => crossCheckedLookup(lookupOn(main.anvil.rpcUrl), lookupOn(other.anvil.rpcUrl)),
      },
    );
    expect(evidence.state).toBe('error');
    expect(evidence.records).toEqual([]);
    expect(evidence.disagreement).toContain('different records');
  });

  it('does not pass an unchecked answer when the cross-check endpoint is down', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    await expect(crossCheckedLookup(lookupOn(main.anvil.rpcUrl), lookupOn(dead))).rejects.toThrow(
      'cross-check RPC failed',
    );
  });
});
