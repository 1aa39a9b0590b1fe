/**
 * Local perceptual index of trusted registrants' PDQ records (kind 1), synced from the registry's logs
 * (pdq-sync.ts). Perceptual matching happens only here: an exact PDQ hash is never sent to an RPC, because a
 * hash that survives re-encoding identifies the picture the user is looking at far better than a SHA-256 does.
 *
 * Layout: the 256-bit hashes live in one Uint32Array (8 words per record, contiguous) and the rest of each record
 * in a plain array at the same slot. `match` XORs and popcounts word by word and gives up on a record as soon as
 * the running distance passes the limit; for unrelated hashes (~128 bits apart) that happens after 2–3 words, so
 * 100 000 records take about a millisecond.
 */
import type { Address, Hash } from 'viem';
// docs/architecture.md "Fingerprints": a match is a Hamming distance ≤ 31 bits; one constant, shared with lib/fingerprint.
import { PDQ_MATCH_DISTANCE, popcount32 as popcount } from '../fingerprint/hamming.ts';
import { type Hex32, toHex32 } from './hex32.ts';
import { FLAG_REVOKED } from './registry-entry.ts';

export interface PdqRecord {
  /** The PDQ hash as registered (the record's contentHash). */
  pdq: Hex32;
  chainId: number;
  registrant: Address;
  /** Unix seconds of the registrant's first registration. */
  time: number;
  /** bit0 aiGenerated, bit1 revoked. */
  flags: number;
  txHash?: Hash;
  blockNumber?: string;
  uri?: string;
  /** SHA-256 of the C2PA manifest store the registration names (none: absent). */
  c2paManifestHash?: Hex32;
  /**
   * Absent: a PDQ record (kind 1). 3: an ISCC Text-Code record, its 64 bits in the high 8 bytes of `pdq` and the
   * rest zero, so the same 256-bit Hamming index compares text codes (see text-index in pdq-sync.ts).
   */
  kind?: 3;
}

export interface PdqMatch {
  record: PdqRecord;
  distance: number;
}

export function pdqRecordKey(r: Pick<PdqRecord, 'chainId' | 'registrant' | 'pdq'>): string {
  return `${r.chainId}:${r.registrant.toLowerCase()}:${r.pdq.toLowerCase()}`;
}

/** Parses 64 hex digits (with or without 0x) into 8 big-endian 32-bit words. */
export function pdqWords(hex: string): Uint32Array {
  const h = toHex32(hex).slice(2);
  const words = new Uint32Array(8);
  for (let k = 0; k < 8; k++) words[k] = Number.parseInt(h.slice(k * 8, k * 8 + 8), 16);
  return words;
}

export class PdqIndex {
  private words = new Int32Array(8 * 1024);
  private slots: PdqRecord[] = [];
  private readonly bySlotKey = new Map<string, number>();

  constructor(records: Iterable<PdqRecord> = []) {
    for (const r of records) this.upsert(r);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Adds or replaces the record of (chainId, registrant, pdq). */
  upsert(record: PdqRecord): void {
    const pdq = toHex32(record.pdq);
    const normalized: PdqRecord = pdq === record.pdq ? record : { ...record, pdq };
    const key = pdqRecordKey(normalized);
    const existing = this.bySlotKey.get(key);
    if (existing !== undefined) {
      this.slots[existing] = normalized;
      return;
    }
    const slot = this.slots.length;
    if ((slot + 1) * 8 > this.words.length) {
      const grown = new Int32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    for (let k = 0, o = slot * 8; k < 8; k++)
      this.words[o + k] = Number.parseInt(pdq.slice(2 + k * 8, 10 + k * 8), 16) | 0;
    this.slots.push(normalized);
    this.bySlotKey.set(key, slot);
  }

  get(key: Pick<PdqRecord, 'chainId' | 'registrant' | 'pdq'>): PdqRecord | undefined {
    const slot = this.bySlotKey.get(pdqRecordKey(key));
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** Marks a record revoked; false when the index does not hold it. */
  revoke(key: Pick<PdqRecord, 'chainId' | 'registrant' | 'pdq'>): boolean {
    const slot = this.bySlotKey.get(pdqRecordKey(key));
    if (slot === undefined) return false;
    const r = this.slots[slot] as PdqRecord;
    this.slots[slot] = { ...r, flags: r.flags | FLAG_REVOKED };
    return true;
  }

  /** Drops every record of a chain (the trusted registrants changed, or the chain was removed). */
  removeChain(chainId: number): void {
    const kept = this.slots.filter((r) => r.chainId !== chainId);
    if (kept.length === this.slots.length) return;
    this.slots = [];
    this.bySlotKey.clear();
    for (const r of kept) this.upsert(r);
  }

  /** Does the index hold any record of one of these chains? */
  hasChain(chainIds: ReadonlySet<number>): boolean {
    return this.slots.some((r) => chainIds.has(r.chainId));
  }

  records(): PdqRecord[] {
    return [...this.slots];
  }

  /**
   * Records within `maxDistance` bits of `pdqHex`, nearest first (ties: earliest registration first), at most
   * `limit` of them. Revoked records are returned too; the caller marks them.
   */
  match(pdqHex: string, maxDistance = PDQ_MATCH_DISTANCE, limit = 50): PdqMatch[] {
    const q = pdqWords(pdqHex);
    const [q0, q1, q2, q3, q4, q5, q6, q7] = q as unknown as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const w = this.words;
    const n = this.slots.length;
    const hits: PdqMatch[] = [];
    for (let i = 0, base = 0; i < n; i++, base += 8) {
      // Unrolled with an exit after each word: most records are rejected after two or three words.
      // Two words before the first test: nearly every record needs both anyway (~32 bits differ by then).
      let d = popcount((w[base] as number) ^ q0) + popcount((w[base + 1] as number) ^ q1);
      if (d > maxDistance) continue;
      d += popcount((w[base + 2] as number) ^ q2);
      if (d > maxDistance) continue;
      d += popcount((w[base + 3] as number) ^ q3);
      if (d > maxDistance) continue;
      d += popcount((w[base + 4] as number) ^ q4);
      if (d > maxDistance) continue;
      d += popcount((w[base + 5] as number) ^ q5);
      if (d > maxDistance) continue;
      d += popcount((w[base + 6] as number) ^ q6);
      if (d > maxDistance) continue;
      d += popcount((w[base + 7] as number) ^ q7);
      if (d > maxDistance) continue;
      hits.push({ record: this.slots[i] as PdqRecord, distance: d });
    }
    hits.sort((a, b) => a.distance - b.distance || a.record.time - b.record.time);
    return hits.slice(0, limit);
  }
}
