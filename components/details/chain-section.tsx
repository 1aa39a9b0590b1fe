import type { ChainConfig } from '../../lib/chain/chains.ts';
import type { BackgroundResponses, ItemDetails } from '../../lib/messages/protocol.ts';
import type { CopyText } from '../common/page-api.ts';
import { AllRegistrations } from './all-registrations.tsx';
import { ChainRecordList } from './chain-record-list.tsx';
import { Section } from './section.tsx';

function statusLine(details: ItemDetails, chains: readonly ChainConfig[]): string {
  const chain = details.evidence.chain;
  if (!chain)
    return details.evidence.fetchError ? 'Not checked: the file could not be fetched.' : 'Not checked.';
  if (chain.state === 'disabled')
    return 'On-chain lookup is off: no chain is enabled. You can enable one in Options.';
  const n = chain.records.length;
  if (n > 0) return `${n} record${n === 1 ? '' : 's'} found.`;
  if (chain.state === 'error')
    return 'The registry could not be checked, so a missing record here means nothing.';
  const names = chains.filter((c) => c.enabled).map((c) => c.name);
  return names.length > 0 ? `No records on ${names.join(', ')}.` : 'No records found.';
}

/** On-chain provenance records, trusted ones first, with the lookup's own problems stated plainly. */
export function ChainSection({
  details,
  chains,
  copy,
  now,
  loadRegistrations,
}: {
  details: ItemDetails;
  chains: readonly ChainConfig[];
  copy: CopyText;
  now: number;
  loadRegistrations?: () => Promise<BackgroundResponses['get-registrations']>;
}) {
  const chain = details.evidence.chain;
  // Trusted, live, exact records say the most; revoked ones the least.
  const records = [...(chain?.records ?? [])].sort(
    (a, b) =>
      Number(a.revoked) - Number(b.revoked) ||
      Number(b.trusted) - Number(a.trusted) ||
      Number(a.match === 'perceptual') - Number(b.match === 'perceptual'),
  );
  return (
    <Section id="chain" title="On-chain records">
      <p className="mb-4 text-sm">{statusLine(details, chains)}</p>
      {chain?.disagreement && (
        <p
          role="alert"
          className="mb-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40"
        >
          The cross-check RPC disagreed with the main one: {chain.disagreement}. Treat these records with
          caution.
        </p>
      )}
      {chain?.errors && chain.errors.length > 0 && (
        <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
          {chain.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <ChainRecordList records={records} chains={chains} copy={copy} now={now} />
      {chain && chain.otherRegistrations > 0 && (
        <p className="muted mt-4 text-sm">
          Other registrations: {chain.otherRegistrations}, by parties not on your trusted list. They are not
          listed here: anyone can register a hash, so they say nothing about origin.
        </p>
      )}
      {loadRegistrations && chain && chain.state !== 'disabled' && (
        <AllRegistrations load={loadRegistrations} chains={chains} copy={copy} now={now} />
      )}
    </Section>
  );
}
