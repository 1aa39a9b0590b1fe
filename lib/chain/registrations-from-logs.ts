/**
 * Everyone who registered one content hash, from the registry's logs (filtered on the indexed hash). This is the
 * details page's and the CLI's answer to "who else registered this?", which the batched lookup cannot give: it
 * only returns the trusted registrants' records and a count.
 *
 * The scan is bounded (public RPCs limit eth_getLogs): by default the newest `chunkBlocks × maxRequests` blocks,
 * or from `fromBlock` (e.g. the registry's deployment block) when given. `complete` says whether the whole
 * history since `fromBlock` was covered.
 */
import type { Address } from 'viem';
import type { ChainRecord } from '../evidence/types.ts';
import type { ChainConfig } from './chains.ts';
import type { Hex32 } from './hex32.ts';
import type { AnyClient } from './lookup.ts';
import { findTrustedRegistrant, type TrustedRegistrant } from './registrants.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { FLAG_AI, KIND_NAMES } from './registry-entry.ts';
import { assertChainId, DEFAULT_CHUNK_BLOCKS, latestBlock, scanRegistryLogs } from './registry-logs.ts';

export interface RegistrationsOptions {
  chain: Pick<ChainConfig, 'id' | 'name'>;
  contentHash: Hex32;
  registrants: readonly TrustedRegistrant[];
  registry?: Address;
  /** Oldest block to scan; default: as far back as the request budget allows from the head. */
  fromBlock?: bigint;
  toBlock?: bigint;
  chunkBlocks?: bigint;
  maxRequests?: number;
}

export interface RegistrationsResult {
  /** One record per registrant, trusted ones first, then by time. */
  records: ChainRecord[];
  fromBlock: bigint;
  /** Last block actually scanned. */
  scannedTo: bigint;
  complete: boolean;
}

const MATCH = { sha256: 'exact', pdq: 'perceptual', text: 'text', iscc: 'similar-text' } as const;

export async function registrationsFromLogs(
  client: AnyClient,
  options: RegistrationsOptions,
): Promise<RegistrationsResult> {
  const chunkBlocks = options.chunkBlocks ?? DEFAULT_CHUNK_BLOCKS;
  const maxRequests = options.maxRequests ?? 20;
  await assertChainId(client, options.chain.id);
  const toBlock = options.toBlock ?? (await latestBlock(client));
  const span = chunkBlocks * BigInt(maxRequests);
  const fromBlock = options.fromBlock ?? (toBlock + 1n > span ? toBlock + 1n - span : 0n);
  const contentHash = options.contentHash.toLowerCase() as Hex32;
  const byRegistrant = new Map<string, ChainRecord>();
  let scannedTo = fromBlock - 1n;
  const scan = scanRegistryLogs(
    client,
    { registry: options.registry ?? REGISTRY_ADDRESS, contentHashes: [contentHash] },
    { fromBlock, toBlock, chunkBlocks, maxRequests },
  );
  for await (const chunk of scan) {
    for (const log of chunk.logs) {
      const key = log.registrant.toLowerCase();
      const known = byRegistrant.get(key);
      if (log.eventName === 'Revoked') {
        // A revocation whose registration lies before the scanned range has no time to show: skip it.
        if (known) known.revoked = true;
        continue;
      }
      if (known) {
        // Re-registration: the first transaction stays the proof of time; flags and uri are the newest.
        known.aiGenerated = (log.flags & FLAG_AI) !== 0;
        if (log.uri) known.uri = log.uri;
        if (!/^0x0{64}$/.test(log.c2paManifestHash)) known.c2paManifestHash = log.c2paManifestHash;
        continue;
      }
      const trusted = findTrustedRegistrant(options.registrants, log.registrant, options.chain.id);
      const kind = KIND_NAMES[log.kind];
      const record: ChainRecord = {
        chainId: options.chain.id,
        chainName: options.chain.name,
        contentHash,
        registrant: log.registrant,
        trusted: trusted !== undefined,
        kind,
        match: MATCH[kind],
        time: log.time,
        aiGenerated: (log.flags & FLAG_AI) !== 0,
        revoked: false,
        txHash: log.txHash,
        blockNumber: String(log.blockNumber),
      };
      if (kind === 'pdq') record.distance = 0;
      if (trusted) {
        record.registrantName = trusted.name;
        if (trusted.site) record.registrantSite = trusted.site;
      }
      if (log.uri) record.uri = log.uri;
      if (!/^0x0{64}$/.test(log.c2paManifestHash)) record.c2paManifestHash = log.c2paManifestHash;
      byRegistrant.set(key, record);
    }
    scannedTo = chunk.to;
  }
  const records = [...byRegistrant.values()].sort(
    (a, b) => Number(b.trusted) - Number(a.trusted) || a.time - b.time,
  );
  // Complete = the whole range was scanned AND the range reaches back to the start the caller cares about.
  const complete = scannedTo >= toBlock && (options.fromBlock !== undefined || fromBlock === 0n);
  return { records, fromBlock, scannedTo, complete };
}
