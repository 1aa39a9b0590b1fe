/**
 * Reads the registry's Registered/Revoked logs in bounded block ranges. Public RPCs cap eth_getLogs (block range
 * or result size; the limits vary by provider), so ranges are walked in chunks, and a chunk the node refuses with
 * a JSON-RPC error is halved and retried. A transport failure (dead or slow node) is not a range problem and is
 * thrown at once.
 *
 * Both events are asked for in one request per chunk: topic0 is [Registered, Revoked], and the indexed
 * contentHash / registrant / kind narrow it down on the node. Every log that comes back is checked again here
 * (address, block range, topics, field ranges): a lying RPC gets a LookupError, not a record.
 */
import {
  type Address,
  BaseError,
  decodeEventLog,
  encodeEventTopics,
  type Hash,
  type Hex,
  HttpRequestError,
  numberToHex,
  pad,
  TimeoutError,
} from 'viem';
import { getBlockNumber, getChainId } from 'viem/actions';
import type { Hex32 } from './hex32.ts';
import { type AnyClient, LookupError, MAX_FUTURE_SECONDS, shortMessage } from './lookup.ts';
import { registryAbi } from './registry-abi.ts';
import { FLAG_AI, isKindCode, type KindCode } from './registry-entry.ts';

interface LogBase {
  contentHash: Hex32;
  registrant: Address;
  kind: KindCode;
  blockNumber: bigint;
  logIndex: number;
  txHash: Hash;
}

export type RegistryLog =
  | (LogBase & { eventName: 'Registered'; time: number; flags: number; c2paManifestHash: Hex32; uri: string })
  | (LogBase & { eventName: 'Revoked' });

export interface LogFilter {
  registry: Address;
  /** Any of these content hashes (absent = all). */
  contentHashes?: readonly Hex32[];
  /** Any of these registrants (absent = all). */
  registrants?: readonly Address[];
  /** One kind, or any of several (the local indexes sync PDQ and ISCC records in one scan). */
  kind?: KindCode | readonly KindCode[];
}

export const REGISTERED_TOPIC = encodeEventTopics({ abi: registryAbi, eventName: 'Registered' })[0] as Hex;
export const REVOKED_TOPIC = encodeEventTopics({ abi: registryAbi, eventName: 'Revoked' })[0] as Hex;

interface RawLog {
  address: string;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex | null;
  logIndex: Hex | null;
  transactionHash: Hash | null;
  removed?: boolean;
}

function topicsFor(filter: LogFilter): Array<Hex | Hex[] | null> {
  const topics: Array<Hex | Hex[] | null> = [
    [REGISTERED_TOPIC, REVOKED_TOPIC],
    filter.contentHashes ? filter.contentHashes.map((h) => h.toLowerCase() as Hex) : null,
    filter.registrants ? filter.registrants.map((a) => pad(a.toLowerCase() as Hex)) : null,
    filter.kind === undefined
      ? null
      : typeof filter.kind === 'number'
        ? pad(numberToHex(filter.kind))
        : filter.kind.map((k) => pad(numberToHex(k))),
  ];
  while (topics.length > 1 && topics[topics.length - 1] === null) topics.pop();
  return topics;
}

/** One eth_getLogs over [fromBlock, toBlock], decoded and checked, in chain order. */
export async function fetchRegistryLogs(
  client: AnyClient,
  filter: LogFilter,
  fromBlock: bigint,
  toBlock: bigint,
  now: number = Math.floor(Date.now() / 1000),
): Promise<RegistryLog[]> {
  let raw: RawLog[];
  try {
    raw = (await client.request({
      method: 'eth_getLogs',
      params: [
        {
          address: filter.registry,
          fromBlock: numberToHex(fromBlock),
          toBlock: numberToHex(toBlock),
          topics: topicsFor(filter),
        },
      ],
    } as never)) as RawLog[];
  } catch (e) {
    throw new LookupError('rpc', `eth_getLogs failed: ${shortMessage(e)}`, { cause: e });
  }
  if (!Array.isArray(raw)) throw new LookupError('bad-response', 'eth_getLogs did not return a list');
  const hashes = filter.contentHashes && new Set(filter.contentHashes.map((h) => h.toLowerCase()));
  const registrants = filter.registrants && new Set(filter.registrants.map((a) => a.toLowerCase()));
  const out: RegistryLog[] = [];
  for (const log of raw) {
    if (log?.removed) continue;
    const bad = (why: string) => new LookupError('bad-response', `eth_getLogs returned ${why}`);
    if (typeof log?.address !== 'string' || log.address.toLowerCase() !== filter.registry.toLowerCase()) {
      throw bad('a log from another address');
    }
    if (!log.blockNumber || !log.transactionHash || !log.logIndex) throw bad('a pending log');
    const blockNumber = BigInt(log.blockNumber);
    if (blockNumber < fromBlock || blockNumber > toBlock) throw bad('a log outside the requested blocks');
    let decoded: ReturnType<typeof decodeEventLog<typeof registryAbi>>;
    try {
      decoded = decodeEventLog({
        abi: registryAbi,
        data: log.data,
        topics: log.topics as [Hex, ...Hex[]],
        strict: true,
      });
    } catch (e) {
      throw new LookupError('bad-response', `undecodable log: ${shortMessage(e)}`, { cause: e });
    }
    if (decoded.eventName !== 'Registered' && decoded.eventName !== 'Revoked')
      throw bad('an unexpected event');
    const { contentHash, registrant, kind } = decoded.args;
    if (!isKindCode(kind)) throw bad(`kind ${kind}`);
    if (hashes && !hashes.has(contentHash.toLowerCase())) throw bad('a log for another hash');
    if (registrants && !registrants.has(registrant.toLowerCase())) throw bad('a log for another registrant');
    const kinds = filter.kind === undefined ? undefined : ([] as KindCode[]).concat(filter.kind);
    if (kinds && !kinds.includes(kind)) throw bad('a log of another kind');
    const base: LogBase = {
      contentHash: contentHash.toLowerCase() as Hex32,
      registrant,
      kind,
      blockNumber,
      logIndex: Number(BigInt(log.logIndex)),
      txHash: log.transactionHash,
    };
    if (decoded.eventName === 'Revoked') {
      out.push({ ...base, eventName: 'Revoked' });
      continue;
    }
    const { time, flags, c2paManifestHash, uri } = decoded.args;
    if ((flags & ~FLAG_AI) !== 0) throw bad(`flags ${flags}`);
    if (time === 0n || time > BigInt(now + MAX_FUTURE_SECONDS)) throw bad('an impossible time');
    out.push({ ...base, eventName: 'Registered', time: Number(time), flags, c2paManifestHash, uri });
  }
  out.sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  return out;
}

function isTransportFailure(e: unknown): boolean {
  const inner = e instanceof LookupError ? e.cause : e;
  if (!(inner instanceof BaseError)) return false;
  return Boolean(inner.walk((x) => x instanceof HttpRequestError || x instanceof TimeoutError));
}

export interface ScanOptions {
  fromBlock: bigint;
  toBlock: bigint;
  /** Blocks per eth_getLogs at first; halved when the node refuses a range. */
  chunkBlocks?: bigint;
  /** Cap on eth_getLogs requests in this scan (successful or refused). */
  maxRequests?: number;
}

export const DEFAULT_CHUNK_BLOCKS = 5000n;

/**
 * Walks [fromBlock, toBlock] oldest first, yielding each chunk's logs. Stops early (without error) when
 * `maxRequests` is used up: the consumer sees how far it got from the last chunk's `to`.
 */
export async function* scanRegistryLogs(
  client: AnyClient,
  filter: LogFilter,
  options: ScanOptions,
): AsyncGenerator<{ from: bigint; to: bigint; logs: RegistryLog[] }> {
  let size = options.chunkBlocks ?? DEFAULT_CHUNK_BLOCKS;
  if (size < 1n) throw new RangeError('chunkBlocks must be ≥ 1');
  let budget = options.maxRequests ?? 50;
  let from = options.fromBlock;
  while (from <= options.toBlock && budget > 0) {
    const to = from + size - 1n < options.toBlock ? from + size - 1n : options.toBlock;
    budget--;
    let logs: RegistryLog[];
    try {
      logs = await fetchRegistryLogs(client, filter, from, to);
    } catch (e) {
      // A refused range (JSON-RPC error, e.g. "block range too large") gets a smaller chunk; anything else is
      // a real failure.
      if (e instanceof LookupError && e.code === 'rpc' && !isTransportFailure(e) && to > from) {
        size = (to - from + 1n) / 2n;
        continue;
      }
      throw e;
    }
    yield { from, to, logs };
    from = to + 1n;
  }
}

/** The newest block number, as a LookupError on failure. */
export async function latestBlock(client: AnyClient): Promise<bigint> {
  try {
    return await getBlockNumber(client, { cacheTime: 0 });
  } catch (e) {
    throw new LookupError('rpc', `eth_blockNumber failed: ${shortMessage(e)}`, { cause: e });
  }
}

/**
 * Throws unless the RPC serves `chainId`. Trust is per chain (the devnet publisher's key is public), so logs
 * read from another chain must never be filed under the configured one.
 */
export async function assertChainId(client: AnyClient, chainId: number): Promise<void> {
  let served: number;
  try {
    served = await getChainId(client);
  } catch (e) {
    throw new LookupError('rpc', `eth_chainId failed: ${shortMessage(e)}`, { cause: e });
  }
  if (served !== chainId)
    throw new LookupError('bad-response', `the RPC serves chain ${served}, not chain ${chainId}`);
}
