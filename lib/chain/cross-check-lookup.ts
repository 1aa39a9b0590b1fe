import { LookupError, type LookupResult } from './lookup.ts';

function fingerprint(result: LookupResult): string {
  if (!result.deployed) return 'not deployed';
  return JSON.stringify(
    result.results.map((r) => [
      r.hash.toLowerCase(),
      r.count,
      r.records
        .map((x) => `${x.registrant.toLowerCase()}:${x.kind}:${x.flags}:${x.time}`)
        .sort()
        .join(','),
    ]),
  );
}

/**
 * Asks two RPC endpoints the same lookup and accepts the answer only if both agree. One lying or stale
 * endpoint can hide or invent records; with a second one chosen by the user, that shows up as a
 * disagreement ("could not check") instead of a wrong badge. A failing second endpoint is an error too:
 * the user asked for the check, so an unchecked answer must not pass as a checked one.
 */
export async function crossCheckedLookup(
  primary: () => Promise<LookupResult>,
  secondary: () => Promise<LookupResult>,
): Promise<LookupResult> {
  const [a, b] = await Promise.allSettled([primary(), secondary()]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') {
    throw new LookupError('rpc', `the cross-check RPC failed (${(b.reason as Error)?.message ?? b.reason})`);
  }
  if (fingerprint(a.value) !== fingerprint(b.value)) {
    throw new LookupError('disagreement', 'the main and the cross-check RPC returned different records');
  }
  return a.value;
}
