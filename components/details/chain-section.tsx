import type { ChainConfig } from '../../lib/chain/chains.ts';
import type { BackgroundResponses, ItemDetails } from '../../lib/messages/protocol.ts';
import { t, uiLanguage } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { AllRegistrations } from './all-registrations.tsx';
import { ChainRecordList } from './chain-record-list.tsx';
import { Section } from './section.tsx';

function statusLine(details: ItemDetails, chains: readonly ChainConfig[]): string {
  const chain = details.evidence.chain;
  if (!chain) return t(details.evidence.fetchError ? 'detailsChain.notFetched' : 'detailsChain.notChecked');
  if (chain.state === 'disabled') return t('detailsChain.disabled');
  const n = chain.records.length;
  if (n > 0)
    return t(n === 1 ? 'detailsChain.oneRecord' : 'detailsChain.records', [n.toLocaleString(uiLanguage())]);
  if (chain.state === 'error') return t('detailsChain.registryError');
  const names = chains.filter((c) => c.enabled).map((c) => c.name);
  return names.length > 0 ? t('detailsChain.noRecordsOn', [names.join(', ')]) : t('detailsChain.noRecords');
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
    <Section id="chain" title={t('detailsChain.title')}>
      <p className="mb-4 text-sm">{statusLine(details, chains)}</p>
      {chain?.disagreement && (
        <p
          role="alert"
          className="mb-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40"
        >
          {t('detailsChain.disagreement', [chain.disagreement])}
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
          {t('detailsChain.otherRegistrations', [chain.otherRegistrations.toLocaleString(uiLanguage())])}
        </p>
      )}
      {loadRegistrations && chain && chain.state !== 'disabled' && (
        <AllRegistrations load={loadRegistrations} chains={chains} copy={copy} now={now} />
      )}
    </Section>
  );
}
