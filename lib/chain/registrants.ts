/**
 * Trusted registrants: the only source of "trusted" for on-chain records (a record's existence alone never is).
 * `chains` limits where the trust applies: the shipped devnet demo publisher is anvil account #1, whose private
 * key is public, so it must only be trusted on 31337, never on a real chain where anyone could sign as it.
 */
import { type Address, getAddress, isAddress } from 'viem';
import defaults from '../../public/registrants.json' with { type: 'json' };

export type TrustedRegistrant = {
  address: `0x${string}`;
  name: string;
  site?: string;
  /** Chain ids where this registrant is trusted; absent = every chain. */
  chains?: number[];
};

export function parseRegistrant(value: unknown): TrustedRegistrant | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.address !== 'string' || !isAddress(v.address, { strict: false })) return null;
  if (typeof v.name !== 'string' || v.name.trim() === '') return null;
  const out: TrustedRegistrant = { address: getAddress(v.address), name: v.name };
  if (typeof v.site === 'string' && v.site !== '') out.site = v.site;
  if (v.chains !== undefined) {
    // A malformed chain list must not widen trust to every chain: drop the entry instead.
    const valid = (c: unknown) => typeof c === 'number' && Number.isSafeInteger(c) && c > 0;
    if (!Array.isArray(v.chains) || !v.chains.every(valid)) return null;
    out.chains = v.chains as number[];
  }
  return out;
}

export function parseRegistrants(value: unknown): TrustedRegistrant[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseRegistrant).filter((r): r is TrustedRegistrant => r !== null);
}

// Pure: a bundle that does not use the list (the content script) then drops the call and its Keccak hashes.
export const DEFAULT_REGISTRANTS: readonly TrustedRegistrant[] = /* @__PURE__ */ parseRegistrants(defaults);

function trustedOn(r: TrustedRegistrant, chainId: number): boolean {
  return r.chains === undefined || r.chains.includes(chainId);
}

/** The addresses to ask the registry about on a chain (deduplicated, checksummed). */
export function registrantsForChain(registrants: readonly TrustedRegistrant[], chainId: number): Address[] {
  const out = new Set<Address>();
  for (const r of registrants) if (trustedOn(r, chainId)) out.add(getAddress(r.address));
  return [...out];
}

/** The list entry that makes `address` trusted on `chainId`, if any. */
export function findTrustedRegistrant(
  registrants: readonly TrustedRegistrant[],
  address: string,
  chainId: number,
): TrustedRegistrant | undefined {
  const a = address.toLowerCase();
  return registrants.find((r) => r.address.toLowerCase() === a && trustedOn(r, chainId));
}
