/**
 * Batched registry read: every hash × every trusted registrant of a chain in ONE eth_call to the registry's
 * `lookup` view (not viem's multicall: its deployless form silently fails past the initcode limit).
 *
 * Chunking: a call reads one storage slot per hash (its head: first registrant + count) and, only for hashes
 * someone registered, one per other registrant. The worst case (every hash registered by every registrant) measured
 * ~2 470 gas per cell, cell = hash × (registrants + 1) (lookup.test.ts "gas per cell"). MAX_LOOKUP_CELLS = 6 000,
 * i.e. 1000 hashes × 5 registrants in one call, keeps a call under ~15 M gas: below the usual eth_call caps (geth
 * 50 M, anvil 30 M, hosted RPCs 25–50 M), with calldata of 32 B/hash and a reply of at most ~190 KB. Bigger
 * requests are split into several calls.
 *
 * Everything coming back is treated as untrusted input (a lying RPC): shapes, kinds, flags and times are checked,
 * and any inconsistency throws LookupError, which the caller maps to "could not check".
 */
import {
  type Address,
  type Client,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  keccak256,
  type Transport,
  type Chain as ViemChain,
} from 'viem';
import { call, getChainId, getCode } from 'viem/actions';
import type { Hex32 } from './hex32.ts';
import { registryAbi } from './registry-abi.ts';
import { REGISTRY_CODE_HASH } from './registry-address.ts';
import { FLAG_AI, FLAG_REVOKED, isKindCode, type KindCode, unpackEntry } from './registry-entry.ts';

/** Cells (hash × (registrants + 1)) per eth_call; see the header for how it was derived. */
export const MAX_LOOKUP_CELLS = 6000;

/** A record time more than this far ahead of our clock is a lie, not clock skew. */
export const MAX_FUTURE_SECONDS = 24 * 60 * 60;

export interface RegistryRecord {
  registrant: Address;
  time: number;
  kind: KindCode;
  flags: number;
  aiGenerated: boolean;
  revoked: boolean;
}

export interface HashLookup {
  hash: Hex32;
  /** Records of the queried registrants that exist (revoked ones included). */
  records: RegistryRecord[];
  /** Distinct registrants that ever registered the hash, queried or not. */
  count: number;
}

export interface LookupResult {
  /** false: no registry code at the address on this chain, so no records (not an error). */
  deployed: boolean;
  /** results[i] answers hashes[i]. */
  results: HashLookup[];
}

/** 'disagreement': a cross-check RPC answered differently (see cross-check-lookup.ts). */
export type LookupErrorCode = 'rpc' | 'bad-response' | 'disagreement';

/** The chain could not be checked: the RPC failed ('rpc') or answered something impossible ('bad-response'). */
export class LookupError extends Error {
  readonly code: LookupErrorCode;
  constructor(code: LookupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LookupError';
    this.code = code;
  }
}

export type AnyClient = Client<Transport, ViemChain | undefined>;

/**
 * Remembers per client and registry whether code is deployed (and the chain id is right), so eth_getCode and
 * eth_chainId run once per chain per session.
 * A "no code" answer expires (the registry may get deployed while the browser runs, e.g. a devnet); failures are
 * never cached.
 */
export class CodeCache {
  private readonly entries = new WeakMap<object, Map<string, Promise<boolean>>>();
  constructor(private readonly noCodeTtlMs = 10 * 60 * 1000) {}

  check(client: AnyClient, registry: Address, expectedCodeHash: Hex | null): Promise<boolean> {
    let byAddress = this.entries.get(client);
    if (!byAddress) {
      byAddress = new Map();
      this.entries.set(client, byAddress);
    }
    const key = registry.toLowerCase();
    const hit = byAddress.get(key);
    if (hit) return hit;
    const deployed = fetchDeployed(client, registry, expectedCodeHash);
    byAddress.set(key, deployed);
    deployed.then(
      (deployed) => {
        if (!deployed) setTimeoutUnref(() => byAddress.delete(key), this.noCodeTtlMs);
      },
      () => byAddress.delete(key),
    );
    return deployed;
  }
}

function setTimeoutUnref(fn: () => void, ms: number): void {
  const t = setTimeout(fn, ms) as unknown as { unref?: () => void };
  t.unref?.();
}

async function fetchDeployed(
  client: AnyClient,
  registry: Address,
  expectedCodeHash: Hex | null,
): Promise<boolean> {
  let code: Hex | undefined;
  let chainId: number | undefined;
  try {
    // The chain id is checked too (same session cache): trust is per chain, and the shipped devnet publisher's
    // key is public, so an RPC serving another chain under a configured id (say, a mainnet fork on the devnet
    // port) must not have its records read as that chain's.
    [code, chainId] = await Promise.all([
      getCode(client, { address: registry }),
      client.chain ? getChainId(client) : Promise.resolve(undefined),
    ]);
  } catch (e) {
    throw new LookupError('rpc', `eth_getCode/eth_chainId failed: ${shortMessage(e)}`, { cause: e });
  }
  if (client.chain && chainId !== client.chain.id) {
    throw new LookupError('bad-response', `the RPC serves chain ${chainId}, not chain ${client.chain.id}`);
  }
  if (!code || code === '0x') return false;
  if (expectedCodeHash && keccak256(code) !== expectedCodeHash.toLowerCase()) {
    throw new LookupError('bad-response', `the code at ${registry} is not the Origin Lens registry`);
  }
  return true;
}

export const defaultCodeCache = new CodeCache();

export interface LookupOptions {
  maxCellsPerCall?: number;
  codeCache?: CodeCache;
  /** keccak256 of the expected runtime code; null skips the check (tests against other deployments). */
  expectedCodeHash?: Hex | null;
  /** Unix seconds now (tests). */
  now?: () => number;
}

export function shortMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'shortMessage' in e && typeof e.shortMessage === 'string')
    return e.shortMessage;
  return e instanceof Error ? e.message.split('\n')[0] || e.name : String(e);
}

export async function lookupHashes(
  client: AnyClient,
  registry: Address,
  hashes: readonly Hex32[],
  queried: readonly Address[],
  options: LookupOptions = {},
): Promise<LookupResult> {
  if (hashes.length === 0) return { deployed: true, results: [] };
  // A repeated registrant would be counted twice against the per-hash count and look like a lying RPC.
  const registrants = [...new Map(queried.map((a) => [a.toLowerCase(), a])).values()];
  const cache = options.codeCache ?? defaultCodeCache;
  const deployed = await cache.check(client, registry, options.expectedCodeHash ?? REGISTRY_CODE_HASH);
  if (!deployed) {
    return { deployed: false, results: hashes.map((hash) => ({ hash, records: [], count: 0 })) };
  }
  const perCall = Math.max(
    1,
    Math.floor((options.maxCellsPerCall ?? MAX_LOOKUP_CELLS) / (registrants.length + 1)),
  );
  const chunks: Hex32[][] = [];
  for (let i = 0; i < hashes.length; i += perCall) chunks.push(hashes.slice(i, i + perCall));
  const now = options.now?.() ?? Math.floor(Date.now() / 1000);
  const answers = await Promise.all(
    chunks.map((chunk) => lookupChunk(client, registry, chunk, registrants, now)),
  );
  return { deployed: true, results: answers.flat() };
}

async function lookupChunk(
  client: AnyClient,
  registry: Address,
  hashes: readonly Hex32[],
  registrants: readonly Address[],
  now: number,
): Promise<HashLookup[]> {
  const data = encodeFunctionData({ abi: registryAbi, functionName: 'lookup', args: [hashes, registrants] });
  let raw: Hex | undefined;
  try {
    raw = (await call(client, { to: registry, data })).data;
  } catch (e) {
    throw new LookupError('rpc', `eth_call failed: ${shortMessage(e)}`, { cause: e });
  }
  let packed: readonly bigint[];
  let counts: readonly bigint[];
  try {
    if (!raw) throw new Error('empty result');
    [packed, counts] = decodeFunctionResult({ abi: registryAbi, functionName: 'lookup', data: raw });
  } catch (e) {
    throw new LookupError('bad-response', `undecodable lookup result: ${shortMessage(e)}`, { cause: e });
  }
  return checkAndMap(hashes, registrants, packed, counts, now);
}

/** Exported for tests: validates a decoded `lookup` reply and maps it to per-hash records. */
export function checkAndMap(
  hashes: readonly Hex32[],
  registrants: readonly Address[],
  packed: readonly bigint[],
  counts: readonly bigint[],
  now: number,
): HashLookup[] {
  const r = registrants.length;
  if (packed.length !== hashes.length * r || counts.length !== hashes.length) {
    throw new LookupError(
      'bad-response',
      `lookup returned ${packed.length} entries and ${counts.length} counts for ${hashes.length} hashes × ${r} registrants`,
    );
  }
  const out: HashLookup[] = [];
  for (let i = 0; i < hashes.length; i++) {
    const hash = hashes[i] as Hex32;
    const count = counts[i] as bigint;
    const records: RegistryRecord[] = [];
    for (let j = 0; j < r; j++) {
      const value = packed[i * r + j] as bigint;
      if (value === 0n) continue;
      const { time, kind, flags, high } = unpackEntry(value);
      if (high !== 0n || time === 0n || time > BigInt(now + MAX_FUTURE_SECONDS)) {
        throw new LookupError('bad-response', `impossible record time for ${hash}`);
      }
      if (!isKindCode(kind)) throw new LookupError('bad-response', `unknown record kind ${kind} for ${hash}`);
      if ((flags & ~(FLAG_AI | FLAG_REVOKED)) !== 0) {
        throw new LookupError('bad-response', `unknown record flags ${flags} for ${hash}`);
      }
      records.push({
        registrant: registrants[j] as Address,
        time: Number(time),
        kind,
        flags,
        aiGenerated: (flags & FLAG_AI) !== 0,
        revoked: (flags & FLAG_REVOKED) !== 0,
      });
    }
    // The contract counts every registrant once, so fewer registrations than records found is a lie.
    if (count < BigInt(records.length) || count > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new LookupError('bad-response', `inconsistent registration count for ${hash}`);
    }
    out.push({ hash, records, count: Number(count) });
  }
  return out;
}
