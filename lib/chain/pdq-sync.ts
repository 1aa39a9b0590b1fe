/**
 * Keeps the local PDQ index (pdq-index.ts) in step with the chain: trusted registrants' kind-1 (PDQ) records,
 * read from Registered/Revoked logs, incrementally from the per-chain cursor.
 *
 * - Resumable: each chunk's records and the cursor are stored together (PdqIndexStore.saveChunk) before the next
 *   chunk is read, and the in-memory index is updated only after the store succeeded. A crash or an RPC failure
 *   loses at most the chunk in flight; the next run starts after the last stored block.
 * - Bounded: at most `maxRequests` eth_getLogs per run (default 20); call again until `done`.
 * - The trusted set is part of the cursor (registrantsKey). Adding someone to the list means their older records
 *   are missing from what was synced, so the chain is cleared and synced again from `fromBlock`.
 * - The RPC's chain id is checked first: records are filed under a chain id, and trust is per chain.
 * - `confirmations` keeps the cursor that many blocks behind the head, so a shallow reorg cannot leave a dropped
 *   registration in the index (0 on a devnet).
 */
import type { Address } from 'viem';
import type { ChainConfig } from './chains.ts';
import type { AnyClient } from './lookup.ts';
import type { PdqIndex, PdqRecord } from './pdq-index.ts';
import { pdqRecordKey } from './pdq-index.ts';
import type { PdqIndexStore } from './pdq-index-store.ts';
import { registrantsForChain, type TrustedRegistrant } from './registrants.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { FLAG_REVOKED, KIND_ISCC, KIND_PDQ } from './registry-entry.ts';
import { assertChainId, DEFAULT_CHUNK_BLOCKS, latestBlock, scanRegistryLogs } from './registry-logs.ts';

export interface PdqSyncOptions {
  client: AnyClient;
  chain: Pick<ChainConfig, 'id'>;
  registrants: readonly TrustedRegistrant[];
  index: PdqIndex;
  /**
   * The local text index (ISCC Text-Code records, kind 3), synced in the same scan and under the same cursor:
   * no text code leaves the browser either. Absent: PDQ only.
   */
  textIndex?: PdqIndex;
  store: PdqIndexStore;
  registry?: Address;
  /** Where to start without a cursor (e.g. the registry's deployment block on that chain). */
  fromBlock?: bigint;
  chunkBlocks?: bigint;
  maxRequests?: number;
  confirmations?: number;
}

export interface PdqSyncResult {
  chainId: number;
  /** Last block stored after this run (undefined: nothing stored yet). */
  lastSyncedBlock: bigint | undefined;
  /** The block this run was syncing towards. */
  targetBlock: bigint;
  chunks: number;
  upserted: number;
  revoked: number;
  /** true when the index has caught up with targetBlock. */
  done: boolean;
  /** The trusted set changed and the chain was re-synced from scratch. */
  restarted: boolean;
}

/** Order-independent identity of the trusted set on a chain. */
export function registrantsKey(addresses: readonly Address[]): string {
  return [...new Set(addresses.map((a) => a.toLowerCase()))].sort().join(',');
}

export async function syncPdqIndex(options: PdqSyncOptions): Promise<PdqSyncResult> {
  const { client, index, store } = options;
  const chainId = options.chain.id;
  // Before touching the store: a wrong chain must not even clear what was synced.
  await assertChainId(client, chainId);
  const trusted = registrantsForChain(options.registrants, chainId);
  const textIndex = options.textIndex;
  // With the text index the cursor covers both kinds: a cursor written for PDQ only must restart.
  const key = `${textIndex ? 'pdq+iscc|' : ''}${registrantsKey(trusted)}`;
  let cursor = await store.getCursor(chainId);
  let restarted = false;
  if (cursor && cursor.registrantsKey !== key) {
    await store.clearChain(chainId);
    index.removeChain(chainId);
    textIndex?.removeChain(chainId);
    cursor = undefined;
    restarted = true;
  }
  const head = await latestBlock(client);
  const confirmations = BigInt(options.confirmations ?? 0);
  const target = head > confirmations ? head - confirmations : 0n;
  const result: PdqSyncResult = {
    chainId,
    lastSyncedBlock: cursor ? BigInt(cursor.lastSyncedBlock) : undefined,
    targetBlock: target,
    chunks: 0,
    upserted: 0,
    revoked: 0,
    done: false,
    restarted,
  };
  const start = cursor ? BigInt(cursor.lastSyncedBlock) + 1n : (options.fromBlock ?? 0n);
  if (trusted.length === 0 || start > target) {
    // Nobody to sync for: remember how far "nothing" goes so a later trusted set restarts cleanly.
    if (trusted.length === 0 && !cursor)
      await store.saveChunk(chainId, [], { lastSyncedBlock: String(target), registrantsKey: key });
    result.done = true;
    return result;
  }
  const scan = scanRegistryLogs(
    client,
    {
      registry: options.registry ?? REGISTRY_ADDRESS,
      registrants: trusted,
      kind: textIndex ? [KIND_PDQ, KIND_ISCC] : KIND_PDQ,
    },
    {
      fromBlock: start,
      toBlock: target,
      chunkBlocks: options.chunkBlocks ?? DEFAULT_CHUNK_BLOCKS,
      maxRequests: options.maxRequests ?? 20,
    },
  );
  for await (const chunk of scan) {
    // Fold the chunk's logs (in chain order) over what the index already holds.
    const changed = new Map<string, PdqRecord>();
    let revoked = 0;
    for (const log of chunk.logs) {
      const id = { chainId, registrant: log.registrant, pdq: log.contentHash };
      const k = pdqRecordKey(id);
      const into = log.kind === KIND_ISCC ? textIndex : index;
      const known = changed.get(k) ?? into?.get(id);
      if (log.eventName === 'Registered') {
        changed.set(k, {
          ...id,
          ...(log.kind === KIND_ISCC ? { kind: KIND_ISCC } : {}),
          time: log.time,
          flags: log.flags | ((known?.flags ?? 0) & FLAG_REVOKED),
          // The first registration is the proof of time: keep its transaction, take the newest uri.
          txHash: known?.txHash ?? log.txHash,
          blockNumber: known?.blockNumber ?? String(log.blockNumber),
          ...(log.uri ? { uri: log.uri } : known?.uri ? { uri: known.uri } : {}),
          // The manifest store named with the newest registration (recovered credentials, issue 16).
          ...(!/^0x0{64}$/.test(log.c2paManifestHash)
            ? { c2paManifestHash: log.c2paManifestHash }
            : known?.c2paManifestHash
              ? { c2paManifestHash: known.c2paManifestHash }
              : {}),
        });
      } else if (known) {
        changed.set(k, { ...known, flags: known.flags | FLAG_REVOKED });
        revoked++;
      }
    }
    const records = [...changed.values()];
    await store.saveChunk(chainId, records, { lastSyncedBlock: String(chunk.to), registrantsKey: key });
    for (const r of records) (r.kind === KIND_ISCC ? textIndex : index)?.upsert(r);
    result.chunks++;
    result.upserted += records.length;
    result.revoked += revoked;
    result.lastSyncedBlock = chunk.to;
  }
  result.done = result.lastSyncedBlock !== undefined && result.lastSyncedBlock >= target;
  return result;
}

/** Fills an index from its store (at worker start-up). */
export async function loadPdqIndex(
  index: PdqIndex,
  store: PdqIndexStore,
  textIndex?: PdqIndex,
): Promise<void> {
  for (const r of await store.loadRecords()) (r.kind === KIND_ISCC ? textIndex : index)?.upsert(r);
}
