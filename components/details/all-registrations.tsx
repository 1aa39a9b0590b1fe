import { useState } from 'react';
import type { ChainConfig } from '../../lib/chain/chains.ts';
import type { BackgroundResponses } from '../../lib/messages/protocol.ts';
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
          result ? { phase: 'done', result } : { phase: 'failed', message: 'Origin Lens did not answer.' },
        ),
      (error: unknown) =>
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  if (state.phase === 'idle') {
    return (
      <button type="button" className="btn mt-4" onClick={run}>
        Show everyone who registered this
      </button>
    );
  }
  if (state.phase === 'loading')
    return <Spinner label="Reading the registry’s logs…" className="mt-4 text-sm" />;
  if (state.phase === 'failed')
    return <p className="mt-4 text-sm">The logs could not be read: {state.message}</p>;
  const { records, errors, complete } = state.result;
  return (
    <div className="mt-4" aria-live="polite">
      <h3 className="font-medium text-sm">Everyone who registered this hash ({records.length})</h3>
      {records.length === 0 && <p className="muted text-sm">Nobody, in the blocks that were read.</p>}
      <ChainRecordList records={records} chains={chains} copy={copy} now={now} />
      {!complete && (
        <p className="muted mt-2 text-xs">
          Only the most recent blocks were read; older registrations may exist.
        </p>
      )}
      {errors.map((e) => (
        <p key={e} className="mt-2 text-sm">
          {e}
        </p>
      ))}
    </div>
  );
}
