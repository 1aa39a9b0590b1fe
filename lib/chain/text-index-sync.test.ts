import { keccak256, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintText } from '../fingerprint/fingerprint-text.ts';
import { applyEdit } from '../testing/text-edits.ts';
import { chainEvidenceFor } from './chain-evidence.ts';
import type { Hex32 } from './hex32.ts';
import { isccKey } from './iscc-key.ts';
import { lookupHashes } from './lookup.ts';
import { PdqIndex } from './pdq-index.ts';
import { MemoryPdqIndexStore } from './pdq-index-store.ts';
import { loadPdqIndex, syncPdqIndex } from './pdq-sync.ts';
import { registerContent, revokeContent } from './register-content.ts';
import type { TrustedRegistrant } from './registrants.ts';
import { REGISTRY_ADDRESS } from './registry-address.ts';
import { ANVIL_ACCOUNTS, startTestChain, type TestChain } from './test-chain.ts';

/**
 * The local text index (issue 16): trusted registrants' ISCC Text-Code records (kind 3) are synced from the logs
 * in the same scan as the PDQ index, kept apart from it, and a lightly edited passage matches as "similar-text".
 */
let chain: TestChain;
const trusted: TrustedRegistrant[] = [{ address: ANVIL_ACCOUNTS.publisher, name: 'Publisher' }];
const PASSAGE =
  'The harbour authority confirmed on Tuesday that the old grain terminal will be turned into a public market hall, with the first stalls expected to open next spring after a two-year restoration.';
const OTHER =
  'Dock workers at the container port walked out for twelve hours on Friday in a dispute over night-shift pay, leaving more than thirty ships waiting at anchor outside the breakwater.';
let passageKey: Hex32;
let otherKey: Hex32;
const pdq = keccak256(toHex('a pdq'));

beforeAll(async () => {
  chain = await startTestChain();
  passageKey = isccKey((await fingerprintText(PASSAGE)).isccTextHex);
  otherKey = isccKey((await fingerprintText(OTHER)).isccTextHex);
  const pub = chain.wallet(ANVIL_ACCOUNTS.publisher);
  await registerContent(pub, [
    { hash: passageKey, kind: 3, uri: 'https://news.example/market-hall' },
    { hash: otherKey, kind: 3, aiGenerated: true },
    { hash: pdq, kind: 1 },
  ]);
  // A stranger's text record: not trusted, never in the index.
  await registerContent(chain.wallet(ANVIL_ACCOUNTS.stranger), [
    { hash: isccKey((await fingerprintText(`${PASSAGE} Copied.`)).isccTextHex), kind: 3 },
  ]);
  await revokeContent(pub, [otherKey]);
});
afterAll(async () => {
  await chain?.stop();
});

async function synced() {
  const index = new PdqIndex();
  const textIndex = new PdqIndex();
  const store = new MemoryPdqIndexStore();
  const opts = { client: chain.client, chain: chain.config, registrants: trusted, index, textIndex, store };
  while (!(await syncPdqIndex(opts)).done);
  return { index, textIndex, store };
}

describe('text index sync', () => {
  it('keeps ISCC records apart from PDQ ones, trusted registrants only, revocations applied', async () => {
    const { index, textIndex, store } = await synced();
    expect(index.records().map((r) => r.pdq)).toEqual([pdq]);
    expect(textIndex.records().map((r) => [r.pdq, r.kind, r.flags])).toEqual([
      [passageKey, 3, 0],
      [otherKey, 3, 3], // AI + revoked
    ]);
    // Reloaded from the store (worker restart), the split is the same.
    const again = { index: new PdqIndex(), text: new PdqIndex() };
    await loadPdqIndex(again.index, store, again.text);
    expect(again.text.size).toBe(2);
    expect(again.index.size).toBe(1);
  });

  it('a passage with one word changed matches its registered original as similar text, locally', async () => {
    const { textIndex } = await synced();
    const edited = applyEdit(PASSAGE, 'one-word-changed', 7);
    expect(edited).not.toBe(PASSAGE);
    const f = await fingerprintText(edited);
    let asked: string[] = [];
    const evidence = await chainEvidenceFor(
      { sha256Collapsed: f.sha256Collapsed, isccText: f.isccTextHex },
      {
        chains: [chain.config],
        registrants: trusted,
        // The RPC (the real registry on anvil) is asked only for the exact hash: the text code stays local.
        lookup: async (_id, hashes) => {
          asked = hashes;
          return lookupHashes(chain.client, REGISTRY_ADDRESS, hashes, [ANVIL_ACCOUNTS.publisher]);
        },
        textIndex,
      },
    );
    expect(asked).toEqual([`0x${f.sha256Collapsed}`]);
    const [record] = evidence.records;
    expect(evidence.records).toHaveLength(1);
    expect(record).toMatchObject({
      kind: 'iscc',
      match: 'similar-text',
      contentHash: passageKey,
      registrantName: 'Publisher',
      uri: 'https://news.example/market-hall',
      trusted: true,
    });
    expect(record?.distance).toBeGreaterThan(0);
    expect(record?.distance).toBeLessThanOrEqual(12);
  });
});
