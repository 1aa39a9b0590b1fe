/**
 * Registry performance against a local anvil (docs/architecture.md "Performance budget"):
 *   npx tsx scripts/bench-chain.ts
 * - lookup of 1000 hashes × 5 registrants: one eth_call, target ≤ 50 ms;
 * - a 200-image page through the lookup batcher: target one request per chain per window;
 * - local PDQ match over 100 000 records: target ≤ 5 ms per query;
 * - gas of a single registration and per hash in a batch of 100.
 * Times are medians over several runs after a warm-up.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Address, keccak256, toHex } from 'viem';
import { type Hex32, toHex32 } from '../lib/chain/hex32.ts';
import { CodeCache, lookupHashes } from '../lib/chain/lookup.ts';
import { createLookupBatcher } from '../lib/chain/lookup-batcher.ts';
import { PdqIndex, type PdqRecord } from '../lib/chain/pdq-index.ts';
import { registerContent } from '../lib/chain/register-content.ts';
import { REGISTRY_ADDRESS } from '../lib/chain/registry-address.ts';
import { ANVIL_ACCOUNTS, startTestChain } from '../lib/chain/test-chain.ts';
import { randomHash256 } from '../lib/testing/random-hash.ts';
import { seededRandom } from '../lib/testing/seeded-random.ts';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const hashes = (label: string, n: number): Hex32[] =>
  Array.from({ length: n }, (_, i) => keccak256(toHex(`${label}-${i}`)));

const FIVE: Address[] = [
  ANVIL_ACCOUNTS.publisher,
  ANVIL_ACCOUNTS.stranger,
  ANVIL_ACCOUNTS.other,
  '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
];

async function benchLookup(out: Record<string, number>): Promise<void> {
  const chain = await startTestChain();
  try {
    const page = hashes('bench', 1000);
    // Some hashes registered by some registrants, as on a real page (most are not registered at all).
    const pub = chain.wallet(ANVIL_ACCOUNTS.publisher);
    const single = await registerContent(pub, [{ hash: page[0] as Hex32, kind: 0 }]);
    out.gas_register_single = Number(single.gasUsed);
    const batch = await registerContent(
      pub,
      page.slice(1, 101).map((hash) => ({ hash, kind: 0 as const })),
    );
    out.gas_register_per_hash_batch_100 = Math.round(Number(batch.gasUsed) / 100);
    await registerContent(
      chain.wallet(ANVIL_ACCOUNTS.stranger),
      page.slice(50, 60).map((hash) => ({ hash, kind: 0 as const })),
    );

    const cache = new CodeCache();
    await lookupHashes(chain.client, REGISTRY_ADDRESS, page, FIVE, { codeCache: cache }); // warm-up + getCode
    const times: number[] = [];
    chain.counter.reset();
    const runs = 10;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await lookupHashes(chain.client, REGISTRY_ADDRESS, page, FIVE, { codeCache: cache });
      times.push(performance.now() - t0);
    }
    out.lookup_1000x5_ms = Number(median(times).toFixed(1));
    out.lookup_1000x5_requests = chain.counter.requests.length / runs;
  } finally {
    await chain.stop();
  }
}

async function benchBatcher(out: Record<string, number>): Promise<void> {
  const chains = await Promise.all([startTestChain(), startTestChain()]);
  try {
    const cache = new CodeCache();
    const byId = new Map(chains.map((c, i) => [1000 + i, c]));
    const batcher = createLookupBatcher({
      windowMs: 25,
      lookup: (chainId, hs) => {
        const c = byId.get(chainId);
        if (!c) throw new Error(`unknown chain ${chainId}`);
        return lookupHashes(c.client, REGISTRY_ADDRESS, hs, [ANVIL_ACCOUNTS.publisher], { codeCache: cache });
      },
    });
    const page = hashes('gallery', 200);
    // Warm the code cache so the figure counts lookups only.
    await Promise.all([...byId.keys()].map((id) => batcher.lookup(id, hashes('warm', 1))));
    for (const c of chains) c.counter.reset();
    const t0 = performance.now();
    // 200 images whose hashes become ready a few ms apart, each asking every chain.
    await Promise.all(
      page.map(async (hash, i) => {
        await new Promise((r) => setTimeout(r, i % 15));
        await Promise.all([...byId.keys()].map((id) => batcher.lookup(id, [hash])));
      }),
    );
    out.batcher_200_images_ms = Number((performance.now() - t0).toFixed(1));
    out.batcher_200_images_requests_per_chain = Math.max(...chains.map((c) => c.counter.requests.length));
  } finally {
    await Promise.all(chains.map((c) => c.stop()));
  }
}

function benchPdq(out: Record<string, number>): void {
  const random = seededRandom(0x9e3779b9);
  const pdq = (): Hex32 => toHex32(randomHash256(random));
  const records: PdqRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
    pdq: pdq(),
    chainId: 31337,
    registrant: ANVIL_ACCOUNTS.publisher,
    time: 1_700_000_000 + i,
    flags: 0,
  }));
  const t0 = performance.now();
  const index = new PdqIndex(records);
  out.pdq_index_build_100k_ms = Number((performance.now() - t0).toFixed(0));
  const queries = Array.from({ length: 200 }, (_, i) =>
    i % 4 === 0 ? (records[i * 97]?.pdq as string) : pdq(),
  );
  for (const q of queries.slice(0, 20)) index.match(q);
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (const q of queries) index.match(q);
    rounds.push((performance.now() - t) / queries.length);
  }
  out.pdq_match_100k_ms_per_query = Number(median(rounds).toFixed(3));
}

export async function benchChain(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await benchLookup(out);
  await benchBatcher(out);
  benchPdq(out);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchChain().then(
    (r) => {
      const targets: Record<string, string> = {
        lookup_1000x5_ms: '≤ 50',
        lookup_1000x5_requests: '1',
        batcher_200_images_requests_per_chain: '1',
        pdq_match_100k_ms_per_query: '≤ 5',
      };
      for (const [k, v] of Object.entries(r)) {
        process.stdout.write(
          `${k.padEnd(40)} ${String(v).padStart(10)}${targets[k] ? `   (target ${targets[k]})` : ''}\n`,
        );
      }
    },
    (e: unknown) => {
      process.stderr.write(`bench-chain: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
