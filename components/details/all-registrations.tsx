import { useState } from 'react';
import type { ChainConfig } from '../../lib/chain/chains.ts';
import type { BackgroundResponses } from '../../lib/messages/protocol.ts';
import { t, uiLanguage } from '../common/i18n.ts';
import type { CopyText } from '../common/page-api.ts';
import { Spinner } from '../common/spinner.tsx';
import { ChainRecordList } from './chain-record-list.tsx';

type Registrations = BackgroundResponses['get-registrations'];
type State =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'done'; result: Registrations }
  | { phase: 'failed'; message: string };

/**
 * Everyone who registered this exact hash, read from the registry's logs when the user asks: a log scan is
 * heavier than the page-wide lookup, and anyone can register a hash, so the list says who claims it, not
 * who made it.
 */
export function AllRegistrations({
  load,
  chains,
  copy,
  now,
}: {
  load: () => Promise<Registrations>;
  chains: readonly ChainConfig[];
  copy: CopyText;
  now: number;
}) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = () => {
    setState({ phase: 'loading' });
    load().then(
      (result) =>
        setState(
          result ? { phase: 'done', result } : { phase: 'failed', message: t('detailsPage.noAnswer') },
        ),
      (error: unknown) =>
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  if (state.phase === 'idle') {
    return (
      <button type="button" className="btn mt-4" onClick={run}>
        {t('detailsChain.showAll')}
      </button>
    );
  }
  if (state.phase === 'loading')
    return <Spinner label={t('detailsChain.readingLogs')} className="mt-4 text-sm" />;
  if (state.phase === 'failed')
    return <p className="mt-4 text-sm">{t('detailsChain.logsFailed', [state.message])}</p>;
  const { records, errors, complete } = state.result;
  return (
    <div className="mt-4" aria-live="polite">
      <h3 className="font-medium text-sm">
        {t('detailsChain.everyone', [records.length.toLocaleString(uiLanguage())])}
      </h3>
      {records.length === 0 && <p className="muted text-sm">{t('detailsChain.nobody')}</p>}
      <ChainRecordList records={records} chains={chains} copy={copy} now={now} />
      {!complete && <p className="muted mt-2 text-xs">{t('detailsChain.incomplete')}</p>}
      {errors.map((e) => (
        <p key={e} className="mt-2 text-sm">
          {e}
        </p>
      ))}
    </div>
  );
}
