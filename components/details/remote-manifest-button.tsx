import { useState } from 'react';
import type { BackgroundResponses } from '../../lib/messages/protocol.ts';
import { t } from '../common/i18n.ts';

export type FetchRemoteManifest = () => Promise<BackgroundResponses['fetch-remote-manifest']>;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The user's way to let Origin Lens ask the host a remote manifest lives on: nothing is requested from that
 * host until this button is pressed (unless the options allow other hosts automatically).
 */
export function RemoteManifestButton({ url, onFetch }: { url: string; onFetch: FetchRemoteManifest }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const host = hostOf(url);
  const run = async () => {
    setState({ busy: true });
    try {
      const result = await onFetch();
      setState({ busy: false, error: result && 'error' in result ? result.error : undefined });
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };
  return (
    <div className="mt-3 flex flex-col items-start gap-2 text-sm">
      <p>{t('detailsC2pa.remoteExplain', [host])}</p>
      <button type="button" className="btn" disabled={state.busy} onClick={run}>
        {state.busy ? t('detailsC2pa.remoteFetching', [host]) : t('detailsC2pa.remoteFetch', [host])}
      </button>
      {state.error && <p role="alert">{state.error}</p>}
    </div>
  );
}
