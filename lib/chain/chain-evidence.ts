/**
 * The registry part of an item's evidence: exact lookups (SHA-256 of bytes, SHA-256 of collapsed text) on every
 * enabled chain, plus perceptual matches from the local PDQ index. A PDQ hash is never sent to an RPC (privacy:
 * it identifies the picture even after re-encoding); it is matched only against the locally synced index.
 *
 * State (see ChainEvidence in lib/evidence/types.ts):
 * - 'disabled': no chain is enabled;
 * - 'error': at least one enabled chain could not be checked AND nothing was found elsewhere. "No records" would
 *   be a claim we cannot make then; the badge becomes "could not check", never "no provenance";
 * - 'ok' otherwise; `errors` still lists the chains that failed when others produced records.
 */
import type { ChainEvidence, ChainRecord } from '../evidence/types.ts';
import { ISCC_MATCH_BITS, PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from '../fingerprint/hamming.ts';
import type { ChainConfig } from './chains.ts';
import { type Hex32, toHex32 } from './hex32.ts';
import { isccKey } from './iscc-key.ts';
import { LookupError, type RegistryRecord, shortMessage } from './lookup.ts';
import type { ChainLookupFn } from './lookup-batcher.ts';
import type { PdqIndex, PdqRecord } from './pdq-index.ts';
import { findTrustedRegistrant, type TrustedRegistrant } from './registrants.ts';
import { FLAG_AI, FLAG_REVOKED, KIND_NAMES, KIND_SHA256, KIND_TEXT } from './registry-entry.ts';

export interface ChainEvidenceInput {
  /** SHA-256 of the bytes (with or without 0x). */
  sha256?: Hex32 | string;
  pdq?: { hash: string; quality: number };
  /** SHA-256 of the collapsed text (with or without 0x). */
  sha256Collapsed?: Hex32 | string;
  /** ISCC Text-Code, 16 hex digits: matched only against the local text index, never sent anywhere. */
  isccText?: string;
}

export interface ChainEvidenceContext {
  chains: readonly ChainConfig[];
  registrants: readonly TrustedRegistrant[];
  /** Per-chain lookup, usually a LookupBatcher's. */
  lookup: ChainLookupFn;
  pdqIndex?: PdqIndex;
  /** Trusted registrants' ISCC Text-Code records (kind 3), 64 bits in the high 8 bytes of each hash. */
  textIndex?: PdqIndex;
}

const MATCH_ORDER = { exact: 0, text: 1, perceptual: 2, 'similar-text': 3 } as const;

export async function chainEvidenceFor(
  input: ChainEvidenceInput,
  ctx: ChainEvidenceContext,
): Promise<ChainEvidence> {
  const enabled = ctx.chains.filter((c) => c.enabled);
  if (enabled.length === 0) return { state: 'disabled', records: [], otherRegistrations: 0 };

  const queries: Array<{ hash: Hex32; kind: number; match: 'exact' | 'text' }> = [];
  try {
    if (input.sha256) queries.push({ hash: toHex32(input.sha256), kind: KIND_SHA256, match: 'exact' });
    if (input.sha256Collapsed)
      queries.push({ hash: toHex32(input.sha256Collapsed), kind: KIND_TEXT, match: 'text' });
  } catch (e) {
    return { state: 'error', records: [], otherRegistrations: 0, errors: [shortMessage(e)] };
  }

  const records: ChainRecord[] = [];
  const errors: string[] = [];
  let otherRegistrations = 0;
  let disagreement: string | undefined;

  if (queries.length > 0) {
    await Promise.all(
      enabled.map(async (chain) => {
        try {
          const res = await ctx.lookup(
            chain.id,
            queries.map((q) => q.hash),
          );
          const found: ChainRecord[] = [];
          let others = 0;
          queries.forEach((q, i) => {
            const r = res.results[i];
            if (!r || r.hash.toLowerCase() !== q.hash) throw new Error('the lookup answered other hashes');
            others += Math.max(0, r.count - r.records.length);
            for (const rec of r.records) {
              // A record of another kind under this hash (say, a SHA-256 value registered as PDQ) says nothing
              // about this item.
              if (rec.kind !== q.kind) continue;
              found.push(toChainRecord(chain, q.hash, rec, q.match, ctx.registrants));
            }
          });
          records.push(...found);
          otherRegistrations += others;
        } catch (e) {
          errors.push(`${chain.name}: ${shortMessage(e)}`);
          if (e instanceof LookupError && e.code === 'disagreement')
            disagreement = `${chain.name}: ${e.message}`;
        }
      }),
    );
  }

  if (input.pdq && ctx.pdqIndex && input.pdq.quality >= PDQ_MIN_QUALITY) {
    let matches: ReturnType<PdqIndex['match']> = [];
    try {
      matches = ctx.pdqIndex.match(input.pdq.hash, PDQ_MATCH_DISTANCE);
    } catch (e) {
      errors.push(`PDQ index: ${shortMessage(e)}`);
    }
    for (const { record, distance } of matches) {
      const chain = enabled.find((c) => c.id === record.chainId);
      // The index may hold records synced under an older trust list or for a chain switched off since.
      const trusted = chain && findTrustedRegistrant(ctx.registrants, record.registrant, chain.id);
      if (!chain || !trusted) continue;
      records.push(indexedRecord(record, chain, trusted, distance, 'perceptual'));
    }
  }

  if (input.isccText && ctx.textIndex) {
    try {
      records.push(...similarText(input.isccText, ctx.textIndex, enabled, ctx.registrants, records));
    } catch (e) {
      errors.push(`text index: ${shortMessage(e)}`);
    }
  }

  records.sort(
    (a, b) =>
      Number(b.trusted) - Number(a.trusted) ||
      Number(a.revoked) - Number(b.revoked) ||
      MATCH_ORDER[a.match] - MATCH_ORDER[b.match] ||
      (a.distance ?? 0) - (b.distance ?? 0) ||
      a.time - b.time,
  );
  const evidence: ChainEvidence = {
    // Revoked records prove nothing: with a failed lookup and only those, the answer is "could not check".
    state: errors.length > 0 && records.every((r) => r.revoked) ? 'error' : 'ok',
    records,
    otherRegistrations,
  };
  if (errors.length > 0) evidence.errors = errors;
  if (disagreement) evidence.disagreement = disagreement;
  return evidence;
}

/**
 * Lightly edited text: trusted registrants' ISCC records within ISCC_MATCH_BITS, as leads. A registrant whose
 * exact text record already matched is not listed again for the same passage.
 */
function similarText(
  isccHex: string,
  index: PdqIndex,
  enabled: readonly ChainConfig[],
  registrants: readonly TrustedRegistrant[],
  found: readonly ChainRecord[],
): ChainRecord[] {
  if (!/^[0-9a-f]{16}$/i.test(isccHex)) throw new Error('not a 64-bit ISCC Text-Code');
  const out: ChainRecord[] = [];
  for (const { record, distance } of index.match(isccKey(isccHex), ISCC_MATCH_BITS)) {
    const chain = enabled.find((c) => c.id === record.chainId);
    const trusted = chain && findTrustedRegistrant(registrants, record.registrant, chain.id);
    if (!chain || !trusted) continue;
    const same = (r: ChainRecord) =>
      r.chainId === chain.id && r.registrant.toLowerCase() === record.registrant.toLowerCase();
    if (found.some((r) => r.match === 'text' && same(r)) || out.some(same)) continue;
    out.push(indexedRecord(record, chain, trusted, distance, 'similar-text'));
  }
  return out;
}

function toChainRecord(
  chain: ChainConfig,
  hash: Hex32,
  rec: RegistryRecord,
  match: 'exact' | 'text',
  registrants: readonly TrustedRegistrant[],
): ChainRecord {
  const trusted = findTrustedRegistrant(registrants, rec.registrant, chain.id);
  const r: ChainRecord = {
    chainId: chain.id,
    chainName: chain.name,
    contentHash: hash,
    registrant: rec.registrant,
    trusted: trusted !== undefined,
    kind: KIND_NAMES[rec.kind],
    match,
    time: rec.time,
    aiGenerated: rec.aiGenerated,
    revoked: rec.revoked,
  };
  if (trusted) {
    r.registrantName = trusted.name;
    if (trusted.site) r.registrantSite = trusted.site;
  }
  return r;
}

/**
 * A trusted registrant's record from a local index (PDQ look-alike or ISCC similar text), as evidence: a
 * lead with its distance, never an exact match.
 */
function indexedRecord(
  record: PdqRecord,
  chain: ChainConfig,
  trusted: TrustedRegistrant,
  distance: number,
  match: 'perceptual' | 'similar-text',
): ChainRecord {
  const r: ChainRecord = {
    chainId: chain.id,
    chainName: chain.name,
    contentHash: record.pdq,
    registrant: record.registrant,
    registrantName: trusted.name,
    trusted: true,
    kind: match === 'perceptual' ? 'pdq' : 'iscc',
    match,
    distance,
    time: record.time,
    aiGenerated: (record.flags & FLAG_AI) !== 0,
    revoked: (record.flags & FLAG_REVOKED) !== 0,
  };
  if (trusted.site) r.registrantSite = trusted.site;
  if (record.txHash) r.txHash = record.txHash;
  if (record.blockNumber) r.blockNumber = record.blockNumber;
  if (record.uri) r.uri = record.uri;
  if (record.c2paManifestHash) r.c2paManifestHash = record.c2paManifestHash;
  return r;
}
