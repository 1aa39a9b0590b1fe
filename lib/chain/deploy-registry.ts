/**
 * Idempotent deployment of the registry through the CREATE2 deployer: if code is already at REGISTRY_ADDRESS,
 * nothing is sent. Anyone may run it on any chain; the result is always the same contract at the same address.
 */
import { type Account, type Address, type Chain, type Client, concat, type Hash, type Transport } from 'viem';
import { getCode, sendTransaction, waitForTransactionReceipt } from 'viem/actions';
import artifact from '../../contracts/artifacts/origin-registry.json' with { type: 'json' };
import { CREATE2_DEPLOYER, REGISTRY_ADDRESS, REGISTRY_SALT } from './registry-address.ts';

export interface DeployResult {
  address: Address;
  /** false when the registry was already there (no transaction sent). */
  deployed: boolean;
  txHash?: Hash;
  gasUsed?: bigint;
}

export type WalletLikeClient = Client<Transport, Chain | undefined, Account>;

/** true when the registry is at REGISTRY_ADDRESS, false when nothing is; throws when other code is there. */
export async function registryDeployed(client: Client<Transport, Chain | undefined>): Promise<boolean> {
  const existing = await getCode(client, { address: REGISTRY_ADDRESS });
  if (!existing || existing === '0x') return false;
  // CREATE2 ties the address to the initcode, so different code here means a non-standard chain: refuse to
  // pretend the registry exists.
  if (existing.toLowerCase() !== artifact.deployedBytecode.toLowerCase()) {
    throw new Error(`unexpected code at ${REGISTRY_ADDRESS}: not the Origin Lens registry`);
  }
  return true;
}

export async function deployRegistry(client: WalletLikeClient): Promise<DeployResult> {
  if (await registryDeployed(client)) return { address: REGISTRY_ADDRESS, deployed: false };
  const deployerCode = await getCode(client, { address: CREATE2_DEPLOYER });
  if (!deployerCode || deployerCode === '0x') {
    throw new Error(`the CREATE2 deployer ${CREATE2_DEPLOYER} is not on this chain`);
  }
  const txHash = await sendTransaction(client, {
    account: client.account,
    chain: client.chain,
    to: CREATE2_DEPLOYER,
    data: concat([REGISTRY_SALT, artifact.bytecode as `0x${string}`]),
  });
  const receipt = await waitForTransactionReceipt(client, { hash: txHash });
  if (receipt.status !== 'success') throw new Error(`registry deployment reverted (tx ${txHash})`);
  const code = await getCode(client, { address: REGISTRY_ADDRESS });
  if (!code || code.toLowerCase() !== artifact.deployedBytecode.toLowerCase()) {
    throw new Error(`deployment sent (tx ${txHash}) but the registry code is not at ${REGISTRY_ADDRESS}`);
  }
  return { address: REGISTRY_ADDRESS, deployed: true, txHash, gasUsed: receipt.gasUsed };
}
