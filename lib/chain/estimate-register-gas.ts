/**
 * Gas of a registration run before anything is sent (`register --dry-run`): one `eth_estimateGas` per batch,
 * against the chain's current state, for the same calls registerContent would send. Batches are estimated
 * independently: a hash repeated across batches would cost less than estimated, never more.
 */
import type { Address } from 'viem';
import { estimateContractGas } from 'viem/actions';
import type { AnyClient } from './lookup.ts';
import { batchesOf, type RegisterItem, registerCall, revertReason, uniqueItems } from './register-content.ts';
import { registryAbi } from './registry-abi.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';

export interface GasEstimate {
  transactions: number;
  items: number;
  gas: bigint;
  /** Per transaction, in order. */
  perTransaction: bigint[];
}

export async function estimateRegisterGas(
  client: AnyClient,
  account: Address,
  items: readonly RegisterItem[],
  options: { batchSize: number; registry?: Address; onBatch?: (done: number, total: number) => void },
): Promise<GasEstimate> {
  const batches = batchesOf(uniqueItems(items), options.batchSize);
  const perTransaction: bigint[] = [];
  for (const batch of batches) {
    try {
      perTransaction.push(
        await estimateContractGas(client, {
          address: options.registry ?? REGISTRY_ADDRESS,
          abi: registryAbi,
          account,
          ...registerCall(batch),
        } as Parameters<typeof estimateContractGas>[1]),
      );
    } catch (e) {
      throw new Error(`a batch would revert: ${revertReason(e)}`, { cause: e });
    }
    options.onBatch?.(perTransaction.length, batches.length);
  }
  return {
    transactions: batches.length,
    items: batches.reduce((n, b) => n + b.length, 0),
    gas: perTransaction.reduce((a, b) => a + b, 0n),
    perTransaction,
  };
}
