/**
 * Write side: registers content hashes for the wallet's account, one transaction per batch of at most
 * MAX_BATCH, each awaited before the next (no nonce races, and a failure stops before spending more gas).
 */
import { type Address, BaseError, ContractFunctionRevertedError, type Hash } from 'viem';
import { simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions';
import type { WalletLikeClient } from './deploy-registry.ts';
import { type Hex32, isHex32 } from './hex32.ts';
import { registryAbi } from './registry-abi.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { FLAG_AI, isKindCode, type KindCode, MAX_BATCH } from './registry-entry.ts';

export interface RegisterItem {
  hash: Hex32;
  kind: KindCode;
  aiGenerated?: boolean;
  uri?: string;
  c2paManifestHash?: Hex32;
}

export interface WriteOptions {
  registry?: Address;
  /** Items per transaction, 1..MAX_BATCH. */
  batchSize?: number;
  /** Called after each mined transaction (progress output in the CLI). */
  onTransaction?: (info: { txHash: Hash; items: number; gasUsed: bigint }) => void;
}

export interface WriteResult {
  txHashes: Hash[];
  gasUsed: bigint;
  items: number;
}

/** URIs go into calldata and logs: cap them so a mistake cannot cost a fortune. */
export const MAX_URI_BYTES = 2048;

const ZERO32: Hex32 = `0x${'0'.repeat(64)}`;

function validate(item: RegisterItem): void {
  if (!isHex32(item.hash) || /^0x0{64}$/.test(item.hash))
    throw new TypeError(`invalid content hash: ${item.hash}`);
  if (!isKindCode(item.kind)) throw new TypeError(`invalid kind ${String(item.kind)} for ${item.hash}`);
  if (item.c2paManifestHash !== undefined && !isHex32(item.c2paManifestHash)) {
    throw new TypeError(`invalid C2PA manifest hash for ${item.hash}`);
  }
  if (item.uri !== undefined && new TextEncoder().encode(item.uri).length > MAX_URI_BYTES) {
    throw new TypeError(`uri longer than ${MAX_URI_BYTES} bytes for ${item.hash}`);
  }
}

export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function batchSizeOf(options: WriteOptions): number {
  const size = options.batchSize ?? MAX_BATCH;
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH)
    throw new RangeError(`batch size must be 1..${MAX_BATCH}`);
  return size;
}

/** The contract's custom error as `Name(args)`, or viem's short message. */
export function revertReason(e: unknown): string {
  if (e instanceof BaseError) {
    const revert = e.walk((x) => x instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError && revert.data?.errorName) {
      return `${revert.data.errorName}(${(revert.data.args ?? []).map(String).join(', ')})`;
    }
    return e.shortMessage;
  }
  return e instanceof Error ? e.message : String(e);
}

async function send(
  client: WalletLikeClient,
  options: WriteOptions,
  items: number,
  request: Parameters<typeof writeContract>[1],
): Promise<{ txHash: Hash; gasUsed: bigint }> {
  // Simulate first: a revert then fails here with the contract's decoded error (e.g. RecordRevoked) and costs
  // nothing, whereas some nodes would mine the reverting transaction and only report "reverted".
  try {
    await simulateContract(client, request as Parameters<typeof simulateContract>[1]);
  } catch (e) {
    throw new Error(`${request.functionName} would revert: ${revertReason(e)}`, { cause: e });
  }
  const txHash = await writeContract(client, request);
  const receipt = await waitForTransactionReceipt(client, { hash: txHash });
  if (receipt.status !== 'success') throw new Error(`transaction ${txHash} reverted`);
  options.onTransaction?.({ txHash, items, gasUsed: receipt.gasUsed });
  return { txHash, gasUsed: receipt.gasUsed };
}

/** The contract call for one batch: `register` for one item, `registerBatch` otherwise (also used to estimate gas). */
export function registerCall(batch: readonly RegisterItem[]) {
  const flags = batch.map((i) => (i.aiGenerated ? FLAG_AI : 0));
  if (batch.length === 1) {
    const [i] = batch as [RegisterItem];
    return {
      functionName: 'register',
      args: [i.hash, i.kind, flags[0] ?? 0, i.c2paManifestHash ?? ZERO32, i.uri ?? ''],
    } as const;
  }
  // Empty arrays mean "none for every item" in the contract and save calldata.
  const manifests = batch.some((i) => i.c2paManifestHash)
    ? batch.map((i) => i.c2paManifestHash ?? ZERO32)
    : [];
  const uris = batch.some((i) => i.uri) ? batch.map((i) => i.uri ?? '') : [];
  return {
    functionName: 'registerBatch',
    args: [batch.map((i) => i.hash), batch.map((i) => i.kind), flags, manifests, uris],
  } as const;
}

/** Items once each (same hash and kind): a duplicate would only re-register and waste gas. Validates them all. */
export function uniqueItems(items: readonly RegisterItem[]): RegisterItem[] {
  for (const item of items) validate(item);
  return [...new Map(items.map((i) => [`${i.hash.toLowerCase()}:${i.kind}`, i])).values()];
}

export async function registerContent(
  client: WalletLikeClient,
  items: readonly RegisterItem[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const unique = uniqueItems(items);
  const registry = options.registry ?? REGISTRY_ADDRESS;
  const result: WriteResult = { txHashes: [], gasUsed: 0n, items: 0 };
  for (const batch of batchesOf(unique, batchSizeOf(options))) {
    const base = {
      address: registry,
      abi: registryAbi,
      account: client.account,
      chain: client.chain,
    } as const;
    const sent = await send(client, options, batch.length, {
      ...base,
      ...registerCall(batch),
    } as Parameters<typeof writeContract>[1]);
    result.txHashes.push(sent.txHash);
    result.gasUsed += sent.gasUsed;
    result.items += batch.length;
  }
  return result;
}

/** Revokes the wallet account's own records (the contract cannot name anyone else's). */
export async function revokeContent(
  client: WalletLikeClient,
  hashes: readonly Hex32[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  for (const h of hashes) if (!isHex32(h)) throw new TypeError(`invalid content hash: ${h}`);
  const unique = [...new Set(hashes.map((h) => h.toLowerCase() as Hex32))];
  const registry = options.registry ?? REGISTRY_ADDRESS;
  const result: WriteResult = { txHashes: [], gasUsed: 0n, items: 0 };
  for (const batch of batchesOf(unique, batchSizeOf(options))) {
    const base = {
      address: registry,
      abi: registryAbi,
      account: client.account,
      chain: client.chain,
    } as const;
    const sent =
      batch.length === 1
        ? await send(client, options, 1, { ...base, functionName: 'revoke', args: [batch[0] as Hex32] })
        : await send(client, options, batch.length, { ...base, functionName: 'revokeBatch', args: [batch] });
    result.txHashes.push(sent.txHash);
    result.gasUsed += sent.gasUsed;
    result.items += batch.length;
  }
  return result;
}
